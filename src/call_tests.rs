//! The call state machine, fed by hand: no network.

use super::*;
use crate::config::Config;
use crate::core::Core;
use crate::http::HttpResponse;
use crate::model::RoomCode;

const CODE: &str = r#"{"code":"abc-defg-hij","room_id":"r","role":"host","enabled":true}"#;

fn core(builder: crate::config::ConfigBuilder) -> Core {
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
    let request = call.request(0);
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
