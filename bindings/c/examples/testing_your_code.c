/*
 * testing_your_code.c: the "Testing your code" example of the C SDK's README, as a test of
 * your own would be written. It starts the hms-emulator binary ($HMS_EMULATOR, else
 * hms-emulator on PATH) on a free port, points a client at it through the environment
 * (both base URLs are URL/v2), and drives the emulator's control API with curl: a room and
 * a template, a 429 with Retry-After, a 5xx, a delay and a reset, and the request log.
 * Exits 0 when every check holds.
 *
 * Build:  cc testing_your_code.c $(pkg-config --cflags --libs hms_room_codes)
 */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hms_room_codes.h"

static char emulator_url[64];
static pid_t emulator_pid;
static int failures;

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);     \
      failures++;                                                         \
    }                                                                     \
  } while (0)

/* Starts the emulator and reads its URL, the first line it prints. Returns 0 on success. */
static int emulator_start(void) {
  const char *binary = getenv("HMS_EMULATOR") ? getenv("HMS_EMULATOR") : "hms-emulator";
  int fds[2];
  if (pipe(fds) != 0) return -1;
  emulator_pid = fork();
  if (emulator_pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execlp(binary, binary, "--port", "0", "--quiet", (char *)NULL);
    _exit(127);
  }
  close(fds[1]);
  FILE *out = fdopen(fds[0], "r");
  /* The emulator prints its URL at once; a missing binary ends the read with EOF. */
  int ok = out != NULL && fgets(emulator_url, sizeof emulator_url, out) != NULL;
  if (!ok) return -1;
  emulator_url[strcspn(emulator_url, "\n")] = '\0';
  char base[80];
  snprintf(base, sizeof base, "%s/v2", emulator_url);
  setenv("HMS_API_BASE_URL", base, 1);
  setenv("HMS_AUTH_BASE_URL", base, 1);
  setenv("HMS_MANAGEMENT_TOKEN", "emulator-management-token", 1);
  return 0;
}

static void emulator_stop(void) {
  kill(emulator_pid, SIGTERM);
  waitpid(emulator_pid, NULL, 0);
}

/* One call to the emulator with curl; returns its body (malloc'd) or NULL. */
static char *emulator_call(const char *method, const char *path, const char *json) {
  char command[1024];
  snprintf(command, sizeof command,
           "curl -sf --max-time 10 -X %s -H 'Authorization: Bearer emulator-management-token' "
           "%s%s%s '%s%s'",
           method, json ? "-d '" : "", json ? json : "", json ? "'" : "", emulator_url, path);
  FILE *out = popen(command, "r");
  if (out == NULL) return NULL;
  size_t size = 0, len = 0;
  char *body = NULL;
  for (int c; (c = fgetc(out)) != EOF; body[len++] = (char)c) {
    if (len + 2 > size) body = realloc(body, size = 2 * size + 256);
  }
  if (body) body[len] = '\0';
  return pclose(out) == 0 ? body : (free(body), NULL);
}

/* Creates a room of `template_id` and returns its id (malloc'd). */
static char *create_room(const char *template_id) {
  char json[128];
  snprintf(json, sizeof json, "{\"template_id\": \"%s\"}", template_id);
  char *room = emulator_call("POST", "/v2/rooms", json);
  char *id = room ? strstr(room, "\"id\":\"") : NULL;
  char *result = NULL;
  if (id) {
    id += strlen("\"id\":\"");
    result = strndup(id, strcspn(id, "\""));
  }
  free(room);
  return result;
}

static double seconds_since(const struct timespec *start) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The status of creating a code for `role`; frees what it got. */
static hms_status create_for_role(hms_client *client, const char *room, const char *role) {
  hms_room_code *code = NULL;
  hms_error *err = NULL;
  hms_status status = hms_room_codes_create_for_role(client, NULL, room, role, &code, &err);
  hms_room_code_free(code);
  hms_error_free(err);
  return status;
}

int main(void) {
  if (emulator_start() != 0) {
    fprintf(stderr, "cannot start the emulator: set HMS_EMULATOR or put hms-emulator on PATH\n");
    return 2;
  }
  hms_client *client = NULL;
  hms_error *err = NULL;
  CHECK(hms_client_new_from_env(&client, &err) == HMS_STATUS_OK);

  /* Rooms and templates. */
  free(emulator_call("POST", "/_emulator/templates", "{\"id\": \"webinar\", \"roles\": [\"speaker\", \"audience\"]}"));
  char *room = create_room("webinar");
  CHECK(room != NULL);
  CHECK(create_for_role(client, room, "speaker") == HMS_STATUS_OK);
  CHECK(create_for_role(client, room, "host") == HMS_STATUS_ROLE_NOT_FOUND);

  /* A 429 with Retry-After: 1 is waited for, then retried. */
  free(emulator_call("POST", "/_emulator/faults", "{\"path\": \"/v2/room-codes/room/\", \"status\": 429, \"retry_after\": \"1\"}"));
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  CHECK(create_for_role(client, room, "audience") == HMS_STATUS_OK);
  CHECK(seconds_since(&start) >= 0.9);

  /* Three 503s: the first try and both retries fail. */
  free(emulator_call("POST", "/_emulator/faults", "{\"path\": \"/v2/room-codes\", \"status\": 503, \"count\": 3}"));
  hms_room_code_list *codes = NULL;
  CHECK(hms_room_codes_list(client, NULL, room, NULL, &codes, &err) == HMS_STATUS_SERVER);
  hms_error_free(err);
  err = NULL;

  /* A delay past the call's deadline. */
  free(emulator_call("POST", "/_emulator/faults", "{\"path\": \"/v2/room-codes\", \"delay_ms\": 1000}"));
  hms_call_options call = {0};
  call.deadline_ms = 200;
  CHECK(hms_room_codes_list(client, &call, room, NULL, &codes, &err) == HMS_STATUS_TIMEOUT);
  hms_error_free(err);
  err = NULL;

  /* A reset connection on create is not retried (a repeat could mint a second code). */
  free(emulator_call("POST", "/_emulator/faults", "{\"method\": \"POST\", \"path\": \"/v2/room-codes\", \"action\": \"reset\"}"));
  CHECK(create_for_role(client, room, "speaker") == HMS_STATUS_NETWORK);

  /* The request log: what the client sent. */
  free(emulator_call("DELETE", "/_emulator/requests", NULL));
  CHECK(create_for_role(client, room, "speaker") == HMS_STATUS_OK);
  char *log = emulator_call("GET", "/_emulator/requests", NULL);
  CHECK(log != NULL && strstr(log, "/role/speaker\"") != NULL && strstr(log, "\"authorization\":\"Bearer ") != NULL);
  free(log);

  free(room);
  hms_client_free(client);
  emulator_stop();
  if (failures == 0) printf("testing_your_code.c: every check passed\n");
  return failures == 0 ? 0 : 1;
}
