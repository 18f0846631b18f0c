//! Fault injection through `/_emulator/faults`.

use std::io::ErrorKind;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::client::{Api, Conn, TOKEN};

fn code_count(api: &Api, room: &str) -> usize {
    let list = api
        .call(
            "GET",
            &format!("/v2/room-codes/room/{room}?limit=100"),
            None,
        )
        .json();
    list["data"].as_array().unwrap().len()
}

#[test]
fn answers_a_status_with_retry_after_for_count_requests_without_changing_state() {
    let api = Api::new();
    let room = api.room(None);
    api.fault(
        json!({"path": "/v2/room-codes/room/", "status": 503, "retry_after": "2", "count": 2}),
    );
    let path = format!("/v2/room-codes/room/{room}/role/host");
    for _ in 0..2 {
        let resp = api.call("POST", &path, None);
        assert_eq!(resp.header("retry-after"), Some("2"));
        assert_eq!(
            resp.header("access-control-expose-headers"),
            Some("Retry-After, X-Request-Id")
        );
        assert_eq!(
            resp.json(),
            json!({"code": 503, "message": "Service Unavailable"})
        );
    }
    assert_eq!(api.call("POST", &path, None).status, 200);
    assert_eq!(
        code_count(&api, &room),
        1,
        "faulted requests changed nothing"
    );
    let paths: Vec<String> = api
        .requests()
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        paths[1..4],
        [path.clone(), path.clone(), path],
        "faulted requests are logged"
    );
}

#[test]
fn answers_a_given_body_and_content_type() {
    let api = Api::new();
    let date = "Wed, 21 Oct 2037 07:28:00 GMT";
    api.fault(
        json!({"path": "/v2/rooms", "status": 502, "body": "<html>bad gateway</html>",
                     "content_type": "text/html", "retry_after": date}),
    );
    api.fault(json!({"path": "/v2/rooms", "status": 429, "body": ""}));
    let resp = api.call("POST", "/v2/rooms", Some(&json!({})));
    assert_eq!(
        (resp.status, resp.body.as_slice()),
        (502, &b"<html>bad gateway</html>"[..])
    );
    assert_eq!(
        (resp.header("content-type"), resp.header("retry-after")),
        (Some("text/html"), Some(date))
    );
    let resp = api.call("POST", "/v2/rooms", Some(&json!({})));
    assert_eq!((resp.status, resp.body.len()), (429, 0));
    assert_eq!(api.call("POST", "/v2/rooms", Some(&json!({}))).status, 200);
}

#[test]
fn resets_the_connection() {
    let api = Api::new();
    let room = api.room(None);
    api.fault(json!({"path": "/v2/room-codes/room/", "action": "reset"}));
    let auth = format!("Bearer {TOKEN}");
    let mut conn = Conn::open(&api.emulator);
    let err = conn
        .send(
            "POST",
            &format!("/v2/room-codes/room/{room}/role/host"),
            &[("Authorization", &auth)],
            None,
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionReset, "{err}");
    assert_eq!(code_count(&api, &room), 0);
}

#[test]
fn truncates_the_real_answer() {
    let api = Api::new();
    let room = api.room(None);
    api.fault(json!({"method": "POST", "path": "/v2/room-codes/room/", "action": "truncate"}));
    let auth = format!("Bearer {TOKEN}");
    let path = format!("/v2/room-codes/room/{room}/role/host");
    let mut conn = Conn::open(&api.emulator);
    let err = conn
        .send("POST", &path, &[("Authorization", &auth)], None)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedEof);
    api.fault(json!({"method": "POST", "path": "/v2/room-codes/room/", "action": "truncate"}));
    let mut conn = Conn::open(&api.emulator);
    conn.write(format!("POST {path} HTTP/1.1\r\nAuthorization: {auth}\r\n\r\n").as_bytes())
        .unwrap();
    let (status, headers) = conn.read_head().unwrap();
    let declared: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .unwrap()
        .1
        .parse()
        .unwrap();
    let got = conn.read_rest().unwrap();
    assert_eq!(status, 200);
    assert!(
        !got.is_empty() && got.len() < declared,
        "{} of {declared}",
        got.len()
    );
    assert_eq!(code_count(&api, &room), 2, "the real handler ran");
}

#[test]
fn delays_the_real_answer_or_a_status() {
    let api = Api::new();
    api.fault(json!({"path": "/v2/rooms", "delay_ms": 300}));
    api.fault(json!({"path": "/v2/rooms", "delay_ms": 200, "status": 504}));
    let start = Instant::now();
    assert_eq!(
        api.call("POST", "/v2/rooms", Some(&json!({"name": "slow"})))
            .json()["name"],
        "slow"
    );
    assert!(start.elapsed() >= Duration::from_millis(300));
    let start = Instant::now();
    assert_eq!(api.call("POST", "/v2/rooms", Some(&json!({}))).status, 504);
    assert!(start.elapsed() >= Duration::from_millis(200));
}

#[test]
fn answers_html_or_a_redirect() {
    let api = Api::new();
    api.fault(json!({"path": "/v2/rooms", "action": "not_json"}));
    let resp = api.call("POST", "/v2/rooms", Some(&json!({})));
    assert_eq!(
        (resp.status, resp.body.as_slice()),
        (200, &b"<html>not json</html>"[..])
    );
    assert_eq!(resp.header("content-type"), Some("text/html"));

    api.fault(json!({"path": "/v2/room-codes/", "action": "redirect", "retry_after": "1"}));
    let resp = api.call("GET", "/v2/room-codes/room/abc?limit=5", None);
    assert_eq!(resp.status, 307);
    let expected = format!("{}/v2/room-codes/room/abc?limit=5", api.emulator.url());
    assert_eq!(resp.header("location"), Some(expected.as_str()));
    api.fault(
        json!({"path": "/v2/rooms", "action": "redirect", "status": 301,
                     "location": "http://127.0.0.1:9/elsewhere"}),
    );
    let resp = api.call("POST", "/v2/rooms", Some(&json!({})));
    assert_eq!(
        (resp.status, resp.header("location")),
        (301, Some("http://127.0.0.1:9/elsewhere"))
    );
}

#[test]
fn matches_by_method_prefix_or_exact_path_and_skips_preflights() {
    let api = Api::new();
    let room = api.room(None);
    api.fault(json!({"method": "get", "path": "/v2/room-codes/room/", "status": 500}));
    api.code(&room, "host");
    assert_eq!(
        api.call("GET", &format!("/v2/room-codes/room/{room}"), None)
            .status,
        500
    );

    api.fault(json!({"path": "/v2/rooms", "match": "exact", "status": 429}));
    api.set_room_enabled(&room, true);
    assert_eq!(api.call("POST", "/v2/rooms", Some(&json!({}))).status, 429);

    api.fault(json!({"path": "/v2/", "status": 500}));
    assert_eq!(
        api.send("OPTIONS", "/v2/rooms", &[], None).unwrap().status,
        204
    );
    assert_eq!(api.call("POST", "/v2/rooms", Some(&json!({}))).status, 500);
    api.fault(json!({"method": "OPTIONS", "path": "/v2/", "status": 500}));
    assert_eq!(
        api.send("OPTIONS", "/v2/rooms", &[], None).unwrap().status,
        500
    );
}

#[test]
fn lists_and_clears_rules_and_never_faults_the_control_api() {
    let api = Api::new();
    api.fault(json!({"path": "/", "status": 500, "count": 3}));
    assert_eq!(api.call("POST", "/v2/rooms", Some(&json!({}))).status, 500);
    let rules = api.control("GET", "/_emulator/faults", None).json();
    assert_eq!(
        rules,
        json!([{"path": "/", "match": "prefix", "count": 2, "status": 500}])
    );
    api.control("DELETE", "/_emulator/faults", None);
    assert_eq!(
        api.control("GET", "/_emulator/faults", None).json(),
        json!([])
    );
    assert_eq!(api.call("POST", "/v2/rooms", Some(&json!({}))).status, 200);
}

#[test]
fn rejects_bad_rules() {
    let api = Api::new();
    for rule in [
        json!({"path": "v2", "status": 500}),
        json!({"path": "/"}),
        json!({"path": "/", "status": 500, "bogus": 1}),
        json!({"path": "/", "status": 99}),
        json!({"path": "/", "status": 500, "count": 0}),
        json!({"path": "/", "action": "explode"}),
        json!({"status": 500}),
    ] {
        let resp = api
            .send("POST", "/_emulator/faults", &[], Some(&rule.to_string()))
            .unwrap();
        resp.error(400, "invalid body");
    }
    assert_eq!(
        api.control("GET", "/_emulator/faults", None).json(),
        json!([])
    );
}
