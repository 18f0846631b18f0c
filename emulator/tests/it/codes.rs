//! Rooms, creating codes, enabling and disabling them.

use serde_json::{json, Value};

use crate::client::{encode, Api};

fn is_timestamp(v: &Value) -> bool {
    let s = v.as_str().unwrap_or("");
    let b = s.as_bytes();
    s.len() == 24
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z'
}

fn assert_code_shape(code: &Value, room: &str) {
    let s = code["code"].as_str().unwrap();
    let parts: Vec<&str> = s.split('-').collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [3, 4, 3],
        "{s}"
    );
    assert!(parts.concat().bytes().all(|b| b.is_ascii_lowercase()));
    assert_eq!(code["room_id"], room);
    assert_eq!(code["enabled"], true);
    assert!(
        is_timestamp(&code["created_at"]) && is_timestamp(&code["updated_at"]),
        "{code}"
    );
    assert!(
        code["customer_id"].is_string(),
        "an extra field for clients to ignore"
    );
}

fn set_enabled(api: &Api, code: &Value, enabled: bool) -> crate::client::Resp {
    let body = json!({ "code": code["code"], "enabled": enabled });
    api.call("POST", "/v2/room-codes/code", Some(&body))
}

#[test]
fn creates_rooms_once_per_name() {
    let api = Api::new();
    let resp = api.call(
        "POST",
        "/v2/rooms",
        Some(&json!({"name": "r1", "description": "d", "region": "us"})),
    );
    let room = resp.json();
    let id = room["id"].as_str().unwrap();
    assert!(id.len() == 24 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    assert_eq!(
        (&room["name"], &room["enabled"], &room["template_id"]),
        (&json!("r1"), &json!(true), &json!("default"))
    );
    assert_eq!(
        (&room["description"], &room["region"]),
        (&json!("d"), &json!("us"))
    );
    assert!(is_timestamp(&room["created_at"]) && is_timestamp(&room["updated_at"]));
    let again = api
        .call("POST", "/v2/rooms", Some(&json!({"name": "r1"})))
        .json();
    assert_eq!(again["id"], room["id"]);
    assert_ne!(api.room(None), api.room(None));
    api.call("POST", "/v2/rooms", Some(&json!({"template_id": "nope"})))
        .error(400, "template not found");
    api.call("POST", "/v2/rooms", Some(&json!({"name": 5})))
        .error(400, "invalid body");
    api.call("POST", "/v2/rooms/0123", Some(&json!({"enabled": false})))
        .error(404, "room not found");
    api.call(
        "POST",
        &format!("/v2/rooms/{id}"),
        Some(&json!({"enabled": "no"})),
    )
    .error(400, "invalid body");
}

#[test]
fn creates_one_enabled_code_per_role() {
    let api = Api::new();
    let room = api.room(None);
    let path = format!("/v2/room-codes/room/{room}");
    let first = api.call("POST", &path, None).json()["data"]
        .as_array()
        .unwrap()
        .clone();
    let roles: Vec<&str> = first.iter().map(|c| c["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["host", "guest", "viewer"]);
    first.iter().for_each(|c| assert_code_shape(c, &room));
    let again = api.call("POST", &path, None).json()["data"].clone();
    assert_eq!(again, json!(first), "existing codes are returned");
    assert_eq!(set_enabled(&api, &first[1], false).status, 200);
    let third = api.call("POST", &path, None).json()["data"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!((&third[0], &third[2]), (&first[0], &first[2]));
    assert_ne!(third[1]["code"], first[1]["code"]);
    assert_eq!(third[1]["role"], "guest");
    api.call("POST", "/v2/room-codes/room/ffffffffffffffffffffffff", None)
        .error(404, "room not found");
}

#[test]
fn creates_a_new_code_per_role_call() {
    let api = Api::new();
    let room = api.room(None);
    let a = api.code(&room, "guest");
    let b = api.code(&room, "guest");
    assert_code_shape(&a, &room);
    assert_eq!(a["role"], "guest");
    assert_ne!(a["code"], b["code"]);
    api.call(
        "POST",
        &format!("/v2/room-codes/room/{room}/role/nope"),
        None,
    )
    .error(404, "role not found");
    api.call("POST", "/v2/room-codes/room/nope/role/host", None)
        .error(404, "room not found");
}

#[test]
fn caps_a_room_at_100_codes() {
    let api = Api::new();
    let room = api.room(None);
    for _ in 0..100 {
        api.code(&room, "host");
    }
    let body = api
        .call(
            "POST",
            &format!("/v2/room-codes/room/{room}/role/host"),
            None,
        )
        .error(400, "room code limit reached");
    assert_eq!(
        body["details"],
        json!(["a room can hold at most 100 room codes"])
    );
    let other = api.room(None);
    for _ in 0..99 {
        api.code(&other, "host");
    }
    api.call("POST", &format!("/v2/room-codes/room/{other}"), None)
        .error(400, "room code limit reached");
}

#[test]
fn a_disabled_room_refuses_codes() {
    let api = Api::new();
    let room = api.room(None);
    let code = api.code(&room, "host");
    api.set_room_enabled(&room, false);
    api.call("POST", &format!("/v2/room-codes/room/{room}"), None)
        .error(403, "room is disabled");
    api.call(
        "POST",
        &format!("/v2/room-codes/room/{room}/role/host"),
        None,
    )
    .error(403, "room is disabled");
    api.call("GET", &format!("/v2/room-codes/room/{room}"), None)
        .error(403, "room is disabled");
    let token = api
        .send(
            "POST",
            "/v2/token",
            &[],
            Some(&json!({"code": code["code"]}).to_string()),
        )
        .unwrap();
    token.error(403, "room is disabled");
    set_enabled(&api, &code, true).error(403, "room code can not be enabled: its room is disabled");
    assert_eq!(set_enabled(&api, &code, false).json()["enabled"], false);
    api.set_room_enabled(&room, true);
    assert_eq!(set_enabled(&api, &code, true).json()["enabled"], true);
}

#[test]
fn sets_enabled_idempotently_and_moves_updated_at() {
    let api = Api::new();
    let room = api.room(None);
    let code = api.code(&room, "viewer");
    let off = set_enabled(&api, &code, false).json();
    assert_eq!(
        (&off["code"], &off["enabled"]),
        (&code["code"], &json!(false))
    );
    assert!(off["updated_at"].as_str() > code["updated_at"].as_str());
    assert_eq!(off["created_at"], code["created_at"]);
    let again = set_enabled(&api, &off, false).json();
    assert_eq!(again["enabled"], false);
    assert!(again["updated_at"].as_str() > off["updated_at"].as_str());
    assert_eq!(set_enabled(&api, &code, true).json()["enabled"], true);
    set_enabled(&api, &json!({"code": "zzz-zzzz-zzz"}), true).error(404, "room code not found");
}

#[test]
fn set_enabled_takes_exactly_code_and_enabled() {
    let api = Api::new();
    let room = api.room(None);
    let code = api.code(&room, "host")["code"].clone();
    let bad = [
        json!({"code": code}),
        json!({"enabled": true}),
        json!({"code": code, "enabled": "true"}),
        json!({"code": 1, "enabled": true}),
        json!({"code": code, "enabled": true, "role": "host"}),
        json!([code, true]),
        json!(null),
    ];
    for body in bad {
        let resp = api.call("POST", "/v2/room-codes/code", Some(&body));
        let err = resp.error(400, "invalid body");
        assert!(err["details"][0].is_string(), "{body}: {err}");
    }
    let auth = format!("Bearer {}", crate::client::TOKEN);
    for raw in ["", "{", "not json"] {
        let resp = api
            .send(
                "POST",
                "/v2/room-codes/code",
                &[("Authorization", &auth)],
                Some(raw),
            )
            .unwrap();
        resp.error(400, "invalid body");
    }
}

#[test]
fn odd_role_names_round_trip() {
    let api = Api::new();
    let roles = ["a b/c?d#e%f", "plus+sign", "ünïcödé", "x&y=z"];
    api.control(
        "POST",
        "/_emulator/templates",
        Some(&json!({"id": "odd", "roles": roles})),
    );
    let room = api.room(Some("odd"));
    for role in roles {
        let code = api.code(&room, role);
        assert_eq!(code["role"], role);
        let list = api
            .call(
                "GET",
                &format!("/v2/room-codes/room/{room}?role={}", encode(role)),
                None,
            )
            .json();
        assert_eq!(list["data"].as_array().unwrap().len(), 1, "{role}");
        assert_eq!(list["data"][0]["code"], code["code"]);
    }
    let all = api
        .call("POST", &format!("/v2/room-codes/room/{room}"), None)
        .json();
    let got: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["role"].as_str().unwrap())
        .collect();
    assert_eq!(got, roles);
    // In a query, `+` is a space too; in a path it is not.
    let list = api
        .call(
            "GET",
            &format!("/v2/room-codes/room/{room}?role=a+b%2Fc%3Fd%23e%25f"),
            None,
        )
        .json();
    assert_eq!(list["data"][0]["role"], roles[0]);
    api.call(
        "POST",
        &format!("/v2/room-codes/room/{room}/role/a+b%2Fc%3Fd%23e%25f"),
        None,
    )
    .error(404, "role not found");
    api.call(
        "POST",
        &format!("/v2/room-codes/room/{room}/role/a%20b/c"),
        None,
    )
    .error(404, "route not found");
}

#[test]
fn replacing_a_template_retires_codes_of_removed_roles() {
    let api = Api::new();
    api.control(
        "POST",
        "/_emulator/templates",
        Some(&json!({"id": "t", "roles": ["a", "b"]})),
    );
    let room = api.room(Some("t"));
    let path = format!("/v2/room-codes/room/{room}");
    let before = api.call("POST", &path, None).json()["data"].clone();
    api.control(
        "POST",
        "/_emulator/templates",
        Some(&json!({"id": "t", "roles": ["a", "c"]})),
    );
    let after = api.call("POST", &path, None).json()["data"].clone();
    assert_eq!(after[0], before[0]);
    assert_eq!(after[1]["role"], "c");
    let b = api
        .call("GET", &format!("{path}?enabled=false"), None)
        .json()["data"][0]
        .clone();
    assert_eq!(
        (&b["code"], &b["enabled"]),
        (&before[1]["code"], &json!(false))
    );
    set_enabled(&api, &b, true).error(
        403,
        "room code can not be enabled: its role no longer exists",
    );
}
