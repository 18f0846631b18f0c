//! The blocking client (not on wasm32): ureq with rustls, one pool per client.

mod cancel;
mod client;
mod handshake;
mod interrupt;
mod list;
mod resolver;
mod transport;

pub use cancel::CancelToken;
pub use client::RoomCodesClient;
pub use list::List;
pub use transport::Transport;
