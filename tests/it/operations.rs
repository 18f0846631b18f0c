//! Every operation, end to end.

use crate::clients::Flavor;
use crate::support::{Env, TOKEN};
use hms_room_codes::{CallOptions, Config, ListFilter, RoomCode};
use std::collections::HashSet;

#[test]
fn create_gives_one_code_per_role_and_is_stable() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let codes = client.create(&room).unwrap();
    let roles: HashSet<&str> = codes.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, HashSet::from(["host", "guest", "viewer"]));
    assert!(codes
        .iter()
        .all(|c| c.enabled && c.room_id == room && c.created_at.is_some()));
    let again = client.create(&room).unwrap();
    assert_eq!(codes.len(), again.len());
}

#[test]
fn create_for_role_mints_a_new_code_each_call() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let a = client.create_for_role(&room, "guest").unwrap();
    let b = client.create_for_role(&room, "guest").unwrap();
    assert_ne!(a.code, b.code);
    assert_eq!(
        (a.role.as_str(), a.room_id.as_str()),
        ("guest", room.as_str())
    );
}

#[test]
fn list_walks_every_page_and_filters() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let mut made: Vec<RoomCode> = (0..25)
        .map(|_| client.create_for_role(&room, "host").unwrap())
        .collect();
    made.push(client.create_for_role(&room, "viewer").unwrap());
    client.set_enabled(&made[0].code, false).unwrap();

    let page = client
        .list_page(&room, &ListFilter::new().limit(10))
        .unwrap();
    assert_eq!(page.data.len(), 10);
    assert!(page.last.is_some());

    let all: Vec<RoomCode> = client
        .list(&room, &ListFilter::new().limit(10))
        .collect::<Result<_, _>>()
        .unwrap();
    let listed: HashSet<&str> = all.iter().map(|c| c.code.as_str()).collect();
    let expected: HashSet<&str> = made.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(listed, expected);
    assert_eq!(env.count("GET", "/v2/room-codes/room/"), 1 + 3);

    let hosts = client.list(&room, &ListFilter::new().role("host"));
    assert_eq!(hosts.count(), 25);
    let disabled: Vec<_> = client
        .list(&room, &ListFilter::new().enabled(false))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(disabled.len(), 1);
    assert_eq!(disabled[0].code, made[0].code);
}

#[test]
fn set_enabled_toggles_and_is_idempotent() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let code = client.create_for_role(&room, "host").unwrap();
    assert!(!client.set_enabled(&code.code, false).unwrap().enabled);
    assert!(!client.set_enabled(&code.code, false).unwrap().enabled);
    assert!(client.set_enabled(&code.code, true).unwrap().enabled);
    let sent = env.requests();
    let last = sent
        .iter()
        .rev()
        .find(|r| r["path"] == "/v2/room-codes/code")
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(last["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "code": code.code, "enabled": true })
    );
}

#[test]
fn token_exchange_sends_no_management_token() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let code = client.create_for_role(&room, "host").unwrap();
    let token = client
        .auth_token_for_code(&code.code, Some("user-1"))
        .unwrap();
    assert_eq!(token.token.expose().split('.').count(), 3);
    let log = env.requests();
    let exchange = log.iter().find(|r| r["path"] == "/v2/token").unwrap();
    assert!(exchange["headers"].get("authorization").is_none());
    assert!(exchange["body"]
        .as_str()
        .unwrap()
        .contains("\"user_id\":\"user-1\""));
    assert!(client.auth_token_for_code(&code.code, None).is_ok());
}

#[test]
fn the_auth_token_comes_with_its_expiry_and_prints_redacted() {
    let env = Env::start();
    let room = env.room(None);
    for flavor in Flavor::ALL {
        // Only the base URL is set: the token exchange follows it.
        let builder = Config::builder()
            .base_url(env.emulator.base_url())
            .management_token(TOKEN);
        let client = env.client_of(flavor, builder);
        let code = client
            .create_for_role(&room, "guest", &CallOptions::new())
            .unwrap();
        let token = client
            .auth_token_for_code(&code.code, None, &CallOptions::new())
            .unwrap();
        let jwt = token.token.expose();
        assert_eq!(jwt.split('.').count(), 3, "{flavor:?}");
        let expires_at = token
            .expires_at
            .as_deref()
            .expect("the emulator sends expires_at");
        assert!(
            expires_at.starts_with("20") && expires_at.ends_with('Z'),
            "{expires_at}"
        );
        let shown = format!("{token:?}");
        assert!(!shown.contains(jwt) && shown.contains("<redacted>") && shown.contains(expires_at));
    }
}

#[test]
fn every_request_carries_the_user_agent_and_json_headers() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    client.create(&room).unwrap();
    let log = env.requests();
    let create = log
        .iter()
        .find(|r| r["path"].as_str().unwrap().starts_with("/v2/room-codes"))
        .unwrap();
    let ua = create["headers"]["user-agent"].as_str().unwrap();
    assert_eq!(
        ua,
        format!("hms-room-codes/{} (rust)", hms_room_codes::VERSION)
    );
    assert_eq!(create["headers"]["content-type"], "application/json");
    assert_eq!(
        create["headers"]["authorization"],
        format!("Bearer {}", crate::support::TOKEN)
    );
}

#[test]
fn a_cursor_the_service_repeats_ends_the_listing_with_decode() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let code = client.create_for_role(&room, "host").unwrap();
    let page =
        serde_json::json!({ "limit": 10, "data": [code], "last": "same-cursor" }).to_string();
    for flavor in Flavor::ALL {
        env.clear_requests();
        env.fault(serde_json::json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "status": 200, "body": page, "content_type": "application/json", "count": 2 }));
        let client = env.client_of(flavor, env.config().management_token(TOKEN));
        let results = client.list(&room, &ListFilter::default(), &CallOptions::default());
        assert_eq!(
            results.len(),
            2,
            "the first page, then the error ({flavor:?})"
        );
        assert_eq!(
            results[1].as_ref().unwrap_err().kind(),
            hms_room_codes::ErrorKind::Decode
        );
        assert_eq!(env.count("GET", "/v2/room-codes/room/"), 2, "{flavor:?}");
    }
}
