//! Integration tests of the blocking client against the in-process emulator.

mod auth;
mod bad_input;
mod concurrency;
mod errors;
mod fault_matrix;
mod odd_names;
mod operations;
mod properties;
mod redirects;
mod retries;
mod rule_vectors;
mod secrets;
mod support;
mod tls;
