/* raw_http.c: see raw_http.h. */
#define _POSIX_C_SOURCE 200809L
#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Large enough for a page of 100 codes and its headers. */
#define RAW_BUFFER (64 * 1024)

int raw_connect(void) {
  int port;
  const char *url = getenv("HMS_EMULATOR_URL");
  if (url == NULL || sscanf(url, "http://127.0.0.1:%d", &port) != 1) return -1;
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  if (fd < 0 || setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
      connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

int raw_request(int fd, const char *method, const char *path) {
  char buf[RAW_BUFFER];
  int len = snprintf(buf, sizeof buf,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                     "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n",
                     method, path, getenv("HMS_MANAGEMENT_TOKEN"));
  if (len <= 0 || (size_t)len >= sizeof buf || write(fd, buf, (size_t)len) != len) return -1;
  size_t have = 0;
  char *body = NULL;
  while (body == NULL) {
    ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
    if (n <= 0) return -1;
    have += (size_t)n;
    buf[have] = '\0';
    body = strstr(buf, "\r\n\r\n");
  }
  int status = -1;
  const char *length = strstr(buf, "content-length:");
  if (length == NULL) length = strstr(buf, "Content-Length:");
  if (sscanf(buf, "HTTP/1.1 %d", &status) != 1 || length == NULL) return -1;
  size_t total = (size_t)(body + 4 - buf) + strtoul(length + 15, NULL, 10);
  if (total >= sizeof buf) return -1;
  while (have < total) {
    ssize_t n = read(fd, buf + have, total - have);
    if (n <= 0) return -1;
    have += (size_t)n;
  }
  return status;
}
