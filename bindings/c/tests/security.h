/*
 * security.h: the C API's safety promises: TLS trust, https-only, redirects never
 * followed, and secrets kept out of error messages.
 */
#ifndef HMS_TESTS_SECURITY_H
#define HMS_TESTS_SECURITY_H

/* An HTTPS emulator with its own CA: refused by default (HMS_STATUS_NETWORK saying
 * the certificate is not trusted), accepted once its CA is trusted. */
void test_tls_trust(void);

/* Plain http to a host that is not loopback needs the opt-in (nothing is sent). */
void test_plain_http_needs_the_opt_in(void);

/* A 3xx to another host ends in HMS_STATUS_UNEXPECTED_STATUS; that host sees nothing. */
void test_redirect_to_another_host_sends_it_nothing(void);

/* No error message or detail holds the token, the app secret or a sent JWT. */
void test_no_secret_in_error_messages(void);

/* Events at their most verbose tell each attempt, response, wait and end, with the
 * request id, and hold no secret or JWT; errors carry the request id; a call may
 * allow fewer retries than its client. */
void test_events_show_no_secret(void);

/* HTTPS to an emulator through the tinyproxy of scripts/with-proxy.sh by CONNECT:
 * given with hms_client_options_set_proxy, or by HTTPS_PROXY; NO_PROXY goes direct;
 * the system trust store adds to the CAs given and alone does not trust the emulator. */
void test_https_through_a_proxy(void);

#endif
