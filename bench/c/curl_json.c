/* curl_json.c: see curl_json.h. */
#define _POSIX_C_SOURCE 200809L
#include "curl_json.h"

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A room code as a C program would keep it. */
typedef struct {
  char *code, *room_id, *role, *created_at, *updated_at;
  bool enabled;
} room_code;

struct curl_json {
  CURL *curl;
  struct curl_slist *headers;
  char *body;
  size_t len, cap;
  char base[128];
};

static size_t on_body(char *data, size_t size, size_t n, void *user) {
  curl_json *c = user;
  size_t add = size * n;
  if (c->len + add + 1 > c->cap) {
    size_t cap = (c->len + add + 1) * 2;
    char *grown = realloc(c->body, cap);
    if (grown == NULL) return 0;
    c->body = grown;
    c->cap = cap;
  }
  memcpy(c->body + c->len, data, add);
  c->len += add;
  c->body[c->len] = '\0';
  return add;
}

int curl_json_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1; }

curl_json *curl_json_new(void) {
  const char *url = getenv("HMS_EMULATOR_URL"), *token = getenv("HMS_MANAGEMENT_TOKEN");
  curl_json *c = calloc(1, sizeof *c);
  char auth[4096];
  if (c == NULL || url == NULL || token == NULL) return free(c), NULL;
  snprintf(c->base, sizeof c->base, "%s/v2/room-codes/room/", url);
  snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
  c->curl = curl_easy_init();
  c->headers = curl_slist_append(NULL, auth);
  c->headers = curl_slist_append(c->headers, "Accept: application/json");
  c->headers = curl_slist_append(c->headers, "Content-Type: application/json");
  if (c->curl == NULL || c->headers == NULL) return curl_json_free(c), NULL;
  curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->headers);
  curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, c);
  curl_easy_setopt(c->curl, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, 10000L);
  return c;
}

void curl_json_free(curl_json *c) {
  if (c == NULL) return;
  curl_slist_free_all(c->headers);
  if (c->curl) curl_easy_cleanup(c->curl);
  free(c->body);
  free(c);
}

/* Sends one request to base + `path` (`post`: an empty JSON body); the body
 * parsed, or NULL unless the status is 200. */
static cJSON *perform(curl_json *c, const char *path, bool post) {
  char url[512];
  snprintf(url, sizeof url, "%s%s", c->base, path);
  c->len = 0;
  curl_easy_setopt(c->curl, CURLOPT_URL, url);
  if (post) {
    curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, "");
  } else {
    curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
  }
  long status = 0;
  if (curl_easy_perform(c->curl) != CURLE_OK) return NULL;
  curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
  return status == 200 && c->body != NULL ? cJSON_ParseWithLength(c->body, c->len) : NULL;
}

/* A copy of the string member `name` of `object`, or NULL. */
static char *string_of(const cJSON *object, const char *name) {
  const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(object, name));
  return s ? strdup(s) : NULL;
}

/* `json` decoded into `out`; 0 when every field is there. */
static int decode(const cJSON *json, room_code *out) {
  const cJSON *enabled = cJSON_GetObjectItemCaseSensitive(json, "enabled");
  out->code = string_of(json, "code");
  out->room_id = string_of(json, "room_id");
  out->role = string_of(json, "role");
  out->created_at = string_of(json, "created_at");
  out->updated_at = string_of(json, "updated_at");
  out->enabled = cJSON_IsTrue(enabled);
  return out->code && out->room_id && out->role && out->created_at && out->updated_at && cJSON_IsBool(enabled)
             ? 0
             : -1;
}

static void room_code_clear(room_code *c) {
  free(c->code);
  free(c->room_id);
  free(c->role);
  free(c->created_at);
  free(c->updated_at);
}

int curl_json_create_for_role(curl_json *c, const char *room, const char *role) {
  char path[256];
  snprintf(path, sizeof path, "%s/role/%s", room, role);
  cJSON *json = perform(c, path, true);
  room_code code = {0};
  int failed = json == NULL || decode(json, &code) != 0;
  room_code_clear(&code);
  cJSON_Delete(json);
  return failed ? -1 : 0;
}

int curl_json_list_page(curl_json *c, const char *room, int limit) {
  char path[256];
  snprintf(path, sizeof path, "%s?limit=%d", room, limit);
  cJSON *json = perform(c, path, false);
  const cJSON *data = cJSON_GetObjectItemCaseSensitive(json, "data");
  int n = cJSON_GetArraySize(data), failed = !cJSON_IsArray(data);
  room_code *codes = calloc((size_t)n + 1, sizeof *codes);
  const cJSON *item;
  int i = 0;
  cJSON_ArrayForEach(item, data) failed |= codes == NULL || decode(item, &codes[i++]) != 0;
  for (int k = 0; codes != NULL && k < n; k++) room_code_clear(&codes[k]);
  free(codes);
  cJSON_Delete(json);
  return failed ? -1 : n;
}
