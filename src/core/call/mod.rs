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
use crate::core::call::retry::Outcome;
use crate::core::error::{Error, ErrorKind, Result};
use crate::core::secret::Secret;
use crate::core::wire::http::{HttpRequest, HttpResponse, TransportFailure, TransportFailureKind};
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
    /// layer reads codes in place and writes them as JSON for JS).
    #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
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

    /// The operation this call performs.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// Retries made so far.
    pub fn retries_done(&self) -> u32 {
        self.retries_done
    }

    /// The request of the next attempt, signed with the current token.
    pub fn request(&mut self, now_unix_ms: u64) -> HttpRequest {
        let mut request = self.request.clone();
        self.sent_token = if self.operation.uses_management_auth() {
            self.context.auth.token(now_unix_ms, self.context.random)
        } else {
            None
        };
        if let Some(token) = &self.sent_token {
            request
                .headers
                .push(("authorization", format!("Bearer {}", token.expose())));
        }
        request
    }

    /// Feeds the response of the last attempt.
    pub fn on_response(&mut self, response: &HttpResponse, now_unix_ms: u64) -> Step<T> {
        let status = response.status;
        if (200..300).contains(&status) {
            if response.body.len() > self.context.max_response_bytes {
                return Step::Done(Err(too_large(self.name, self.context.max_response_bytes)));
            }
            return Step::Done((self.parse)(&response.body).map_err(|e| e.with_status(status)));
        }
        if status == 401 && !self.renewed_after_401 && self.context.auth.can_renew() {
            if let Some(rejected) = self.sent_token.take() {
                self.context.auth.forget(&rejected);
                self.renewed_after_401 = true;
                return Step::RetryAfter(Duration::ZERO);
            }
        }
        let retry_after = response
            .header("retry-after")
            .and_then(|v| retry_after::parse(v, now_unix_ms));
        match self.next_wait(Outcome::Status(status), retry_after) {
            Some(wait) => Step::RetryAfter(wait),
            None => Step::Done(Err(classify::classify(
                self.operation,
                self.name,
                response,
                retry_after,
            ))),
        }
    }

    /// Feeds a failure to get any response.
    pub fn on_failure(&mut self, failure: &TransportFailure) -> Step<T> {
        if let Some(wait) = self.next_wait(Outcome::Failure(failure.kind), None) {
            return Step::RetryAfter(wait);
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
        Step::Done(Err(error))
    }

    fn next_wait(&mut self, outcome: Outcome, retry_after: Option<Duration>) -> Option<Duration> {
        let wait = self.context.policy.next_wait(
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
