/* spawn.c: see spawn.h. */
#define _POSIX_C_SOURCE 200809L
#include "spawn.h"

#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Reads the first line of `fd` into `line` (without its newline). */
static int first_line(int fd, char *line, size_t size) {
  size_t len = 0;
  char c;
  while (len + 1 < size && read(fd, &c, 1) == 1) {
    if (c == '\n') {
      line[len] = '\0';
      return 0;
    }
    line[len++] = c;
  }
  return -1;
}

int emu_spawn(const char *ca_out, emu_process *out) {
  const char *bin = getenv("HMS_EMULATOR_BIN");
  if (bin == NULL) {
    fprintf(stderr, "spawn: HMS_EMULATOR_BIN is not set (run under scripts/with-emulator.sh)\n");
    return -1;
  }
  char *argv[] = {(char *)bin, "--port", "0", "--tls", "--ca-out", (char *)ca_out, NULL};
  if (ca_out == NULL) argv[3] = NULL;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  int spawned = posix_spawn(&out->pid, bin, &actions, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  int ok = spawned == 0 && first_line(pipe_fds[0], out->url, sizeof out->url) == 0;
  close(pipe_fds[0]);
  if (!ok && spawned == 0) emu_stop(out);
  return ok ? 0 : -1;
}

void emu_stop(emu_process *process) {
  kill(process->pid, SIGTERM);
  waitpid(process->pid, NULL, 0);
}
