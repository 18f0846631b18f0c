//! Runs `tests/vectors/bad_input.json`, the input table every binding shares,
//! through every string parameter of the blocking client.

use crate::support::Env;
use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{ErrorKind, ListFilter};
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
    client: &RoomCodesClient,
    room: &str,
    code: &str,
    value: &str,
) -> Vec<(&'static str, Option<ErrorKind>)> {
    let kind = |r: hms_room_codes::Result<()>| r.err().map(|e| e.kind());
    vec![
        ("create room_id", kind(client.create(value).map(drop))),
        (
            "create_for_role room_id",
            kind(client.create_for_role(value, "host").map(drop)),
        ),
        (
            "create_for_role role",
            kind(client.create_for_role(room, value).map(drop)),
        ),
        (
            "list_page room_id",
            kind(client.list_page(value, &ListFilter::default()).map(drop)),
        ),
        (
            "list_page role",
            kind(
                client
                    .list_page(
                        room,
                        &ListFilter {
                            role: Some(value.into()),
                            ..Default::default()
                        },
                    )
                    .map(drop),
            ),
        ),
        (
            "list_page start",
            kind(
                client
                    .list_page(
                        room,
                        &ListFilter {
                            start: Some(value.into()),
                            ..Default::default()
                        },
                    )
                    .map(drop),
            ),
        ),
        (
            "set_enabled code",
            kind(client.set_enabled(value, true).map(drop)),
        ),
        (
            "auth_token_for_code code",
            kind(client.auth_token_for_code(value, None).map(drop)),
        ),
        (
            "auth_token_for_code user_id",
            kind(client.auth_token_for_code(code, Some(value)).map(drop)),
        ),
    ]
}

#[test]
fn invalid_values_are_rejected_before_any_request() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    let code = client.create_for_role(&room, "host").unwrap().code;
    env.clear_requests();
    for (name, value) in values(false) {
        for (parameter, kind) in every_parameter(&client, &room, &code, &value) {
            assert_eq!(
                kind,
                Some(ErrorKind::InvalidArgument),
                "{name} as {parameter}"
            );
        }
    }
    assert!(env.requests().is_empty(), "nothing was sent");
}

#[test]
fn valid_odd_values_reach_the_service_intact() {
    let env = Env::start();
    let valid = values(true);
    let roles: Vec<&str> = valid.iter().map(|(_, v)| v.as_str()).collect();
    env.template("odd", &roles);
    let client = env.client();
    let room = env.room(Some("odd"));
    let code = client.create_for_role(&room, roles[0]).unwrap().code;
    for (name, value) in &valid {
        for (parameter, kind) in every_parameter(&client, &room, &code, value) {
            assert_ne!(
                kind,
                Some(ErrorKind::InvalidArgument),
                "{name} as {parameter}"
            );
        }
        let made = client.create_for_role(&room, value).unwrap();
        assert_eq!(&made.role, value, "{name} round-trips as a role");
        let token = client.auth_token_for_code(&made.code, Some(value));
        assert!(token.is_ok(), "{name} as user_id: {token:?}");
    }
}
