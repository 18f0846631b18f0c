//! The call state machine, fed by hand: no network.

use super::*;
use crate::core::client::Core;
use crate::core::config::Config;
use crate::core::model::RoomCode;
use crate::core::wire::http::HttpResponse;

const CODE: &str = r#"{"code":"abc-defg-hij","room_id":"r","role":"host","enabled":true}"#;

fn core(builder: crate::core::config::ConfigBuilder) -> Core {
    Core::new(builder.base_url("https://api.test/v2").build().unwrap())
}

fn response(status: u16, body: &str, headers: &[(&str, &str)]) -> HttpResponse {
    HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.as_bytes().to_vec(),
    }
}

fn failure(kind: TransportFailureKind) -> TransportFailure {
    TransportFailure::new(kind, "connection reset by peer")
}

fn done<T: std::fmt::Debug>(step: Step<T>) -> Result<T> {
    match step {
        Step::Done(result) => result,
        other => panic!("expected Done, got {other:?}"),
    }
}

fn wait<T: std::fmt::Debug>(step: Step<T>) -> Duration {
    match step {
        Step::RetryAfter(wait) => wait,
        other => panic!("expected RetryAfter, got {other:?}"),
    }
}

#[test]
fn success_parses_the_body() {
    let core = core(Config::builder().management_token("tok"));
    let mut call = core.create_for_role("r", "host").unwrap();
    let request = call.request(0);
    assert_eq!(request.header("authorization"), Some("Bearer tok"));
    let code: RoomCode = done(call.on_response(&response(200, CODE, &[]), 0)).unwrap();
    assert_eq!(code.code, "abc-defg-hij");
}

#[test]
fn a_200_that_is_not_json_is_decode_with_its_status() {
    let core = core(Config::builder());
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let err = done(call.on_response(&response(200, "<html>", &[]), 0)).unwrap_err();
    assert_eq!((err.kind(), err.status()), (ErrorKind::Decode, Some(200)));
}

#[test]
fn the_token_exchange_is_never_signed() {
    let core = core(Config::builder().app_keys("k", "s"));
    let mut call = core.auth_token_for_code("abc", None).unwrap();
    assert_eq!(call.request(0).header("authorization"), None);
    assert!(core
        .create("r")
        .unwrap()
        .request(0)
        .header("authorization")
        .unwrap()
        .starts_with("Bearer ey"));
}

#[test]
fn proxy_mode_sends_no_authorization() {
    let core = core(Config::builder());
    assert_eq!(
        core.create("r").unwrap().request(0).header("authorization"),
        None
    );
}

#[test]
fn retry_after_is_honoured_then_rate_limited_after_max_retries() {
    let core = core(Config::builder().management_token("t"));
    let mut call = core.create_for_role("r", "host").unwrap();
    let limited = response(429, r#"{"message":"slow down"}"#, &[("Retry-After", "2")]);
    assert_eq!(wait(call.on_response(&limited, 0)), Duration::from_secs(2));
    assert_eq!(wait(call.on_response(&limited, 0)), Duration::from_secs(2));
    let err = done(call.on_response(&limited, 0)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
    assert_eq!(call.retries_done(), 2);
}

#[test]
fn a_wait_beyond_the_cap_ends_at_once_carrying_it() {
    let core = core(Config::builder());
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let limited = response(429, "", &[("retry-after", "45")]);
    let err = done(call.on_response(&limited, 0)).unwrap_err();
    assert_eq!(
        (err.kind(), err.retry_after()),
        (ErrorKind::RateLimited, Some(Duration::from_secs(45)))
    );
}

#[test]
fn a_wait_past_the_time_left_ends_the_call_with_the_servers_answer() {
    let core = core(Config::builder().backoff(Duration::from_millis(100), Duration::from_secs(8)));
    let limited = response(429, r#"{"message":"slow down"}"#, &[("Retry-After", "5")]);
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.set_time_left(Some(Duration::from_secs(2)));
    let err = done(call.on_response(&limited, 0)).unwrap_err();
    assert_eq!(
        (err.kind(), err.retry_after(), err.message()),
        (
            ErrorKind::RateLimited,
            Some(Duration::from_secs(5)),
            "list_page: slow down"
        )
    );
    assert_eq!(call.retries_done(), 0);
    // A wait that ends exactly when the time does leaves none for an attempt.
    call.set_time_left(Some(Duration::from_secs(5)));
    assert_eq!(
        done(call.on_response(&limited, 0)).unwrap_err().kind(),
        ErrorKind::RateLimited
    );
    call.set_time_left(Some(Duration::from_millis(5001)));
    assert_eq!(wait(call.on_response(&limited, 0)), Duration::from_secs(5));
    call.set_time_left(None);
    assert_eq!(wait(call.on_response(&limited, 0)), Duration::from_secs(5));
    // A backoff that does not fit ends with the attempt's own error.
    let mut call = core.set_enabled("abc", true).unwrap();
    call.request(0);
    call.set_time_left(Some(Duration::ZERO));
    let err = done(call.on_failure(&failure(TransportFailureKind::Broken))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    let err = done(call.on_response(&response(503, "", &[]), 0)).unwrap_err();
    assert_eq!((err.kind(), err.status()), (ErrorKind::Server, Some(503)));
}

#[test]
fn failures_name_the_host_and_port() {
    let core = core(Config::builder());
    let mut call = core.create("room").unwrap();
    call.request(0);
    let err = done(call.on_failure(&failure(TransportFailureKind::Broken))).unwrap_err();
    assert_eq!(
        err.message(),
        "create to api.test:443 failed: connection reset by peer"
    );
    let err = done(call.on_failure(&failure(TransportFailureKind::Timeout))).unwrap_err();
    assert!(
        err.message()
            .starts_with("create to api.test:443 timed out after 10000 ms"),
        "{err}"
    );
}

#[test]
fn creates_are_not_repeated_after_a_5xx_or_a_timeout() {
    let core = core(Config::builder());
    let err = done(
        core.create_for_role("r", "host")
            .unwrap()
            .on_response(&response(500, "", &[]), 0),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server);
    let err = done(
        core.create("r")
            .unwrap()
            .on_failure(&failure(TransportFailureKind::Timeout)),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    let err = done(
        core.create("r")
            .unwrap()
            .on_failure(&failure(TransportFailureKind::Broken)),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    // …but a request that never left is safe to repeat.
    assert!(
        wait(
            core.create("r")
                .unwrap()
                .on_failure(&failure(TransportFailureKind::NotSent))
        ) < Duration::from_secs(8)
    );
}

#[test]
fn other_operations_retry_5xx_and_failures_with_capped_backoff() {
    let core =
        core(Config::builder().backoff(Duration::from_millis(100), Duration::from_millis(150)));
    let mut call = core.set_enabled("abc", false).unwrap();
    assert!(wait(call.on_response(&response(503, "", &[]), 0)) < Duration::from_millis(100));
    assert!(
        wait(call.on_failure(&failure(TransportFailureKind::Timeout))) < Duration::from_millis(150)
    );
    let err =
        done(call.on_response(&response(502, "<html>bad gateway</html>", &[]), 0)).unwrap_err();
    assert_eq!((err.kind(), err.status()), (ErrorKind::Server, Some(502)));
}

#[test]
fn a_401_renews_a_signed_token_once() {
    let core = core(Config::builder().app_keys("k", "s"));
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let first = call
        .request(1_000)
        .header("authorization")
        .unwrap()
        .to_string();
    assert_eq!(
        wait(call.on_response(&response(401, "", &[]), 1_000)),
        Duration::ZERO
    );
    let second = call
        .request(1_000)
        .header("authorization")
        .unwrap()
        .to_string();
    assert_ne!(first, second);
    let err = done(call.on_response(&response(401, "", &[]), 1_000)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(call.retries_done(), 0, "the renewal is not a retry");
}

#[test]
fn a_401_with_a_fixed_token_is_final() {
    let core = core(Config::builder().management_token("t"));
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.request(0);
    assert_eq!(
        done(call.on_response(&response(401, "", &[]), 0))
            .unwrap_err()
            .kind(),
        ErrorKind::Unauthorized
    );
}

#[test]
fn bodies_over_the_cap_are_decode_errors() {
    let core = core(Config::builder().max_response_bytes(8));
    let mut call = core.create_for_role("r", "host").unwrap();
    assert_eq!(
        done(call.on_response(&response(200, CODE, &[]), 0))
            .unwrap_err()
            .kind(),
        ErrorKind::Decode
    );
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let err = done(call.on_failure(&failure(TransportFailureKind::BodyTooLarge))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
}

#[test]
fn errors_and_debug_output_never_show_secrets() {
    let core = core(Config::builder().app_keys("k", "app-secret-value"));
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let request = call.request(0).clone();
    let token = request
        .header("authorization")
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_string();
    let err = done(call.on_response(&response(403, "", &[]), 0)).unwrap_err();
    let shown = format!("{request:?} {call:?} {core:?} {err} {err:?}");
    assert!(
        !shown.contains(&token) && !shown.contains("app-secret-value"),
        "{shown}"
    );
}

#[test]
fn a_per_call_timeout_bounds_attempts_and_names_itself() {
    let core = core(Config::builder());
    let mut call = core.create("room").unwrap();
    assert_eq!(call.timeout(), core.config().timeout());
    call.set_timeout(Duration::from_millis(50));
    assert_eq!(call.timeout(), Duration::from_millis(50));
    call.request(0);
    let error = done(call.on_failure(&failure(TransportFailureKind::Timeout))).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(
        error.message().contains("after 50 ms"),
        "{}",
        error.message()
    );
}

#[test]
fn seeded_waits_follow_the_core_random_source_as_a_table() {
    use crate::core::call::retry::RetryPolicy;
    use crate::core::random::Random;
    let (base, cap) = (Duration::from_millis(100), Duration::from_secs(1));
    let policy = RetryPolicy {
        max_retries: 3,
        base,
        cap,
    };
    for seed in [0, 1, 42, u64::MAX] {
        let core = core(
            Config::builder()
                .rng_seed(seed)
                .max_retries(3)
                .backoff(base, cap),
        );
        let draws = Random::from_seed(seed);
        let mut call = core.list_page("r", &Default::default()).unwrap();
        // Each row: what an attempt got, and the wait the core must answer.
        let unavailable = response(503, "", &[]);
        let limited = response(429, "", &[("retry-after", "1")]);
        let steps: [(Step<_>, Duration); 3] = [
            (
                call.on_response(&unavailable, 0),
                policy.backoff(0, draws.fraction()),
            ),
            (
                call.on_failure(&failure(TransportFailureKind::Timeout)),
                policy.backoff(1, draws.fraction()),
            ),
            (call.on_response(&limited, 0), {
                draws.fraction();
                Duration::from_secs(1)
            }),
        ];
        for (i, (step, want)) in steps.into_iter().enumerate() {
            let got = wait(step);
            assert_eq!(got, want, "seed {seed}, attempt {}", i + 1);
            assert!(got <= cap);
        }
        let err = done(call.on_response(&unavailable, 0)).unwrap_err();
        assert_eq!((err.kind(), call.retries_done()), (ErrorKind::Server, 3));
    }
    // Seed 0's first fraction is 0.883…: the jitter is not a constant.
    let core = core(Config::builder().rng_seed(0).backoff(base, cap));
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let first = wait(call.on_response(&response(503, "", &[]), 0));
    assert!(
        first > Duration::from_millis(88) && first < Duration::from_millis(89),
        "{first:?}"
    );
}

#[test]
fn seeded_cores_sign_the_same_tokens() {
    let signed = |seed: u64, now: u64| {
        let core = core(Config::builder().app_keys("k", "s").rng_seed(seed));
        let mut call = core.create("r").unwrap();
        call.request(now)
            .header("authorization")
            .unwrap()
            .to_string()
    };
    assert_eq!(signed(7, 5_000), signed(7, 5_000));
    assert_ne!(
        signed(7, 5_000),
        signed(8, 5_000),
        "the jti comes from the seed"
    );
    assert_ne!(
        signed(7, 5_000),
        signed(7, 6_000),
        "iat comes from the time given"
    );
}

#[test]
fn an_absurd_retry_after_is_reported_clamped() {
    let core = core(Config::builder());
    let mut call = core.list_page("r", &Default::default()).unwrap();
    let limited = response(429, "", &[("retry-after", "99999999999999999999999")]);
    let err = done(call.on_response(&limited, 0)).unwrap_err();
    assert_eq!(
        (err.kind(), err.retry_after()),
        (
            ErrorKind::RateLimited,
            Some(crate::core::call::retry_after::MAX_RETRY_AFTER)
        )
    );
    assert!(err.message().starts_with("list_page answered HTTP 429"));
}

#[test]
fn messages_name_the_public_operation() {
    let core = core(Config::builder().max_response_bytes(4).max_retries(0));
    let pager = core.pager(Default::default());
    let mut call = core.list_next("r", &pager).unwrap().unwrap();
    let err = done(call.on_response(&response(502, "", &[]), 0)).unwrap_err();
    assert!(err.message().starts_with("list answered HTTP 502"), "{err}");
    let mut call = core.list_next("r", &pager).unwrap().unwrap();
    let err = done(call.on_response(&response(200, "12345", &[]), 0)).unwrap_err();
    assert!(
        err.message().starts_with("list: the response body"),
        "{err}"
    );
    let service = r#"{"message":"room not found"}"#;
    let mut call = core.create_for_role("r", "host").unwrap();
    let err = done(call.on_response(&response(404, service, &[]), 0)).unwrap_err();
    assert_eq!(err.message(), "create_for_role: room not found");
    let err = core.set_enabled("", true).unwrap_err();
    assert_eq!(err.message(), "set_enabled: code must not be empty");
    let err = core.list_next("", &pager).unwrap().unwrap_err();
    assert!(err.message().starts_with("list: room_id"), "{err}");
}

#[test]
fn a_body_of_exactly_the_cap_is_read() {
    let cap = CODE.len();
    let exact = core(Config::builder().max_response_bytes(cap));
    let mut call = exact.create_for_role("r", "host").unwrap();
    assert!(done(call.on_response(&response(200, CODE, &[]), 0)).is_ok());
    let short = core(Config::builder().max_response_bytes(cap - 1));
    let mut call = short.create_for_role("r", "host").unwrap();
    let err = done(call.on_response(&response(200, CODE, &[]), 0)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
}

/// A core whose events are kept, as lines, in the returned list.
fn recorded(
    builder: crate::core::config::ConfigBuilder,
) -> (Core, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = lines.clone();
    let builder = builder.on_event(move |event| {
        sink.lock().unwrap().push(format!("{event} {event:?}"));
    });
    (core(builder), lines)
}

#[test]
fn events_tell_each_attempt_wait_and_the_end() {
    let (core, lines) = recorded(
        Config::builder()
            .management_token("tok")
            .backoff(Duration::from_millis(1), Duration::from_millis(1)),
    );
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.request(1_000);
    wait(call.on_response(&response(503, "{}", &[("X-Request-Id", "rq-1")]), 1_040));
    call.request(1_050);
    done(call.on_response(&response(200, r#"{"data":[]}"#, &[]), 1_070)).unwrap();
    let lines = lines.lock().unwrap();
    let names: Vec<&str> = lines.iter().map(|l| l.split(' ').nth(1).unwrap()).collect();
    assert_eq!(
        names,
        [
            "attempt_started",
            "response",
            "retry_wait",
            "attempt_started",
            "response",
            "call_ended"
        ]
    );
    assert!(lines[0].starts_with(
        "hms attempt_started operation=list_page attempt=1 method=GET path=/v2/room-codes/room/r "
    ));
    assert!(lines[1].contains("status=503 elapsed_ms=40 body_bytes=2 request_id=rq-1"));
    assert!(
        lines[2].contains("next_attempt=2 wait_ms=") && lines[2].contains("reason=server_error")
    );
    assert!(lines[5]
        .starts_with("hms call_ended operation=list_page result=ok elapsed_ms=70 attempts=2"));
}

#[test]
fn events_never_show_a_secret_or_a_token() {
    let (core, lines) = recorded(Config::builder().app_keys("key-id", "the-app-secret-xyz"));
    let mut call = core.create_for_role("r", "host").unwrap();
    let request = call.request(0);
    let bearer = request
        .header("authorization")
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_string();
    assert_eq!(
        wait(call.on_response(&response(401, r#"{"message":"no"}"#, &[]), 0)),
        Duration::ZERO
    );
    call.request(0);
    let failure = TransportFailure::new(TransportFailureKind::Broken, "reset");
    let _ = call.on_failure_at(&failure, 5);
    let lines = lines.lock().unwrap();
    assert!(lines.len() >= 5, "{lines:?}");
    for line in lines.iter() {
        for secret in ["the-app-secret-xyz", bearer.as_str(), "eyJ", "Bearer"] {
            assert!(!line.contains(secret), "{secret} in {line}");
        }
    }
}

#[test]
fn an_error_carries_the_request_id_of_its_response() {
    let core = core(Config::builder());
    let mut call = core.create_for_role("r", "host").unwrap();
    call.request(0);
    let err = done(call.on_response(
        &response(
            404,
            r#"{"message":"room not found"}"#,
            &[("request-id", "abc")],
        ),
        0,
    ))
    .unwrap_err();
    assert_eq!(err.request_id(), Some("abc"));
    assert!(
        err.to_string().ends_with("(HTTP 404) [request id abc]"),
        "{err}"
    );
    let mut call = core.create_for_role("r", "host").unwrap();
    call.request(0);
    let err = done(call.on_response(&response(500, "{}", &[]), 0)).unwrap_err();
    assert_eq!(err.request_id(), None);
}

#[test]
fn a_call_may_allow_fewer_or_more_retries_than_the_client() {
    let core = core(Config::builder().max_retries(2));
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.set_max_retries(0);
    call.request(0);
    assert_eq!(
        done(call.on_response(&response(503, "{}", &[]), 0))
            .unwrap_err()
            .kind(),
        ErrorKind::Server
    );
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.set_max_retries(3);
    for _ in 0..3 {
        call.request(0);
        wait(call.on_response(&response(503, "{}", &[]), 0));
    }
    call.request(0);
    assert_eq!(
        done(call.on_response(&response(503, "{}", &[]), 0))
            .unwrap_err()
            .kind(),
        ErrorKind::Server
    );
}

#[test]
fn a_success_tells_its_status_request_id_attempts_and_time() {
    let core = core(Config::builder().backoff(Duration::from_millis(1), Duration::from_millis(1)));
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.request(1_000);
    wait(call.on_response(&response(429, "{}", &[("x-request-id", "rq-1")]), 1_010));
    assert_eq!(call.response_meta(), None);
    call.request(1_020);
    let ok = response(200, r#"{"data":[]}"#, &[("X-Request-Id", "rq-2")]);
    done(call.on_response(&ok, 1_070)).unwrap();
    assert_eq!(
        call.response_meta(),
        Some(&ResponseMeta {
            status: 200,
            request_id: Some("rq-2".into()),
            attempts: 2,
            elapsed: Duration::from_millis(70),
        })
    );
    // A 2xx whose body cannot be read is no success; nor is an error.
    let mut call = core.list_page("r", &Default::default()).unwrap();
    call.request(0);
    assert!(done(call.on_response(&response(200, "<html>", &[]), 5)).is_err());
    assert_eq!(call.response_meta(), None);
    let mut call = core.create_for_role("r", "host").unwrap();
    call.request(0);
    assert!(done(call.on_response(&response(404, "{}", &[]), 5)).is_err());
    assert_eq!(call.response_meta(), None);
    let mut call = core.create_for_role("r", "host").unwrap();
    call.request(0);
    done(call.on_response(&response(201, CODE, &[]), 5)).unwrap();
    let meta = call.response_meta().unwrap();
    assert_eq!(
        (meta.status, meta.request_id.as_deref(), meta.attempts),
        (201, None, 1)
    );
}
