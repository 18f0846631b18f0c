//! Every error kind, produced against the emulator (`internal` is a caught
//! panic; the C tests produce it).

use crate::support::Env;
use hms_room_codes::{ErrorKind, ListFilter};
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn invalid_arguments_send_nothing() {
    let env = Env::start();
    let client = env.client();
    let long = "r".repeat(1025);
    let errors = [
        client.create("").unwrap_err(),
        client.create(" \t").unwrap_err(),
        client.create(&long).unwrap_err(),
        client.create_for_role("room", "ro\u{1}le").unwrap_err(),
        client.create_for_role("room", "..").unwrap_err(),
        client
            .list_page("room", &ListFilter::new().start(""))
            .unwrap_err(),
        client.set_enabled("a\nb", true).unwrap_err(),
        client.auth_token_for_code("code", Some("")).unwrap_err(),
    ];
    for err in errors {
        assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
        assert_eq!(err.status(), None);
    }
    let mut listing = client.list("", &ListFilter::default());
    assert_eq!(
        listing.next().unwrap().unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
    assert!(listing.next().is_none());
    assert!(env.requests().is_empty());
}

fn kind<T: std::fmt::Debug>(result: hms_room_codes::Result<T>) -> ErrorKind {
    result.unwrap_err().kind()
}

#[test]
fn service_errors_get_their_kind() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let code = client.create_for_role(&room, "host").unwrap();

    assert_eq!(
        kind(client.create("000000000000000000000000")),
        ErrorKind::RoomNotFound
    );
    assert_eq!(
        kind(client.create_for_role(&room, "nobody")),
        ErrorKind::RoleNotFound
    );
    assert_eq!(
        kind(client.create_for_role("000000000000000000000000", "host")),
        ErrorKind::RoomNotFound
    );
    assert_eq!(
        kind(client.list_page(&room, &ListFilter::new().limit(1000))),
        ErrorKind::BadRequest
    );
    assert_eq!(
        kind(client.set_enabled("no-such-code", true)),
        ErrorKind::CodeNotFound
    );
    assert_eq!(
        kind(client.auth_token_for_code("no-such-code", None)),
        ErrorKind::CodeNotFound
    );

    let wrong = env.client_with(env.config().management_token("not-the-token"));
    let err = wrong.create(&room).unwrap_err();
    assert_eq!(
        (err.kind(), err.status()),
        (ErrorKind::Unauthorized, Some(401))
    );

    client.set_enabled(&code.code, false).unwrap();
    env.disable_room(&room);
    assert_eq!(kind(client.create(&room)), ErrorKind::RoomDisabled);
    assert_eq!(
        kind(client.list_page(&room, &ListFilter::default())),
        ErrorKind::RoomDisabled
    );
    assert_eq!(
        kind(client.set_enabled(&code.code, true)),
        ErrorKind::Forbidden
    );
}

#[test]
fn the_hundred_code_cap_is_a_bad_request_with_details() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    for _ in 0..100 {
        client.create_for_role(&room, "viewer").unwrap();
    }
    let err = client.create_for_role(&room, "viewer").unwrap_err();
    assert_eq!(
        (err.kind(), err.status()),
        (ErrorKind::BadRequest, Some(400))
    );
    assert!(!err.details().is_empty());
}

#[test]
fn proxy_and_transport_failures_get_their_kind() {
    let env = Env::start();
    let client = env.client_with(
        env.config()
            .management_token(crate::support::TOKEN)
            .timeout(Duration::from_millis(300)),
    );
    let room = env.room(None);
    let path = format!("/v2/room-codes/room/{room}");
    let cases = [
        (
            json!({ "path": path, "status": 404, "body": "<html>nope</html>", "content_type": "text/html" }),
            ErrorKind::NotFound,
        ),
        (
            json!({ "path": path, "status": 418 }),
            ErrorKind::UnexpectedStatus,
        ),
        (
            json!({ "path": path, "action": "redirect", "location": "http://127.0.0.2:9/elsewhere" }),
            ErrorKind::UnexpectedStatus,
        ),
        (json!({ "path": path, "status": 500 }), ErrorKind::Server),
        (
            json!({ "path": path, "action": "not_json" }),
            ErrorKind::Decode,
        ),
        (
            json!({ "path": path, "action": "reset" }),
            ErrorKind::Network,
        ),
        (
            json!({ "path": path, "action": "truncate" }),
            ErrorKind::Network,
        ),
        (
            json!({ "path": path, "delay_ms": 1000 }),
            ErrorKind::Timeout,
        ),
        (
            json!({ "path": path, "status": 429, "retry_after": "60" }),
            ErrorKind::RateLimited,
        ),
    ];
    for (fault, want) in cases {
        env.fault(fault.clone());
        let err = client.create_for_role(&room, "host").unwrap_err();
        assert_eq!(err.kind(), want, "{fault}: {err}");
        env.clear_faults();
    }
}

#[test]
fn a_closed_port_is_a_network_error_after_retries() {
    let env = Env::start();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = env.client_with(
        env.config()
            .base_url(format!("http://127.0.0.1:{port}/v2"))
            .management_token("t"),
    );
    let started = Instant::now();
    let err = client.create("room").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // The message names where the client tried to connect.
    assert!(
        err.message().contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
}

#[test]
fn a_base_url_without_v2_is_no_missing_room() {
    let env = Env::start();
    let room = env.room(None);
    for flavor in crate::clients::Flavor::ALL {
        let client = env.client_of(
            flavor,
            hms_room_codes::Config::builder()
                .base_url(env.emulator.url())
                .management_token(crate::support::TOKEN),
        );
        let err = client
            .create(&room, &hms_room_codes::CallOptions::new())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound, "{flavor:?}: {err}");
        assert!(err.message().contains("base URL"), "{flavor:?}: {err}");
    }
}

#[test]
fn bodies_over_the_cap_are_decode_errors() {
    let env = Env::start();
    let client = env.client_with(
        env.config()
            .management_token(crate::support::TOKEN)
            .max_response_bytes(64),
    );
    let room = env.room(None);
    let err = client.create(&room).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
}
