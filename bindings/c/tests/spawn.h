/*
 * spawn.h: starts more emulators for a test (an HTTPS one, or a second host to
 * redirect to) from the binary scripts/with-emulator.sh names in HMS_EMULATOR_BIN.
 */
#ifndef HMS_TESTS_SPAWN_H
#define HMS_TESTS_SPAWN_H

#include <sys/types.h>

/* A running emulator process and the URL it printed. */
typedef struct {
  pid_t pid;
  char url[64];
} emu_process;

/* Starts an emulator on a free port: plain HTTP, or with `ca_out` HTTPS, writing
 * its CA certificate (PEM) to that path. Returns 0 once its URL is known. */
int emu_spawn(const char *ca_out, emu_process *out);

/* Stops the emulator and waits for it. */
void emu_stop(emu_process *process);

#endif
