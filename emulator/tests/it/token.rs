//! The token exchange: a room code for an app token.

use serde_json::json;

use crate::client::{jwt_claims, jwt_verifies, now, Api};

#[test]
fn exchanges_a_code_for_a_signed_app_token() {
    let api = Api::new();
    let room = api.room(None);
    let code = api.code(&room, "guest")["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = json!({"code": code, "user_id": "user-1"}).to_string();
    let resp = api
        .send(
            "POST",
            "/v2/token",
            &[("Authorization", "Bearer whatever")],
            Some(&body),
        )
        .unwrap();
    assert_eq!(resp.status, 200);
    let token = resp.json()["token"].as_str().unwrap().to_owned();
    let claims = jwt_claims(&token);
    assert_eq!(claims["room_id"], room.as_str());
    assert_eq!(claims["role"], "guest");
    assert_eq!(claims["user_id"], "user-1");
    assert_eq!(claims["type"], "app");
    assert!(claims["exp"].as_u64().unwrap() > now());
    assert!(claims["iat"].as_u64().unwrap() <= now());
    assert!(jwt_verifies(&token, "emulator-app-secret"));
    assert!(!jwt_verifies(&token, "another-secret"));
    let log = api.requests();
    let logged = log.last().unwrap();
    assert_eq!(logged["path"], "/v2/token");
    assert_eq!(logged["headers"]["authorization"], "Bearer whatever");

    let anonymous = api
        .send(
            "POST",
            "/v2/token",
            &[],
            Some(&json!({"code": code}).to_string()),
        )
        .unwrap();
    let user_id = jwt_claims(anonymous.json()["token"].as_str().unwrap())["user_id"].clone();
    assert_eq!(user_id.as_str().unwrap().len(), 36);
}

#[test]
fn refuses_unknown_disabled_and_malformed_requests() {
    let api = Api::new();
    let room = api.room(None);
    let code = api.code(&room, "host")["code"].clone();
    let exchange = |body: &str| api.send("POST", "/v2/token", &[], Some(body)).unwrap();
    exchange(r#"{"code":"abc-defg-hij"}"#).error(404, "room code not found");
    for bad in [
        "",
        "[]",
        "{}",
        r#"{"code": 5}"#,
        r#"{"code": "x", "user_id": 5}"#,
    ] {
        exchange(bad).error(400, "invalid body");
    }
    let off = json!({"code": code, "enabled": false});
    assert_eq!(
        api.call("POST", "/v2/room-codes/code", Some(&off)).status,
        200
    );
    exchange(&json!({"code": code}).to_string()).error(403, "room code is disabled");
    api.set_room_enabled(&room, false);
    exchange(&json!({"code": code}).to_string()).error(403, "room is disabled");
}
