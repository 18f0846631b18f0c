//! `hms_call`: one operation in flight, stepped by the caller.

use crate::core::client::Core;
use crate::core::error::{Error, Result};
use crate::core::response_meta::ResponseMeta;
use crate::core::wire::http::{HttpResponse, TransportFailure};
use crate::ffi::error::hms_error;
use crate::ffi::guard::{null, run};
use crate::ffi::owned::BoxOwned;
use crate::ffi::sans_io::drive::{Driven, Output};
use crate::ffi::sans_io::failure::hms_failure;
use crate::ffi::sans_io::headers::header_lines;
use crate::ffi::sans_io::step::{hms_step, SentRequest};
use crate::ffi::status::hms_status;
use crate::native::bounded_call::{BoundedStep, StopReason};
use crate::native::clock::Moment;
use std::slice;
use std::time::Duration;

/// One operation in flight on an `hms_core`, made by an `hms_call_*` start
/// function and stepped with `hms_call_next`, `hms_call_on_response` and
/// `hms_call_on_failure` until a step is `HMS_STEP_KIND_DONE`. Use it from one
/// thread at a time (it may move between threads). It borrows its core, which
/// must outlive it. Free it with `hms_call_free`, done or not: a call that is
/// freed early is abandoned, which is how a caller cancels it.
///
/// Time: the start function and every step take `now_ms`, the time now on
/// the caller's monotonic clock in milliseconds (any origin: a
/// `CLOCK_MONOTONIC` reading, the time since the program started...). The
/// call reads no clock of its own for its bounds: its deadline is
/// `deadline_ms` after the start's `now_ms` (none when `deadline_ms` is 0),
/// and each attempt's `timeout_ms`, whether a wait still fits before the
/// deadline, and whether the deadline has passed all come from the times
/// given. The clock must not go back: a step given an earlier `now_ms` than
/// the one before is refused with `HMS_STATUS_INVALID_ARGUMENT`, the call
/// left as it was (step it again with a right time). The wall clock is read
/// only where calendar time counts: the issue time of a management token the
/// call signs, a `Retry-After` given as an HTTP date, and the times its
/// events report.
pub struct hms_call {
    core: &'static Core,
    driven: Box<dyn Driven>,
    phase: Phase,
    sent: Option<SentRequest>,
    /// The latest `now_ms` given.
    now_ms: u64,
    /// Whether a step was taken (the call's settings are fixed from then on).
    stepped: bool,
}

impl BoxOwned for hms_call {}

/// Where the call is, so that steps out of order are refused.
enum Phase {
    /// `hms_call_next` comes next.
    Ready,
    /// A request is out: a response or a failure comes next.
    Sent,
    /// One page of a listing walked page by page is here until taken;
    /// `hms_call_next` goes on to the next.
    Page(Option<Result<Output>>),
    /// Over; the result is here until taken.
    Done(Option<Result<Output>>),
}

impl hms_call {
    /// A call of `driven` on `core`, started at `now_ms`, ready for its
    /// first `hms_call_next`.
    pub(crate) fn into_raw(
        core: &'static Core,
        driven: Box<dyn Driven>,
        now_ms: u64,
    ) -> *mut hms_call {
        hms_call {
            core,
            driven,
            phase: Phase::Ready,
            sent: None,
            now_ms,
            stepped: false,
        }
        .into_raw()
    }

    /// The metadata of the call's last successful response, if any.
    pub(crate) fn response_meta(&self) -> Option<ResponseMeta> {
        self.driven.response_meta()
    }

    /// `now_ms` on the caller's clock, refused if earlier than the last one.
    fn at(&mut self, now_ms: u64) -> Result<Moment> {
        if now_ms < self.now_ms {
            return Err(Error::invalid_argument(format!(
                "now_ms went back from {} to {now_ms}: it must come from a monotonic clock",
                self.now_ms
            )));
        }
        self.now_ms = now_ms;
        Ok(Duration::from_millis(now_ms))
    }

    /// The step for what the state machine said.
    fn step(&mut self, next: BoundedStep<Output>) -> hms_step {
        match next {
            BoundedStep::Send { timeout } => {
                let request = self.driven.request().expect("a SEND step has a request");
                let sent = self.sent.insert(SentRequest::new(request));
                self.phase = Phase::Sent;
                sent.step(timeout, self.core.config().max_response_bytes())
            }
            BoundedStep::Wait(wait) => {
                self.phase = Phase::Ready;
                hms_step::wait(wait)
            }
            BoundedStep::Done(Ok(page)) if self.driven.more() => {
                self.phase = Phase::Page(Some(Ok(page)));
                hms_step::page()
            }
            BoundedStep::Done(result) => {
                let status = match &result {
                    Ok(_) => hms_status::Ok,
                    Err(error) => hms_status::from(error.kind()),
                };
                self.phase = Phase::Done(Some(result));
                hms_step::done(status)
            }
        }
    }

    /// Feeds what the attempt got at `now_ms`, if a request is out.
    fn sent(
        &mut self,
        now_ms: u64,
        got: std::result::Result<HttpResponse, TransportFailure>,
    ) -> Result<hms_step> {
        if !matches!(self.phase, Phase::Sent) {
            return Err(out_of_order("no request is out"));
        }
        let now = self.at(now_ms)?;
        self.sent = None;
        let next = self.driven.on_sent(got, now);
        Ok(self.step(next))
    }

    /// The result, once, after the call is done.
    pub(crate) fn take(&mut self) -> Result<Output> {
        match &mut self.phase {
            Phase::Page(result) | Phase::Done(result) => result
                .take()
                .ok_or_else(|| out_of_order("the result was already taken"))?,
            _ => Err(out_of_order("the call is not done")),
        }
    }
}

fn out_of_order(what: &str) -> Error {
    Error::invalid_argument(format!("hms_call used out of order: {what}"))
}

/// Stores `step` in `*out` (which must not be NULL) after `body` made it.
unsafe fn stepping(
    call: *mut hms_call,
    out: *mut hms_step,
    err: *mut *mut hms_error,
    body: impl FnOnce(&mut hms_call) -> Result<hms_step>,
) -> hms_status {
    run(err, || {
        let call = call.as_mut().ok_or_else(|| null("call"))?;
        if out.is_null() {
            return Err(null("out"));
        }
        let step = body(call)?;
        out.write(step);
        Ok(())
    })
}

/// The call's first step, or its next one after a `HMS_STEP_KIND_WAIT` or a
/// `HMS_STEP_KIND_PAGE`, at `now_ms` on the caller's monotonic clock (see
/// `hms_call`): a request to send, or the end (the deadline passed at
/// `now_ms`). Stores it in `*out`. Called at another time, or with an earlier
/// `now_ms` than the last step's, it fails with `HMS_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_next(
    call: *mut hms_call,
    now_ms: u64,
    out: *mut hms_step,
    err: *mut *mut hms_error,
) -> hms_status {
    stepping(call, out, err, |call| {
        if !matches!(call.phase, Phase::Ready | Phase::Page(_)) {
            return Err(out_of_order("a step other than WAIT or PAGE is pending"));
        }
        let now = call.at(now_ms)?;
        call.stepped = true;
        let next = call.driven.next(now);
        Ok(call.step(next))
    })
}

/// Sets the most retries this call makes (0: a single attempt), instead of
/// the client's `max_retries`; for a listing, the most each page's call makes.
/// Only before the call's first `hms_call_next`: later it fails with
/// `HMS_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_set_max_retries(
    call: *mut hms_call,
    max_retries: u32,
    err: *mut *mut hms_error,
) -> hms_status {
    run(err, || {
        let call = call.as_mut().ok_or_else(|| null("call"))?;
        if call.stepped {
            return Err(out_of_order("the call has started"));
        }
        call.driven.set_max_retries(max_retries);
        Ok(())
    })
}

/// Feeds the response to the last SEND step, received at `now_ms` on the
/// caller's monotonic clock, and stores the next step in `*out`. `headers`
/// holds the response's header lines as received (`"Name: value"`, each ended
/// by CRLF or LF; a status line or a blank line in it is ignored),
/// `headers_len` bytes, or NULL: only the headers `hms_response_header_name`
/// lists are read, so the others may be left out; `body` holds `body_len`
/// bytes, or NULL when empty.
#[no_mangle]
pub unsafe extern "C" fn hms_call_on_response(
    call: *mut hms_call,
    now_ms: u64,
    status: u16,
    headers: *const u8,
    headers_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut hms_step,
    err: *mut *mut hms_error,
) -> hms_status {
    stepping(call, out, err, |call| {
        let headers = bytes("headers", headers, headers_len)?;
        let body = bytes("body", body, body_len)?;
        let response = HttpResponse {
            status,
            headers: header_lines(headers),
            body: body.to_vec(),
        };
        call.sent(now_ms, Ok(response))
    })
}

/// Feeds a failure to get a response to the last SEND step, at `now_ms` on the
/// caller's monotonic clock, and stores the next step in `*out`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_on_failure(
    call: *mut hms_call,
    now_ms: u64,
    failure: hms_failure,
    out: *mut hms_step,
    err: *mut *mut hms_error,
) -> hms_status {
    stepping(call, out, err, |call| {
        let custom_roots = !call.core.config().ca_certificates().is_empty();
        call.sent(now_ms, Err(failure.to_transport_failure(custom_roots)))
    })
}

/// Why a caller stops a call before its end; give it to `hms_call_stop`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hms_stop_reason {
    /// The caller cancelled the call.
    Cancelled,
    /// The caller's own deadline passed (a deadline the library was told
    /// passes on its own: the next step is then DONE).
    DeadlinePassed,
}

impl From<hms_stop_reason> for StopReason {
    fn from(why: hms_stop_reason) -> StopReason {
        match why {
            hms_stop_reason::Cancelled => StopReason::Cancelled,
            hms_stop_reason::DeadlinePassed => StopReason::DeadlinePassed,
        }
    }
}

/// Stops a call that is not done, at `now_ms` on the caller's monotonic
/// clock, for `why`: a request that is out is given up (send nothing more for
/// it), and the call ends with the error the library words for `why`
/// (`HMS_STATUS_TIMEOUT`: "the call was cancelled" or "the call's deadline
/// passed"), reported like any other end (the `call_ended` event). Returns
/// that status and stores that error in `*err`; the call is then done, its
/// result taken. A call that is done already is refused with
/// `HMS_STATUS_INVALID_ARGUMENT`. To stop without a word, free the call instead.
#[no_mangle]
pub unsafe extern "C" fn hms_call_stop(
    call: *mut hms_call,
    now_ms: u64,
    why: hms_stop_reason,
    err: *mut *mut hms_error,
) -> hms_status {
    run(err, || {
        let call = call.as_mut().ok_or_else(|| null("call"))?;
        if matches!(call.phase, Phase::Done(_)) {
            return Err(out_of_order("the call is done"));
        }
        call.at(now_ms)?;
        call.sent = None;
        let next = call.driven.stop(why.into());
        call.step(next);
        call.take().map(drop)
    })
}

/// Frees a call, done or not (an unfinished call is abandoned; nothing is
/// sent on its behalf). NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_call_free(call: *mut hms_call) {
    hms_call::free_raw(call)
}

/// `len` bytes at `data` (NULL with any length reads as none).
unsafe fn bytes<'a>(name: &str, data: *const u8, len: usize) -> Result<&'a [u8]> {
    if data.is_null() {
        return Ok(&[]);
    }
    if len > isize::MAX as usize {
        return Err(Error::invalid_argument(format!("{name}_len is too large")));
    }
    Ok(slice::from_raw_parts(data, len))
}
