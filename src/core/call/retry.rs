//! When to try again, and after how long.

use crate::core::call::operation::Operation;
use crate::core::wire::http::TransportFailureKind;
use std::time::Duration;

/// What an attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A response with this status.
    Status(u16),
    /// No response.
    Failure(TransportFailureKind),
}

/// Capped exponential backoff with full jitter, honouring `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first backoff step.
    pub base: Duration,
    /// The longest wait, for backoff and for `Retry-After` alike.
    pub cap: Duration,
}

impl RetryPolicy {
    /// Whether `outcome` of `operation` may be repeated at all.
    ///
    /// Everything retries on 429 and when the request provably never left,
    /// except after a failed TLS handshake, which would fail again.
    /// Operations that mint codes stop there: a 5xx or a timeout may mean the
    /// code was made, and a repeat would make another.
    pub fn is_retryable(operation: Operation, outcome: Outcome) -> bool {
        match outcome {
            Outcome::Status(429) => true,
            Outcome::Failure(TransportFailureKind::NotSent) => true,
            Outcome::Failure(
                TransportFailureKind::BodyTooLarge | TransportFailureKind::TlsHandshake,
            ) => false,
            _ if operation.mints_codes() => false,
            Outcome::Status(status) => (500..=599).contains(&status),
            Outcome::Failure(TransportFailureKind::Timeout | TransportFailureKind::Broken) => true,
        }
    }

    /// The wait before the next attempt, or `None` to stop.
    ///
    /// `retries_done` counts earlier retries; `random` is uniform in `[0, 1)`.
    /// A `Retry-After` is obeyed as given, unless it exceeds the cap: then the
    /// call stops and the error carries the demanded wait.
    pub fn next_wait(
        &self,
        operation: Operation,
        outcome: Outcome,
        retries_done: u32,
        retry_after: Option<Duration>,
        random: f64,
    ) -> Option<Duration> {
        if retries_done >= self.max_retries || !Self::is_retryable(operation, outcome) {
            return None;
        }
        match retry_after {
            Some(wait) if wait > self.cap => None,
            Some(wait) => Some(wait),
            None => Some(self.backoff(retries_done, random)),
        }
    }

    /// Full jitter: uniform in `[0, min(cap, base * 2^retries_done))`.
    pub fn backoff(&self, retries_done: u32, random: f64) -> Duration {
        let factor = 2u32.saturating_pow(retries_done.min(31));
        let ceiling = self.base.saturating_mul(factor).min(self.cap);
        ceiling.mul_f64(random.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Operation::*;
    use TransportFailureKind::*;

    const POLICY: RetryPolicy = RetryPolicy {
        max_retries: 2,
        base: Duration::from_millis(250),
        cap: Duration::from_secs(8),
    };

    #[test]
    fn what_is_retried_per_operation() {
        let outcomes = [
            (Outcome::Status(429), [true; 5]),
            (Outcome::Failure(NotSent), [true; 5]),
            (Outcome::Status(500), [false, false, true, true, true]),
            (Outcome::Status(503), [false, false, true, true, true]),
            (Outcome::Failure(Timeout), [false, false, true, true, true]),
            (Outcome::Failure(Broken), [false, false, true, true, true]),
            (Outcome::Failure(BodyTooLarge), [false; 5]),
            (Outcome::Failure(TlsHandshake), [false; 5]),
            (Outcome::Status(400), [false; 5]),
            (Outcome::Status(401), [false; 5]),
            (Outcome::Status(404), [false; 5]),
            (Outcome::Status(302), [false; 5]),
        ];
        for (outcome, want) in outcomes {
            for (op, retry) in Operation::ALL.into_iter().zip(want) {
                assert_eq!(
                    RetryPolicy::is_retryable(op, outcome),
                    retry,
                    "{outcome:?} {op:?}"
                );
            }
        }
    }

    #[test]
    fn stops_after_max_retries() {
        let o = Outcome::Status(503);
        assert!(POLICY.next_wait(ListPage, o, 0, None, 0.5).is_some());
        assert!(POLICY.next_wait(ListPage, o, 1, None, 0.5).is_some());
        assert_eq!(POLICY.next_wait(ListPage, o, 2, None, 0.5), None);
        assert_eq!(POLICY.next_wait(CreateForRole, o, 0, None, 0.5), None);
    }

    #[test]
    fn retry_after_is_obeyed_up_to_the_cap() {
        let o = Outcome::Status(429);
        assert_eq!(
            POLICY.next_wait(Create, o, 0, Some(Duration::from_secs(3)), 0.0),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            POLICY.next_wait(Create, o, 0, Some(Duration::from_secs(8)), 0.0),
            Some(Duration::from_secs(8))
        );
        assert_eq!(
            POLICY.next_wait(Create, o, 0, Some(Duration::from_secs(9)), 0.0),
            None
        );
    }

    #[test]
    fn backoff_grows_and_stays_under_the_cap() {
        assert_eq!(
            POLICY.backoff(0, 0.999_999),
            Duration::from_millis(250).mul_f64(0.999_999)
        );
        assert_eq!(POLICY.backoff(2, 0.5), Duration::from_millis(500));
        assert_eq!(POLICY.backoff(0, 0.0), Duration::ZERO);
        for retries in 0..100 {
            assert!(POLICY.backoff(retries, 0.999_999) < POLICY.cap);
        }
    }
}
