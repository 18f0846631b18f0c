//! A [`Call`] under its per-call bounds (deadline, attempt timeout, cancel
//! token), the same for both native clients. A client sends each
//! [`BoundedStep::Send`], waits out each [`BoundedStep::Wait`] (cut short by
//! the cancel token) and returns at [`BoundedStep::Done`].

use crate::core::call::{Call, Step};
use crate::core::error::{Error, ErrorKind, Result};
use crate::core::wire::http::{HttpRequest, HttpResponse, TransportFailure};
use crate::native::cancel::CancelToken;
use crate::native::options::CallOptions;
use crate::native::response_slot::ResponseMetaSlot;
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
        // The core decides what a wait past the deadline means.
        if let Some(deadline) = self.deadline {
            self.call
                .set_time_left(Some(deadline.saturating_duration_since(Instant::now())));
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

    #[test]
    fn a_retry_after_past_the_deadline_is_rate_limited_carrying_it() {
        let core = core();
        let options = CallOptions::new().deadline_in(Duration::from_secs(2));
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &options);
        assert!(sent(drive.start()) <= Duration::from_secs(2));
        match drive.on_sent(limited("5")) {
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
        let options = CallOptions::new()
            .deadline_in(Duration::from_secs(60))
            .timeout(Duration::from_secs(90));
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &options);
        let first = sent(drive.start());
        assert!(first <= Duration::from_secs(60) && first > Duration::from_secs(50));
        assert!(
            matches!(drive.on_sent(limited("1")), BoundedStep::Wait(w) if w == Duration::from_secs(1))
        );
        assert!(sent(drive.after_wait()) <= Duration::from_secs(60));
        // Without a deadline the per-call timeout bounds each attempt.
        let unbounded = CallOptions::new().timeout(Duration::from_millis(70));
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &unbounded);
        assert_eq!(sent(drive.start()), Duration::from_millis(70));
    }

    #[test]
    fn a_passed_deadline_or_a_cancel_ends_the_call() {
        let core = core();
        let past = CallOptions::new().deadline(Instant::now());
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &past);
        assert!(
            matches!(drive.start(), BoundedStep::Done(Err(e)) if e.message().contains("deadline"))
        );
        let token = CancelToken::new();
        let options = CallOptions::new().cancel(&token);
        let mut drive = BoundedCall::new(core.create("room").unwrap(), &options);
        assert!(drive.cancel_token().is_some());
        sent(drive.start());
        token.cancel();
        assert!(
            matches!(drive.on_sent(limited("1")), BoundedStep::Done(Err(e)) if e.message().contains("cancelled"))
        );
        assert!(
            matches!(drive.after_wait(), BoundedStep::Done(Err(e)) if e.message().contains("cancelled"))
        );
    }
}
