//! A [`Call`] under its per-call bounds (deadline, attempt timeout, cancel
//! token), the same for both native clients and the sans-IO C API. A driver
//! sends each [`BoundedStep::Send`], waits out each [`BoundedStep::Wait`] (cut
//! short by the cancel token) and returns at [`BoundedStep::Done`]. Each step
//! is told the time now on the driver's monotonic clock (a [`Moment`], the one
//! the deadline is on): the deadline, the attempt timeouts and the waits are
//! worked out from those times alone.

use crate::core::call::{Call, Step};
use crate::core::error::{Error, ErrorKind, Result};
#[cfg(feature = "ffi-sans-io")]
use crate::core::response_meta::ResponseMeta;
use crate::core::wire::http::{HttpRequest, HttpResponse, TransportFailure};
use crate::native::cancel::CancelToken;
use crate::native::clock::Moment;
use crate::native::options::CallOptions;
use crate::native::response_slot::ResponseMetaSlot;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What the client does next.
pub(crate) enum BoundedStep<T> {
    /// Send [`BoundedCall::request`], giving up after `timeout`.
    Send { timeout: Duration },
    /// Wait this long (or until cancelled), then call [`BoundedCall::after_wait`].
    Wait(Duration),
    /// The call is over.
    Done(Result<T>),
}

/// One call under its [`CallOptions`].
pub(crate) struct BoundedCall<'a, T> {
    call: Call<'a, T>,
    deadline: Option<Moment>,
    cancel: Option<CancelToken>,
    response_meta: Option<ResponseMetaSlot>,
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
            response_meta: options.response_meta.clone(),
        }
    }

    /// The token that stops this call, if any.
    #[cfg(any(feature = "blocking", feature = "async"))]
    pub(crate) fn cancel_token(&self) -> Option<&CancelToken> {
        self.cancel.as_ref()
    }

    /// The first attempt, at `now`.
    pub(crate) fn start(&mut self, now: Moment) -> BoundedStep<T> {
        self.attempt(now)
    }

    /// Feeds what the last [`BoundedStep::Send`] got, at `now` (a cancel during
    /// the attempt ends the call, whatever the attempt got).
    pub(crate) fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
        now: Moment,
    ) -> BoundedStep<T> {
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return self.abandon(cancelled());
        }
        // The core decides what a wait past the deadline means.
        if let Some(deadline) = self.deadline {
            self.call.set_time_left(Some(deadline.saturating_sub(now)));
        }
        let step = match sent {
            Ok(response) => self.call.on_response(&response, now_unix_ms()),
            Err(failure) => self.call.on_failure_at(&failure, now_unix_ms()),
        };
        match step {
            Step::Done(result) => {
                if let (Some(slot), Some(meta)) = (&self.response_meta, self.call.response_meta()) {
                    slot.record(meta);
                }
                BoundedStep::Done(result)
            }
            Step::RetryAfter(wait) => BoundedStep::Wait(wait),
        }
    }

    /// The next attempt, at `now`, after a [`BoundedStep::Wait`] (or the end,
    /// if cancelled meanwhile or the deadline has passed).
    pub(crate) fn after_wait(&mut self, now: Moment) -> BoundedStep<T> {
        self.attempt(now)
    }

    fn attempt(&mut self, now: Moment) -> BoundedStep<T> {
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return self.abandon(cancelled());
        }
        let timeout = match self.deadline {
            None => self.call.timeout(),
            Some(deadline) => match deadline.checked_sub(now) {
                Some(left) if !left.is_zero() => left.min(self.call.timeout()),
                _ => return self.abandon(deadline_passed()),
            },
        };
        self.call.request(now_unix_ms());
        BoundedStep::Send { timeout }
    }

    /// The metadata of the response that ended the call successfully, once
    /// it has.
    #[cfg(feature = "ffi-sans-io")]
    pub(crate) fn response_meta(&self) -> Option<&ResponseMeta> {
        self.call.response_meta()
    }

    /// The request a [`BoundedStep::Send`] sends: the last attempt's.
    pub(crate) fn request(&self) -> &HttpRequest {
        self.call.last_request()
    }

    /// Makes the call retry at most `retries` times (before it starts).
    #[cfg(feature = "ffi-sans-io")]
    pub(crate) fn set_max_retries(&mut self, retries: u32) {
        self.call.set_max_retries(retries);
    }

    /// Ends the call because its caller stopped it (`why`), its end reported
    /// like any other.
    #[cfg(feature = "ffi-sans-io")]
    pub(crate) fn stop(&mut self, why: StopReason) -> BoundedStep<T> {
        self.abandon(why.error())
    }

    /// Ends the call with `error`, its end reported like any other.
    fn abandon(&mut self, error: Error) -> BoundedStep<T> {
        BoundedStep::Done(Err(self.call.abandon(now_unix_ms(), error)))
    }
}

/// Why a caller stopped a call before its end.
#[cfg(feature = "ffi-sans-io")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopReason {
    /// The caller cancelled it.
    Cancelled,
    /// The caller's deadline passed (by its own clock).
    DeadlinePassed,
}

#[cfg(feature = "ffi-sans-io")]
impl StopReason {
    /// The error a call stopped for this reason ends with.
    pub(crate) fn error(self) -> Error {
        match self {
            StopReason::Cancelled => cancelled(),
            StopReason::DeadlinePassed => deadline_passed(),
        }
    }
}

/// The error of a call stopped by its cancel token.
pub(crate) fn cancelled() -> Error {
    Error::new(ErrorKind::Timeout, "the call was cancelled")
}

fn deadline_passed() -> Error {
    Error::new(ErrorKind::Timeout, "the call's deadline passed")
}

/// Milliseconds since the Unix epoch, on the wall clock: the time a signed
/// token is issued at, and what an HTTP-date `Retry-After` is counted from.
fn now_unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::client::Core;
    use crate::core::config::Config;

    fn core() -> Core {
        Core::new(
            Config::builder()
                .base_url("http://127.0.0.1:9/v2")
                .management_token("t")
                .build()
                .unwrap(),
        )
    }

    fn limited(seconds: &str) -> std::result::Result<HttpResponse, TransportFailure> {
        Ok(HttpResponse {
            status: 429,
            headers: vec![("retry-after".into(), seconds.into())],
            body: br#"{"message":"slow down"}"#.to_vec(),
        })
    }

    fn sent<T>(next: BoundedStep<T>) -> Duration {
        match next {
            BoundedStep::Send { timeout, .. } => timeout,
            _ => panic!("expected a request to send"),
        }
    }

    /// Options with a deadline at `at` on the driver's clock.
    fn deadline_at(at: Duration) -> CallOptions {
        CallOptions {
            deadline: Some(at),
            ..CallOptions::new()
        }
    }

    const fn ms(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn a_retry_after_past_the_deadline_is_rate_limited_carrying_it() {
        let core = core();
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &deadline_at(ms(2000)));
        assert_eq!(sent(drive.start(ms(0))), ms(2000));
        match drive.on_sent(limited("5"), ms(0)) {
            BoundedStep::Done(Err(err)) => {
                assert_eq!(err.kind(), ErrorKind::RateLimited, "{err}");
                assert_eq!(err.retry_after(), Some(Duration::from_secs(5)));
            }
            _ => panic!("expected the call to end"),
        }
    }

    #[test]
    fn a_retry_after_within_the_deadline_is_waited_then_sent_within_it() {
        let core = core();
        let options = CallOptions {
            timeout: Some(ms(90_000)),
            ..deadline_at(ms(61_000))
        };
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &options);
        // Every bound comes from the times given, to the millisecond.
        assert_eq!(sent(drive.start(ms(1000))), ms(60_000));
        assert!(
            matches!(drive.on_sent(limited("1"), ms(1010)), BoundedStep::Wait(w) if w == ms(1000))
        );
        assert_eq!(sent(drive.after_wait(ms(2010))), ms(58_990));
        // Without a deadline the per-call timeout bounds each attempt, whatever the time.
        let unbounded = CallOptions::new().timeout(ms(70));
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &unbounded);
        assert_eq!(sent(drive.start(Duration::MAX)), ms(70));
    }

    #[test]
    fn a_passed_deadline_or_a_cancel_ends_the_call() {
        let core = core();
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &deadline_at(ms(5000)));
        assert_eq!(sent(drive.start(ms(4999))), ms(1));
        // A wait that would end past the deadline is not started.
        assert!(matches!(
            drive.on_sent(limited("1"), ms(4999)),
            BoundedStep::Done(Err(e)) if e.kind() == ErrorKind::RateLimited
        ));
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &deadline_at(ms(5000)));
        assert!(
            matches!(drive.start(ms(5000)), BoundedStep::Done(Err(e)) if e.message().contains("deadline"))
        );
        let token = CancelToken::new();
        let options = CallOptions::new().cancel(&token);
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &options);
        assert!(drive.cancel_token().is_some());
        sent(drive.start(ms(0)));
        token.cancel();
        assert!(
            matches!(drive.on_sent(limited("1"), ms(0)), BoundedStep::Done(Err(e)) if e.message().contains("cancelled"))
        );
        assert!(
            matches!(drive.after_wait(ms(0)), BoundedStep::Done(Err(e)) if e.message().contains("cancelled"))
        );
    }
}
