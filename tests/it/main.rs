//! Integration tests of both clients (the shared tables and transport rules
//! run against each) against the in-process emulator.

mod async_client;
mod auth;
mod bad_input;
mod clients;
mod concurrency;
mod errors;
mod events;
mod fault_matrix;
mod odd_names;
mod operations;
mod properties;
mod proxy;
mod redirects;
mod response_meta;
mod retries;
mod rule_vectors;
mod secrets;
mod support;
mod testing_your_code;
mod tls;
