//! Integration tests of the emulator, over real TCP connections.

mod auth;
mod binary;
mod client;
mod codes;
mod control;
mod faults;
mod listing;
mod protocol;
mod tls;
mod token;
