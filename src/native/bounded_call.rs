//! A [`Call`] under its per-call bounds (deadline, attempt timeout, cancel
//! token), the same for both native clients. A client sends each
//! [`BoundedStep::Send`], waits out each [`BoundedStep::Wait`] (cut short by
//! the cancel token) and returns at [`BoundedStep::Done`].

use crate::core::call::{Call, Step};
use crate::core::error::{Error, ErrorKind, Result};
use crate::core::wire::http::{HttpRequest, HttpResponse, TransportFailure};
use crate::native::cancel::CancelToken;
use crate::native::options::CallOptions;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// What the client does next.
pub(crate) enum BoundedStep<T> {
    /// Send this request, giving up after `timeout`.
    Send {
        request: HttpRequest,
        timeout: Duration,
    },
    /// Wait this long (or until cancelled), then call [`BoundedCall::after_wait`].
    Wait(Duration),
    /// The call is over.
    Done(Result<T>),
}

/// One call under its [`CallOptions`].
pub(crate) struct BoundedCall<'a, T> {
    call: Call<'a, T>,
    deadline: Option<Instant>,
    cancel: Option<CancelToken>,
}

impl<'a, T> BoundedCall<'a, T> {
    pub(crate) fn new(mut call: Call<'a, T>, options: &CallOptions) -> Self {
        if let Some(timeout) = options.timeout {
            call.set_timeout(timeout);
        }
        if let Some(retries) = options.max_retries {
            call.set_max_retries(retries);
        }
        BoundedCall {
            call,
            deadline: options.deadline,
            cancel: options.cancel.clone(),
        }
    }

    /// The token that stops this call, if any.
    #[cfg(any(feature = "blocking", feature = "async"))]
    pub(crate) fn cancel_token(&self) -> Option<&CancelToken> {
        self.cancel.as_ref()
    }

    /// The first attempt.
    pub(crate) fn start(&mut self) -> BoundedStep<T> {
        self.attempt()
    }

    /// Feeds what the last [`BoundedStep::Send`] got (a cancel during the attempt
    /// ends the call, whatever the attempt got).
    pub(crate) fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
    ) -> BoundedStep<T> {
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return self.abandon(cancelled());
        }
        let step = match sent {
            Ok(response) => self.call.on_response(&response, now_unix_ms()),
            Err(failure) => self.call.on_failure_at(&failure, now_unix_ms()),
        };
        match step {
            Step::Done(result) => BoundedStep::Done(result),
            Step::RetryAfter(wait) if self.deadline.is_some_and(|d| Instant::now() + wait >= d) => {
                self.abandon(deadline_passed())
            }
            Step::RetryAfter(wait) => BoundedStep::Wait(wait),
        }
    }

    /// The next attempt, after a [`BoundedStep::Wait`] (or the end, if cancelled meanwhile).
    pub(crate) fn after_wait(&mut self) -> BoundedStep<T> {
        self.attempt()
    }

    fn attempt(&mut self) -> BoundedStep<T> {
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return self.abandon(cancelled());
        }
        let timeout = match self.deadline {
            None => self.call.timeout(),
            Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => left.min(self.call.timeout()),
                _ => return self.abandon(deadline_passed()),
            },
        };
        BoundedStep::Send {
            request: self.call.request(now_unix_ms()),
            timeout,
        }
    }

    /// Ends the call with `error`, its end reported like any other.
    fn abandon(&mut self, error: Error) -> BoundedStep<T> {
        BoundedStep::Done(Err(self.call.abandon(now_unix_ms(), error)))
    }
}

/// The error of a call stopped by its cancel token.
pub(crate) fn cancelled() -> Error {
    Error::new(ErrorKind::Timeout, "the call was cancelled")
}

fn deadline_passed() -> Error {
    Error::new(ErrorKind::Timeout, "the call's deadline passed")
}

/// Milliseconds since the Unix epoch.
fn now_unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
