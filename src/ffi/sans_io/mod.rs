//! The sans-IO C API: the core's call state machine for callers that move the
//! bytes themselves (an event loop, libcurl, Go's `net/http`).
//!
//! ```text
//! // now_ms(): the caller's monotonic clock in milliseconds (any origin)
//! hms_core *core;  hms_core_new(options, &core, &err);
//! hms_call *call;  hms_call_create(core, now_ms(), deadline_ms, room_id, &call, &err);
//! hms_step step;   hms_call_next(call, now_ms(), &step, &err);
//! for (;;) {
//!     if (step.kind == HMS_STEP_KIND_SEND) {
//!         // send step.method / step.url / step.headers / step.body, giving up
//!         // after step.timeout_ms and reading at most step.max_response_bytes + 1
//!         // bytes of body; then one of:
//!         hms_call_on_response(call, now_ms(), status, header_lines, header_len, body, body_len, &step, &err);
//!         hms_call_on_failure(call, now_ms(), HMS_FAILURE_REFUSED, &step, &err);
//!     } else if (step.kind == HMS_STEP_KIND_WAIT) {
//!         // wait step.wait_ms (or stop: free the call), then
//!         hms_call_next(call, now_ms(), &step, &err);
//!     } else break; // HMS_STEP_KIND_DONE: step.status says how it ended
//! }
//! hms_room_code_list *codes;  hms_call_take_codes(call, &codes, &err);
//! hms_call_free(call);
//! ```
//!
//! Every decision stays in the library: the signed request, the per-attempt
//! timeout, the deadline, which answers are retried, the backoff and
//! Retry-After waits, the token renewal after a 401, the result or the error.
//! The caller only sends (through the proxy `hms_core_proxy_for` names for
//! each request, the same rule as every client), waits, reads the result, and
//! tells each step the time on its own clock: the library reads no clock for
//! a call's bounds.

mod call;
mod core;
mod drive;
mod failure;
mod headers;
mod proxy;
mod start;
mod step;
mod take;

pub use self::core::*;
pub use call::*;
pub use failure::*;
pub use headers::hms_response_header_name;
pub use proxy::*;
pub use start::*;
pub use step::*;
pub use take::*;

#[cfg(test)]
mod tests;
