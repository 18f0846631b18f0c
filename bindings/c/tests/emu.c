/* emu.c: see emu.h. POSIX sockets, one connection per request. */
#define _POSIX_C_SOURCE 200809L
#include "emu.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define EMU_TOKEN "emulator-management-token"

/* The host and port of `url` ("http://127.0.0.1:PORT"), or of HMS_EMULATOR_URL when NULL. */
static int emu_address(const char *url, char host[64], int *port) {
  if (url == NULL) url = getenv("HMS_EMULATOR_URL");
  if (url == NULL || sscanf(url, "http://%63[^:/]:%d", host, port) != 2) {
    fprintf(stderr, "emu: no emulator URL (run under scripts/with-emulator.sh)\n");
    return -1;
  }
  return 0;
}

static int emu_connect(const char *url) {
  char host[64];
  int port;
  if (emu_address(url, host, &port) != 0) return -1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) return -1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static int send_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n <= 0) return -1;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

/* Reads until the server closes the connection; returns a malloc'd buffer. */
static char *read_all(int fd) {
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  if (buf == NULL) return NULL;
  for (;;) {
    if (cap - len < 2048) {
      char *bigger = realloc(buf, cap * 2);
      if (bigger == NULL) {
        free(buf);
        return NULL;
      }
      buf = bigger;
      cap *= 2;
    }
    ssize_t n = read(fd, buf + len, cap - len - 1);
    if (n < 0) {
      free(buf);
      return NULL;
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  buf[len] = '\0';
  return buf;
}

int emu_request(const char *method, const char *path, const char *body, char **body_out) {
  return emu_request_at(NULL, method, path, body, body_out);
}

int emu_request_at(const char *url, const char *method, const char *path, const char *body, char **body_out) {
  int fd = emu_connect(url);
  if (fd < 0) return -1;
  size_t body_len = body ? strlen(body) : 0;
  char head[1024];
  int head_len = snprintf(head, sizeof head,
                          "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          "Authorization: Bearer " EMU_TOKEN "\r\n"
                          "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                          method, path, body_len);
  int status = -1;
  char *response = NULL;
  if (head_len > 0 && (size_t)head_len < sizeof head && send_all(fd, head, (size_t)head_len) == 0 &&
      send_all(fd, body ? body : "", body_len) == 0 && (response = read_all(fd)) != NULL &&
      sscanf(response, "HTTP/1.1 %d", &status) == 1 && body_out != NULL) {
    const char *start = strstr(response, "\r\n\r\n");
    start = start ? start + 4 : "";
    size_t n = strlen(start);
    *body_out = malloc(n + 1);
    if (*body_out != NULL) memcpy(*body_out, start, n + 1);
  }
  free(response);
  close(fd);
  return status;
}

/* The string value of `"key":"..."` in `json` (malloc'd), or NULL. */
static char *json_string(const char *json, const char *key) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  const char *start = strstr(json, pattern);
  if (start == NULL) return NULL;
  start += strlen(pattern);
  const char *end = strchr(start, '"');
  if (end == NULL) return NULL;
  char *value = malloc((size_t)(end - start) + 1);
  if (value == NULL) return NULL;
  memcpy(value, start, (size_t)(end - start));
  value[end - start] = '\0';
  return value;
}

static int ok(int status) { return status == 200 ? 0 : -1; }

char *emu_create_room(const char *template_id) {
  char body[256] = "{}";
  if (template_id != NULL) snprintf(body, sizeof body, "{\"template_id\":\"%s\"}", template_id);
  char *answer = NULL;
  char *id = NULL;
  if (emu_request("POST", "/v2/rooms", body, &answer) == 200) id = json_string(answer, "id");
  free(answer);
  return id;
}

int emu_disable_room(const char *room_id) {
  char path[256];
  snprintf(path, sizeof path, "/v2/rooms/%s", room_id);
  return ok(emu_request("POST", path, "{\"enabled\":false}", NULL));
}

int emu_template(const char *id, const char *roles_json) {
  static const char format[] = "{\"id\":\"%s\",\"roles\":%s}";
  size_t size = sizeof format + strlen(id) + strlen(roles_json);
  char *body = malloc(size);
  if (body == NULL) return -1;
  snprintf(body, size, format, id, roles_json);
  int status = ok(emu_request("POST", "/_emulator/templates", body, NULL));
  free(body);
  return status;
}

int emu_fault(const char *rule_json) { return ok(emu_request("POST", "/_emulator/faults", rule_json, NULL)); }

int emu_clear_faults(void) { return ok(emu_request("DELETE", "/_emulator/faults", NULL, NULL)); }

int emu_clear_requests(void) { return ok(emu_request("DELETE", "/_emulator/requests", NULL, NULL)); }

char *emu_log(const char *url) {
  char *log = NULL;
  if (emu_request_at(url, "GET", "/_emulator/requests", NULL, &log) != 200) {
    free(log);
    return NULL;
  }
  return log;
}

int emu_log_count(const char *url, const char *method, const char *path) {
  char *log = emu_log(url);
  if (log == NULL) return -1;
  char *entry = NULL;
  if (method != NULL) {
    static const char format[] = "{\"method\":\"%s\",\"path\":\"%s\",";
    size_t size = sizeof format + strlen(method) + strlen(path);
    entry = malloc(size);
    if (entry != NULL) snprintf(entry, size, format, method, path);
  }
  const char *needle = entry != NULL ? entry : "{\"method\":";
  int count = 0;
  for (const char *p = log; (p = strstr(p, needle)) != NULL; p++) count++;
  free(entry);
  free(log);
  return count;
}
