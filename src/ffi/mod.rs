//! The C ABI (not on wasm32), for C, C++ and Go (cgo).
//!
//! `build.rs` generates `bindings/c/include/hms_room_codes.h` from the files of
//! this module with cbindgen; the doc comments here are the header's docs.
//!
//! The rules every export follows:
//! - Handles are opaque and owned by the caller once returned: each has a `_free`
//!   function, which accepts NULL. Strings the library returns are freed with
//!   `hms_string_free`; strings borrowed from a result or an error live as long
//!   as that object.
//! - A fallible call returns `hms_status` (`HMS_STATUS_OK` is 0; every other value
//!   is an error kind) and writes its outputs only on success. If `err` is not
//!   NULL, a failure also stores a new `hms_error` in `*err` (the caller frees it
//!   with `hms_error_free`); `*err` is left alone on success.
//! - Input strings are NUL-terminated UTF-8. A NULL where a value is required, or
//!   bytes that are not UTF-8, give `HMS_STATUS_INVALID_ARGUMENT`, never a crash.
//! - No export lets a Rust panic cross into C: it becomes `HMS_STATUS_INTERNAL`.
//! - Nothing is kept in thread-local state, so calls may hop threads (cgo does).
//!
//! # Safety
//! Every pointer given to an export must be NULL or valid for the access the
//! export documents (a live handle of the right type, a NUL-terminated string,
//! a writable out-parameter), and a handle must not be freed while another
//! thread uses it. That contract is stated once here instead of on each
//! function, hence the lint allowance below.
#![allow(non_camel_case_types, clippy::missing_safety_doc)]

mod auth_token;
#[cfg(feature = "blocking")]
mod cancel;
#[cfg(feature = "blocking")]
mod client;
mod defaults;
mod error;
mod events;
mod filter;
mod guard;
mod link;
#[cfg(feature = "blocking")]
mod list_iter;
#[cfg(feature = "blocking")]
mod operations;
mod options;
mod owned;
mod response_meta;
mod results;
mod sans_io;
mod status;
mod strings;
mod version;

pub use auth_token::*;
#[cfg(feature = "blocking")]
pub use cancel::*;
#[cfg(feature = "blocking")]
pub use client::*;
pub use defaults::*;
pub use error::*;
pub use filter::*;
pub use link::*;
#[cfg(feature = "blocking")]
pub use list_iter::*;
#[cfg(feature = "blocking")]
pub use operations::*;
pub use options::*;
pub use response_meta::*;
pub use results::*;
pub use sans_io::*;
pub use status::*;
pub use strings::hms_string_free;
pub use version::*;
