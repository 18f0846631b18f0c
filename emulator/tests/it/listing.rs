//! Listing a room's codes: paging, filters and query validation.

use serde_json::{json, Value};

use crate::client::Api;

fn page(api: &Api, room: &str, query: &str) -> Value {
    let resp = api.call("GET", &format!("/v2/room-codes/room/{room}{query}"), None);
    assert_eq!(resp.status, 200, "{}", String::from_utf8_lossy(&resp.body));
    resp.json()
}

fn codes(page: &Value) -> Vec<String> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn pages_through_25_codes_10_at_a_time() {
    let api = Api::new();
    let room = api.room(None);
    let created: Vec<String> = (0..25)
        .map(|i| {
            api.code(&room, ["host", "guest", "viewer"][i % 3])["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let mut listed = Vec::new();
    let mut sizes = Vec::new();
    let mut query = "?limit=10".to_owned();
    loop {
        let p = page(&api, &room, &query);
        assert_eq!(p["limit"], 10);
        sizes.push(p["data"].as_array().unwrap().len());
        listed.extend(codes(&p));
        match p.get("last").and_then(Value::as_str) {
            Some(last) if !last.is_empty() => query = format!("?limit=10&start={last}"),
            _ => break,
        }
    }
    assert_eq!(sizes, [10, 10, 5]);
    assert_eq!(listed, created, "in creation order");
}

#[test]
fn defaults_to_10_and_ends_on_an_exact_fit() {
    let api = Api::new();
    let room = api.room(None);
    for _ in 0..10 {
        api.code(&room, "host");
    }
    let p = page(&api, &room, "");
    assert_eq!(
        (p["limit"].clone(), p["data"].as_array().unwrap().len()),
        (json!(10), 10)
    );
    assert!(p.get("last").is_none(), "{p}");
    api.code(&room, "host");
    let p = page(&api, &room, "");
    assert_eq!(p["last"], p["data"][9]["code"]);
    let rest = page(
        &api,
        &room,
        &format!("?start={}", p["last"].as_str().unwrap()),
    );
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    assert!(rest.get("last").is_none());
    let empty = page(&api, &api.room(None), "");
    assert_eq!(empty["data"], json!([]));
}

#[test]
fn filters_by_role_and_enabled() {
    let api = Api::new();
    let room = api.room(None);
    let all = api
        .call("POST", &format!("/v2/room-codes/room/{room}"), None)
        .json()["data"]
        .clone();
    let extra_guest = api.code(&room, "guest");
    let off = json!({"code": all[1]["code"], "enabled": false});
    assert_eq!(
        api.call("POST", "/v2/room-codes/code", Some(&off)).status,
        200
    );
    let guests = page(&api, &room, "?role=guest");
    assert_eq!(
        codes(&guests),
        [
            all[1]["code"].as_str().unwrap(),
            extra_guest["code"].as_str().unwrap()
        ]
    );
    let enabled_guests = page(&api, &room, "?role=guest&enabled=true");
    assert_eq!(
        codes(&enabled_guests),
        [extra_guest["code"].as_str().unwrap()]
    );
    let disabled = page(&api, &room, "?enabled=false");
    assert_eq!(codes(&disabled), [all[1]["code"].as_str().unwrap()]);
    assert_eq!(codes(&page(&api, &room, "?enabled=true")).len(), 3);
    let first = page(&api, &room, "?role=guest&limit=1");
    let next = page(
        &api,
        &room,
        &format!(
            "?role=guest&limit=1&start={}",
            first["last"].as_str().unwrap()
        ),
    );
    assert_eq!(codes(&next), [extra_guest["code"].as_str().unwrap()]);
    assert!(next.get("last").is_none());
}

#[test]
fn rejects_bad_queries() {
    let api = Api::new();
    let room = api.room(None);
    api.code(&room, "host");
    for (query, name) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("limit=", "limit"),
        ("limit=-1", "limit"),
        ("enabled=yes", "enabled"),
        ("enabled=", "enabled"),
        ("start=", "start"),
        ("start=abc-defg-hij", "start"),
    ] {
        let resp = api.call("GET", &format!("/v2/room-codes/room/{room}?{query}"), None);
        let body = resp.error(400, "invalid query parameter");
        assert!(
            body["details"][0].as_str().unwrap().contains(name),
            "{query}: {body}"
        );
    }
    assert_eq!(
        page(&api, &room, "?limit=100&enabled=true&ignored=1")["limit"],
        100
    );
    assert_eq!(page(&api, &room, "?limit=1")["limit"], 1);
    api.call(
        "GET",
        &format!("/v2/room-codes/room/{room}?role=nope"),
        None,
    )
    .error(404, "role not found");
    api.call("GET", "/v2/room-codes/room/nope", None)
        .error(404, "room not found");
}
