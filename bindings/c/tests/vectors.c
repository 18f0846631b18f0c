/* vectors.c: see vectors.h. */
#define _POSIX_C_SOURCE 200809L
#include "vectors.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu.h"
#include "harness.h"
#include "vectors_data.h"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

hms_error *run_operation(hms_client *client, const char *operation, const char *room, const char *code) {
  hms_error *err = NULL;
  hms_room_code_list *list = NULL;
  hms_room_code *one = NULL;
  hms_room_code_page *page = NULL;
  hms_auth_token *token = NULL;
  if (strcmp(operation, "create") == 0) {
    hms_room_codes_create(client, NULL, room, &list, &err);
  } else if (strcmp(operation, "create_for_role") == 0) {
    hms_room_codes_create_for_role(client, NULL, room, "host", &one, &err);
  } else if (strcmp(operation, "list_page") == 0) {
    hms_room_codes_list_page(client, NULL, room, NULL, &page, &err);
  } else if (strcmp(operation, "set_enabled") == 0) {
    hms_room_codes_set_enabled(client, NULL, code, false, &one, &err);
  } else if (strcmp(operation, "auth_token_for_code") == 0) {
    hms_auth_token_for_code(client, NULL, code, NULL, &token, &err);
  } else {
    fprintf(stderr, "    unknown operation %s in faults.json\n", operation);
    CHECK(0);
  }
  hms_room_code_list_free(list);
  hms_room_code_free(one);
  hms_room_code_page_free(page);
  hms_auth_token_free(token);
  return err;
}

/* `pattern` with its "{room}" replaced by `room` (malloc'd). */
static char *fill_room(const char *pattern, const char *room) {
  const char *at = strstr(pattern, "{room}");
  size_t head = at ? (size_t)(at - pattern) : strlen(pattern);
  const char *tail = at ? at + strlen("{room}") : "";
  char *path = malloc(strlen(pattern) + strlen(room) + 1);
  if (path != NULL) sprintf(path, "%.*s%s%s", (int)head, pattern, at ? room : "", tail);
  return path;
}

/* The case's rule members with its placeholders filled in (malloc'd). */
static char *case_fields(const vec_fault_case *c) {
  size_t body = c->body_bytes > 0 ? (size_t)c->body_bytes : 0;
  char *fields = malloc(strlen(c->fields) + body + 128);
  if (fields == NULL) return NULL;
  strcpy(fields, c->fields);
  if (c->retry_after_in_ms >= 0) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    time_t at = (time_t)((now.tv_sec * 1000 + now.tv_nsec / 1000000 + c->retry_after_in_ms) / 1000);
    struct tm tm;
    gmtime_r(&at, &tm);
    char date[64];
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    sprintf(fields + strlen(fields), "%s\"retry_after\":\"%s\"", fields[0] ? "," : "", date);
  }
  if (c->body_bytes >= 0) {
    char *end = fields + strlen(fields);
    end += sprintf(end, "%s\"body\":\"", fields[0] ? "," : "");
    memset(end, 'x', body);
    strcpy(end + body, "\"");
  }
  return fields;
}

/* Runs one case on one operation and checks what it expects. */
static void run_case(hms_client *client, const vec_fault_case *c, size_t op, const char *room, const char *code) {
  const vec_operation *operation = &VEC_OPERATIONS[op];
  const vec_expect *want = &c->expect[op];
  char *path = fill_room(operation->path, room);
  char *fields = case_fields(c);
  CHECK(path != NULL && fields != NULL && emu_clear_faults() == 0 && emu_clear_requests() == 0);
  if (path == NULL || fields == NULL) goto done;
  fault(operation->method, path, fields);
  double start = now_ms();
  hms_error *err = run_operation(client, operation->name, room, code);
  double took = now_ms() - start;
  int sent = emu_log_count(NULL, operation->method, path);
  const char *kind = err != NULL ? hms_error_kind_name(err) : NULL;
  int kind_ok = want->kind == NULL ? err == NULL : kind != NULL && strcmp(kind, want->kind) == 0;
  int wait_ok = want->retry_after_ms < 0 || hms_error_retry_after_ms(err) == (uint64_t)want->retry_after_ms;
  if (!kind_ok || sent != want->requests || took < (double)want->min_ms || !wait_ok) {
    fprintf(stderr, "    %s, %s: got %s (%s) after %d requests in %.0f ms; want %s after %d\n", c->name,
            operation->name, kind ? kind : "success", hms_error_message(err), sent, took,
            want->kind ? want->kind : "success", want->requests);
    CHECK(0);
  }
  hms_error_free(err);
done:
  free(fields);
  free(path);
}

void test_fault_matrix(void) {
  settings s = {getenv("HMS_MANAGEMENT_TOKEN"), VEC_FAULT_CLIENT.timeout_ms, VEC_FAULT_CLIENT.max_retries, NULL,
                VEC_FAULT_CLIENT.backoff_base_ms, VEC_FAULT_CLIENT.backoff_cap_ms,
                VEC_FAULT_CLIENT.max_response_bytes, NULL};
  hms_client *client = client_with(s);
  hms_client *setup = new_client();
  for (size_t op = 0; op < VEC_OPERATION_COUNT; op++) {
    char *room = new_room();
    char *code = new_code(setup, room, "guest");
    for (size_t i = 0; room != NULL && code != NULL && i < COUNT(VEC_FAULT_CASES); i++) {
      run_case(client, &VEC_FAULT_CASES[i], op, room, code);
    }
    free(code);
    free(room);
  }
  CHECK(emu_clear_faults() == 0);
  hms_client_free(setup);
  hms_client_free(client);
}

/* The string parameters of the API, by name. */
static const char *const PARAMETERS[] = {
    "create room_id",    "create_for_role room_id", "create_for_role role",     "list_page room_id",
    "list_page role",    "list_page start",         "list room_id",             "set_enabled code",
    "auth_token_for_code code", "auth_token_for_code user_id",
};

/* Passes `v` as parameter `p` (real values elsewhere); frees what comes back. */
static hms_status pass_as(size_t p, hms_client *client, const char *room, const char *code, const char *v) {
  hms_room_code_list *list = NULL;
  hms_room_code_page *page = NULL;
  hms_room_code *one = NULL;
  hms_auth_token *token = NULL;
  hms_list_filter by_role = {0}, by_start = {0};
  by_role.role = v;
  by_start.start = v;
  hms_status status = HMS_STATUS_INTERNAL;
  switch (p) {
    case 0: status = hms_room_codes_create(client, NULL, v, &list, NULL); break;
    case 1: status = hms_room_codes_create_for_role(client, NULL, v, "host", &one, NULL); break;
    case 2: status = hms_room_codes_create_for_role(client, NULL, room, v, &one, NULL); break;
    case 3: status = hms_room_codes_list_page(client, NULL, v, NULL, &page, NULL); break;
    case 4: status = hms_room_codes_list_page(client, NULL, room, &by_role, &page, NULL); break;
    case 5: status = hms_room_codes_list_page(client, NULL, room, &by_start, &page, NULL); break;
    case 6: status = hms_room_codes_list(client, NULL, v, NULL, &list, NULL); break;
    case 7: status = hms_room_codes_set_enabled(client, NULL, v, true, &one, NULL); break;
    case 8: status = hms_auth_token_for_code(client, NULL, v, NULL, &token, NULL); break;
    default: status = hms_auth_token_for_code(client, NULL, code, v, &token, NULL); break;
  }
  hms_room_code_list_free(list);
  hms_room_code_page_free(page);
  hms_room_code_free(one);
  hms_auth_token_free(token);
  return status;
}

/* The value's bytes, NUL-terminated (malloc'd); NULL for a value with a NUL
 * inside, which a C string cannot carry (it would end there). */
static char *input_text(const vec_input *v) {
  if (memchr(v->text, '\0', v->len) != NULL) return NULL;
  char *text = malloc(v->len * v->times + 1);
  if (text == NULL) return NULL;
  for (size_t i = 0; i < v->times; i++) memcpy(text + i * v->len, v->text, v->len);
  text[v->len * v->times] = '\0';
  return text;
}

/* Appends `value` to `json` as a JSON string (control characters escaped). */
static void append_json_string(char *json, const char *value) {
  char *end = json + strlen(json);
  *end++ = '"';
  for (const unsigned char *c = (const unsigned char *)value; *c; c++) {
    if (*c == '"' || *c == '\\') *end++ = '\\';
    if (*c < 0x20) {
      end += sprintf(end, "\\u%04x", *c);
    } else {
      *end++ = (char)*c;
    }
  }
  strcpy(end, "\"");
}

/* Invalid values give invalid_argument for every parameter, and nothing is sent. */
static void invalid_values_send_nothing(void) {
  hms_client *client = new_client();
  char *room = new_room();
  char *code = new_code(client, room, "host");
  CHECK(emu_clear_requests() == 0);
  for (size_t i = 0; i < COUNT(VEC_INPUTS); i++) {
    char *v = VEC_INPUTS[i].valid ? NULL : input_text(&VEC_INPUTS[i]);
    for (size_t p = 0; v != NULL && p < COUNT(PARAMETERS); p++) {
      if (pass_as(p, client, room, code, v) != HMS_STATUS_INVALID_ARGUMENT) {
        fprintf(stderr, "    %s as %s: not invalid_argument\n", VEC_INPUTS[i].name, PARAMETERS[p]);
        CHECK(0);
      }
    }
    free(v);
  }
  CHECK(emu_log_count(NULL, NULL, NULL) == 0);
  free(code);
  free(room);
  hms_client_free(client);
}

/* Valid odd values pass every parameter, and round-trip as a role and a user id. */
static void valid_values_reach_the_service(void) {
  char *values[COUNT(VEC_INPUTS)];
  size_t count = 0, json_size = 3;
  for (size_t i = 0; i < COUNT(VEC_INPUTS); i++) {
    if (VEC_INPUTS[i].valid && (values[count] = input_text(&VEC_INPUTS[i])) != NULL) {
      json_size += 6 * strlen(values[count]) + 3;
      count++;
    }
  }
  char *roles = malloc(json_size);
  strcpy(roles, "[");
  for (size_t i = 0; i < count; i++) {
    if (i > 0) strcat(roles, ",");
    append_json_string(roles, values[i]);
  }
  strcat(roles, "]");
  CHECK(count > 0 && emu_template("odd-c", roles) == 0);
  char *room = emu_create_room("odd-c");
  hms_client *client = new_client();
  char *code = room != NULL && count > 0 ? new_code(client, room, values[0]) : NULL;
  CHECK(code != NULL);
  for (size_t i = 0; code != NULL && i < count; i++) {
    for (size_t p = 0; p < COUNT(PARAMETERS); p++) {
      if (pass_as(p, client, room, code, values[i]) == HMS_STATUS_INVALID_ARGUMENT) {
        fprintf(stderr, "    \"%s\" as %s: invalid_argument\n", values[i], PARAMETERS[p]);
        CHECK(0);
      }
    }
    hms_room_code *made = NULL;
    hms_error *err = NULL;
    CHECK_OK(hms_room_codes_create_for_role(client, NULL, room, values[i], &made, &err), err);
    CHECK(made != NULL && strcmp(made->role, values[i]) == 0);
    hms_auth_token *token = NULL;
    if (made != NULL) CHECK_OK(hms_auth_token_for_code(client, NULL, made->code, values[i], &token, &err), err);
    CHECK(token != NULL);
    hms_auth_token_free(token);
    hms_room_code_free(made);
  }
  for (size_t i = 0; i < count; i++) free(values[i]);
  free(code);
  free(roles);
  free(room);
  hms_client_free(client);
}

void test_bad_input_table(void) {
  invalid_values_send_nothing();
  valid_values_reach_the_service();
}
