//! Stopping a blocking call from another thread.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

/// A flag another thread sets to stop calls that watch it
/// ([`RoomCodesClient::run_cancellable`](super::RoomCodesClient::run_cancellable)).
///
/// Clones share the flag. A call notices it before each attempt and at once
/// during a backoff wait; an attempt already on the wire runs to its end
/// (bounded by the timeout and the call's deadline). Once set, it stays set.
#[derive(Debug, Clone, Default)]
pub struct CancelToken {
    state: Arc<(Mutex<bool>, Condvar)>,
}

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Cancels every call watching this token (and every later one).
    pub fn cancel(&self) {
        let (flag, wake) = &*self.state;
        *flag.lock().unwrap_or_else(PoisonError::into_inner) = true;
        wake.notify_all();
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        *self.state.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sleeps for `wait` or until cancelled; returns whether it was cancelled.
    pub fn sleep(&self, wait: Duration) -> bool {
        let (flag, wake) = &*self.state;
        let guard = flag.lock().unwrap_or_else(PoisonError::into_inner);
        let (guard, _) = wake
            .wait_timeout_while(guard, wait, |cancelled| !*cancelled)
            .unwrap_or_else(PoisonError::into_inner);
        *guard
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn sleep_runs_its_course_unless_cancelled() {
        let token = CancelToken::new();
        let start = Instant::now();
        assert!(!token.sleep(Duration::from_millis(20)));
        assert!(start.elapsed() >= Duration::from_millis(20));
        assert!(!token.is_cancelled());
    }

    #[test]
    fn cancel_from_another_thread_wakes_a_sleeper() {
        let token = CancelToken::new();
        let other = token.clone();
        let start = Instant::now();
        let canceller = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            other.cancel();
        });
        assert!(token.sleep(Duration::from_secs(30)));
        assert!(start.elapsed() < Duration::from_secs(10));
        assert!(token.is_cancelled() && token.sleep(Duration::from_secs(30)));
        canceller.join().unwrap();
    }
}
