//! Time bounds of the blocking transport: each attempt and a whole call.
//! What is retried, and how long the client waits, is the core's: its table
//! tests (src/call_tests.rs, src/retry.rs) and the shared fault matrix
//! (tests/vectors/faults.json, run by `fault_matrix`) pin it.

use crate::support::Env;
use hms_room_codes::{ErrorKind, ListFilter};
use serde_json::json;
use std::time::{Duration, Instant};

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
