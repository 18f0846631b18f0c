/*
 * throughput: the C client against what a C user would write without it
 * (libcurl + cJSON decoding into structs, curl_json.c) and against a raw
 * keep-alive HTTP loop that parses nothing (raw_http.c, the limit line), all
 * doing the same requests to the emulator: create-for-role (a new guest
 * code) and list (one page of 100), at 1 and 32 threads, interleaved in
 * rounds. Prints one JSON object per line. Run under scripts/with-emulator.sh:
 *   throughput [ROUNDS]
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../bindings/c/tests/emu.h"
#include "hms_room_codes.h"
#include "curl_json.h"
#include "raw_http.h"

enum { CREATE, LIST };
enum { SDK, CURL_JSON, RAW, CLIENT_COUNT };
static const char *const OPERATIONS[] = {"create_for_role", "list"};
static const char *const CLIENTS[] = {"hms-room-codes", "libcurl + cJSON", "raw keep-alive"};

/* One batch: `calls` calls shared by `threads` threads. */
typedef struct {
  int operation, client, calls;
  char **rooms;      /* create: a fresh room per 100 calls */
  const char *list;  /* list: a room of 100 codes */
  hms_client *sdk;
  atomic_int next;
  double *latencies; /* microseconds, one per call */
  atomic_int failures;
} batch;

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* One call through the SDK; 0 on success. */
static int sdk_call(batch *b, int i) {
  hms_error *err = NULL;
  hms_status status;
  if (b->operation == CREATE) {
    hms_room_code *code = NULL;
    status = hms_room_codes_create_for_role(b->sdk, NULL, b->rooms[i / 100], "guest", &code, &err);
    hms_room_code_free(code);
  } else {
    hms_list_filter filter = {0};
    filter.limit = 100;
    hms_room_code_page *page = NULL;
    status = hms_room_codes_list_page(b->sdk, NULL, b->list, &filter, &page, &err);
    hms_room_code_page_free(page);
  }
  hms_error_free(err);
  return status == HMS_STATUS_OK ? 0 : -1;
}

/* One call over the raw connection `fd`; 0 on success. */
static int raw_call(batch *b, int i, int fd) {
  char path[256];
  if (b->operation == CREATE) {
    snprintf(path, sizeof path, "/v2/room-codes/room/%s/role/guest", b->rooms[i / 100]);
    return raw_request(fd, "POST", path) == 200 ? 0 : -1;
  }
  snprintf(path, sizeof path, "/v2/room-codes/room/%s?limit=100", b->list);
  return raw_request(fd, "GET", path) == 200 ? 0 : -1;
}

/* One call through libcurl + cJSON; 0 on success. */
static int curl_call(batch *b, int i, curl_json *curl) {
  if (b->operation == CREATE) return curl_json_create_for_role(curl, b->rooms[i / 100], "guest");
  return curl_json_list_page(curl, b->list, 100) == 100 ? 0 : -1;
}

static void *worker(void *arg) {
  batch *b = arg;
  int fd = b->client == RAW ? raw_connect() : -1;
  curl_json *curl = b->client == CURL_JSON ? curl_json_new() : NULL;
  for (int i = atomic_fetch_add(&b->next, 1); i < b->calls; i = atomic_fetch_add(&b->next, 1)) {
    double start = now_us();
    int failed = b->client == SDK ? sdk_call(b, i) : b->client == RAW ? raw_call(b, i, fd) : curl_call(b, i, curl);
    if (failed != 0) atomic_fetch_add(&b->failures, 1);
    b->latencies[i] = now_us() - start;
  }
  if (fd >= 0) close(fd);
  curl_json_free(curl);
  return NULL;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Runs every round of one operation at one concurrency and prints a line per client. */
static int measure(hms_client *sdk, const char *list_room, int operation, int threads, int calls, int rounds) {
  double *all[CLIENT_COUNT], seconds[CLIENT_COUNT] = {0};
  for (int c = 0; c < CLIENT_COUNT; c++) all[c] = malloc(sizeof(double) * (size_t)(calls * rounds));
  for (int round = 0; round < rounds; round++) {
    for (int k = 0; k < CLIENT_COUNT; k++) {
      int client = (k + round) % CLIENT_COUNT;
      batch b = {.operation = operation, .client = client, .calls = calls, .list = list_room, .sdk = sdk};
      b.latencies = all[client] + round * calls;
      b.rooms = calloc((size_t)(calls / 100 + 1), sizeof(char *));
      for (int r = 0; operation == CREATE && r <= calls / 100; r++) b.rooms[r] = emu_create_room(NULL);
      emu_clear_requests();
      pthread_t ids[64];
      double start = now_us();
      for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, &b);
      for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
      seconds[client] += (now_us() - start) / 1e6;
      for (int r = 0; r <= calls / 100; r++) free(b.rooms[r]);
      free(b.rooms);
      if (b.failures > 0) {
        fprintf(stderr, "throughput: %d of %d %s calls failed\n", (int)b.failures, calls, CLIENTS[client]);
        return 1;
      }
    }
  }
  int n = calls * rounds;
  for (int c = 0; c < CLIENT_COUNT; c++) {
    qsort(all[c], (size_t)n, sizeof(double), by_value);
    printf("{\"binding\":\"c\",\"client\":\"%s\",\"operation\":\"%s\",\"concurrency\":%d,\"calls\":%d,"
           "\"rps\":%.1f,\"p50_ms\":%.4f,\"p99_ms\":%.4f}\n",
           CLIENTS[c], OPERATIONS[operation], threads, n, n / seconds[c], all[c][(int)((n - 1) * 0.5 + 0.5)] / 1e3,
           all[c][(int)((n - 1) * 0.99 + 0.5)] / 1e3);
    free(all[c]);
  }
  fflush(stdout);
  return 0;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 3;
  hms_client *sdk = NULL;
  hms_error *err = NULL;
  if (rounds < 1 || curl_json_global_init() != 0 || hms_client_new_from_env(&sdk, &err) != HMS_STATUS_OK) {
    fprintf(stderr, "throughput: %s\n", err ? hms_error_message(err) : "usage: throughput [ROUNDS]");
    hms_error_free(err);
    return 2;
  }
  char *list_room = emu_create_room(NULL);
  char path[256];
  snprintf(path, sizeof path, "/v2/room-codes/room/%s/role/guest", list_room ? list_room : "");
  for (int i = 0; list_room != NULL && i < 100; i++) emu_request("POST", path, NULL, NULL);
  int failed = list_room == NULL;
  const int threads[] = {1, 32}, calls[] = {1000, 3000};
  for (int t = 0; t < 2 && !failed; t++)
    for (int op = CREATE; op <= LIST && !failed; op++) failed = measure(sdk, list_room, op, threads[t], calls[t], rounds);
  free(list_room);
  hms_client_free(sdk);
  return failed;
}
