/*
 * vectors.h: the shared test vectors (tests/vectors: faults.json, bad_input.json,
 * config.json, listing.json) in C. make turns the
 * JSON files into build/c/vectors_data.h (bindings/c/tests/gen_vectors.py), whose
 * tables have the types below; vectors.c runs them through the C API.
 */
#ifndef HMS_TESTS_VECTORS_H
#define HMS_TESTS_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include "hms_room_codes.h"

/* Each test file uses some of the generated tables, not all. */
#define VEC_TABLE __attribute__((unused))

/* The operations of faults.json, in its order. */
#define VEC_OPERATION_COUNT 5

/* faults.json "client": the settings of the client under test. */
typedef struct {
  uint64_t timeout_ms;
  int max_retries;
  uint64_t backoff_base_ms;
  uint64_t backoff_cap_ms;
  size_t max_response_bytes;
} vec_client;

/* faults.json "operations": the request an operation sends ({room} in the path). */
typedef struct {
  const char *name;
  const char *method;
  const char *path;
} vec_operation;

/* What one case does to one operation. */
typedef struct {
  const char *kind;     /* the error kind's name, or NULL for success */
  int requests;         /* requests that reached the emulator */
  long min_ms;          /* the least time the call takes */
  long retry_after_ms;  /* the error's Retry-After, or -1 when not checked */
} vec_expect;

/* One fault case: the rule's JSON members and placeholders (-1 when absent). */
typedef struct {
  const char *name;
  const char *fields;
  long retry_after_in_ms;  /* becomes "retry_after", an HTTP date that far ahead */
  long body_bytes;         /* becomes "body", that many 'x' */
  vec_expect expect[VEC_OPERATION_COUNT];
} vec_fault_case;

/* One bad_input.json value: `len` bytes of `text`, repeated `times`. */
typedef struct {
  const char *name;
  const char *text;
  size_t len;
  size_t times;
  int valid;
} vec_input;

/* One config.json case: the options set (NULL or -1 when absent) and the
 * kind hms_client_new gives (NULL: a client). */
typedef struct {
  const char *name;
  const char *management_token;
  const char *access_key;
  const char *app_secret;
  int max_retries;
  int max_pages;
  const char *kind;
  const char *base_url; /* replaces the loopback base URL when not NULL */
} vec_config_case;

/* One listing.json case: the fault rule's members (NULL for none), max_pages
 * (-1 for the default), and what hms_room_codes_list gives. */
typedef struct {
  const char *name;
  const char *fault;
  int max_pages;
  const char *kind;
  int requests;
  int codes;
} vec_listing_case;

/* An hms_status value and its name, from the header's enum. */
typedef struct {
  uint32_t value;
  const char *name;
} vec_status_name;

/* Runs the operation named as in faults.json once (role "host", disabling
 * `code`); returns its error, or NULL on success. */
hms_error *run_operation(hms_client *client, const char *operation, const char *room, const char *code);

/* faults.json: every case for every operation, checking kind and request count. */
void test_fault_matrix(void);

/* bad_input.json: every value as every string parameter. */
void test_bad_input_table(void);

/* config.json: the settings the core accepts or refuses at hms_client_new. */
void test_config_table(void);

/* listing.json: hms_room_codes_list always ends. */
void test_listing_table(void);

/* Every hms_status of the header has the name hms_status_name gives. */
void test_status_names_match_the_enum(void);

#endif
