/*
 * test_c.c: the C API against the emulator: every operation, every error kind,
 * NULL / invalid UTF-8 / empty arguments, deadlines and cancellation, and 16
 * threads x 200 calls on one client; with the shared vectors (vectors.c) and the
 * safety tests (security.c). Everything it gets is freed (run it under valgrind
 * or ASan to check). The last line is "N passed, M failed".
 *
 * Run under scripts/with-emulator.sh (it needs HMS_EMULATOR_URL and the
 * credentials the script exports).
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "emu.h"
#include "harness.h"
#include "hms_room_codes.h"
#include "security.h"
#include "vectors.h"

/* ---- version, names, options ------------------------------------------------ */

static void test_version_and_status_names(void) {
  CHECK(strcmp(hms_version(), HMS_ROOM_CODES_VERSION) == 0);
  CHECK(HMS_ROOM_CODES_VERSION_NUMBER ==
        HMS_ROOM_CODES_VERSION_MAJOR * 10000 + HMS_ROOM_CODES_VERSION_MINOR * 100 + HMS_ROOM_CODES_VERSION_PATCH);
  test_status_names_match_the_enum();
  CHECK(HMS_STATUS_ROOM_NOT_FOUND == 5 && HMS_STATUS_INTERNAL == 16);
  CHECK(strcmp(hms_status_name(17), "unknown") == 0);
  CHECK(hms_error_status(NULL) == HMS_STATUS_OK && strcmp(hms_error_kind_name(NULL), "ok") == 0);
  CHECK(strcmp(hms_error_message(NULL), "") == 0 && hms_error_details_at(NULL, 0) == NULL);
}

static void test_options_and_client_new(void) {
  hms_client_options *options = hms_client_options_new();
  hms_client *client = NULL;
  hms_error *err = NULL;
  CHECK(options != NULL);
  hms_client_options_set_base_url(NULL, "https://x.test/v2"); /* ignored */
  CHECK_OK(hms_client_new(options, &client, &err), err);
  CHECK(client != NULL);
  hms_client_free(client);
  client = NULL;
  /* Setters only store; hms_client_new reports the first argument it could not read, by setter. */
  hms_client_options *unreadable = hms_client_options_new();
  hms_client_options_set_app_keys(unreadable, "key", "\xff");
  hms_client_options_set_base_url(unreadable, NULL);
  CHECK(hms_client_new(unreadable, &client, &err) == HMS_STATUS_INVALID_ARGUMENT && client == NULL);
  CHECK(strcmp(hms_error_message(err), "hms_client_options_set_app_keys: app_secret is not valid UTF-8") == 0);
  hms_error_free(err);
  err = NULL;
  hms_client_options_free(unreadable);
  hms_client_options_set_timeout_ms(options, 0);
  CHECK_ERROR(hms_client_new(options, &client, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  hms_client_options_set_timeout_ms(options, 1000);
  hms_client_options_set_max_retries(options, 0);
  hms_client_options_set_max_response_bytes(options, 1 << 20);
  hms_client_options_set_management_token(options, "   ");
  CHECK_ERROR(hms_client_new(options, &client, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  CHECK(hms_client_new(NULL, &client, NULL) == HMS_STATUS_INVALID_ARGUMENT);
  CHECK(hms_client_new(options, NULL, NULL) == HMS_STATUS_INVALID_ARGUMENT);
  hms_client_options_free(options);
  hms_client_options_free(NULL);
  hms_client_free(NULL);

  CHECK_OK(hms_client_new_from_env(&client, &err), err);
  CHECK(client != NULL);
  hms_client_free(client);
}

/* Sets (or, for NULL, unsets) HMS_ACCESS_KEY, HMS_SECRET and HMS_MANAGEMENT_TOKEN,
 * then checks what hms_client_new_from_env gives; `names` must be in its message. */
static void check_from_env(const char *key, const char *secret, const char *token, hms_status want,
                           const char *names) {
  const char *vars[3][2] = {{"HMS_ACCESS_KEY", key}, {"HMS_SECRET", secret}, {"HMS_MANAGEMENT_TOKEN", token}};
  for (int i = 0; i < 3; i++) {
    if (vars[i][1] != NULL) setenv(vars[i][0], vars[i][1], 1); else unsetenv(vars[i][0]);
  }
  hms_client *client = NULL;
  hms_error *err = NULL;
  hms_status status = hms_client_new_from_env(&client, &err);
  CHECK(status == want);
  if (names != NULL) {
    CHECK(err != NULL && strstr(hms_error_message(err), names) != NULL);
    CHECK(client == NULL);
  }
  hms_error_free(err);
  hms_client_free(client);
}

/* The environment follows the options' rule: app keys come in pairs, and a token
 * with keys is refused, each naming the variables. */
static void test_from_env_credentials(void) {
  char *saved = strdup(getenv("HMS_MANAGEMENT_TOKEN"));
  check_from_env("k", NULL, NULL, HMS_STATUS_INVALID_ARGUMENT, "HMS_SECRET");
  check_from_env(NULL, "s", NULL, HMS_STATUS_INVALID_ARGUMENT, "HMS_ACCESS_KEY");
  check_from_env("k", "s", "t", HMS_STATUS_INVALID_ARGUMENT, "HMS_MANAGEMENT_TOKEN");
  check_from_env(NULL, "s", "t", HMS_STATUS_INVALID_ARGUMENT, "HMS_MANAGEMENT_TOKEN");
  check_from_env("k", "s", NULL, HMS_STATUS_OK, NULL);
  check_from_env(NULL, NULL, saved, HMS_STATUS_OK, NULL);
  free(saved);
}

/* ---- operations ------------------------------------------------------------- */

static void test_create(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_room_code_list *codes = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_room_codes_create(client, NULL, room, &codes, &err), err);
  CHECK(codes != NULL && codes->len == 3);
  static const char *const roles[] = {"host", "guest", "viewer"};
  for (size_t i = 0; codes != NULL && i < codes->len && i < 3; i++) {
    const hms_room_code *c = &codes->items[i];
    CHECK(strcmp(c->role, roles[i]) == 0);
    CHECK(strcmp(c->room_id, room) == 0);
    CHECK(c->enabled && strlen(c->code) > 0);
    CHECK(strlen(c->created_at) >= 20 && strlen(c->updated_at) >= 20);
  }
  hms_room_code_list_free(codes);
  /* A second call returns the same enabled codes. */
  CHECK_OK(hms_room_codes_create(client, NULL, room, &codes, &err), err);
  CHECK(codes != NULL && codes->len == 3);
  hms_room_code_list_free(codes);
  free(room);
  hms_client_free(client);
}

static void test_create_for_role(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_room_code *code = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_room_codes_create_for_role(client, NULL, room, "viewer", &code, &err), err);
  CHECK(code != NULL && strcmp(code->role, "viewer") == 0 && code->enabled && strcmp(code->room_id, room) == 0);
  hms_room_code_free(code);
  hms_room_code_free(NULL);
  free(room);
  hms_client_free(client);
}

static void test_list_every_page(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_error *err = NULL;
  for (int i = 0; i < 25; i++) free(new_code(client, room, i % 5 == 0 ? "host" : "guest"));
  hms_room_code_list *all = NULL;
  CHECK_OK(hms_room_codes_list(client, NULL, room, NULL, &all, &err), err);
  CHECK(all != NULL && all->len == 25);
  hms_room_code_list_free(all);
  all = NULL;

  hms_list_filter filter = {0};
  filter.role = "guest";
  filter.limit = 10;
  CHECK_OK(hms_room_codes_list(client, NULL, room, &filter, &all, &err), err);
  CHECK(all != NULL && all->len == 20);
  for (size_t i = 0; all != NULL && i < all->len; i++) CHECK(strcmp(all->items[i].role, "guest") == 0);
  hms_room_code_list_free(all);
  all = NULL;

  char *empty_room = new_room();
  CHECK_OK(hms_room_codes_list(client, NULL, empty_room, NULL, &all, &err), err);
  CHECK(all != NULL && all->len == 0);
  hms_room_code_list_free(all);
  hms_room_code_list_free(NULL);
  free(empty_room);
  free(room);
  hms_client_free(client);
}

static void test_list_page_walks_the_cursor(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_error *err = NULL;
  for (int i = 0; i < 23; i++) free(new_code(client, room, "host"));
  hms_list_filter filter = {0};
  filter.limit = 10;
  char cursor[128] = "";
  size_t seen = 0, pages = 0;
  for (;;) {
    filter.start = cursor[0] ? cursor : NULL;
    hms_room_code_page *page = NULL;
    CHECK_OK(hms_room_codes_list_page(client, NULL, room, &filter, &page, &err), err);
    if (page == NULL) break;
    pages++;
    seen += page->len;
    CHECK(page->limit == 10);
    int last_page = page->last == NULL;
    if (!last_page) snprintf(cursor, sizeof cursor, "%s", page->last);
    hms_room_code_page_free(page);
    if (last_page || pages > 5) break;
  }
  CHECK(seen == 23 && pages == 3);
  hms_room_code_page_free(NULL);
  free(room);
  hms_client_free(client);
}

/* The iterator keeps its own cursor: each page is freed as soon as it is read
   (valgrind and ASan would catch a read of a freed cursor). */
static void test_list_iter_walks_every_page(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_error *err = NULL;
  for (int i = 0; i < 23; i++) free(new_code(client, room, "guest"));
  char role[] = "guest";
  hms_list_filter filter = {0};
  filter.limit = 10;
  filter.role = role;
  hms_list_iter *iter = NULL;
  CHECK_OK(hms_list_iter_new(client, room, &filter, &iter, &err), err);
  role[0] = 'X'; /* the iterator copied the filter */
  size_t seen = 0, pages = 0;
  hms_room_code_page *page = NULL;
  while (hms_list_iter_next(iter, NULL, &page, &err) == HMS_STATUS_OK && page != NULL) {
    pages++;
    for (size_t i = 0; i < page->len; i++) seen += strcmp(page->items[i].role, "guest") == 0;
    hms_room_code_page_free(page);
  }
  CHECK(err == NULL && seen == 23 && pages == 3);
  CHECK_OK(hms_list_iter_next(iter, NULL, &page, &err), err);
  CHECK(page == NULL);
  hms_list_iter_free(iter);
  hms_list_iter_free(NULL);

  CHECK_ERROR(hms_list_iter_new(client, "", NULL, &iter, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  CHECK(hms_list_iter_new(NULL, room, NULL, &iter, NULL) == HMS_STATUS_INVALID_ARGUMENT);
  CHECK(hms_list_iter_next(NULL, NULL, &page, NULL) == HMS_STATUS_INVALID_ARGUMENT);
  CHECK_OK(hms_list_iter_new(client, "no-such-room", NULL, &iter, &err), err);
  CHECK_ERROR(hms_list_iter_next(iter, NULL, &page, &err), err, HMS_STATUS_ROOM_NOT_FOUND, 404);
  CHECK_OK(hms_list_iter_next(iter, NULL, &page, &err), err); /* over after an error */
  CHECK(page == NULL);
  hms_list_iter_free(iter);
  free(room);
  hms_client_free(client);
}

/* One iterator shared by 8 threads: the calls take turns, so each of the 20
   pages is handed out once, to one thread, and no thread sees an error. */
#define SHARED_ITER_THREADS 8
#define SHARED_ITER_PAGES 20
typedef struct {
  hms_list_iter *iter;
  pthread_mutex_t *lock;
  char **codes; /* every code handed out, SHARED_ITER_PAGES + 1 slots */
  int *count;
  int errors;
} shared_iter_args;

static void *shared_iter_worker(void *arg) {
  shared_iter_args *a = arg;
  hms_call_options bounded = {0};
  bounded.deadline_ms = 60000; /* a loop bound: a stuck call fails instead of hanging */
  for (;;) {
    hms_room_code_page *page = NULL;
    hms_error *err = NULL;
    if (hms_list_iter_next(a->iter, &bounded, &page, &err) != HMS_STATUS_OK) {
      fprintf(stderr, "    shared iterator: %s\n", hms_error_message(err));
      hms_error_free(err);
      a->errors++;
      return NULL;
    }
    if (page == NULL) return NULL;
    pthread_mutex_lock(a->lock);
    for (size_t i = 0; i < page->len; i++) {
      if (*a->count <= SHARED_ITER_PAGES) a->codes[*a->count] = strdup(page->items[i].code);
      (*a->count)++;
    }
    pthread_mutex_unlock(a->lock);
    hms_room_code_page_free(page);
  }
}

static void test_list_iter_shared_by_8_threads(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_error *err = NULL;
  for (int i = 0; i < SHARED_ITER_PAGES; i++) free(new_code(client, room, "guest"));
  hms_list_filter filter = {0};
  filter.limit = 1; /* one code a page: 20 pages */
  hms_list_iter *iter = NULL;
  CHECK_OK(hms_list_iter_new(client, room, &filter, &iter, &err), err);
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  char *codes[SHARED_ITER_PAGES + 1] = {0};
  int count = 0;
  pthread_t threads[SHARED_ITER_THREADS];
  shared_iter_args args[SHARED_ITER_THREADS];
  for (int t = 0; t < SHARED_ITER_THREADS; t++) {
    args[t] = (shared_iter_args){iter, &lock, codes, &count, 0};
    CHECK(pthread_create(&threads[t], NULL, shared_iter_worker, &args[t]) == 0);
  }
  int errors = 0;
  for (int t = 0; t < SHARED_ITER_THREADS; t++) {
    pthread_join(threads[t], NULL);
    errors += args[t].errors;
  }
  CHECK(errors == 0 && count == SHARED_ITER_PAGES);
  int repeated = 0;
  for (int i = 0; i < SHARED_ITER_PAGES && i < count; i++) {
    for (int j = 0; j < i; j++) repeated += codes[i] && codes[j] && strcmp(codes[i], codes[j]) == 0;
  }
  CHECK(repeated == 0);
  for (int i = 0; i <= SHARED_ITER_PAGES; i++) free(codes[i]);
  hms_list_iter_free(iter);
  free(room);
  hms_client_free(client);
}

static void test_set_enabled_and_the_enabled_filter(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char *code = new_code(client, room, "guest");
  free(new_code(client, room, "guest"));
  hms_room_code *updated = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_room_codes_set_enabled(client, NULL, code, false, &updated, &err), err);
  CHECK(updated != NULL && !updated->enabled && strcmp(updated->code, code) == 0);
  hms_room_code_free(updated);

  hms_list_filter filter = {0};
  filter.enabled = HMS_DISABLED_ONLY;
  hms_room_code_list *list = NULL;
  CHECK_OK(hms_room_codes_list(client, NULL, room, &filter, &list, &err), err);
  CHECK(list != NULL && list->len == 1 && strcmp(list->items[0].code, code) == 0);
  hms_room_code_list_free(list);
  filter.enabled = HMS_ENABLED_ONLY;
  CHECK_OK(hms_room_codes_list(client, NULL, room, &filter, &list, &err), err);
  CHECK(list != NULL && list->len == 1 && strcmp(list->items[0].code, code) != 0);
  hms_room_code_list_free(list);
  filter.enabled = 7;
  err = NULL;
  CHECK_ERROR(hms_room_codes_list(client, NULL, room, &filter, &list, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);

  CHECK_OK(hms_room_codes_set_enabled(client, NULL, code, true, &updated, &err), err);
  CHECK(updated != NULL && updated->enabled);
  hms_room_code_free(updated);
  free(code);
  free(room);
  hms_client_free(client);
}

static void test_auth_token_for_code(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char *code = new_code(client, room, "host");
  hms_auth_token *token = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_auth_token_for_code(client, NULL, code, "user-1", &token, &err), err);
  CHECK(token != NULL && strchr(token->token, '.') != NULL && strchr(strchr(token->token, '.') + 1, '.') != NULL);
  /* The service's expiry comes with the token: RFC 3339, in the future. */
  CHECK(token != NULL && token->expires_at != NULL && strlen(token->expires_at) >= 20 &&
        token->expires_at[strlen(token->expires_at) - 1] == 'Z' && strncmp(token->expires_at, "2", 1) == 0);
  hms_auth_token_free(token);
  token = NULL;
  CHECK_OK(hms_auth_token_for_code(client, NULL, code, NULL, &token, &err), err);
  CHECK(token != NULL);
  hms_auth_token_free(token);
  hms_auth_token_free(NULL);
  hms_string_free(NULL);
  hms_client_free(client);
  /* Only the base URL set: the token exchange goes there too. */
  hms_client_options *options = hms_client_options_new();
  hms_client_options_set_base_url(options, getenv("HMS_API_BASE_URL"));
  CHECK_OK(hms_client_new(options, &client, &err), err);
  hms_client_options_free(options);
  token = NULL;
  CHECK_OK(hms_auth_token_for_code(client, NULL, code, NULL, &token, &err), err);
  CHECK(token != NULL && token->expires_at != NULL);
  hms_auth_token_free(token);
  free(code);
  free(room);
  hms_client_free(client);
}

static void test_room_link(void) {
  hms_room_link_options options = {0};
  char *link = NULL;
  hms_error *err = NULL;
  options.subdomain = "MyApp";
  options.code = "abc-defg-hij";
  options.user_id = "u&1";
  options.name = "Zo\xc3\xab Q";
  CHECK_OK(hms_room_link(&options, &link, &err), err);
  CHECK(link != NULL &&
        strcmp(link, "https://myapp.app.100ms.live/meeting/abc-defg-hij?userId=u%261&name=Zo%C3%AB%20Q") == 0);
  hms_string_free(link);
  link = NULL;
  hms_room_link_options custom = {0};
  custom.domain = "meet.example.com:8443";
  custom.code = "a/b";
  CHECK_OK(hms_room_link(&custom, &link, &err), err);
  CHECK(link != NULL && strcmp(link, "https://meet.example.com:8443/a%2Fb") == 0);
  hms_string_free(link);
  link = NULL;
  custom.subdomain = "both";
  CHECK_ERROR(hms_room_link(&custom, &link, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_room_link(NULL, &link, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  CHECK(link == NULL);
}

/* ---- every error kind -------------------------------------------------------- */

static void test_invalid_argument_null_empty_and_bad_utf8(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char *code = new_code(client, room, "host");
  hms_room_code *one = NULL;
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  CHECK(emu_clear_requests() == 0);

  CHECK_ERROR(hms_room_codes_create(NULL, NULL, room, &list, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_room_codes_create(client, NULL, NULL, &list, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_room_codes_create(client, NULL, room, NULL, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, NULL, &one, &err), err,
              HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, "\xc3\x28", "host", &one, &err), err,
              HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_room_codes_set_enabled(client, NULL, "", true, &one, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  err = NULL;
  CHECK_ERROR(hms_auth_token_for_code(client, NULL, code, "\xff", NULL, &err), err, HMS_STATUS_INVALID_ARGUMENT, -1);
  /* Without an err pointer the status still tells. */
  CHECK(hms_room_codes_list_page(client, NULL, NULL, NULL, NULL, NULL) == HMS_STATUS_INVALID_ARGUMENT);
  CHECK(one == NULL && list == NULL);
  CHECK(emu_log_count(NULL, NULL, NULL) == 0);
  free(code);
  free(room);
  hms_client_free(client);
}

static void test_unauthorized(void) {
  settings s = {"not-the-token", 0, -1, NULL, 0, 0, 0, NULL};
  hms_client *client = client_with(s);
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  CHECK_ERROR(hms_room_codes_create(client, NULL, "any-room", &list, &err), err, HMS_STATUS_UNAUTHORIZED, 401);
  hms_client_free(client);
}

static void test_room_disabled_and_forbidden(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char *code = new_code(client, room, "host");
  hms_room_code *one = NULL;
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_room_codes_set_enabled(client, NULL, code, false, &one, &err), err);
  hms_room_code_free(one);
  one = NULL;
  CHECK(emu_disable_room(room) == 0);
  CHECK_ERROR(hms_room_codes_create(client, NULL, room, &list, &err), err, HMS_STATUS_ROOM_DISABLED, 403);
  err = NULL;
  CHECK_ERROR(hms_room_codes_list(client, NULL, room, NULL, &list, &err), err, HMS_STATUS_ROOM_DISABLED, 403);
  /* Enabling a code of a disabled room is another 403. */
  err = NULL;
  CHECK_ERROR(hms_room_codes_set_enabled(client, NULL, code, true, &one, &err), err, HMS_STATUS_FORBIDDEN, 403);
  CHECK(list == NULL && one == NULL);
  free(code);
  free(room);
  hms_client_free(client);
}

static void test_not_found_kinds(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_room_code *one = NULL;
  hms_room_code_list *list = NULL;
  hms_auth_token *token = NULL;
  hms_error *err = NULL;
  CHECK_ERROR(hms_room_codes_create(client, NULL, "no-such-room", &list, &err), err, HMS_STATUS_ROOM_NOT_FOUND, 404);
  err = NULL;
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, "no-such-role", &one, &err), err,
              HMS_STATUS_ROLE_NOT_FOUND, 404);
  err = NULL;
  CHECK_ERROR(hms_room_codes_set_enabled(client, NULL, "no-such-code", true, &one, &err), err,
              HMS_STATUS_CODE_NOT_FOUND, 404);
  err = NULL;
  CHECK_ERROR(hms_auth_token_for_code(client, NULL, "no-such-code", NULL, &token, &err), err,
              HMS_STATUS_CODE_NOT_FOUND, 404);
  /* A base URL without /v2: the emulator's "route not found" is no missing room. */
  hms_client_options *options = hms_client_options_new();
  hms_client_options_set_base_url(options, getenv("HMS_EMULATOR_URL"));
  hms_client_options_set_management_token(options, getenv("HMS_MANAGEMENT_TOKEN"));
  hms_client *unrouted = NULL;
  CHECK_OK(hms_client_new(options, &unrouted, &err), err);
  hms_client_options_free(options);
  err = NULL;
  CHECK(hms_room_codes_create(unrouted, NULL, room, &list, &err) == HMS_STATUS_NOT_FOUND);
  CHECK(err != NULL && strstr(hms_error_message(err), "base URL") != NULL);
  CHECK_ERROR(HMS_STATUS_NOT_FOUND, err, HMS_STATUS_NOT_FOUND, 404);
  hms_client_free(unrouted);
  /* A 404 that is not the service's (a proxy's HTML page). */
  room_fault("GET", room, NULL, "\"status\":404,\"body\":\"<html>Not Found</html>\",\"content_type\":\"text/html\"");
  err = NULL;
  CHECK_ERROR(hms_room_codes_list(client, NULL, room, NULL, &list, &err), err, HMS_STATUS_NOT_FOUND, 404);
  CHECK(one == NULL && list == NULL && token == NULL);
  free(room);
  hms_client_free(client);
}

static void test_bad_request_carries_details(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_list_filter filter = {0};
  filter.start = "not-a-cursor";
  hms_room_code_page *page = NULL;
  hms_error *err = NULL;
  CHECK(hms_room_codes_list_page(client, NULL, room, &filter, &page, &err) == HMS_STATUS_BAD_REQUEST);
  CHECK(hms_error_http_status(err) == 400 && strcmp(hms_error_message(err), "hms_room_codes_list_page: invalid query parameter") == 0);
  CHECK(hms_error_details_count(err) == 1 && strstr(hms_error_details_at(err, 0), "cursor") != NULL);
  CHECK(hms_error_details_at(err, 1) == NULL && hms_error_retry_after_ms(err) == 0);
  hms_error_free(err);
  free(room);
  hms_client_free(client);
}

static void test_rate_limited_and_retries(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char path[256];
  room_path(path, sizeof path, room, "host");
  hms_room_code *one = NULL;
  hms_error *err = NULL;
  /* A wait beyond the backoff cap (2 s here) is not taken: rate_limited at once. */
  fault("POST", path, "\"status\":429,\"retry_after\":\"60\"");
  CHECK(hms_room_codes_create_for_role(client, NULL, room, "host", &one, &err) == HMS_STATUS_RATE_LIMITED);
  CHECK(hms_error_retry_after_ms(err) == 60000 && hms_error_http_status(err) == 429);
  hms_error_free(err);
  err = NULL;
  /* 429 on every attempt: rate_limited after the retries. */
  fault("POST", path, "\"status\":429,\"count\":3");
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, "host", &one, &err), err,
              HMS_STATUS_RATE_LIMITED, 429);
  /* 429 once, then success: a retry hides it. */
  fault("POST", path, "\"status\":429,\"retry_after\":\"0\"");
  CHECK_OK(hms_room_codes_create_for_role(client, NULL, room, "host", &one, &err), err);
  CHECK(one != NULL);
  hms_room_code_free(one);
  free(room);
  hms_client_free(client);
}

/* hms_call_options.response_meta: a success after a retry tells its status, the
 * emulator's request id and 2 attempts; a failure leaves it alone; a listing
 * tells its last page's. */
static void test_response_meta_of_a_success(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char path[256];
  room_path(path, sizeof path, room, "guest");
  hms_room_code *code = NULL;
  hms_error *err = NULL;
  hms_response_meta *meta = NULL;
  hms_call_options call = {0};
  call.response_meta = &meta;
  fault("POST", path, "\"status\":429,\"retry_after\":\"0\"");
  CHECK_OK(hms_room_codes_create_for_role(client, &call, room, "guest", &code, &err), err);
  CHECK(meta != NULL && meta->status == 200 && meta->attempts == 2 && meta->elapsed_ms < 10000);
  CHECK(meta != NULL && meta->request_id != NULL && strncmp(meta->request_id, "emu-", 4) == 0);
  hms_response_meta *kept = meta;
  hms_room_code *none = NULL;
  CHECK_ERROR(hms_room_codes_create_for_role(client, &call, room, "no-such-role", &none, &err), err,
              HMS_STATUS_ROLE_NOT_FOUND, 404);
  CHECK(meta == kept && none == NULL);
  hms_response_meta_free(meta);
  meta = NULL;
  hms_room_code_list *codes = NULL;
  CHECK_OK(hms_room_codes_list(client, &call, room, NULL, &codes, &err), err);
  CHECK(meta != NULL && meta->status == 200 && meta->attempts == 1 && meta->request_id != NULL);
  hms_room_code_list_free(codes);
  hms_response_meta_free(meta);
  hms_response_meta_free(NULL);
  hms_room_code_free(code);
  free(room);
  hms_client_free(client);
}

static void test_server_error_is_not_retried_when_it_could_mint(void) {
  hms_client *client = new_client();
  char *room = new_room();
  hms_room_code *one = NULL;
  hms_error *err = NULL;
  CHECK(emu_clear_requests() == 0);
  room_fault("POST", room, "host", "\"status\":500");
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, "host", &one, &err), err, HMS_STATUS_SERVER, 500);
  CHECK(emu_log_count(NULL, NULL, NULL) == 1);
  /* Listing is retried: 503 once is invisible, 503 three times is an error. */
  room_fault("GET", room, NULL, "\"status\":503");
  hms_room_code_page *page = NULL;
  CHECK_OK(hms_room_codes_list_page(client, NULL, room, NULL, &page, &err), err);
  hms_room_code_page_free(page);
  page = NULL;
  room_fault("GET", room, NULL, "\"status\":503,\"count\":3");
  err = NULL;
  CHECK_ERROR(hms_room_codes_list_page(client, NULL, room, NULL, &page, &err), err, HMS_STATUS_SERVER, 503);
  free(room);
  hms_client_free(client);
}

static void test_unexpected_status_on_a_redirect(void) {
  hms_client *client = new_client();
  char *room = new_room();
  room_fault("POST", room, NULL, "\"action\":\"redirect\",\"location\":\"http://127.0.0.2:1/elsewhere\"");
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  CHECK_ERROR(hms_room_codes_create(client, NULL, room, &list, &err), err, HMS_STATUS_UNEXPECTED_STATUS, 307);
  free(room);
  hms_client_free(client);
}

static void test_timeout(void) {
  settings s = {NULL, 300, -1, NULL, 0, 0, 0, NULL};
  hms_client *client = client_with(s);
  char *room = new_room();
  room_fault("POST", room, "guest", "\"delay_ms\":1500");
  hms_room_code *one = NULL;
  hms_error *err = NULL;
  double start = now_ms();
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, "guest", &one, &err), err, HMS_STATUS_TIMEOUT, 0);
  CHECK(now_ms() - start < 1200);
  free(room);
  hms_client_free(client);
}

/* Checks that `status` failed with a message starting with `prefix`, and frees the error. */
static void check_message(hms_status status, hms_error **err, const char *prefix) {
  int named = status != HMS_STATUS_OK && strncmp(hms_error_message(*err), prefix, strlen(prefix)) == 0;
  CHECK(named);
  if (!named)
    fprintf(stderr, "    got \"%s\", want \"%s...\"\n", hms_error_message(*err), prefix);
  hms_error_free(*err);
  *err = NULL;
}

/* Messages name the C function called and the option as its setter spells it. */
static void test_messages_name_the_c_functions_and_options(void) {
  hms_client *client = new_client();
  hms_room_code *one = NULL;
  hms_list_iter *iter = NULL;
  hms_auth_token *token = NULL;
  hms_error *err = NULL;
  check_message(hms_room_codes_create_for_role(client, NULL, "", "host", &one, &err), &err,
                "hms_room_codes_create_for_role: room_id must not be empty");
  check_message(hms_list_iter_new(client, "", NULL, &iter, &err), &err, "hms_room_codes_list: room_id");
  check_message(hms_auth_token_for_code(client, NULL, "code", " ", &token, &err), &err,
                "hms_auth_token_for_code: user_id");
  hms_client_free(client);
  settings s = {NULL, 0, 0, "http://127.0.0.1:1/v2", 0, 0, 0, NULL};
  client = client_with(s);
  check_message(hms_room_codes_create_for_role(client, NULL, "room", "host", &one, &err), &err,
                "hms_room_codes_create_for_role to 127.0.0.1:1 failed: ");
  hms_client_free(client);
  hms_client_options *options = hms_client_options_new();
  hms_client_options_set_timeout_ms(options, 0);
  check_message(hms_client_new(options, &client, &err), &err, "timeout_ms must be more than zero");
  hms_client_options_set_timeout_ms(options, 1000);
  hms_client_options_set_max_pages(options, 0);
  check_message(hms_client_new(options, &client, &err), &err, "max_pages must be more than zero");
  /* A binding over this header (Go) asks for its own names. */
  hms_client_options_set_binding(options, "go");
  check_message(hms_client_new(options, &client, &err), &err, "MaxPages must be more than zero");
  hms_client_options_free(options);
}

static void test_network(void) {
  settings s = {NULL, 0, 0, "http://127.0.0.1:1/v2", 0, 0, 0, NULL};
  hms_client *client = client_with(s);
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  CHECK(hms_room_codes_create(client, NULL, "room", &list, &err) == HMS_STATUS_NETWORK);
  /* The message names where the client tried to connect. */
  CHECK(err != NULL && strstr(hms_error_message(err), "127.0.0.1:1") != NULL);
  CHECK_ERROR(HMS_STATUS_NETWORK, err, HMS_STATUS_NETWORK, 0);
  hms_client_free(client);
  /* A reset connection on a call that could mint is reported, not repeated. */
  client = new_client();
  char *room = new_room();
  room_fault("POST", room, "host", "\"action\":\"reset\"");
  hms_room_code *one = NULL;
  err = NULL;
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, "host", &one, &err), err, HMS_STATUS_NETWORK, 0);
  free(room);
  hms_client_free(client);
}

static void test_decode(void) {
  hms_client *client = new_client();
  char *room = new_room();
  room_fault("POST", room, NULL, "\"action\":\"not_json\"");
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  CHECK_ERROR(hms_room_codes_create(client, NULL, room, &list, &err), err, HMS_STATUS_DECODE, 200);

  /* A timestamp the service did not send is NULL; one that is not RFC 3339 is decode. */
  room_fault("POST", room, "guest",
             "\"status\":200,\"body\":\"{\\\"code\\\":\\\"abc-defg-hij\\\",\\\"room_id\\\":\\\"r\\\","
             "\\\"role\\\":\\\"guest\\\",\\\"enabled\\\":true,\\\"updated_at\\\":\\\"2024-01-02T03:04:05Z\\\"}\"");
  hms_room_code *code = NULL;
  CHECK_OK(hms_room_codes_create_for_role(client, NULL, room, "guest", &code, &err), err);
  CHECK(code != NULL && code->created_at == NULL && strcmp(code->updated_at, "2024-01-02T03:04:05Z") == 0);
  CHECK(strcmp(code->role, "guest") == 0);
  hms_room_code_free(code);
  room_fault("POST", room, "guest",
             "\"status\":200,\"body\":\"{\\\"code\\\":\\\"abc-defg-hij\\\",\\\"room_id\\\":\\\"r\\\","
             "\\\"role\\\":\\\"guest\\\",\\\"enabled\\\":true,\\\"created_at\\\":\\\"yesterday\\\"}\"");
  CHECK_ERROR(hms_room_codes_create_for_role(client, NULL, room, "guest", &code, &err), err, HMS_STATUS_DECODE, 200);
  free(room);
  hms_client_free(client);
}

/* HMS_STATUS_INTERNAL comes only from a caught panic, which no input can cause;
 * the Rust unit tests of src/ffi/guard.rs provoke one. Here: its number and name. */
static void test_internal_is_the_last_kind(void) {
  CHECK(HMS_STATUS_INTERNAL == 16 && strcmp(hms_status_name(HMS_STATUS_INTERNAL), "internal") == 0);
}

/* ---- deadlines and cancellation ---------------------------------------------- */

static void test_deadline_bounds_retries_and_attempts(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char path[256];
  room_path(path, sizeof path, room, NULL);
  hms_call_options call = {0};
  call.deadline_ms = 300;
  hms_room_code_page *page = NULL;
  hms_error *err = NULL;
  /* A Retry-After that does not fit the deadline: the server's answer, at once. */
  call.deadline_ms = 2000;
  fault("GET", path, "\"status\":429,\"retry_after\":\"5\",\"count\":3");
  double start = now_ms();
  CHECK(hms_room_codes_list_page(client, &call, room, NULL, &page, &err) == HMS_STATUS_RATE_LIMITED);
  CHECK(err != NULL && hms_error_retry_after_ms(err) == 5000);
  CHECK(now_ms() - start < 1000);
  hms_error_free(err);
  CHECK(emu_clear_faults() == 0);
  call.deadline_ms = 300;
  start = now_ms();
  /* An attempt is cut at the deadline, although the client's timeout is 10 s. */
  fault("GET", path, "\"delay_ms\":2000");
  err = NULL;
  CHECK_ERROR(hms_room_codes_list_page(client, &call, room, NULL, &page, &err), err, HMS_STATUS_TIMEOUT, 0);
  CHECK(now_ms() - start < 1500);
  CHECK(page == NULL);
  /* A generous deadline changes nothing. */
  call.deadline_ms = 60000;
  CHECK_OK(hms_room_codes_list_page(client, &call, room, NULL, &page, &err), err);
  hms_room_code_page_free(page);
  free(room);
  hms_client_free(client);
}

static void *cancel_later(void *token) {
  struct timespec wait = {0, 200 * 1000 * 1000};
  nanosleep(&wait, NULL);
  hms_cancel_token_cancel((const hms_cancel_token *)token);
  return NULL;
}

/* Cancel from another thread ends a call at once, during a backoff wait and
   during an attempt the server holds for 10 s (the attempt's socket is shut
   down, long before the client's 10 s timeout). */
static void test_cancel_from_another_thread(void) {
  hms_client *client = new_client();
  char *room = new_room();
  static const char *const faults[] = {"\"status\":503,\"retry_after\":\"2\",\"count\":3", "\"delay_ms\":10000"};
  static const char *const during[] = {"during a backoff wait", "during an attempt"};
  hms_cancel_token *token = NULL;
  hms_call_options call = {0};
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  for (size_t f = 0; f < 2; f++) {
    CHECK(emu_clear_faults() == 0);
    room_fault("GET", room, NULL, faults[f]);
    hms_cancel_token_free(token);
    token = hms_cancel_token_new();
    call.cancel = token;
    pthread_t canceller;
    CHECK(pthread_create(&canceller, NULL, cancel_later, token) == 0);
    double start = now_ms();
    CHECK(hms_room_codes_list(client, &call, room, NULL, &list, &err) == HMS_STATUS_TIMEOUT);
    double returned = now_ms();
    pthread_join(canceller, NULL);
    printf("     %s: the call returned %.1f ms after the cancel\n", during[f], returned - start - 200);
    CHECK(strstr(hms_error_message(err), "cancelled") != NULL);
    CHECK(returned - start < 1200 && list == NULL);
    hms_error_free(err);
    err = NULL;
  }
  CHECK(emu_clear_faults() == 0);

  /* A cancelled token stops the next call before it sends anything. */
  CHECK(emu_clear_requests() == 0);
  err = NULL;
  CHECK_ERROR(hms_room_codes_list(client, &call, room, NULL, &list, &err), err, HMS_STATUS_TIMEOUT, 0);
  CHECK(emu_log_count(NULL, NULL, NULL) == 0);
  hms_cancel_token_cancel(NULL);
  hms_cancel_token_free(token);
  hms_cancel_token_free(NULL);
  free(room);
  hms_client_free(client);
}

/* A local address whose TCP connect never completes: a listener with a
   backlog of 0 whose queue is full (the kernel drops further SYNs). Writes
   its base URL to `url` and the sockets that keep it so to `fds` (-1 ends
   them); returns 0 when the backlog filled. */
static int blackhole(char *url, size_t size, int fds[18]) {
  for (int i = 0; i < 18; i++) fds[i] = -1;
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  fds[0] = socket(AF_INET, SOCK_STREAM, 0);
  if (fds[0] < 0 || bind(fds[0], (struct sockaddr *)&addr, len) != 0 || listen(fds[0], 0) != 0 ||
      getsockname(fds[0], (struct sockaddr *)&addr, &len) != 0) {
    return -1;
  }
  snprintf(url, size, "http://127.0.0.1:%d/v2", ntohs(addr.sin_port));
  for (int i = 1; i < 18; i++) {
    fds[i] = socket(AF_INET, SOCK_STREAM, 0);
    struct timeval wait = {0, 200 * 1000}; /* a connect that waits this long is blackholed */
    setsockopt(fds[i], SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);
    if (connect(fds[i], (struct sockaddr *)&addr, sizeof addr) != 0) return 0;
  }
  return -1;
}

/* Cancel from another thread ends a call whose TCP connect the server never
   answers at once, not after the 10 s attempt timeout. */
static void test_cancel_during_a_tcp_connect(void) {
  char url[64];
  int fds[18];
  CHECK(blackhole(url, sizeof url, fds) == 0);
  settings s = {"a-token", 10000, 0, url, 0, 0, 0, NULL};
  hms_client *client = client_with(s);
  hms_cancel_token *token = hms_cancel_token_new();
  hms_call_options call = {0};
  call.cancel = token;
  hms_room_code_list *list = NULL;
  hms_error *err = NULL;
  pthread_t canceller;
  CHECK(pthread_create(&canceller, NULL, cancel_later, token) == 0);
  double start = now_ms();
  CHECK(hms_room_codes_list(client, &call, "room", NULL, &list, &err) == HMS_STATUS_TIMEOUT);
  double returned = now_ms();
  pthread_join(canceller, NULL);
  printf("     during a TCP connect: the call returned %.1f ms after the cancel\n", returned - start - 200);
  CHECK(strstr(hms_error_message(err), "cancelled") != NULL);
  CHECK(returned - start < 700 && list == NULL);
  hms_error_free(err);
  hms_cancel_token_free(token);
  hms_client_free(client);
  for (int i = 0; i < 18; i++) {
    if (fds[i] >= 0) close(fds[i]);
  }
}

/* ---- one client, many threads -------------------------------------------------- */

enum { THREADS = 16, CALLS = 200 };

typedef struct {
  hms_client *client;
  char *room;
  atomic_int *ok_calls;
} worker_args;

/* 200 calls: creates, pages, toggles and token exchanges on the thread's own room. */
static void *worker(void *arg) {
  worker_args *w = arg;
  hms_room_code_list *mine = NULL;
  hms_error *err = NULL;
  CHECK_OK(hms_room_codes_create(w->client, NULL, w->room, &mine, &err), err);
  if (mine == NULL || mine->len < 2) return NULL;
  atomic_fetch_add(w->ok_calls, 1);
  static const char *const roles[] = {"host", "guest", "viewer"};
  hms_list_filter filter = {0};
  filter.limit = 10;
  for (int i = 1; i < CALLS; i++) {
    hms_status status = HMS_STATUS_INTERNAL;
    hms_room_code *one = NULL;
    hms_room_code_page *page = NULL;
    hms_auth_token *token = NULL;
    switch (i % 4) {
      case 0:
        status = hms_room_codes_create_for_role(w->client, NULL, w->room, roles[i % 3], &one, &err);
        break;
      case 1:
        status = hms_room_codes_list_page(w->client, NULL, w->room, &filter, &page, &err);
        break;
      case 2:
        status = hms_room_codes_set_enabled(w->client, NULL, mine->items[1].code, i % 8 != 2, &one, &err);
        break;
      default:
        status = hms_auth_token_for_code(w->client, NULL, mine->items[0].code, NULL, &token, &err);
        break;
    }
    CHECK_OK(status, err);
    if (status == HMS_STATUS_OK) atomic_fetch_add(w->ok_calls, 1);
    hms_room_code_free(one);
    hms_room_code_page_free(page);
    hms_auth_token_free(token);
  }
  hms_room_code_list_free(mine);
  return NULL;
}

static void test_16_threads_200_calls_on_one_client(void) {
  hms_client *client = new_client();
  atomic_int ok_calls = 0;
  pthread_t threads[THREADS];
  worker_args args[THREADS];
  for (int t = 0; t < THREADS; t++) {
    args[t].client = client;
    args[t].room = new_room();
    args[t].ok_calls = &ok_calls;
  }
  double start = now_ms();
  for (int t = 0; t < THREADS; t++) CHECK(pthread_create(&threads[t], NULL, worker, &args[t]) == 0);
  for (int t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
  double took = now_ms() - start;
  CHECK(atomic_load(&ok_calls) == THREADS * CALLS);
  printf("    %d calls on %d threads in %.0f ms\n", atomic_load(&ok_calls), THREADS, took);
  for (int t = 0; t < THREADS; t++) free(args[t].room);
  hms_client_free(client);
}

/* ---- runner -------------------------------------------------------------------- */

typedef struct {
  const char *name;
  void (*run)(void);
} test_case;

#define TEST(fn) {#fn, fn}

static const test_case TESTS[] = {
    TEST(test_version_and_status_names),
    TEST(test_options_and_client_new),
    TEST(test_create),
    TEST(test_create_for_role),
    TEST(test_list_every_page),
    TEST(test_list_page_walks_the_cursor),
    TEST(test_list_iter_walks_every_page),
    TEST(test_list_iter_shared_by_8_threads),
    TEST(test_set_enabled_and_the_enabled_filter),
    TEST(test_auth_token_for_code),
    TEST(test_from_env_credentials),
    TEST(test_room_link),
    TEST(test_invalid_argument_null_empty_and_bad_utf8),
    TEST(test_bad_input_table),
    TEST(test_fault_matrix),
    TEST(test_config_table),
    TEST(test_listing_table),
    TEST(test_tls_trust),
    TEST(test_plain_http_needs_the_opt_in),
    TEST(test_redirect_to_another_host_sends_it_nothing),
    TEST(test_no_secret_in_error_messages),
    TEST(test_events_show_no_secret),
    TEST(test_https_through_a_proxy),
    TEST(test_unauthorized),
    TEST(test_room_disabled_and_forbidden),
    TEST(test_not_found_kinds),
    TEST(test_bad_request_carries_details),
    TEST(test_rate_limited_and_retries),
    TEST(test_response_meta_of_a_success),
    TEST(test_server_error_is_not_retried_when_it_could_mint),
    TEST(test_unexpected_status_on_a_redirect),
    TEST(test_timeout),
    TEST(test_messages_name_the_c_functions_and_options),
    TEST(test_network),
    TEST(test_decode),
    TEST(test_internal_is_the_last_kind),
    TEST(test_deadline_bounds_retries_and_attempts),
    TEST(test_cancel_from_another_thread),
    TEST(test_cancel_during_a_tcp_connect),
    TEST(test_16_threads_200_calls_on_one_client),
};

int main(void) {
  if (getenv("HMS_EMULATOR_URL") == NULL) {
    fprintf(stderr, "run me under scripts/with-emulator.sh\n");
    return 2;
  }
  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof TESTS / sizeof TESTS[0]; i++) {
    int before = atomic_load(&failed_checks);
    CHECK(emu_clear_faults() == 0);
    TESTS[i].run();
    int ok = atomic_load(&failed_checks) == before;
    printf("%s %s\n", ok ? "ok  " : "FAIL", TESTS[i].name);
    fflush(stdout);
    ok ? passed++ : failed++;
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
