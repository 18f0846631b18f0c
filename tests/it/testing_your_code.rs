//! The "Testing your code" example of the crate's README, as a user writes it: only the
//! public APIs of `hms_emulator` and `hms_room_codes`.

use std::time::{Duration, Instant};

use hms_emulator::EmulatorConfig;
use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{Config, ErrorKind, ListFilter};

/// A client for the emulator: both base URLs are its `base_url()` (URL/v2).
fn client_for(emulator: &hms_emulator::Emulator) -> RoomCodesClient {
    let config = Config::builder()
        .base_url(emulator.base_url())
        .auth_base_url(emulator.base_url())
        .management_token(emulator.management_token().unwrap())
        .backoff(Duration::from_millis(10), Duration::from_secs(2))
        .build()
        .unwrap();
    RoomCodesClient::new(config)
}

#[test]
fn rooms_templates_and_codes() {
    let emulator = hms_emulator::start(EmulatorConfig::default()).unwrap();
    let client = client_for(&emulator);
    emulator.define_template("webinar", &["speaker", "audience"]);
    let room = emulator.create_room_with_template("webinar").unwrap();
    let codes = client.create(&room).unwrap();
    let roles: Vec<&str> = codes.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, ["speaker", "audience"]);
    let token = client
        .auth_token_for_code(&codes[0].code, Some("user-1"))
        .unwrap();
    assert_eq!(token.token.expose().split('.').count(), 3, "a JWT");
}

#[test]
fn a_429_with_retry_after_is_waited_for_and_retried() {
    let emulator = hms_emulator::start(EmulatorConfig::default()).unwrap();
    let client = client_for(&emulator);
    let room = emulator.create_room();
    emulator
        .inject_fault(r#"{"path": "/v2/room-codes/room/", "status": 429, "retry_after": "1"}"#)
        .unwrap();
    let started = Instant::now();
    client.create_for_role(&room, "guest").unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "Retry-After: 1 was obeyed"
    );
    assert_eq!(emulator.requests().len(), 2, "one 429, one retry");
}

#[test]
fn a_5xx_a_delay_and_a_reset_are_what_your_code_sees() {
    let emulator = hms_emulator::start(EmulatorConfig::default()).unwrap();
    let client = client_for(&emulator);
    let room = emulator.create_room();
    let filter = ListFilter::new();
    // Three 503s: the first try and both retries fail.
    emulator
        .inject_fault(r#"{"path": "/v2/room-codes", "status": 503, "count": 3}"#)
        .unwrap();
    let error = client.list(&room, &filter).next().unwrap().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    // A slow answer: 300 ms, then it succeeds.
    emulator
        .inject_fault(r#"{"path": "/v2/room-codes", "delay_ms": 300}"#)
        .unwrap();
    let started = Instant::now();
    assert!(client.list(&room, &filter).next().is_none(), "no codes yet");
    assert!(started.elapsed() >= Duration::from_millis(300));
    // A reset connection on create is not retried (a repeat could mint a second code).
    emulator
        .inject_fault(r#"{"method": "POST", "path": "/v2/room-codes", "action": "reset"}"#)
        .unwrap();
    let error = client.create_for_role(&room, "guest").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Network);
}

#[test]
fn the_request_log_shows_what_was_sent() {
    let emulator = hms_emulator::start(EmulatorConfig::default()).unwrap();
    let client = client_for(&emulator);
    let room = emulator.create_room();
    client.create_for_role(&room, "guest").unwrap();
    let requests = emulator.requests();
    let last = requests.last().unwrap();
    assert_eq!(last.method, "POST");
    assert_eq!(last.path, format!("/v2/room-codes/room/{room}/role/guest"));
    assert!(last.headers["authorization"].starts_with("Bearer "));
    emulator.clear_requests();
    assert!(emulator.requests().is_empty());
}
