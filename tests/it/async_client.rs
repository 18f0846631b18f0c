//! What only the async client does: a listing as a `Stream`, shared across
//! tasks, and a cancel token that stops an attempt already on the wire.

use crate::support::{Env, TOKEN};
use futures_core::Stream;
use hms_room_codes::async_client::RoomCodesClient;
use hms_room_codes::{CallOptions, CancelToken, ErrorKind, ListFilter, RoomCode};
use serde_json::json;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

async fn next<S: Stream + Unpin>(stream: &mut S) -> Option<S::Item> {
    std::future::poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await
}

#[test]
fn the_listing_streams_every_page() {
    let env = Env::start();
    let room = env.room(None);
    let blocking = env.client();
    for _ in 0..23 {
        blocking.create_for_role(&room, "guest").unwrap();
    }
    runtime().block_on(async {
        let client = RoomCodesClient::new(env.config().management_token(TOKEN).build().unwrap());
        let mut list = client.list(&room, &ListFilter::new().role("guest").limit(10));
        let mut codes: Vec<RoomCode> = Vec::new();
        while let Some(code) = next(&mut list).await {
            codes.push(code.unwrap());
        }
        assert_eq!(codes.len(), 23);
        assert!(codes.iter().all(|c| c.role == "guest"));
    });
    assert_eq!(env.count("GET", "/v2/room-codes/room/"), 3, "three pages");
}

#[test]
fn one_client_serves_many_tasks() {
    let env = Env::start();
    let room = env.room(None);
    let client = Arc::new(RoomCodesClient::new(
        env.config().management_token(TOKEN).build().unwrap(),
    ));
    let made = runtime().block_on(async {
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (client, room) = (client.clone(), room.clone());
                tokio::spawn(async move { client.create_for_role(&room, "host").await })
            })
            .collect();
        let mut made = 0;
        for task in tasks {
            task.await.unwrap().unwrap();
            made += 1;
        }
        made
    });
    assert_eq!(made, 16);
}

#[test]
fn cancel_stops_an_attempt_on_the_wire() {
    let env = Env::start();
    let room = env.room(None);
    env.fault(
        json!({ "method": "GET", "path": format!("/v2/room-codes/room/{room}"), "delay_ms": 5000 }),
    );
    let client = RoomCodesClient::new(env.config().management_token(TOKEN).build().unwrap());
    let token = CancelToken::new();
    let started = Instant::now();
    let err = runtime().block_on(async {
        let canceller = token.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            canceller.cancel();
        });
        let options = CallOptions::new().cancel(&token);
        client
            .list_page_with(&room, &ListFilter::new(), &options)
            .await
            .unwrap_err()
    });
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.message().contains("cancelled"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn an_error_ends_the_stream() {
    let env = Env::start();
    let client = RoomCodesClient::new(env.config().management_token(TOKEN).build().unwrap());
    runtime().block_on(async {
        let mut list = client.list("", &ListFilter::new());
        let first = next(&mut list).await.unwrap();
        assert_eq!(first.unwrap_err().kind(), ErrorKind::InvalidArgument);
        assert!(next(&mut list).await.is_none());
    });
    assert!(env.requests().is_empty());
}
