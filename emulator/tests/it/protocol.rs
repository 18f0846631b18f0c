//! HTTP behaviour: CORS, keep-alive, chunked bodies, unknown routes and methods.

use serde_json::json;

use crate::client::{Api, Conn, TOKEN};

#[test]
fn answers_preflights_and_sends_cors_headers_everywhere() {
    let api = Api::new();
    let resp = api
        .send(
            "OPTIONS",
            "/v2/room-codes/room/x",
            &[
                ("Origin", "http://a.test"),
                ("Access-Control-Request-Method", "POST"),
            ],
            None,
        )
        .unwrap();
    assert_eq!(resp.status, 204);
    assert_eq!(resp.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        resp.header("access-control-allow-methods"),
        Some("GET, POST, OPTIONS")
    );
    assert_eq!(
        resp.header("access-control-allow-headers"),
        Some("authorization, content-type, user-agent")
    );
    assert_eq!(resp.header("access-control-max-age"), Some("600"));
    for resp in [
        api.call("POST", "/v2/rooms", Some(&json!({}))),
        api.send("GET", "/v2/nope", &[], None).unwrap(),
    ] {
        assert_eq!(resp.header("access-control-allow-origin"), Some("*"));
        assert!(resp.header("x-request-id").unwrap().starts_with("emu-"));
        assert_eq!(
            resp.header("access-control-expose-headers"),
            Some("Retry-After, X-Request-Id")
        );
    }
}

#[test]
fn keeps_connections_alive_and_honours_close() {
    let api = Api::new();
    let auth = format!("Bearer {TOKEN}");
    let headers = [("Authorization", auth.as_str())];
    let mut conn = Conn::open(&api.emulator);
    let first = conn
        .send("POST", "/v2/rooms", &headers, Some("{}"))
        .unwrap();
    assert_eq!(first.header("connection"), Some("keep-alive"));
    let second = conn.send("POST", "/v2/rooms", &headers, None).unwrap();
    assert_eq!((first.status, second.status), (200, 200));
    let closing = [("Authorization", auth.as_str()), ("Connection", "close")];
    let third = conn.send("POST", "/v2/rooms", &closing, None).unwrap();
    assert_eq!(
        (third.status, third.header("connection")),
        (200, Some("close"))
    );
    assert!(
        conn.read_rest().unwrap().is_empty(),
        "closed after the answer"
    );

    let mut old = Conn::open(&api.emulator);
    old.write(b"GET /v2/nope HTTP/1.0\r\n\r\n").unwrap();
    assert_eq!(old.read_response().unwrap().status, 404);
    assert!(
        old.read_rest().unwrap().is_empty(),
        "HTTP/1.0 closes by default"
    );
}

#[test]
fn reads_chunked_bodies_and_expect_continue() {
    let api = Api::new();
    let room = api.room(None);
    let code = api.code(&room, "host")["code"].as_str().unwrap().to_owned();
    let body = json!({"code": code, "enabled": false}).to_string();
    let (a, b) = body.split_at(7);
    let raw = format!(
        "POST /v2/room-codes/code HTTP/1.1\r\nAuthorization: Bearer {TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x};ext=1\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    );
    let mut conn = Conn::open(&api.emulator);
    conn.write(raw.as_bytes()).unwrap();
    let resp = conn.read_response().unwrap();
    assert_eq!((resp.status, &resp.json()["enabled"]), (200, &json!(false)));

    let body = json!({"code": code, "enabled": true}).to_string();
    let head = format!(
        "POST /v2/room-codes/code HTTP/1.1\r\nAuthorization: Bearer {TOKEN}\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    conn.write(head.as_bytes()).unwrap();
    assert_eq!(conn.read_head().unwrap().0, 100);
    conn.write(body.as_bytes()).unwrap();
    let resp = conn.read_response().unwrap();
    assert_eq!((resp.status, &resp.json()["enabled"]), (200, &json!(true)));
    assert_eq!(api.requests().last().unwrap()["body"], body.as_str());
}

#[test]
fn answers_unknown_routes_and_methods() {
    let api = Api::new();
    for path in [
        "/",
        "/v2",
        "/v2/nope",
        "/v2/room-codes/room",
        "/v3/rooms",
        "/_emulator/nope",
        "/%5Femulator/reset",
    ] {
        api.send("POST", path, &[], None)
            .unwrap()
            .error(404, "route not found");
    }
    let resp = api
        .send("DELETE", "/v2/room-codes/room/x", &[], None)
        .unwrap();
    resp.error(405, "method not allowed");
    assert_eq!(resp.header("allow"), Some("GET, POST, OPTIONS"));
    let resp = api.send("GET", "/v2/rooms", &[], None).unwrap();
    assert_eq!(
        (resp.status, resp.header("allow")),
        (405, Some("POST, OPTIONS"))
    );
    api.send("PUT", "/_emulator/reset", &[], None)
        .unwrap()
        .error(405, "method not allowed");
    api.send("POST", "/v2/rooms/%ff", &[], None)
        .unwrap()
        .error(400, "invalid path");
}

#[test]
fn rejects_malformed_requests() {
    let api = Api::new();
    for raw in [
        &b"NONSENSE\r\n\r\n"[..],
        b"GET /v2/rooms HTTP/2.0\r\n\r\n",
        b"GET /v2/rooms HTTP/1.1\r\nno colon\r\n\r\n",
        b"POST /v2/rooms HTTP/1.1\r\nContent-Length: x\r\n\r\n",
        b"POST /v2/rooms HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ] {
        let mut conn = Conn::open(&api.emulator);
        conn.write(raw).unwrap();
        let resp = conn.read_response().unwrap();
        assert!(resp.status >= 400, "{}", String::from_utf8_lossy(raw));
        assert_eq!(resp.json()["message"], "malformed request");
        assert!(conn.read_rest().unwrap().is_empty());
    }
}

#[test]
fn stops_accepting_when_dropped() {
    let api = Api::new();
    let port = api.emulator.port();
    assert_eq!(api.emulator.url(), format!("http://127.0.0.1:{port}"));
    assert_eq!(
        api.emulator.base_url(),
        format!("http://127.0.0.1:{port}/v2")
    );
    drop(api);
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err());
}
