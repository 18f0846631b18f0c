//! The blocking client (feature `blocking`, not on wasm32): ureq with rustls,
//! one pool per client.

mod client;
mod handshake;
mod interrupt;
mod list;
mod resolver;
mod tcp;
mod transport;

pub use crate::native::cancel::CancelToken;
pub use client::RoomCodesClient;
pub use list::List;
pub use transport::Transport;
