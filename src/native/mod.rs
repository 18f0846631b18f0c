//! What the native clients (blocking, async, and the C ABI over the blocking
//! one) share on top of the core: per-call options and cancellation, the place
//! a call records its response's metadata, the loop
//! that drives a call under them, the code-at-a-time listing, and the rustls set-up.

#[cfg(any(feature = "blocking", feature = "async", feature = "ffi-sans-io"))]
pub(crate) mod bounded_call;
pub(crate) mod cancel;
pub(crate) mod clock;
#[cfg(any(feature = "blocking", feature = "async", feature = "ffi-sans-io"))]
pub(crate) mod code_listing;
pub(crate) mod options;
pub(crate) mod response_slot;
#[cfg(any(feature = "blocking", feature = "async"))]
pub(crate) mod tls;
