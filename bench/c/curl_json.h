/*
 * curl_json.h: the C baseline a C user would write without this SDK: libcurl
 * (one easy handle per thread, so its connection is kept alive) and cJSON,
 * decoding each answer into structs. Talks to the emulator (HMS_EMULATOR_URL)
 * with its fixed management token (HMS_MANAGEMENT_TOKEN).
 */
#ifndef HMS_BENCH_CURL_JSON_H
#define HMS_BENCH_CURL_JSON_H

/* One thread's client: a libcurl handle and its response buffer. */
typedef struct curl_json curl_json;

/* A client, or NULL. Call curl_json_global_init() once first. */
curl_json *curl_json_new(void);

/* Frees `client` (NULL is fine). */
void curl_json_free(curl_json *client);

/* libcurl's process-wide setup; 0 on success. */
int curl_json_global_init(void);

/* POST create-for-role `role` in `room`, decoded into a room code and freed;
 * 0 on success. */
int curl_json_create_for_role(curl_json *client, const char *room, const char *role);

/* GET one page of up to `limit` codes of `room`, decoded into an array of
 * room codes and freed; the number of codes, or -1 on failure. */
int curl_json_list_page(curl_json *client, const char *room, int limit);

#endif
