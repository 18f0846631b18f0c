//! `hms_step`: what the caller of a sans-IO call does next, and the request
//! it sends, held by the call until its next step.

use crate::core::wire::http::HttpRequest;
use crate::ffi::status::hms_status;
use crate::ffi::strings::{free_block, into_raw_block};
use std::ffi::c_char;
use std::ptr;
use std::time::Duration;

/// What a sans-IO call needs next.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hms_step_kind {
    /// Send the request in the step, then call `hms_call_on_response` or
    /// `hms_call_on_failure`.
    Send,
    /// Wait `wait_ms`, then call `hms_call_next`.
    Wait,
    /// The call is over: `status` says how; take the result with the
    /// `hms_call_take_*` function of the operation.
    Done,
    /// A listing walked page by page (`hms_call_list_pages`) has one more
    /// page: take its codes with `hms_call_take_codes`, then call
    /// `hms_call_next` for the next one.
    Page,
}

/// One request header; both strings are NUL-terminated and belong to the call.
#[repr(C)]
pub struct hms_header {
    /// The header's name, lower case, e.g. `"authorization"`.
    pub name: *const c_char,
    /// Its value.
    pub value: *const c_char,
}

/// A step of a sans-IO call, written by `hms_call_next`, `hms_call_on_response`
/// and `hms_call_on_failure`. Pointers in it belong to the call and stay valid
/// until the next of those functions is called on it, or it is freed.
#[repr(C)]
pub struct hms_step {
    /// What to do.
    pub kind: hms_step_kind,
    /// SEND: the method, `"GET"` or `"POST"`.
    pub method: *const c_char,
    /// SEND: the full URL.
    pub url: *const c_char,
    /// SEND: the request headers (`headers_len` of them).
    pub headers: *const hms_header,
    /// SEND: how many headers there are.
    pub headers_len: usize,
    /// SEND: the body (`body_len` bytes of JSON), or NULL for none.
    pub body: *const u8,
    /// SEND: the body's length.
    pub body_len: usize,
    /// SEND: give up on this attempt after this many milliseconds, and report
    /// `HMS_FAILURE_TIMEOUT`.
    pub timeout_ms: u64,
    /// SEND: read at most this many bytes of response body, plus one (the
    /// library decides what a longer body means).
    pub max_response_bytes: usize,
    /// WAIT: how many milliseconds to wait before `hms_call_next`.
    pub wait_ms: u64,
    /// DONE: `HMS_STATUS_OK`, or the kind of the call's error.
    pub status: hms_status,
}

impl hms_step {
    /// A step of `kind` with nothing else set.
    fn of(kind: hms_step_kind) -> hms_step {
        hms_step {
            kind,
            method: ptr::null(),
            url: ptr::null(),
            headers: ptr::null(),
            headers_len: 0,
            body: ptr::null(),
            body_len: 0,
            timeout_ms: 0,
            max_response_bytes: 0,
            wait_ms: 0,
            status: hms_status::Ok,
        }
    }

    /// Wait `wait`, then ask for the next step.
    pub(crate) fn wait(wait: Duration) -> hms_step {
        hms_step {
            wait_ms: whole_ms(wait),
            ..hms_step::of(hms_step_kind::Wait)
        }
    }

    /// A page is ready; more follow.
    pub(crate) fn page() -> hms_step {
        hms_step::of(hms_step_kind::Page)
    }

    /// The call is over with `status`.
    pub(crate) fn done(status: hms_status) -> hms_step {
        hms_step {
            status,
            ..hms_step::of(hms_step_kind::Done)
        }
    }
}

/// The request of the current attempt in C form, kept alive by the call:
/// its texts (the body's too) in one block (see [`into_raw_block`]).
pub(crate) struct SentRequest {
    /// The method: it starts the block.
    method: *const c_char,
    url: *const c_char,
    headers: Vec<hms_header>,
    /// The body and its length, if any.
    body: Option<(*const u8, usize)>,
}

// SAFETY: the raw pointers point into the block, which this value owns.
unsafe impl Send for SentRequest {}

impl SentRequest {
    /// `request` for C.
    pub(crate) fn new(request: &HttpRequest) -> SentRequest {
        let headers = request
            .headers
            .iter()
            .flat_map(|(name, value)| [*name, value.as_ref()]);
        let body = request.body.as_deref();
        // A body is JSON, whose strings escape every control character: it
        // has no NUL for the block to replace, and keeps its length.
        debug_assert!(!body.unwrap_or_default().contains('\0'));
        let texts = into_raw_block(
            [request.method.as_str(), request.url.as_str()]
                .into_iter()
                .chain(headers)
                .chain(body),
        );
        let header_texts = &texts[2..2 + 2 * request.headers.len()];
        SentRequest {
            method: texts[0],
            url: texts[1],
            headers: header_texts
                .chunks(2)
                .map(|pair| hms_header {
                    name: pair[0],
                    value: pair[1],
                })
                .collect(),
            body: body.map(|body| (texts[texts.len() - 1].cast::<u8>(), body.len())),
        }
    }

    /// The SEND step for this request.
    pub(crate) fn step(&self, timeout: Duration, max_response_bytes: usize) -> hms_step {
        let (body, body_len) = self.body.unwrap_or((ptr::null(), 0));
        hms_step {
            method: self.method,
            url: self.url,
            headers: self.headers.as_ptr(),
            headers_len: self.headers.len(),
            body,
            body_len,
            timeout_ms: whole_ms(timeout),
            max_response_bytes,
            ..hms_step::of(hms_step_kind::Send)
        }
    }
}

impl Drop for SentRequest {
    fn drop(&mut self) {
        // SAFETY: the block was made in `new` and is freed once, here.
        unsafe { free_block(self.method) }
    }
}

/// `d` in milliseconds, rounded up so that a wait or timeout is never cut short.
fn whole_ms(d: Duration) -> u64 {
    d.as_nanos()
        .div_ceil(1_000_000)
        .try_into()
        .unwrap_or(u64::MAX)
}
