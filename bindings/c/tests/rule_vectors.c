/* rule_vectors.c: config.json and listing.json (see vectors.h) through the C API,
 * and the kind names against the header's enum. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "harness.h"
#include "vectors.h"
#include "vectors_data.h"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* The kind's name of `err`, or NULL for none. */
static const char *kind_of(const hms_error *err) { return err != NULL ? hms_error_kind_name(err) : NULL; }

/* Whether the kind names `got` and `want` (either NULL) agree. */
static int same_kind(const char *got, const char *want) {
  return got == NULL || want == NULL ? got == want : strcmp(got, want) == 0;
}

/* Options at `base` with the case's settings (setters only store them:
 * hms_client_new decides). */
static hms_client_options *options_for(const char *base, const vec_config_case *c) {
  hms_client_options *options = hms_client_options_new();
  hms_client_options_set_base_url(options, c->base_url ? c->base_url : base);
  hms_client_options_set_auth_base_url(options, base);
  if (c->management_token != NULL) hms_client_options_set_management_token(options, c->management_token);
  if (c->access_key != NULL || c->app_secret != NULL) {
    hms_client_options_set_app_keys(options, c->access_key ? c->access_key : "", c->app_secret ? c->app_secret : "");
  }
  if (c->max_retries >= 0) hms_client_options_set_max_retries(options, (uint32_t)c->max_retries);
  if (c->max_pages >= 0) hms_client_options_set_max_pages(options, (uint32_t)c->max_pages);
  return options;
}

void test_config_table(void) {
  for (size_t i = 0; i < COUNT(VEC_CONFIG_CASES); i++) {
    const vec_config_case *c = &VEC_CONFIG_CASES[i];
    hms_client_options *options = options_for("http://127.0.0.1:9/v2", c);
    hms_client *client = NULL;
    hms_error *err = NULL;
    hms_client_new(options, &client, &err);
    if (!same_kind(kind_of(err), c->kind) || (client == NULL) != (err != NULL)) {
      fprintf(stderr, "    %s: got %s (%s), want %s\n", c->name, kind_of(err) ? kind_of(err) : "a client",
              hms_error_message(err), c->kind ? c->kind : "a client");
      CHECK(0);
    }
    hms_error_free(err);
    hms_client_free(client);
    hms_client_options_free(options);
  }
}

/* Lists `room` with the iterator, counting the codes it hands out; returns
 * the error that ended it (NULL for none). */
static hms_error *iterate(hms_client *client, const char *room, int *codes) {
  hms_list_iter *iter = NULL;
  hms_error *err = NULL;
  *codes = 0;
  if (hms_list_iter_new(client, room, NULL, &iter, &err) != HMS_STATUS_OK) return err;
  hms_room_code_page *page = NULL;
  /* A loop bound: a listing that never ends fails here. */
  for (int pages = 0; pages < 100000; pages++) {
    if (hms_list_iter_next(iter, NULL, &page, &err) != HMS_STATUS_OK || page == NULL) break;
    *codes += (int)page->len;
    hms_room_code_page_free(page);
  }
  hms_list_iter_free(iter);
  return err;
}

/* Whether one way of listing got what case `c` says, printing why not. */
static int listing_as_expected(const vec_listing_case *c, const char *how, const hms_error *err, int sent, int codes) {
  if (same_kind(kind_of(err), c->kind) && sent == c->requests && codes == c->codes) return 1;
  fprintf(stderr, "    %s (%s): got %s (%s) after %d requests, %d codes; want %s after %d, %d codes\n", c->name, how,
          kind_of(err) ? kind_of(err) : "success", hms_error_message(err), sent, codes, c->kind ? c->kind : "success",
          c->requests, c->codes);
  return 0;
}

void test_listing_table(void) {
  for (size_t i = 0; i < COUNT(VEC_LISTING_CASES); i++) {
    const vec_listing_case *c = &VEC_LISTING_CASES[i];
    vec_config_case settings = {c->name, getenv("HMS_MANAGEMENT_TOKEN"), NULL, NULL, -1, c->max_pages, NULL, NULL};
    hms_client_options *options = options_for(getenv("HMS_API_BASE_URL"), &settings);
    hms_client *client = NULL;
    hms_error *err = NULL;
    CHECK_OK(hms_client_new(options, &client, &err), err);
    hms_client_options_free(options);
    char *room = new_room();
    char path[256];
    snprintf(path, sizeof path, "/v2/room-codes/room/%s", room ? room : "");
    /* The whole list, then the iterator (which hands out pages as they come). */
    for (int way = 0; way < 2; way++) {
      CHECK(room != NULL && emu_clear_faults() == 0 && emu_clear_requests() == 0);
      if (c->fault != NULL) fault("GET", path, c->fault);
      int codes = 0;
      if (way == 0) {
        hms_room_code_list *list = NULL;
        hms_room_codes_list(client, NULL, room, NULL, &list, &err);
        /* The list comes whole: only a listing that ended well has codes. */
        codes = list != NULL ? (int)list->len : c->kind != NULL ? c->codes : -1;
        hms_room_code_list_free(list);
      } else {
        err = iterate(client, room, &codes);
      }
      CHECK(listing_as_expected(c, way == 0 ? "hms_room_codes_list" : "hms_list_iter", err,
                                emu_log_count(NULL, "GET", path), codes));
      hms_error_free(err);
      err = NULL;
    }
    free(room);
    hms_client_free(client);
  }
  CHECK(emu_clear_faults() == 0);
}

void test_status_names_match_the_enum(void) {
  CHECK(COUNT(VEC_STATUS_NAMES) == 17);
  for (size_t i = 0; i < COUNT(VEC_STATUS_NAMES); i++) {
    if (strcmp(hms_status_name(VEC_STATUS_NAMES[i].value), VEC_STATUS_NAMES[i].name) != 0) {
      fprintf(stderr, "    status %u: named %s, want %s\n", (unsigned)VEC_STATUS_NAMES[i].value,
              hms_status_name(VEC_STATUS_NAMES[i].value), VEC_STATUS_NAMES[i].name);
      CHECK(0);
    }
  }
}
