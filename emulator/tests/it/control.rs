//! The control API: request log, templates and reset.

use serde_json::json;

use crate::client::{Api, TOKEN};

#[test]
fn logs_every_v2_request_as_received() {
    let api = Api::new();
    let room = api.room(None);
    api.send(
        "GET",
        "/v2/room-codes/room/a%20b?role=x+y&limit=5",
        &[("X-Custom", "1"), ("X-Custom", "2")],
        None,
    )
    .unwrap();
    api.send("GET", "/_emulator/faults", &[], None).unwrap();
    api.send("GET", "/elsewhere", &[], None).unwrap();
    let log = api.requests();
    assert_eq!(log.len(), 2, "only /v2 requests: {log:?}");
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["path"], "/v2/rooms");
    assert_eq!(log[0]["query"], "");
    assert_eq!(log[0]["body"], "{}");
    assert_eq!(
        log[0]["headers"]["authorization"],
        format!("Bearer {TOKEN}")
    );
    assert_eq!(log[0]["headers"]["content-type"], "application/json");
    assert_eq!(log[1]["path"], "/v2/room-codes/room/a%20b");
    assert_eq!(log[1]["query"], "role=x+y&limit=5");
    assert_eq!(log[1]["headers"]["x-custom"], "1, 2");
    assert_eq!(log[1]["body"], "");
    assert!(!room.is_empty());
    api.control("DELETE", "/_emulator/requests", None);
    assert!(api.requests().is_empty());
}

#[test]
fn defines_templates_and_checks_them() {
    let api = Api::new();
    let t = json!({"id": "t1", "roles": ["a", "b"]});
    assert_eq!(
        api.control("POST", "/_emulator/templates", Some(&t)).json(),
        t
    );
    let room = api
        .call("POST", "/v2/rooms", Some(&json!({"template_id": "t1"})))
        .json();
    assert_eq!(room["template_id"], "t1");
    for bad in [
        json!({"id": "", "roles": ["a"]}),
        json!({"id": "t", "roles": []}),
        json!({"id": "t", "roles": ["a", ""]}),
        json!({"id": "t", "roles": ["a", "a"]}),
        json!({"id": "t", "roles": "a"}),
        json!({"id": "t", "roles": ["a"], "extra": 1}),
    ] {
        let resp = api
            .send("POST", "/_emulator/templates", &[], Some(&bad.to_string()))
            .unwrap();
        resp.error(400, "invalid body");
    }
}

#[test]
fn reset_forgets_everything_but_the_default_template() {
    let api = Api::new();
    api.control(
        "POST",
        "/_emulator/templates",
        Some(&json!({"id": "t1", "roles": ["a"]})),
    );
    let room = api.room(Some("t1"));
    api.fault(json!({"path": "/v2/nothing", "status": 500}));
    assert_eq!(
        api.control("POST", "/_emulator/reset", None).json(),
        json!({"ok": true})
    );
    assert!(api.requests().is_empty());
    assert_eq!(
        api.control("GET", "/_emulator/faults", None).json(),
        json!([])
    );
    api.call("POST", &format!("/v2/room-codes/room/{room}"), None)
        .error(404, "room not found");
    api.call("POST", "/v2/rooms", Some(&json!({"template_id": "t1"})))
        .error(400, "template not found");
    let fresh = api.room(None);
    let all = api
        .call("POST", &format!("/v2/room-codes/room/{fresh}"), None)
        .json();
    assert_eq!(all["data"].as_array().unwrap().len(), 3);
}

#[test]
fn answers_the_control_api_version() {
    let api = Api::new();
    let body = api.control("GET", "/_emulator", None).json();
    assert_eq!(body["control_api"], hms_emulator::CONTROL_API_VERSION);
    assert_eq!(body["emulator"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn the_rust_helpers_drive_the_same_state_as_the_control_api() {
    let api = Api::new();
    let emulator = &api.emulator;
    emulator.define_template("t", &["a b"]);
    let room = emulator.create_room_with_template("t").unwrap();
    assert!(emulator
        .create_room_with_template("nope")
        .unwrap_err()
        .contains("template not found"));
    let created = api
        .send(
            "POST",
            &format!("/v2/room-codes/room/{room}"),
            &[("Authorization", &format!("Bearer {TOKEN}"))],
            None,
        )
        .unwrap();
    assert_eq!(created.status, 200);
    assert_eq!(emulator.requests().len(), 1);
    assert!(emulator
        .inject_fault(r#"{"path": "/v2", "bogus": 1}"#)
        .unwrap_err()
        .contains("bogus"));
    assert_eq!(
        emulator.inject_fault(r#"{"path": "/v2", "status": 503}"#),
        Ok(1)
    );
    let faulted = api.send("GET", "/v2/room-codes/room/x", &[], None).unwrap();
    assert_eq!(faulted.status, 503);
    emulator.set_room_enabled(&room, false).unwrap();
    emulator.reset();
    assert!(emulator.requests().is_empty());
    assert!(
        emulator.create_room_with_template("t").is_err(),
        "templates are forgotten"
    );
}

#[test]
fn rooms_made_through_the_control_api_are_not_logged() {
    let api = Api::new();
    let room = api
        .control(
            "POST",
            "/_emulator/rooms",
            Some(&json!({"template_id": "default"})),
        )
        .json();
    assert!(
        room["id"].as_str().is_some_and(|id| !id.is_empty()),
        "{room}"
    );
    assert!(api.requests().is_empty());
}
