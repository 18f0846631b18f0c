//! Credentials: signed tokens the emulator verifies, renewal, and secrecy.

use crate::support::{Env, ACCESS_KEY, APP_SECRET};
use hms_room_codes::{ErrorKind, ListFilter};
use serde_json::json;
use std::time::Duration;

/// The tokens the client signed itself (JWTs), in the order sent.
fn signed_tokens(env: &Env) -> Vec<String> {
    env.bearer_tokens()
        .into_iter()
        .filter(|t| t.starts_with("Bearer ey"))
        .collect()
}

#[test]
fn signed_tokens_are_accepted_and_reused() {
    let env = Env::start();
    let client = env.client_with(env.config().app_keys(ACCESS_KEY, APP_SECRET));
    let room = env.room(None);
    client.create(&room).unwrap();
    client.list_page(&room, &ListFilter::default()).unwrap();
    let ours = signed_tokens(&env);
    assert_eq!(ours.len(), 2);
    assert_eq!(ours[0], ours[1], "the cached token is reused");
}

#[test]
fn a_wrong_secret_is_unauthorized_after_one_renewal() {
    let env = Env::start();
    let client = env.client_with(env.config().app_keys(ACCESS_KEY, "wrong-secret"));
    let room = env.room(None);
    let err = client.create(&room).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthorized);
    assert_eq!(
        env.count("POST", "/v2/room-codes/"),
        2,
        "one renewal, one repeat"
    );
    assert!(!format!("{err} {err:?}").contains("wrong-secret"));
}

#[test]
fn a_401_renews_the_token_and_the_call_succeeds() {
    let env = Env::start();
    let client = env.client_with(env.config().app_keys(ACCESS_KEY, APP_SECRET));
    let room = env.room(None);
    client.list_page(&room, &ListFilter::default()).unwrap();
    env.fault(
        json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "status": 401 }),
    );
    client.list_page(&room, &ListFilter::default()).unwrap();
    let tokens = signed_tokens(&env);
    assert_eq!(tokens.len(), 3);
    assert_eq!(
        tokens[0], tokens[1],
        "the rejected token was the cached one"
    );
    assert_ne!(tokens[1], tokens[2], "a new token after the 401");
}

#[test]
fn the_token_is_renewed_before_it_expires() {
    let env = Env::start();
    // 61 s of life: once a second has passed, less than 60 s remain.
    let client = env.client_with(
        env.config()
            .app_keys(ACCESS_KEY, APP_SECRET)
            .token_lifetime(Duration::from_secs(61)),
    );
    let room = env.room(None);
    client.list_page(&room, &ListFilter::default()).unwrap();
    client.list_page(&room, &ListFilter::default()).unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    client.list_page(&room, &ListFilter::default()).unwrap();
    let tokens = signed_tokens(&env);
    assert_eq!(tokens.len(), 3);
    assert_eq!(tokens[0], tokens[1]);
    assert_ne!(tokens[1], tokens[2], "renewed while still valid");
    assert_eq!(env.count("GET", "/v2/room-codes/"), 3, "no 401 was needed");
}

#[test]
fn proxy_mode_sends_no_authorization() {
    let env = Env::start();
    let client = env.client_with(env.config());
    let err = client.create("some-room").unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Unauthorized,
        "the emulator is not a proxy"
    );
    assert!(env.bearer_tokens().is_empty());
}
