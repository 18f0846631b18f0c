//! What the native clients (blocking, async, and the C ABI over the blocking
//! one) share on top of the core: per-call options and cancellation, the loop
//! that drives a call under them, and the rustls set-up.

pub(crate) mod cancel;
#[cfg(any(feature = "blocking", feature = "async", feature = "ffi-sans-io"))]
pub(crate) mod drive;
pub(crate) mod options;
#[cfg(any(feature = "blocking", feature = "async"))]
pub(crate) mod tls;
