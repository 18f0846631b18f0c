//! Time bounds of the blocking transport: each attempt and a whole call.
//! What is retried, and how long the client waits, is the core's: its table
//! tests (src/core/call/tests.rs, src/core/call/retry.rs) and the shared fault matrix
//! (tests/vectors/faults.json, run by `fault_matrix`) pin it.

use crate::clients::{Client, Flavor};
use crate::support::{Env, TOKEN};
use hms_room_codes::{CallOptions, CancelToken, ErrorKind, ListFilter};
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn each_attempt_is_bounded_by_the_timeout() {
    let env = Env::start();
    let timeout = Duration::from_millis(250);
    let client = env.client_with(
        env.config()
            .management_token(crate::support::TOKEN)
            .timeout(timeout)
            .max_retries(1),
    );
    let room = env.room(None);
    env.fault(json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "delay_ms": 2000, "count": 2 }));
    let started = Instant::now();
    let err = client.list_page(&room, &ListFilter::default()).unwrap_err();
    let took = started.elapsed();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(
        took < Duration::from_millis(1500),
        "two attempts of 250 ms took {took:?}"
    );
}

/// Lists a page of `room` within `options` while the emulator applies `fault`
/// (on that page's path); the error and how long the call took.
fn list_page_under(
    env: &Env,
    client: &dyn Client,
    room: &str,
    mut fault: serde_json::Value,
    options: &CallOptions,
) -> (hms_room_codes::Error, Duration) {
    fault["method"] = json!("GET");
    fault["path"] = json!(format!("/v2/room-codes/room/{room}"));
    env.fault(fault);
    let started = Instant::now();
    let err = client
        .list_page(room, &ListFilter::default(), options)
        .unwrap_err();
    env.clear_faults();
    (err, started.elapsed())
}

#[test]
fn a_deadline_bounds_the_whole_call() {
    let env = Env::start();
    let room = env.room(None);
    for flavor in Flavor::ALL {
        let client = env.client_of(flavor, env.config().management_token(TOKEN));
        // A Retry-After that does not fit the deadline: the server's answer, at once.
        let within = CallOptions::new().deadline_in(Duration::from_secs(2));
        let limited = json!({ "status": 429, "retry_after": "5" });
        let (err, took) = list_page_under(&env, client.as_ref(), &room, limited, &within);
        assert_eq!(err.kind(), ErrorKind::RateLimited, "{flavor:?}: {err}");
        assert_eq!(
            err.retry_after(),
            Some(Duration::from_secs(5)),
            "{flavor:?}"
        );
        assert!(took < Duration::from_secs(1), "{flavor:?}");
        // An attempt still on the wire at the deadline is cut there.
        let within = CallOptions::new().deadline_in(Duration::from_millis(300));
        let slow = json!({ "delay_ms": 2000 });
        let (err, took) = list_page_under(&env, client.as_ref(), &room, slow, &within);
        assert_eq!(err.kind(), ErrorKind::Timeout, "{flavor:?}: {err}");
        assert!(took < Duration::from_millis(1500), "{flavor:?}");
    }
}

#[test]
fn a_per_call_timeout_replaces_the_clients() {
    let env = Env::start();
    let room = env.room(None);
    for flavor in Flavor::ALL {
        let client = env.client_of(flavor, env.config().management_token(TOKEN).max_retries(0));
        let options = CallOptions::new().timeout(Duration::from_millis(200));
        let slow = json!({ "delay_ms": 3000 });
        let (err, took) = list_page_under(&env, client.as_ref(), &room, slow, &options);
        assert_eq!(err.kind(), ErrorKind::Timeout, "{flavor:?}: {err}");
        assert!(err.message().contains("200 ms"), "{flavor:?}: {err}");
        assert!(took < Duration::from_secs(2), "{flavor:?}");
    }
}

#[test]
fn a_cancel_token_stops_a_backoff_wait() {
    let env = Env::start();
    let room = env.room(None);
    for flavor in Flavor::ALL {
        let client = env.client_of(flavor, env.config().management_token(TOKEN));
        env.fault(json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "status": 429, "retry_after": "2" }));
        let token = CancelToken::new();
        let canceller = cancel_after(&token, Duration::from_millis(200));
        let started = Instant::now();
        let options = CallOptions::new().cancel(&token);
        let err = client
            .list_page(&room, &ListFilter::default(), &options)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout, "{flavor:?}");
        assert!(err.message().contains("cancelled"), "{flavor:?}: {err}");
        assert!(
            started.elapsed() < Duration::from_millis(1500),
            "{flavor:?}"
        );
        canceller.join().unwrap();
        env.clear_faults();
    }
}

/// Cancels `token` from another thread after `wait`; the thread returns when.
fn cancel_after(token: &CancelToken, wait: Duration) -> std::thread::JoinHandle<Instant> {
    let token = token.clone();
    std::thread::spawn(move || {
        std::thread::sleep(wait);
        token.cancel();
        Instant::now()
    })
}

/// A local address whose TCP connect never completes: a listener with a
/// backlog of 0 whose queue is full, so the kernel drops further SYNs. The
/// sockets returned keep it so.
fn blackhole() -> (String, Vec<socket2::Socket>) {
    use socket2::{Domain, Socket, Type};
    let listener = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
    listener
        .bind(
            &"127.0.0.1:0"
                .parse::<std::net::SocketAddr>()
                .unwrap()
                .into(),
        )
        .unwrap();
    listener.listen(0).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut kept = vec![listener];
    for _ in 0..16 {
        let probe = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
        let connected = probe.connect_timeout(&addr, Duration::from_millis(200));
        kept.push(probe);
        if connected.is_err() {
            let addr = addr.as_socket().unwrap();
            return (format!("http://{addr}/v2"), kept);
        }
    }
    panic!("the listener's backlog did not fill");
}

#[test]
fn a_cancel_ends_a_tcp_connect_at_once() {
    let (base_url, _kept) = blackhole();
    let env = Env::start();
    for flavor in Flavor::ALL {
        let client = env.client_of(
            flavor,
            env.config()
                .base_url(base_url.as_str())
                .management_token(TOKEN)
                .timeout(Duration::from_secs(10)),
        );
        let token = CancelToken::new();
        let canceller = cancel_after(&token, Duration::from_millis(200));
        let options = CallOptions::new().cancel(&token);
        let err = client
            .list_page("room", &ListFilter::default(), &options)
            .unwrap_err();
        let returned = Instant::now();
        let cancelled = canceller.join().unwrap();
        let after_cancel = returned.saturating_duration_since(cancelled);
        println!("{flavor:?}: the call returned {after_cancel:?} after the cancel, mid-connect");
        assert_eq!(err.kind(), ErrorKind::Timeout, "{flavor:?}: {err}");
        assert!(err.message().contains("cancelled"), "{flavor:?}: {err}");
        assert!(
            after_cancel < Duration::from_millis(500),
            "{flavor:?}: {after_cancel:?} after the cancel"
        );
    }
}
