//! Retries: what is repeated, and how long the client waits.

use crate::support::Env;
use hms_room_codes::{ErrorKind, ListFilter};
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn retry_after_in_seconds_is_honoured() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    env.fault(json!({ "path": format!("/v2/room-codes/room/{room}/role/host"), "status": 429, "retry_after": "1" }));
    let started = Instant::now();
    client.create_for_role(&room, "host").unwrap();
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(1), "waited only {waited:?}");
    assert!(waited < Duration::from_secs(3), "waited {waited:?}");
    assert_eq!(env.count("POST", "/v2/room-codes/room/"), 2);
}

#[test]
fn retry_after_as_an_http_date_is_honoured() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let date = hms_room_codes::retry_after::http_date(now_ms + 2_000);
    env.fault(json!({ "path": format!("/v2/room-codes/room/{room}"), "method": "GET", "status": 503, "retry_after": date }));
    let started = Instant::now();
    client.list_page(&room, &ListFilter::default()).unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn create_for_role_is_not_repeated_after_a_500() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    env.fault(json!({ "path": format!("/v2/room-codes/room/{room}/role/host"), "status": 500, "count": 5 }));
    assert_eq!(
        client.create_for_role(&room, "host").unwrap_err().kind(),
        ErrorKind::Server
    );
    assert_eq!(env.count("POST", "/v2/room-codes/room/"), 1);
}

#[test]
fn create_is_not_repeated_after_a_timeout() {
    let env = Env::start();
    let client = env.client_with(
        env.config()
            .management_token(crate::support::TOKEN)
            .timeout(Duration::from_millis(200)),
    );
    let room = env.room(None);
    env.fault(json!({ "path": format!("/v2/room-codes/room/{room}"), "match": "exact", "delay_ms": 600, "count": 5 }));
    assert_eq!(client.create(&room).unwrap_err().kind(), ErrorKind::Timeout);
    assert_eq!(env.count("POST", "/v2/room-codes/room/"), 1);
}

#[test]
fn list_retries_5xx_until_max_retries() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    env.fault(json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "status": 502, "count": 2 }));
    assert!(client.list_page(&room, &ListFilter::default()).is_ok());
    env.fault(json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "status": 503, "count": 3 }));
    let err = client.list_page(&room, &ListFilter::default()).unwrap_err();
    assert_eq!((err.kind(), err.status()), (ErrorKind::Server, Some(503)));
    assert_eq!(env.count("GET", "/v2/room-codes/room/"), 3 + 3);
}

#[test]
fn set_enabled_survives_a_reset_connection() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let code = client.create_for_role(&room, "host").unwrap();
    env.fault(json!({ "path": "/v2/room-codes/code", "action": "reset" }));
    assert!(!client.set_enabled(&code.code, false).unwrap().enabled);
    assert_eq!(env.count("POST", "/v2/room-codes/code"), 2);
}

#[test]
fn each_attempt_is_bounded_by_the_timeout() {
    let env = Env::start();
    let timeout = Duration::from_millis(250);
    let client = env.client_with(
        env.config()
            .management_token(crate::support::TOKEN)
            .timeout(timeout)
            .max_retries(1),
    );
    let room = env.room(None);
    env.fault(json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "delay_ms": 2000, "count": 2 }));
    let started = Instant::now();
    let err = client.list_page(&room, &ListFilter::default()).unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        took < Duration::from_millis(1500),
        "two attempts of 250 ms took {took:?}"
    );
}

#[test]
fn a_deadline_bounds_the_whole_call() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    env.fault(json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "status": 429, "retry_after": "2" }));
    let started = Instant::now();
    let call = client
        .core()
        .list_page(&room, &ListFilter::default())
        .unwrap();
    let err = client
        .run(call, Some(Instant::now() + Duration::from_millis(300)))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(1));
}
