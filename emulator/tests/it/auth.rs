//! Management auth: the fixed token, signed JWTs, and the 401 answer.

use hms_emulator::EmulatorConfig;
use serde_json::{json, Value};

use crate::client::{jwt, now, Api, Conn, TOKEN};

fn claims() -> Value {
    let now = now();
    json!({
        "access_key": "emulator-access-key", "type": "management", "version": 2,
        "iat": now - 10, "nbf": now - 10, "exp": now + 3600,
        "jti": "2b9b8a57-7a5e-4a8f-9a77-0a2f4f7c1d11",
    })
}

fn create_room_with(api: &Api, authorization: Option<&str>) -> crate::client::Resp {
    let headers: Vec<(&str, &str)> = authorization
        .map(|a| ("Authorization", a))
        .into_iter()
        .collect();
    api.send("POST", "/v2/rooms", &headers, Some("{}")).unwrap()
}

#[test]
fn accepts_the_fixed_token_and_signed_jwts() {
    let api = Api::new();
    assert_eq!(
        create_room_with(&api, Some(&format!("Bearer {TOKEN}"))).status,
        200
    );
    let token = jwt(&claims(), "emulator-app-secret");
    assert_eq!(
        create_room_with(&api, Some(&format!("Bearer {token}"))).status,
        200
    );
    let mut in_skew = claims();
    in_skew["nbf"] = json!(now() + 5);
    let token = jwt(&in_skew, "emulator-app-secret");
    assert_eq!(
        create_room_with(&api, Some(&format!("Bearer {token}"))).status,
        200
    );
}

#[test]
fn rejects_bad_tokens_with_401_without_echoing_them() {
    let api = Api::new();
    let mut cases: Vec<(&str, Value, &str)> = Vec::new();
    let mut change = |what: &'static str, key: &str, value: Option<Value>| {
        let mut c = claims();
        match value {
            Some(v) => c[key] = v,
            None => {
                c.as_object_mut().unwrap().remove(key);
            }
        }
        cases.push((what, c, "emulator-app-secret"));
    };
    change("expired", "exp", Some(json!(now() - 1)));
    change("no exp", "exp", None);
    change("future nbf", "nbf", Some(json!(now() + 60)));
    change(
        "wrong access key",
        "access_key",
        Some(json!("someone-else")),
    );
    change("wrong type", "type", Some(json!("app")));
    change("wrong version", "version", Some(json!(1)));
    change("no jti", "jti", None);
    cases.push(("wrong secret", claims(), "not-the-secret"));
    for (what, claims, secret) in cases {
        let token = jwt(&claims, secret);
        let resp = create_room_with(&api, Some(&format!("Bearer {token}")));
        let body = resp.error(401, "invalid or expired management token");
        assert!(body["details"][0].is_string(), "{what}: {body}");
        assert!(
            !String::from_utf8_lossy(&resp.body).contains(&token),
            "{what}"
        );
    }
    for authorization in [
        None,
        Some("Basic abc"),
        Some("Bearer"),
        Some("Bearer nope"),
        Some("Bearer a.b.c"),
    ] {
        let resp = create_room_with(&api, authorization);
        resp.error(401, "invalid or expired management token");
    }
    assert!(api.requests().iter().all(|r| r["path"] == "/v2/rooms"));
}

#[test]
fn guards_every_management_endpoint_but_not_the_token_exchange() {
    let api = Api::new();
    let room = api.room(None);
    let paths = [
        ("POST", "/v2/rooms".to_owned()),
        ("POST", format!("/v2/rooms/{room}")),
        ("POST", format!("/v2/room-codes/room/{room}")),
        ("GET", format!("/v2/room-codes/room/{room}")),
        ("POST", format!("/v2/room-codes/room/{room}/role/host")),
        ("POST", "/v2/room-codes/code".to_owned()),
    ];
    for (method, path) in &paths {
        let resp = Conn::open(&api.emulator)
            .send(method, path, &[], Some("{}"))
            .unwrap();
        resp.error(401, "invalid or expired management token");
    }
    let resp = api
        .send("POST", "/v2/token", &[], Some(r#"{"code":"abc-defg-hij"}"#))
        .unwrap();
    resp.error(404, "room code not found");
}

#[test]
fn follows_the_configured_credentials() {
    let config = EmulatorConfig {
        access_key: "K".to_owned(),
        app_secret: "S".to_owned(),
        management_token: None,
        ..EmulatorConfig::default()
    };
    let api = Api {
        emulator: hms_emulator::start(config).unwrap(),
    };
    create_room_with(&api, Some(&format!("Bearer {TOKEN}")))
        .error(401, "invalid or expired management token");
    let mut mine = claims();
    mine["access_key"] = json!("K");
    let token = jwt(&mine, "S");
    assert_eq!(
        create_room_with(&api, Some(&format!("Bearer {token}"))).status,
        200
    );
    let token = jwt(&claims(), "S");
    create_room_with(&api, Some(&format!("Bearer {token}")))
        .error(401, "invalid or expired management token");
}
