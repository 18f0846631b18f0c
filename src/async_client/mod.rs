//! The async client (feature `async`, not on wasm32): reqwest with rustls, on
//! tokio. The same operations and rules as the blocking client (feature
//! `blocking`), as `async fn`, and the listing as a
//! [`Stream`](futures_core::Stream): `StreamExt::next` of the `futures` crate
//! reads it.
//!
//! It needs a tokio runtime with the time driver on (`#[tokio::main]` has it).

mod client;
mod list;
mod transport;

pub use client::RoomCodesClient;
pub use list::List;
pub use transport::Transport;
