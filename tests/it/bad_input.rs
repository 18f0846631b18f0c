//! Runs `tests/vectors/bad_input.json`, the input table every binding shares,
//! through every string parameter of both clients.

use crate::clients::{Client, Flavor};
use crate::support::{Env, TOKEN};
use hms_room_codes::{CallOptions, ErrorKind, ListFilter};
use serde_json::Value;

/// The table's values that are UTF-8 (Rust strings cannot hold the others).
fn values(valid: bool) -> Vec<(String, String)> {
    let table: Value = serde_json::from_str(include_str!("../vectors/bad_input.json")).unwrap();
    table["values"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["valid"] == valid && v.get("hex").is_none())
        .map(|v| {
            let text = match v["value"].as_str() {
                Some(text) => text.to_string(),
                None => v["repeat"]
                    .as_str()
                    .unwrap()
                    .repeat(v["times"].as_u64().unwrap() as usize),
            };
            (v["name"].as_str().unwrap().to_string(), text)
        })
        .collect()
}

/// Every parameter, with `value` in it and real values elsewhere.
fn every_parameter(
    client: &dyn Client,
    room: &str,
    code: &str,
    value: &str,
) -> Vec<(&'static str, Option<ErrorKind>)> {
    let kind = |r: hms_room_codes::Result<()>| r.err().map(|e| e.kind());
    let none = &CallOptions::default();
    let page =
        |room: &str, filter: ListFilter| kind(client.list_page(room, &filter, none).map(drop));
    vec![
        ("create room_id", kind(client.create(value, none).map(drop))),
        (
            "create_for_role room_id",
            kind(client.create_for_role(value, "host", none).map(drop)),
        ),
        (
            "create_for_role role",
            kind(client.create_for_role(room, value, none).map(drop)),
        ),
        ("list_page room_id", page(value, ListFilter::new())),
        ("list_page role", page(room, ListFilter::new().role(value))),
        (
            "list_page start",
            page(room, ListFilter::new().start(value)),
        ),
        (
            "set_enabled code",
            kind(client.set_enabled(value, true, none).map(drop)),
        ),
        (
            "auth_token_for_code code",
            kind(client.auth_token_for_code(value, None, none).map(drop)),
        ),
        (
            "auth_token_for_code user_id",
            kind(
                client
                    .auth_token_for_code(code, Some(value), none)
                    .map(drop),
            ),
        ),
    ]
}

fn invalid_values_are_rejected_before_any_request(flavor: Flavor) {
    let env = Env::start();
    let client = env.client_of(flavor, env.config().management_token(TOKEN));
    let room = env.room(None);
    let code = env.client().create_for_role(&room, "host").unwrap().code;
    env.clear_requests();
    for (name, value) in values(false) {
        for (parameter, kind) in every_parameter(client.as_ref(), &room, &code, &value) {
            assert_eq!(
                kind,
                Some(ErrorKind::InvalidArgument),
                "{name} as {parameter} ({flavor:?} client)"
            );
        }
    }
    assert!(env.requests().is_empty(), "nothing was sent");
}

fn valid_odd_values_reach_the_service_intact(flavor: Flavor) {
    let env = Env::start();
    let valid = values(true);
    let roles: Vec<&str> = valid.iter().map(|(_, v)| v.as_str()).collect();
    env.template("odd", &roles);
    let client = env.client_of(flavor, env.config().management_token(TOKEN));
    let none = &CallOptions::default();
    let room = env.room(Some("odd"));
    let code = client.create_for_role(&room, roles[0], none).unwrap().code;
    for (name, value) in &valid {
        for (parameter, kind) in every_parameter(client.as_ref(), &room, &code, value) {
            assert_ne!(
                kind,
                Some(ErrorKind::InvalidArgument),
                "{name} as {parameter} ({flavor:?} client)"
            );
        }
        let made = client.create_for_role(&room, value, none).unwrap();
        assert_eq!(&made.role, value, "{name} round-trips as a role");
        let token = client.auth_token_for_code(&made.code, Some(value), none);
        assert!(token.is_ok(), "{name} as user_id: {token:?}");
    }
}

#[test]
fn invalid_values_are_rejected_before_any_request_blocking() {
    invalid_values_are_rejected_before_any_request(Flavor::Blocking);
}

#[test]
fn invalid_values_are_rejected_before_any_request_async() {
    invalid_values_are_rejected_before_any_request(Flavor::Async);
}

#[test]
fn valid_odd_values_reach_the_service_intact_blocking() {
    valid_odd_values_reach_the_service_intact(Flavor::Blocking);
}

#[test]
fn valid_odd_values_reach_the_service_intact_async() {
    valid_odd_values_reach_the_service_intact(Flavor::Async);
}
