/*
 * sans_io_curl.c: the sans-IO C API driven by libcurl's easy interface, for
 * programs that do their own I/O (an event loop, a curl multi handle, an HTTP
 * stack of their own). The library decides everything about a call: the signed
 * request, each attempt's timeout, the deadline, retries, backoff and
 * Retry-After, token renewal, the result or the error. This program only
 * sends each request, waits when told to, reads the result, and tells each
 * step the time on its monotonic clock (the library reads none for a call's
 * deadline, timeouts and waits).
 *
 * It creates a code for every role of a room, lists the room's codes, and
 * prints them. Environment: as quickstart.c (HMS_ROOM_ID and credentials).
 *
 * Build:   cc sans_io_curl.c $(pkg-config --cflags --libs hms_room_codes libcurl)
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hms_room_codes.h"

/* A growing byte buffer, capped: the library says how much body it reads. */
typedef struct {
  char *data;
  size_t len;
  size_t cap;
  int overflow;
} buffer;

static size_t append(char *bytes, size_t size, size_t count, void *userdata) {
  buffer *b = userdata;
  size_t n = size * count;
  if (b->len + n > b->cap) {
    b->overflow = 1;
    return 0; /* ends the transfer: CURLE_WRITE_ERROR */
  }
  char *grown = realloc(b->data, b->len + n + 1);
  if (grown == NULL) return 0;
  memcpy(grown + b->len, bytes, n);
  b->data = grown;
  b->len += n;
  return n;
}

/* libcurl's error for an attempt, as the library's failure kinds. */
static hms_failure failure_of(CURLcode code, int overflow) {
  if (overflow) return HMS_FAILURE_BODY_TOO_LARGE;
  switch (code) {
  case CURLE_COULDNT_RESOLVE_HOST: return HMS_FAILURE_HOST_NOT_FOUND;
  case CURLE_COULDNT_CONNECT: return HMS_FAILURE_REFUSED;
  case CURLE_OPERATION_TIMEDOUT: return HMS_FAILURE_TIMEOUT;
  case CURLE_GOT_NOTHING:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_PARTIAL_FILE: return HMS_FAILURE_CONNECTION_CLOSED;
  case CURLE_WEIRD_SERVER_REPLY: return HMS_FAILURE_NOT_HTTP;
  case CURLE_PEER_FAILED_VERIFICATION: return HMS_FAILURE_TLS_UNTRUSTED;
  case CURLE_SSL_CONNECT_ERROR: return HMS_FAILURE_TLS_OTHER;
  default: return HMS_FAILURE_OTHER;
  }
}

/* The time now on the monotonic clock, in milliseconds: what every hms_call
 * function is told. */
static uint64_t now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/* Sends the request of a SEND step with `curl` and feeds the outcome back to
 * `call`, which writes the next step over `step`. */
static hms_status send_step(CURL *curl, hms_call *call, hms_step *step, hms_error **err) {
  buffer body = {NULL, 0, step->max_response_bytes + 1, 0};
  buffer headers = {NULL, 0, 64 * 1024, 0};
  struct curl_slist *list = NULL;
  for (size_t i = 0; i < step->headers_len; i++) {
    size_t n = strlen(step->headers[i].name) + strlen(step->headers[i].value) + 3;
    char *line = malloc(n);
    if (line == NULL) break;
    snprintf(line, n, "%s: %s", step->headers[i].name, step->headers[i].value);
    list = curl_slist_append(list, line);
    free(line);
  }
  list = curl_slist_append(list, "Expect:"); /* no 100-continue round trip */
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, step->url);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, step->method);
  if (step->body != NULL) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, (const char *)step->body);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)step->body_len);
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)step->timeout_ms);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &headers);
  CURLcode code = curl_easy_perform(curl);
  hms_status status;
  if (code == CURLE_OK) {
    long http_status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http_status);
    status = hms_call_on_response(call, now_ms(), (uint16_t)http_status, (const uint8_t *)headers.data,
                                  headers.len, (const uint8_t *)body.data, body.len, step, err);
  } else {
    status = hms_call_on_failure(call, now_ms(), failure_of(code, body.overflow), step, err);
  }
  curl_slist_free_all(list);
  free(body.data);
  free(headers.data);
  return status;
}

static void sleep_ms(uint64_t ms) {
  struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

/* Steps `call` to its end: send, wait, repeat, as the library says. */
static hms_status drive(CURL *curl, hms_call *call, hms_error **err) {
  hms_step step;
  hms_status status = hms_call_next(call, now_ms(), &step, err);
  while (status == HMS_STATUS_OK) {
    if (step.kind == HMS_STEP_KIND_SEND) {
      status = send_step(curl, call, &step, err);
    } else if (step.kind == HMS_STEP_KIND_WAIT) {
      printf("[c sans-io] waiting %llu ms, as the library says\n", (unsigned long long)step.wait_ms);
      sleep_ms(step.wait_ms);
      status = hms_call_next(call, now_ms(), &step, err);
    } else {
      return HMS_STATUS_OK; /* DONE: the hms_call_take_* function has the result */
    }
  }
  return status;
}

static int report(const char *what, hms_error *err) {
  fprintf(stderr, "[c sans-io] %s failed: %s: %s\n", what, hms_error_kind_name(err), hms_error_message(err));
  hms_error_free(err);
  return 1;
}

int main(void) {
  const char *room_id = getenv("HMS_ROOM_ID");
  if (room_id == NULL) {
    fprintf(stderr, "[c sans-io] set HMS_ROOM_ID and credentials, as for quickstart.c\n");
    return 2;
  }
  int exit_code = 1;
  hms_error *err = NULL;
  hms_core *core = NULL;
  hms_call *call = NULL;
  hms_room_code_list *codes = NULL, *all = NULL;
  CURL *curl = NULL;
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || (curl = curl_easy_init()) == NULL) {
    fprintf(stderr, "[c sans-io] libcurl did not start\n");
    return 1;
  }
  if (hms_core_new_from_env(&core, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_core_new_from_env", err);
    goto done;
  }

  /* A code for every role, within 10 s in all. */
  if (hms_call_create(core, now_ms(), 10000, room_id, &call, &err) != HMS_STATUS_OK ||
      drive(curl, call, &err) != HMS_STATUS_OK || hms_call_take_codes(call, &codes, &err) != HMS_STATUS_OK) {
    exit_code = report("create", err);
    goto done;
  }
  hms_call_free(call);
  call = NULL;
  for (size_t i = 0; i < codes->len; i++) printf("[c sans-io] created %-7s %s\n", codes->items[i].role, codes->items[i].code);

  /* Every page of the room's codes: one call, one request per page. */
  hms_list_filter two_per_page = {0};
  two_per_page.limit = 2;
  if (hms_call_list(core, now_ms(), 10000, room_id, &two_per_page, &call, &err) != HMS_STATUS_OK ||
      drive(curl, call, &err) != HMS_STATUS_OK || hms_call_take_codes(call, &all, &err) != HMS_STATUS_OK) {
    exit_code = report("list", err);
    goto done;
  }
  printf("[c sans-io] listed %zu codes\n", all->len);
  exit_code = all->len >= codes->len ? 0 : 1;

done:
  hms_call_free(call);
  hms_room_code_list_free(codes);
  hms_room_code_list_free(all);
  hms_core_free(core);
  curl_easy_cleanup(curl);
  curl_global_cleanup();
  return exit_code;
}
