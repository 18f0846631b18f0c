/*
 * emu.h: a small test helper that drives the emulator (emulator) over plain
 * HTTP/1.1: rooms and templates through its service API, faults and the request
 * log through its control API. It reads the emulator's address from
 * HMS_EMULATOR_URL, as scripts/with-emulator.sh exports it (the *_at functions
 * take another one).
 */
#ifndef HMS_TESTS_EMU_H
#define HMS_TESTS_EMU_H

#include <stddef.h>

/* Sends one request; returns the HTTP status (or -1 if no answer came) and, when
 * `body_out` is not NULL, stores the body (malloc'd, NUL-terminated; free it). */
int emu_request(const char *method, const char *path, const char *body, char **body_out);

/* Like emu_request, to the emulator at `url` ("http://127.0.0.1:PORT"; NULL for
 * HMS_EMULATOR_URL). */
int emu_request_at(const char *url, const char *method, const char *path, const char *body, char **body_out);

/* Creates a room with `template_id` (NULL for the default template host, guest,
 * viewer); returns its id (malloc'd; free it) or NULL. */
char *emu_create_room(const char *template_id);

/* Disables a room; returns 0 on success. */
int emu_disable_room(const char *room_id);

/* Defines a template; `roles_json` is a JSON array of names. Returns 0 on success. */
int emu_template(const char *id, const char *roles_json);

/* Queues a fault rule (a JSON object, see the emulator); returns 0 on success. */
int emu_fault(const char *rule_json);

/* Drops every queued fault; returns 0 on success. */
int emu_clear_faults(void);

/* Forgets the request log; returns 0 on success. */
int emu_clear_requests(void);

/* The request log of the emulator at `url` (NULL for HMS_EMULATOR_URL) as JSON
 * (malloc'd; free it), or NULL if it cannot be read. */
char *emu_log(const char *url);

/* How many logged requests of the emulator at `url` (NULL for HMS_EMULATOR_URL)
 * have exactly `method` and `path` (both NULL: every request), or -1. */
int emu_log_count(const char *url, const char *method, const char *path);

#endif
