/*
 * harness.h: what every C test file shares: a check counter with CHECK macros,
 * and fixtures on the emulator (clients, rooms, codes, faults).
 */
#ifndef HMS_TESTS_HARNESS_H
#define HMS_TESTS_HARNESS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hms_room_codes.h"

/* How many checks have failed so far (the runner compares it around each test). */
extern atomic_int failed_checks;

#define CHECK(cond)                                                                  \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      fprintf(stderr, "    %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      atomic_fetch_add(&failed_checks, 1);                                           \
    }                                                                                \
  } while (0)

/* Checks that a call failed with `want` (and HTTP status `http`, unless -1), that
 * the error says so consistently, and frees it. */
#define CHECK_ERROR(status, err, want, http) check_error(__FILE__, __LINE__, (status), &(err), (want), (http))
void check_error(const char *file, int line, hms_status status, hms_error **err_slot, hms_status want, int http);

/* Checks that a call succeeded; on failure shows and frees the error. */
#define CHECK_OK(status, err) check_ok(__FILE__, __LINE__, (status), &(err))
void check_ok(const char *file, int line, hms_status status, hms_error **err);

/* A monotonic clock in milliseconds. */
double now_ms(void);

/* Client settings for a test; a zero field keeps the default named. */
typedef struct {
  const char *token;          /* a fixed management token; NULL signs with the app keys */
  uint64_t timeout_ms;        /* 0 keeps the library's default */
  int max_retries;            /* -1 keeps the library's default */
  const char *base_url;       /* the API and auth base URL; NULL for the emulator */
  uint64_t backoff_base_ms;   /* 0 for 10 */
  uint64_t backoff_cap_ms;    /* 0 for 2000 */
  size_t max_response_bytes;  /* 0 keeps the library's default */
  const char *ca_pem;         /* CA certificates to trust; NULL keeps the web roots */
} settings;

/* A client with settings `s` (checked; NULL if it could not be made). */
hms_client *client_with(settings s);

/* A client of the emulator signing with its app keys. */
hms_client *new_client(void);

/* A fresh room on the emulator (free the id). */
char *new_room(void);

/* A new code for `role` in `room`, as a malloc'd string. */
char *new_code(hms_client *client, const char *room, const char *role);

/* Queues a fault: `fields` (JSON object members) for the next requests to exactly
 * `method` + `path`. */
void fault(const char *method, const char *path, const char *fields);

/* The path of the room's codes, or of its `role` when not NULL. */
void room_path(char *buf, size_t size, const char *room, const char *role);

/* Queues a fault (as `fault`) on the path of the room's codes, or of its `role`. */
void room_fault(const char *method, const char *room, const char *role, const char *fields);

#endif
