/*
 * soak: N calls through the C client against the emulator, with faults mixed
 * in, printing one JSON line: calls, failures, seconds, and the RSS after 10k
 * calls and at the end. Run under scripts/with-emulator.sh: soak [CALLS]
 *
 * The calls cycle create-for-role / list / set-enabled / auth-token on a fresh
 * room per 100 calls (a room holds at most 100 codes). Every 1000 calls a 429
 * and a 503 (both `Retry-After: 0`) are queued for the next listings and a
 * connection reset for the next set-enabled: the client must retry through
 * all of them, so no call fails. The emulator's request log is cleared every
 * 10k calls so that its own memory does not grow.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../bindings/c/tests/emu.h"
#include "hms_room_codes.h"

/* This process's resident set, in bytes (from /proc/self/status). */
static long rss_bytes(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  while (f != NULL && fgets(line, sizeof line, f) != NULL)
    if (sscanf(line, "VmRSS: %ld kB", &kb) == 1) break;
  if (f != NULL) fclose(f);
  return kb * 1024;
}

static void queue_faults(void) {
  emu_fault("{\"method\":\"GET\",\"path\":\"/v2/room-codes/room/\",\"status\":429,\"retry_after\":\"0\"}");
  emu_fault("{\"method\":\"GET\",\"path\":\"/v2/room-codes/room/\",\"status\":503,\"retry_after\":\"0\"}");
  emu_fault("{\"method\":\"POST\",\"path\":\"/v2/room-codes/code\",\"match\":\"exact\",\"action\":\"reset\"}");
}

/* Call `i` of the cycle on `room`, whose latest code is `*code`; 0 on success. */
static int one_call(hms_client *client, const char *room, char *code, int i) {
  hms_error *err = NULL;
  hms_status status = HMS_STATUS_OK;
  if (i % 4 == 0 || code[0] == '\0') {
    hms_room_code *made = NULL;
    status = hms_room_codes_create_for_role(client, NULL, room, "guest", &made, &err);
    if (status == HMS_STATUS_OK) snprintf(code, 64, "%s", made->code);
    hms_room_code_free(made);
  } else if (i % 4 == 1) {
    hms_list_filter filter = {0};
    filter.limit = 100;
    hms_room_code_page *page = NULL;
    status = hms_room_codes_list_page(client, NULL, room, &filter, &page, &err);
    hms_room_code_page_free(page);
  } else if (i % 4 == 2) {
    hms_room_code *updated = NULL;
    status = hms_room_codes_set_enabled(client, NULL, code, true, &updated, &err);
    hms_room_code_free(updated);
  } else {
    hms_auth_token *token = NULL;
    status = hms_auth_token_for_code(client, NULL, code, "soak-user", &token, &err);
    hms_auth_token_free(token);
  }
  if (status != HMS_STATUS_OK) fprintf(stderr, "soak: call %d: %s\n", i, hms_error_message(err));
  hms_error_free(err);
  return status == HMS_STATUS_OK ? 0 : 1;
}

int main(int argc, char **argv) {
  int calls = argc > 1 ? atoi(argv[1]) : 100000;
  hms_client_options *options = hms_client_options_new();
  hms_client *client = NULL;
  hms_error *err = NULL;
  hms_client_options_set_app_keys(options, getenv("HMS_EMULATOR_ACCESS_KEY"), getenv("HMS_EMULATOR_SECRET"));
  hms_client_options_set_base_url(options, getenv("HMS_API_BASE_URL"));
  hms_client_options_set_auth_base_url(options, getenv("HMS_AUTH_BASE_URL"));
  hms_client_options_set_backoff_ms(options, 10, 1000);
  if (calls < 1 || hms_client_new(options, &client, &err)) {
    fprintf(stderr, "soak: %s\n", err ? hms_error_message(err) : "usage: soak [CALLS]");
    hms_error_free(err);
    hms_client_options_free(options);
    return 2;
  }
  hms_client_options_free(options);
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  char *room = NULL, code[64] = "";
  int failures = 0, faults = 0;
  long rss_10k = -1;
  for (int i = 0; i < calls; i++) {
    if (i % 100 == 0) {
      free(room);
      room = emu_create_room(NULL);
      code[0] = '\0';
      if (room == NULL) return 1;
    }
    if (i % 1000 == 500) queue_faults(), faults += 3;
    if (i % 10000 == 0) emu_clear_requests();
    failures += one_call(client, room, code, i);
    if (i + 1 == 10000) rss_10k = rss_bytes();
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  emu_clear_faults();
  printf("{\"binding\":\"c\",\"calls\":%d,\"failures\":%d,\"faults\":%d,\"seconds\":%.1f,\"rss_10k\":%ld,\"rss_end\":%ld}\n",
         calls, failures, faults, (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9, rss_10k,
         rss_bytes());
  free(room);
  hms_client_free(client);
  return failures != 0;
}
