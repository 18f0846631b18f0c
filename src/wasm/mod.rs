//! The npm package (wasm32 only): `RoomCodesClient`, `roomLink`, and the
//! `HmsError` class, over `fetch`.
//!
//! This layer only moves bytes. Each method starts a core [`crate::Call`],
//! sends each attempt's request with `fetch` (the global one or the caller's),
//! feeds back what came back and waits between attempts with a JS timer.
//! Arguments, auth, retries, paging and error kinds all stay in the core. Time
//! comes from `Date.now()` and randomness from `crypto.getRandomValues`
//! (getrandom's `wasm_js` backend).

mod args;
mod call_runner;
mod client;
mod env;
mod error;
mod events;
mod host;
mod link;
mod list;
mod options;
mod timer;
mod transport;
mod types;
mod values;

pub use client::RoomCodesClient;
pub use link::room_link;
pub use list::RoomCodeList;
