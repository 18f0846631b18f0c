//! # hms-room-codes
//!
//! An SDK for the 100ms Room Codes API: create room codes for the roles of a
//! room, list, enable and disable them, exchange a code for an auth token, and
//! build room links. One sans-IO core builds every request and reads every
//! response; thin transports move the bytes. Features pick the layers:
//!
//! - none (`default-features = false`): the core alone ([`Core`], [`Call`],
//!   [`Pager`], [`room_link`]), for an HTTP client of your own;
//! - `blocking` (default): `blocking::RoomCodesClient` over ureq with rustls;
//! - `async`: `async_client::RoomCodesClient` over reqwest with rustls, on
//!   tokio: the same operations as `async fn`, the listing as a `Stream`;
//! - `ffi` and `wasm` build the C ABI and the npm package (`make c-lib`,
//!   `make npm-package`); Rust users need neither.
//!
//! Both clients take per-call [`CallOptions`] (`create_with`, `list_with`, …):
//! a deadline, a per-attempt timeout, a [`CancelToken`], and a
//! [`ResponseMetaSlot`] where a successful call records its [`ResponseMeta`]
//! (status, request id, attempts, time).
//!
//! ## Quick start (blocking)
//! ```no_run
//! use hms_room_codes::{blocking::RoomCodesClient, Config, ListFilter};
//! let client = RoomCodesClient::new(Config::builder().app_keys("access-key", "app-secret").build()?);
//! let codes = client.create("65f1c2...room-id")?;
//! let extra = client.create_for_role("65f1c2...room-id", "guest")?;
//! for code in client.list("65f1c2...room-id", &ListFilter::default()) {
//!     println!("{:?}", code?);
//! }
//! client.set_enabled(&extra.code, false)?;
//! # Ok::<(), hms_room_codes::Error>(())
//! ```
//!
//! ## Driving the core with your own (async) HTTP client
//! Every operation is a [`Call`]: ask it for the request of the next attempt,
//! send it however you like, feed back what came back, and obey the [`Step`].
//! Retries, backoff, `Retry-After`, token renewal and error kinds all stay in
//! the core.
//! ```no_run
//! use hms_room_codes::{Call, Config, Core, HttpRequest, HttpResponse, Step, TransportFailure};
//! # async fn send_with_my_client(_: &HttpRequest) -> Result<HttpResponse, TransportFailure> { todo!() }
//! # async fn sleep(_: std::time::Duration) {}
//! # fn now_unix_ms() -> u64 { 0 }
//! async fn drive<T>(mut call: Call<'_, T>) -> hms_room_codes::Result<T> {
//!     loop {
//!         let request = call.request(now_unix_ms());
//!         let step = match send_with_my_client(&request).await {
//!             Ok(response) => call.on_response(&response, now_unix_ms()),
//!             Err(failure) => call.on_failure(&failure),
//!         };
//!         match step {
//!             Step::Done(result) => return result,
//!             Step::RetryAfter(wait) => sleep(wait).await,
//!         }
//!     }
//! }
//! # async fn example() -> hms_room_codes::Result<()> {
//! let core = Core::new(Config::builder().management_token("…").build()?);
//! let code = drive(core.create_for_role("room-id", "host")?).await?;
//! # Ok(()) }
//! ```
//! A transport must: send exactly the request's method, URL, headers and body;
//! follow no redirect; stop reading a body past `config().max_response_bytes()`
//! (report [`TransportFailureKind::BodyTooLarge`]); bound each attempt by
//! `config().timeout()`; trust `config().ca_certificates()` when any are set;
//! and say whether a failed request can have left
//! ([`TransportFailureKind::NotSent`] only when it provably did not;
//! [`TransportFailureKind::TlsHandshake`] for a refused handshake).

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod core;
#[cfg(not(target_arch = "wasm32"))]
mod native;

#[cfg(all(feature = "async", not(target_arch = "wasm32")))]
#[cfg_attr(docsrs, doc(cfg(feature = "async")))]
pub mod async_client;
#[cfg(all(feature = "blocking", not(target_arch = "wasm32")))]
#[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
pub mod blocking;
#[cfg(all(feature = "ffi-sans-io", not(target_arch = "wasm32")))]
#[cfg_attr(docsrs, doc(cfg(feature = "ffi-sans-io")))]
pub mod ffi;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm;

pub use crate::core::call::operation::Operation;
pub use crate::core::call::retry::{Outcome, RetryPolicy};
pub use crate::core::call::retry_after;
pub use crate::core::call::{Call, Step};
pub use crate::core::client::Core;
pub use crate::core::config::proxy::{Proxies, ProxyUrl};
pub use crate::core::config::{
    Config, ConfigBuilder, Credentials, DEFAULT_AUTH_BASE_URL, DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP, DEFAULT_BASE_URL, DEFAULT_MAX_PAGES, DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
};
pub use crate::core::error::{Error, ErrorKind, Result};
pub use crate::core::events::{
    Event, EventFields, EventHook, EventLevel, RetryReason, REQUEST_ID_HEADERS,
};
pub use crate::core::link::{room_link, RoomLinkOptions};
pub use crate::core::listing::Pager;
pub use crate::core::model::{AuthToken, ListFilter, RoomCode, RoomCodePage};
pub use crate::core::response_meta::ResponseMeta;
pub use crate::core::secret::Secret;
pub use crate::core::validate::MAX_ARGUMENT_BYTES;
pub use crate::core::wire::http::{
    HeaderValue, HttpRequest, HttpResponse, Method, TransportFailure, TransportFailureKind,
};
#[cfg(not(target_arch = "wasm32"))]
#[cfg_attr(docsrs, doc(cfg(not(target_arch = "wasm32"))))]
pub use crate::native::cancel::{CancelToken, Cancelled};
#[cfg(not(target_arch = "wasm32"))]
#[cfg_attr(docsrs, doc(cfg(not(target_arch = "wasm32"))))]
pub use crate::native::options::CallOptions;
#[cfg(not(target_arch = "wasm32"))]
#[cfg_attr(docsrs, doc(cfg(not(target_arch = "wasm32"))))]
pub use crate::native::response_slot::ResponseMetaSlot;

/// The crate's version, e.g. `"0.1.0"`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
