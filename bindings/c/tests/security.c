/* security.c: see security.h. */
#define _POSIX_C_SOURCE 200809L
#include "security.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emu.h"
#include "harness.h"
#include "spawn.h"
#include "vectors.h"

/* The whole of file `path` (malloc'd), or NULL. */
static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  char *text = calloc(1, 64 * 1024);
  size_t n = text != NULL ? fread(text, 1, 64 * 1024 - 1, f) : 0;
  if (text != NULL) text[n] = '\0';
  fclose(f);
  return text;
}

/* Starts an HTTPS emulator with a CA of its own into `tls`; its CA certificate
 * (malloc'd PEM), or NULL (a failed check) when it could not be started. */
static char *tls_emulator(emu_process *tls) {
  char ca_path[] = "/tmp/hms-c-test-ca-XXXXXX";
  int fd = mkstemp(ca_path);
  CHECK(fd >= 0);
  if (fd < 0) return NULL;
  close(fd);
  int started = emu_spawn(ca_path, tls) == 0;
  CHECK(started);
  char *ca_pem = started ? read_file(ca_path) : NULL;
  unlink(ca_path);
  if (ca_pem == NULL && started) emu_stop(tls);
  CHECK(ca_pem != NULL);
  return ca_pem;
}

void test_tls_trust(void) {
  emu_process tls;
  char *ca_pem = tls_emulator(&tls);
  if (ca_pem == NULL) return;
  char base[96];
  snprintf(base, sizeof base, "%s/v2", tls.url);
  CHECK(strncmp(base, "https://127.0.0.1:", 18) == 0);
  const char *token = getenv("HMS_MANAGEMENT_TOKEN");
  hms_room_code_page *page = NULL;
  hms_auth_token *auth = NULL;
  hms_error *err = NULL;

  settings untrusting = {token, 0, -1, base, 0, 0, 0, NULL};
  hms_client *client = client_with(untrusting);
  hms_status status = hms_room_codes_list_page(client, NULL, "room", NULL, &page, &err);
  CHECK(status == HMS_STATUS_NETWORK && page == NULL);
  CHECK(strstr(hms_error_message(err), "certificate is not trusted") != NULL);
  CHECK(strstr(hms_error_message(err), "hms_client_options_set_ca_certificates_pem") != NULL);
  hms_error_free(err);
  err = NULL;
  hms_client_free(client);

  settings trusting = {token, 0, -1, base, 0, 0, 0, ca_pem};
  client = client_with(trusting);
  CHECK_ERROR(hms_room_codes_list_page(client, NULL, "no-such-room", NULL, &page, &err), err,
              HMS_STATUS_ROOM_NOT_FOUND, 404);
  CHECK_ERROR(hms_auth_token_for_code(client, NULL, "no-such-code", NULL, &auth, &err), err,
              HMS_STATUS_CODE_NOT_FOUND, 404);
  hms_client_free(client);

  hms_client_options *options = hms_client_options_new();
  hms_client_options_set_ca_certificates_pem(options, "not a certificate");
  client = NULL;
  CHECK_ERROR(hms_client_new(options, &client, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  CHECK(client == NULL);
  hms_client_options_free(options);
  free(ca_pem);
  emu_stop(&tls);
}

void test_plain_http_needs_the_opt_in(void) {
  hms_client_options *options = hms_client_options_new();
  hms_client *client = NULL;
  hms_error *err = NULL;
  hms_client_options_set_base_url(options, "http://example.invalid/v2");
  hms_client_options_set_auth_base_url(options, "http://example.invalid/v2");
  CHECK_ERROR(hms_client_new(options, &client, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  CHECK(client == NULL);
  hms_client_options_set_allow_insecure_http(options, true);
  CHECK_OK(hms_client_new(options, &client, &err), err);
  CHECK(client != NULL);
  hms_client_free(client);
  hms_client_options_free(options);
}

/* Every operation of faults.json, as a path on `room`. */
static void operation_path(char *buf, size_t size, const char *operation, const char *room) {
  if (strcmp(operation, "set_enabled") == 0) {
    snprintf(buf, size, "/v2/room-codes/code");
  } else if (strcmp(operation, "auth_token_for_code") == 0) {
    snprintf(buf, size, "/v2/token");
  } else {
    room_path(buf, size, room, strcmp(operation, "create_for_role") == 0 ? "host" : NULL);
  }
}

void test_redirect_to_another_host_sends_it_nothing(void) {
  static const char *const operations[] = {"create", "create_for_role", "list_page", "set_enabled",
                                           "auth_token_for_code"};
  static const int statuses[] = {301, 302, 303, 307, 308};
  emu_process other;
  CHECK(emu_spawn(NULL, &other) == 0);
  settings s = {getenv("HMS_MANAGEMENT_TOKEN"), 0, -1, NULL, 0, 0, 0, NULL};
  hms_client *client = client_with(s);
  char *room = new_room();
  char *code = new_code(client, room, "guest");
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
    for (size_t op = 0; op < sizeof operations / sizeof operations[0]; op++) {
      char path[256], fields[512];
      operation_path(path, sizeof path, operations[op], room);
      snprintf(fields, sizeof fields, "\"action\":\"redirect\",\"status\":%d,\"location\":\"%s%s\"", statuses[i],
               other.url, path);
      fault(strcmp(operations[op], "list_page") == 0 ? "GET" : "POST", path, fields);
      hms_error *err = run_operation(client, operations[op], room, code);
      CHECK_ERROR(err ? hms_error_status(err) : HMS_STATUS_OK, err, HMS_STATUS_UNEXPECTED_STATUS, statuses[i]);
    }
  }
  CHECK(emu_log_count(other.url, NULL, NULL) == 0);
  free(code);
  free(room);
  hms_client_free(client);
  emu_stop(&other);
}

#define SECRET_TOKEN "c-m4n4gement-token-5b1e"
#define SECRET_APP "c-s3cr3t-app-secret-8a4f"

/* Appends the message and details of `err` to `shown` (of `size` bytes), and frees it. */
static void show(char *shown, size_t size, hms_error *err) {
  size_t len = strlen(shown);
  snprintf(shown + len, size - len, "%s\n", hms_error_message(err));
  for (size_t i = 0; i < hms_error_details_count(err); i++) {
    len = strlen(shown);
    snprintf(shown + len, size - len, "%s\n", hms_error_details_at(err, i));
  }
  hms_error_free(err);
}

/* Fails when `shown` holds a sent bearer token of the emulator's log. */
static void check_no_sent_token(const char *shown) {
  char *log = emu_log(NULL);
  CHECK(log != NULL);
  static const char key[] = "\"authorization\":\"Bearer ";
  int jwts = 0;
  for (const char *p = log ? strstr(log, key) : NULL; p != NULL; p = strstr(p, key)) {
    p += strlen(key);
    size_t len = strcspn(p, "\"");
    char *token = malloc(len + 1);
    memcpy(token, p, len);
    token[len] = '\0';
    jwts += strncmp(token, "ey", 2) == 0;
    CHECK(strstr(shown, token) == NULL);
    free(token);
  }
  CHECK(jwts > 0);
  free(log);
}

void test_no_secret_in_error_messages(void) {
  static char shown[64 * 1024];
  static const char *const faults[] = {NULL,
                                       "\"status\":500",
                                       "\"status\":429,\"retry_after\":\"60\"",
                                       "\"action\":\"not_json\"",
                                       "\"action\":\"reset\"",
                                       "\"action\":\"redirect\"",
                                       "\"delay_ms\":700"};
  shown[0] = '\0';
  settings fixed = {SECRET_TOKEN, 300, 0, NULL, 0, 0, 0, NULL};
  hms_client *clients[2] = {client_with(fixed), NULL};
  hms_client_options *options = hms_client_options_new();
  hms_error *err = NULL;
  hms_client_options_set_base_url(options, getenv("HMS_API_BASE_URL"));
  hms_client_options_set_app_keys(options, getenv("HMS_EMULATOR_ACCESS_KEY"), SECRET_APP);
  hms_client_options_set_timeout_ms(options, 300);
  hms_client_options_set_max_retries(options, 0);
  CHECK_OK(hms_client_new(options, &clients[1], &err), err);
  char *room = new_room();
  char path[256];
  room_path(path, sizeof path, room, NULL);
  CHECK(emu_clear_requests() == 0);
  for (size_t c = 0; c < 2; c++) {
    for (size_t f = 0; f < sizeof faults / sizeof faults[0]; f++) {
      CHECK(emu_clear_faults() == 0);
      if (faults[f] != NULL) fault("GET", path, faults[f]);
      hms_room_code_page *page = NULL;
      CHECK(hms_room_codes_list_page(clients[c], NULL, room, NULL, &page, &err) != HMS_STATUS_OK);
      show(shown, sizeof shown, err);
      err = NULL;
    }
    hms_client_free(clients[c]);
  }
  hms_client_options_set_management_token(options, SECRET_TOKEN "\n");
  hms_client *refused = NULL;
  CHECK(hms_client_new(options, &refused, &err) == HMS_STATUS_INVALID_ARGUMENT);
  show(shown, sizeof shown, err);
  err = NULL;
  hms_client_options_set_app_keys(options, "key", SECRET_APP "\a");
  CHECK(hms_client_new(options, &refused, &err) == HMS_STATUS_INVALID_ARGUMENT);
  show(shown, sizeof shown, err);
  CHECK(strstr(shown, SECRET_TOKEN) == NULL && strstr(shown, SECRET_APP) == NULL);
  check_no_sent_token(shown);
  hms_client_options_free(options);
  free(room);
}

/* Appends each event's line, name, attempt, level and request id to the buffer `user` points to. */
static void keep_event(const hms_event *event, void *user) {
  char *lines = user;
  size_t len = strlen(lines);
  const char *level = event->level == HMS_EVENT_LEVEL_DEBUG ? "debug"
                      : event->level == HMS_EVENT_LEVEL_INFO ? "info"
                                                              : "warn";
  snprintf(lines + len, 64 * 1024 - len, "%s|%s|%u|%s|%s\n", event->line, event->name, event->attempt, level,
           event->request_id != NULL ? event->request_id : "-");
}

void test_events_show_no_secret(void) {
  static char lines[64 * 1024];
  lines[0] = '\0';
  const char *secret = getenv("HMS_EMULATOR_SECRET");
  hms_client_options *options = hms_client_options_new();
  hms_error *err = NULL;
  hms_client_options_set_base_url(options, getenv("HMS_API_BASE_URL"));
  hms_client_options_set_app_keys(options, getenv("HMS_EMULATOR_ACCESS_KEY"), secret);
  hms_client_options_set_backoff_ms(options, 1, 1);
  hms_client_options_set_event_callback(options, keep_event, lines);
  hms_client *client = NULL;
  CHECK_OK(hms_client_new(options, &client, &err), err);
  hms_client_options_free(options);
  char *room = new_room();
  char path[256];
  room_path(path, sizeof path, room, NULL);
  CHECK(emu_clear_requests() == 0);
  fault("GET", path, "\"status\":503,\"count\":1");
  hms_room_code_page *page = NULL;
  CHECK_OK(hms_room_codes_list_page(client, NULL, room, NULL, &page, &err), err);
  hms_room_code_page_free(page);
  CHECK(strstr(lines, "hms attempt_started operation=hms_room_codes_list_page attempt=1 method=GET path=/") != NULL);
  CHECK(strstr(lines, "status=503") != NULL && strstr(lines, "reason=server_error") != NULL);
  CHECK(strstr(lines, "|response|2|debug|emu-") != NULL);
  CHECK(strstr(lines, "hms call_ended operation=hms_room_codes_list_page result=ok") != NULL);
  CHECK(strstr(lines, "attempts=2|call_ended|2|info|") != NULL);

  /* One retry at most for this call: the second 503 ends it, naming the request. */
  hms_call_options one_try = {0};
  one_try.max_retries_set = true;
  fault("GET", path, "\"status\":503,\"count\":2");
  CHECK(hms_room_codes_list_page(client, &one_try, room, NULL, &page, &err) == HMS_STATUS_SERVER);
  CHECK(hms_error_request_id(err) != NULL && strncmp(hms_error_request_id(err), "emu-", 4) == 0);
  CHECK(strstr(lines, "result=server elapsed_ms=") != NULL);
  CHECK(strstr(lines, "attempts=1|call_ended|1|warn|") != NULL);
  hms_error_free(err);
  CHECK(hms_error_request_id(NULL) == NULL);

  CHECK(strstr(lines, secret) == NULL && strstr(lines, "eyJ") == NULL);
  CHECK(strstr(lines, "Bearer") == NULL);
  check_no_sent_token(lines);
  hms_client_free(client);
  free(room);
}

/* CONNECT requests to 127.0.0.1 in the log of the tinyproxy of scripts/with-proxy.sh. */
static int proxy_connects(void) {
  char *log = read_file(getenv("HMS_TEST_PROXY_LOG"));
  int count = 0;
  for (const char *p = log; p != NULL && (p = strstr(p, "): CONNECT 127.0.0.1:")) != NULL; p++) count++;
  free(log);
  return count;
}

/* The room is unknown: HMS_STATUS_ROOM_NOT_FOUND proves the request reached the emulator. */
static hms_status ask_through(const char *base, const char *ca_pem, const char *proxy) {
  hms_client_options *options = hms_client_options_new();
  hms_error *err = NULL;
  hms_client_options_set_base_url(options, base);
  hms_client_options_set_management_token(options, getenv("HMS_MANAGEMENT_TOKEN"));
  /* The system's CAs too: the emulator's own CA is still the one that counts. */
  hms_client_options_set_system_trust_store(options, true);
  if (ca_pem != NULL) hms_client_options_set_ca_certificates_pem(options, ca_pem);
  hms_client_options_set_max_retries(options, 0);
  if (proxy != NULL) hms_client_options_set_proxy(options, proxy);
  hms_client *client = NULL;
  hms_status status = hms_client_new(options, &client, &err);
  hms_client_options_free(options);
  if (status == HMS_STATUS_OK) {
    hms_room_code_page *page = NULL;
    status = hms_room_codes_list_page(client, NULL, "no-such-room", NULL, &page, &err);
    hms_room_code_page_free(page);
  }
  hms_error_free(err);
  hms_client_free(client);
  return status;
}

void test_https_through_a_proxy(void) {
  const char *proxy = getenv("HMS_TEST_PROXY_URL");
  CHECK(proxy != NULL);
  if (proxy == NULL) return;
  emu_process tls;
  char *ca_pem = tls_emulator(&tls);
  if (ca_pem == NULL) return;
  char base[96];
  snprintf(base, sizeof base, "%s/v2", tls.url);
  int before = proxy_connects();
  CHECK(ask_through(base, ca_pem, proxy) == HMS_STATUS_ROOM_NOT_FOUND);
  int explicit_proxy = proxy_connects();
  CHECK(explicit_proxy > before);
  /* The environment, read when the client is made (no other thread runs now). */
  setenv("HTTPS_PROXY", proxy, 1);
  CHECK(ask_through(base, ca_pem, NULL) == HMS_STATUS_ROOM_NOT_FOUND);
  int from_env = proxy_connects();
  CHECK(from_env > explicit_proxy);
  setenv("NO_PROXY", "127.0.0.1", 1);
  CHECK(ask_through(base, ca_pem, NULL) == HMS_STATUS_ROOM_NOT_FOUND);
  CHECK(proxy_connects() == from_env);
  unsetenv("NO_PROXY");
  setenv("HTTPS_PROXY", "http://127.0.0.1:1", 1);
  CHECK(ask_through(base, ca_pem, NULL) == HMS_STATUS_NETWORK);
  setenv("HTTPS_PROXY", "socks5://127.0.0.1:1", 1);
  CHECK(ask_through(base, ca_pem, NULL) == HMS_STATUS_INVALID_ARGUMENT);
  unsetenv("HTTPS_PROXY");
  /* The system's CAs alone do not trust the emulator's. */
  CHECK(ask_through(base, NULL, NULL) == HMS_STATUS_NETWORK);
  free(ca_pem);
  emu_stop(&tls);
}
