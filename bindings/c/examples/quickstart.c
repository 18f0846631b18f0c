/*
 * quickstart.c: the hms-room-codes C API from start to end. It creates a code for
 * every role of a room and one more for a role, lists them, disables one,
 * exchanges a code for an auth token and builds room links.
 *
 * Environment: HMS_ROOM_ID (one of your rooms), and HMS_MANAGEMENT_TOKEN or
 * HMS_ACCESS_KEY + HMS_SECRET (HMS_API_BASE_URL / HMS_AUTH_BASE_URL for another
 * endpoint, such as the emulator under `make demo`).
 *
 * Build:   cc quickstart.c $(pkg-config --cflags --libs hms_room_codes)
 * Static:  cc quickstart.c -I<prefix>/include <prefix>/lib/libhms_room_codes.a -lm -ldl -lpthread
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hms_room_codes.h"

/* Prints what failed, frees the error and returns 1 (the exit status). */
static int report(const char *what, hms_error *err) {
  fprintf(stderr, "[c] %s failed: %s: %s (HTTP %u)\n", what, hms_error_kind_name(err),
          hms_error_message(err), (unsigned)hms_error_http_status(err));
  hms_error_free(err);
  return 1;
}

int main(void) {
  const char *room_id = getenv("HMS_ROOM_ID");
  if (room_id == NULL || (getenv("HMS_MANAGEMENT_TOKEN") == NULL && getenv("HMS_SECRET") == NULL)) {
    fprintf(stderr, "[c] set HMS_ROOM_ID (one of your rooms) and HMS_ACCESS_KEY + HMS_SECRET (or "
                    "HMS_MANAGEMENT_TOKEN), or run `make demo` (local emulator)\n");
    return 2;
  }
  int exit_code = 1;
  hms_error *err = NULL;
  hms_client *client = NULL;
  hms_room_code_list *codes = NULL, *all = NULL;
  hms_room_code *extra = NULL, *disabled = NULL;
  hms_auth_token *token = NULL;
  char *link = NULL;

  /* One client for the whole program; it is safe to share between threads. */
  if (hms_client_new_from_env(&client, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_client_new_from_env", err);
    goto done;
  }
  printf("[c] hms-room-codes %s, room %s\n", hms_version(), room_id);

  if (hms_room_codes_create(client, NULL, room_id, &codes, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_room_codes_create", err);
    goto done;
  }
  for (size_t i = 0; i < codes->len; i++) {
    printf("[c] code for every role: %-7s %s\n", codes->items[i].role, codes->items[i].code);
  }

  if (hms_room_codes_create_for_role(client, NULL, room_id, "guest", &extra, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_room_codes_create_for_role", err);
    goto done;
  }
  printf("[c] one more for guest:    %s\n", extra->code);

  /* Every page, bounded as a whole by a deadline (a cancel token works the same way). */
  hms_call_options within_5s = {0};
  within_5s.deadline_ms = 5000;
  if (hms_room_codes_list(client, &within_5s, room_id, NULL, &all, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_room_codes_list", err);
    goto done;
  }
  printf("[c] listed %zu codes\n", all->len);

  /* Or a page at a time: the iterator keeps its own cursor, so each page can be
     freed as soon as it has been read. */
  hms_list_filter two_per_page = {0};
  two_per_page.limit = 2;
  hms_list_iter *pages = NULL;
  if (hms_list_iter_new(client, room_id, &two_per_page, &pages, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_list_iter_new", err);
    goto done;
  }
  size_t page_count = 0;
  hms_room_code_page *page = NULL;
  hms_status paging;
  while ((paging = hms_list_iter_next(pages, &within_5s, &page, &err)) == HMS_STATUS_OK && page != NULL) {
    page_count++;
    hms_room_code_page_free(page);
  }
  hms_list_iter_free(pages);
  if (paging != HMS_STATUS_OK) {
    exit_code = report("hms_list_iter_next", err);
    goto done;
  }
  printf("[c] the same codes in %zu pages of at most 2\n", page_count);

  if (hms_room_codes_set_enabled(client, NULL, extra->code, false, &disabled, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_room_codes_set_enabled", err);
    goto done;
  }
  printf("[c] disabled %s (enabled = %s)\n", disabled->code, disabled->enabled ? "true" : "false");

  const char *host = NULL;
  for (size_t i = 0; i < all->len && host == NULL; i++) {
    if (strcmp(all->items[i].role, "host") == 0) host = all->items[i].code;
  }
  if (host == NULL) {
    fprintf(stderr, "[c] the room has no host code\n");
    goto done;
  }
  if (hms_auth_token_for_code(client, NULL, host, "demo-user", &token, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_auth_token_for_code", err);
    goto done;
  }
  printf("[c] auth token for %s: %.24s... (expires %s)\n", host, token->token,
         token->expires_at ? token->expires_at : "unknown");

  hms_room_link_options options = {0};
  options.subdomain = "demo-app";
  options.code = host;
  options.name = "Demo Host";
  if (hms_room_link(&options, &link, &err) != HMS_STATUS_OK) {
    exit_code = report("hms_room_link", err);
    goto done;
  }
  printf("[c] room link: %s\n", link);

  /* Errors carry a kind you can switch on. */
  hms_room_code *missing = NULL;
  hms_status status = hms_room_codes_create_for_role(client, NULL, room_id, "no-such-role", &missing, &err);
  if (status == HMS_STATUS_ROLE_NOT_FOUND) {
    printf("[c] expected error: %s: %s (HTTP %u)\n", hms_error_kind_name(err), hms_error_message(err),
           (unsigned)hms_error_http_status(err));
  }
  hms_error_free(err);
  hms_room_code_free(missing);
  exit_code = 0;

done:
  hms_string_free(link);
  hms_auth_token_free(token);
  hms_room_code_free(disabled);
  hms_room_code_free(extra);
  hms_room_code_list_free(all);
  hms_room_code_list_free(codes);
  hms_client_free(client);
  return exit_code;
}
