//! What a successful call's response said and what the call took, for the
//! caller who asks (`CallOptions::response_meta` in Rust, `withResponse()` in
//! JS, `hms_call_options.response_meta` in C, `roomcodes.Response` in Go).
//! The same values the call's `response` and `call_ended` events carry.

use std::time::Duration;

/// The metadata of the response that ended a call successfully.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseMeta {
    /// The HTTP status of the response (a 2xx: 200, or 201 for a new code).
    pub status: u16,
    /// The id the service gave the request (`x-request-id`, else
    /// `request-id`), if it sent one: quote it in a support ticket.
    pub request_id: Option<String>,
    /// The attempts the call sent, the successful one included (2 after one
    /// retry).
    pub attempts: u32,
    /// From the start of the call's first attempt to the response.
    pub elapsed: Duration,
}
