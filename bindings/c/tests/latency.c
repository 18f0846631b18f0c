/*
 * latency: prints the latency of hms_room_codes_create_for_role, like the Rust
 * example `latency`. Run under scripts/with-emulator.sh: latency [CALLS]
 * A room holds at most 100 codes, so a new room is made every 100 calls.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "emu.h"
#include "hms_room_codes.h"

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int calls = argc > 1 ? atoi(argv[1]) : 1000;
  if (calls < 1) return 2;
  hms_client *client = NULL;
  hms_error *err = NULL;
  if (hms_client_new_from_env(&client, &err) != HMS_STATUS_OK) {
    fprintf(stderr, "latency: %s\n", hms_error_message(err));
    hms_error_free(err);
    return 1;
  }
  double *samples = malloc(sizeof *samples * (size_t)calls);
  char *room = NULL;
  int exit_code = 0;
  for (int i = 0; i < calls && exit_code == 0; i++) {
    if (i % 100 == 0) {
      free(room);
      room = emu_create_room(NULL);
      if (room == NULL) {
        exit_code = 1;
        break;
      }
    }
    hms_room_code *code = NULL;
    double start = now_us();
    if (hms_room_codes_create_for_role(client, NULL, room, "guest", &code, &err) != HMS_STATUS_OK) {
      fprintf(stderr, "latency: %s\n", hms_error_message(err));
      hms_error_free(err);
      exit_code = 1;
    }
    samples[i] = now_us() - start;
    hms_room_code_free(code);
  }
  if (exit_code == 0) {
    qsort(samples, (size_t)calls, sizeof *samples, by_value);
    double total = 0;
    for (int i = 0; i < calls; i++) total += samples[i];
#define AT(q) samples[(int)((calls - 1) * (q) + 0.5)]
    printf("create_for_role x%d: median %.1fus  p90 %.1fus  p99 %.1fus  mean %.1fus\n", calls, AT(0.5), AT(0.9),
           AT(0.99), total / calls);
  }
  free(samples);
  free(room);
  hms_client_free(client);
  return exit_code;
}
