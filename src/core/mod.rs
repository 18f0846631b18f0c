//! The sans-IO core: it builds every request and reads every response, and
//! decides every rule (retries, backoff, `Retry-After`, token signing and
//! renewal, input checks, error kinds). No I/O, no clock, no threads: it
//! compiles for every target, wasm32 included, and every face drives it.
//!
//! - `client`: [`Core`](client::Core), which starts one `Call` per operation;
//! - `call/`: one operation in flight, its retry policy and error classes;
//! - `listing`: the pages of a listing, one after another;
//! - `wire/`: the HTTP values, the requests, and the answers read in place;
//! - `json/`: the core's own strict JSON reader and writer;
//! - `config/`, `auth/`: settings and credentials, and the Authorization header;
//! - `events`: what a call did, for a binding's log or hook;
//! - `response_meta`: what a successful call's response said, for the caller who asks;
//! - the rest: the models, room links, errors, input checks, randomness.

pub(crate) mod auth;
pub(crate) mod call;
pub(crate) mod client;
pub(crate) mod config;
#[cfg(any(
    feature = "blocking",
    feature = "async",
    feature = "wasm",
    feature = "ffi-sans-io"
))]
pub(crate) mod connection_problem;
pub(crate) mod error;
pub(crate) mod events;
#[cfg(any(all(feature = "wasm", target_arch = "wasm32"), test))]
pub(crate) mod js_text;
pub(crate) mod json;
pub(crate) mod link;
pub(crate) mod listing;
pub(crate) mod model;
pub(crate) mod random;
pub(crate) mod response_meta;
pub(crate) mod secret;
pub(crate) mod spelling;
#[cfg(any(
    feature = "blocking",
    feature = "async",
    feature = "wasm",
    feature = "ffi-sans-io"
))]
pub(crate) mod tls_problem;
#[cfg(feature = "tracing")]
pub(crate) mod trace;
pub(crate) mod validate;
pub(crate) mod wire;
