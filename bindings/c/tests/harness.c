/* harness.c: see harness.h. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu.h"

atomic_int failed_checks;

void check_error(const char *file, int line, hms_status status, hms_error **err_slot, hms_status want, int http) {
  hms_error *err = *err_slot;
  *err_slot = NULL;
  int ok = status == want && err != NULL && hms_error_status(err) == want &&
           strcmp(hms_error_kind_name(err), hms_status_name(want)) == 0 && hms_error_message(err)[0] != '\0' &&
           (http < 0 || hms_error_http_status(err) == http);
  if (!ok) {
    fprintf(stderr, "    %s:%d: wanted %s (HTTP %d), got %s: %s: %s (HTTP %u)\n", file, line,
            hms_status_name(want), http, hms_status_name(status), hms_error_kind_name(err),
            hms_error_message(err), (unsigned)hms_error_http_status(err));
    atomic_fetch_add(&failed_checks, 1);
  }
  hms_error_free(err);
}

void check_ok(const char *file, int line, hms_status status, hms_error **err) {
  if (status != HMS_STATUS_OK) {
    fprintf(stderr, "    %s:%d: failed: %s: %s\n", file, line, hms_status_name(status), hms_error_message(*err));
    atomic_fetch_add(&failed_checks, 1);
    hms_error_free(*err);
    *err = NULL;
  }
}

double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

hms_client *client_with(settings s) {
  hms_client_options *options = hms_client_options_new();
  hms_error *err = NULL;
  const char *base = s.base_url ? s.base_url : getenv("HMS_API_BASE_URL");
  hms_client_options_set_base_url(options, base);
  hms_client_options_set_auth_base_url(options, base);
  if (s.token != NULL) {
    hms_client_options_set_management_token(options, s.token);
  } else {
    hms_client_options_set_app_keys(options, getenv("HMS_EMULATOR_ACCESS_KEY"), getenv("HMS_EMULATOR_SECRET"));
  }
  if (s.timeout_ms > 0) hms_client_options_set_timeout_ms(options, s.timeout_ms);
  if (s.max_retries >= 0) hms_client_options_set_max_retries(options, (uint32_t)s.max_retries);
  hms_client_options_set_backoff_ms(options, s.backoff_base_ms ? s.backoff_base_ms : 10,
                                    s.backoff_cap_ms ? s.backoff_cap_ms : 2000);
  if (s.max_response_bytes > 0) hms_client_options_set_max_response_bytes(options, s.max_response_bytes);
  if (s.ca_pem != NULL) hms_client_options_set_ca_certificates_pem(options, s.ca_pem);
  hms_client *client = NULL;
  CHECK_OK(hms_client_new(options, &client, &err), err);
  hms_client_options_free(options);
  return client;
}

hms_client *new_client(void) {
  settings s = {NULL, 0, -1, NULL, 0, 0, 0, NULL};
  return client_with(s);
}

char *new_room(void) {
  char *room = emu_create_room(NULL);
  CHECK(room != NULL);
  return room;
}

char *new_code(hms_client *client, const char *room, const char *role) {
  hms_room_code *code = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_room_codes_create_for_role(client, NULL, room, role, &code, &err), err);
  char *text = NULL;
  if (code != NULL) {
    text = malloc(strlen(code->code) + 1);
    strcpy(text, code->code);
  }
  hms_room_code_free(code);
  return text;
}

void fault(const char *method, const char *path, const char *fields) {
  static const char format[] = "{\"method\":\"%s\",\"path\":\"%s\",\"match\":\"exact\",%s}";
  size_t size = sizeof format + strlen(method) + strlen(path) + strlen(fields);
  char *rule = malloc(size);
  CHECK(rule != NULL);
  if (rule == NULL) return;
  snprintf(rule, size, format, method, path, fields);
  CHECK(emu_fault(rule) == 0);
  free(rule);
}

void room_path(char *buf, size_t size, const char *room, const char *role) {
  if (role != NULL) {
    snprintf(buf, size, "/v2/room-codes/room/%s/role/%s", room, role);
  } else {
    snprintf(buf, size, "/v2/room-codes/room/%s", room);
  }
}

void room_fault(const char *method, const char *room, const char *role, const char *fields) {
  char path[256];
  room_path(path, sizeof path, room, role);
  fault(method, path, fields);
}
