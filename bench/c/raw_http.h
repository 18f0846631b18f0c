/*
 * raw_http.h: the baseline of the C benchmarks, a bare HTTP/1.1 keep-alive
 * client to the emulator (HMS_EMULATOR_URL): one connection, no parsing beyond
 * the status line and Content-Length.
 */
#ifndef HMS_BENCH_RAW_HTTP_H
#define HMS_BENCH_RAW_HTTP_H

/* One kept-alive connection, or -1 if it cannot be opened. */
int raw_connect(void);

/* Sends `method path` with the emulator's fixed management token on `fd` and
 * reads the whole response; returns the HTTP status, or -1 on failure. */
int raw_request(int fd, const char *method, const char *path);

#endif
