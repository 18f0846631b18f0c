//! One operation in flight: the core's state machine that every transport drives.
//!
//! ```text
//! loop {
//!     let request = call.request(now);             // signed for this attempt
//!     let step = match transport.send(&request) {
//!         Ok(response) => call.on_response(&response, now),
//!         Err(failure) => call.on_failure(&failure),
//!     };
//!     match step {
//!         Step::Done(result) => return result,
//!         Step::RetryAfter(wait) => sleep(wait),
//!     }
//! }
//! ```

pub(crate) mod classify;
mod context;
pub(crate) mod operation;
pub(crate) mod retry;
pub mod retry_after;

use crate::core::call::operation::Operation;
use crate::core::call::retry::{Outcome, RetryPolicy};
use crate::core::error::{Error, ErrorKind, Result};
use crate::core::events::{self, Event, RetryReason};
use crate::core::response_meta::ResponseMeta;
use crate::core::secret::Secret;
use crate::core::wire::http::{
    HttpRequest, HttpResponse, TransportFailure, TransportFailureKind, RETRY_AFTER,
};
pub(crate) use context::CallContext;
use std::time::Duration;

/// What the driver does next.
#[derive(Debug, PartialEq, Eq)]
pub enum Step<T> {
    /// The call is over.
    Done(Result<T>),
    /// Wait this long, then send [`Call::request`] again.
    RetryAfter(Duration),
}

/// An operation in flight. Drive it with a transport as shown in the module docs.
#[derive(Debug)]
pub struct Call<'a, T> {
    context: CallContext<'a>,
    operation: Operation,
    /// The public operation the caller called, named in messages.
    name: &'static str,
    request: HttpRequest,
    parse: fn(&[u8]) -> Result<T>,
    retries_done: u32,
    renewed_after_401: bool,
    sent_token: Option<Secret>,
    timeout: Duration,
    time_left: Option<Duration>,
    max_retries: u32,
    clock: Clock,
    /// The metadata of the successful response, once the call has one
    /// (boxed: a call in flight stays small).
    succeeded: Option<Box<ResponseMeta>>,
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

/// The times a call was told of, in Unix milliseconds, for its events.
#[derive(Debug, Clone, Copy, Default)]
struct Clock {
    attempts: u32,
    call_started: u64,
    attempt_started: u64,
    last_seen: u64,
}

impl Clock {
    fn saw(&mut self, now_unix_ms: u64) {
        self.last_seen = self.last_seen.max(now_unix_ms);
    }

    fn since(&self, start: u64) -> Duration {
        Duration::from_millis(self.last_seen.saturating_sub(start))
    }

    /// From the first attempt's start to the last time seen.
    fn call_elapsed(&self) -> Duration {
        self.since(self.call_started)
    }

    /// The metadata of a successful response with `status` and `request_id`
    /// seen last (outside the generic `Call`, so it is compiled once).
    fn response_meta(&self, status: u16, request_id: Option<&str>) -> Box<ResponseMeta> {
        Box::new(ResponseMeta {
            status,
            request_id: request_id.map(str::to_owned),
            attempts: self.attempts,
            elapsed: self.call_elapsed(),
        })
    }
}

impl<'a, T> Call<'a, T> {
    pub(crate) fn new(
        context: CallContext<'a>,
        operation: Operation,
        request: HttpRequest,
        parse: fn(&[u8]) -> Result<T>,
    ) -> Self {
        Call {
            timeout: context.timeout,
            max_retries: context.policy.max_retries,
            clock: Clock::default(),
            succeeded: None,
            #[cfg(feature = "tracing")]
            span: crate::core::trace::call_span(operation.as_str()),
            context,
            operation,
            name: context.spelling.name(operation.as_str()),
            request,
            parse,
            retries_done: 0,
            renewed_after_401: false,
            sent_token: None,
            time_left: None,
        }
    }

    /// The same call, named `name` in its messages (a page of `list` is `list`).
    pub(crate) fn named(mut self, name: &'static str) -> Self {
        self.name = name;
        self
    }

    /// The same call, its successful body read by `parse` instead (the npm
    /// layer reads codes in place and writes them as JSON for JS; the
    /// sans-IO C API, straight into the C result).
    #[cfg(any(all(feature = "wasm", target_arch = "wasm32"), feature = "ffi-sans-io"))]
    pub(crate) fn parsing<U>(self, parse: fn(&[u8]) -> Result<U>) -> Call<'a, U> {
        Call {
            context: self.context,
            operation: self.operation,
            name: self.name,
            request: self.request,
            parse,
            retries_done: self.retries_done,
            renewed_after_401: self.renewed_after_401,
            sent_token: self.sent_token,
            timeout: self.timeout,
            time_left: self.time_left,
            max_retries: self.max_retries,
            clock: self.clock,
            succeeded: self.succeeded,
            #[cfg(feature = "tracing")]
            span: self.span,
        }
    }

    /// Bounds each attempt of this call by `timeout` instead of the configured
    /// one (a per-call override); timeout errors then name it.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// Tells the call how much time its caller still gives it (the time to a
    /// deadline), before feeding it a response or a failure; `None` is no
    /// limit, the default. A wait that would not end before that time is not
    /// started: the call ends with the error of the attempt instead, which,
    /// for a 429 or a 503 with `Retry-After`, carries the server's wait.
    pub fn set_time_left(&mut self, left: Option<Duration>) {
        self.time_left = left;
    }

    /// The timeout of each attempt: the configured one unless overridden.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Allows this call at most `retries` retries instead of the configured
    /// number (a per-call override).
    pub fn set_max_retries(&mut self, retries: u32) {
        self.max_retries = retries;
    }

    /// The operation this call performs.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Retries made so far.
    pub fn retries_done(&self) -> u32 {
        self.retries_done
    }

    /// The status and request id of the response that ended this call
    /// successfully, with the attempts sent and the time taken; `None` until
    /// the call has succeeded (an error carries its own status and request id).
    pub fn response_meta(&self) -> Option<&ResponseMeta> {
        self.succeeded.as_deref()
    }

    /// The request of the next attempt, signed with the current token.
    pub fn request(&mut self, now_unix_ms: u64) -> &HttpRequest {
        if self.clock.attempts == 0 {
            self.clock.call_started = now_unix_ms;
        }
        self.clock.attempts += 1;
        self.clock.attempt_started = now_unix_ms;
        self.clock.saw(now_unix_ms);
        self.emit(|| Event::AttemptStarted {
            operation: self.name,
            attempt: self.clock.attempts,
            method: self.request.method.as_str(),
            path: events::path_of(&self.request.url),
        });
        self.sent_token = if self.operation.uses_management_auth() {
            self.context.auth.token(now_unix_ms, self.context.random)
        } else {
            None
        };
        let authorization = self
            .sent_token
            .as_ref()
            .map(|token| format!("Bearer {}", token.expose()));
        self.request.set_authorization(authorization);
        &self.request
    }

    /// The request of the attempt [`Call::request`] started last (before the
    /// first one, the request unsigned), for the native drivers.
    #[cfg(all(
        not(target_arch = "wasm32"),
        any(feature = "blocking", feature = "async", feature = "ffi-sans-io")
    ))]
    pub(crate) fn last_request(&self) -> &HttpRequest {
        &self.request
    }

    /// Feeds the response of the last attempt.
    pub fn on_response(&mut self, response: &HttpResponse, now_unix_ms: u64) -> Step<T> {
        self.clock.saw(now_unix_ms);
        let status = response.status;
        let request_id = events::request_id(response);
        self.emit(|| Event::Response {
            operation: self.name,
            attempt: self.clock.attempts,
            status,
            elapsed: self.clock.since(self.clock.attempt_started),
            request_id,
            body_bytes: response.body.len(),
        });
        if (200..300).contains(&status) {
            let result = if response.body.len() > self.context.max_response_bytes {
                Err(too_large(self.name, self.context.max_response_bytes))
            } else {
                (self.parse)(&response.body)
            };
            let result = result.map_err(|e| e.with_status(status).with_request_id(request_id));
            if result.is_ok() {
                self.succeeded = Some(self.clock.response_meta(status, request_id));
            }
            return self.done(result);
        }
        if status == 401 && !self.renewed_after_401 && self.context.auth.can_renew() {
            if let Some(rejected) = self.sent_token.take() {
                self.context.auth.forget(&rejected);
                self.renewed_after_401 = true;
                return self.wait(Duration::ZERO, RetryReason::TokenRenewed);
            }
        }
        let retry_after = response
            .read_header(RETRY_AFTER)
            .and_then(|v| retry_after::parse(v, now_unix_ms));
        let reason = match (retry_after, status) {
            (Some(_), _) => RetryReason::RetryAfter,
            (None, 429) => RetryReason::RateLimited,
            (None, _) => RetryReason::ServerError,
        };
        match self.next_wait(Outcome::Status(status), retry_after) {
            Some(wait) => self.wait(wait, reason),
            None => {
                let error = classify::classify(self.operation, self.name, response, retry_after);
                self.done(Err(error.with_request_id(request_id)))
            }
        }
    }

    /// Feeds a failure to get any response (its time taken as the last one
    /// the call was told of; [`Call::on_failure_at`] says when).
    pub fn on_failure(&mut self, failure: &TransportFailure) -> Step<T> {
        self.on_failure_at(failure, self.clock.last_seen)
    }

    /// Feeds a failure to get any response, at `now_unix_ms`.
    pub fn on_failure_at(&mut self, failure: &TransportFailure, now_unix_ms: u64) -> Step<T> {
        self.clock.saw(now_unix_ms);
        self.emit(|| Event::TransportFailure {
            operation: self.name,
            attempt: self.clock.attempts,
            kind: failure.kind,
            elapsed: self.clock.since(self.clock.attempt_started),
        });
        if let Some(wait) = self.next_wait(Outcome::Failure(failure.kind), None) {
            return self.wait(wait, RetryReason::TransportFailure);
        }
        let error = match failure.kind {
            TransportFailureKind::Timeout => Error::new(
                ErrorKind::Timeout,
                format!(
                    "{} to {} timed out after {} ms: {}",
                    self.name,
                    self.request.authority(),
                    self.timeout.as_millis() as u64,
                    failure.message
                ),
            ),
            TransportFailureKind::BodyTooLarge => {
                too_large(self.name, self.context.max_response_bytes)
            }
            TransportFailureKind::NotSent
            | TransportFailureKind::Broken
            | TransportFailureKind::TlsHandshake => Error::new(
                ErrorKind::Network,
                format!(
                    "{} to {} failed: {}",
                    self.name,
                    self.request.authority(),
                    failure.message
                ),
            ),
        };
        self.done(Err(error))
    }

    /// Ends the call with `error`, decided outside it (a cancel, a deadline),
    /// so that its end is reported like any other; returns the error.
    pub fn abandon(&mut self, now_unix_ms: u64, error: Error) -> Error {
        self.clock.saw(now_unix_ms);
        self.emit_end(Some(error.kind()));
        error
    }

    fn done(&self, result: Result<T>) -> Step<T> {
        self.emit_end(result.as_ref().err().map(Error::kind));
        Step::Done(result)
    }

    fn wait(&self, wait: Duration, reason: RetryReason) -> Step<T> {
        self.emit(|| Event::RetryWait {
            operation: self.name,
            next_attempt: self.clock.attempts + 1,
            wait,
            reason,
        });
        Step::RetryAfter(wait)
    }

    fn emit_end(&self, error: Option<ErrorKind>) {
        self.emit(|| Event::CallEnded {
            operation: self.name,
            error,
            elapsed: self.clock.call_elapsed(),
            attempts: self.clock.attempts,
        });
    }

    /// Builds the event only when a hook (or, with the `tracing` feature, a
    /// subscriber of this call's span) listens.
    fn emit<'e>(&'e self, event: impl FnOnce() -> Event<'e>) {
        #[cfg(feature = "tracing")]
        if !self.span.is_disabled() {
            let event = event();
            crate::core::trace::record(&self.span, &event);
            if let Some(hook) = self.context.events {
                hook.emit(&event);
            }
            return;
        }
        if let Some(hook) = self.context.events {
            hook.emit(&event());
        }
    }

    fn next_wait(&mut self, outcome: Outcome, retry_after: Option<Duration>) -> Option<Duration> {
        let policy = RetryPolicy {
            max_retries: self.max_retries,
            ..*self.context.policy
        };
        let wait = policy.next_wait(
            self.operation,
            outcome,
            self.retries_done,
            retry_after,
            self.context.random.fraction(),
        )?;
        if self.time_left.is_some_and(|left| wait >= left) {
            return None;
        }
        self.retries_done += 1;
        Some(wait)
    }
}

fn too_large(name: &str, cap: usize) -> Error {
    Error::decode(format!(
        "{name}: the response body is larger than the {cap}-byte limit"
    ))
}

#[cfg(test)]
mod tests;
