//! Stopping a blocking call from another thread.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, Weak};
use std::time::Duration;
use ureq::unversioned::transport::ShutdownHandle;

/// A flag another thread sets to stop calls that watch it
/// ([`RoomCodesClient::run_cancellable`](super::RoomCodesClient::run_cancellable)).
///
/// Clones share the flag. A call notices it before each attempt, at once during
/// a backoff wait, and at once during an attempt: cancelling shuts down the
/// socket the attempt is reading from or writing to, which frees the thread and
/// the connection. Once set, it stays set.
#[derive(Debug, Clone, Default)]
pub struct CancelToken {
    state: Arc<(Mutex<State>, Condvar)>,
}

/// The flag and the sockets of the attempts watching it.
#[derive(Default)]
struct State {
    cancelled: bool,
    next_id: u64,
    sockets: Vec<(u64, Weak<dyn ShutdownHandle>)>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("cancelled", &self.cancelled)
            .field("sockets", &self.sockets.len())
            .finish()
    }
}

/// While alive, cancelling the token shuts `socket` down; dropping it stops that.
pub(crate) struct Watch {
    token: CancelToken,
    id: u64,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.token.lock().sockets.retain(|(id, _)| *id != self.id);
    }
}

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Cancels every call watching this token (and every later one), and shuts
    /// down the sockets of their attempts in flight.
    pub fn cancel(&self) {
        let sockets = {
            let mut state = self.lock();
            state.cancelled = true;
            std::mem::take(&mut state.sockets)
        };
        self.state.1.notify_all();
        for (_, socket) in sockets {
            if let Some(socket) = socket.upgrade() {
                socket.shutdown();
            }
        }
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.lock().cancelled
    }

    /// Shuts `socket` down when the token is cancelled, from now until the
    /// returned guard is dropped (at once if it already is).
    pub(crate) fn watch(&self, socket: &Weak<dyn ShutdownHandle>) -> Watch {
        let mut state = self.lock();
        let id = state.next_id;
        state.next_id += 1;
        if state.cancelled {
            drop(state);
            if let Some(socket) = socket.upgrade() {
                socket.shutdown();
            }
        } else {
            state.sockets.push((id, socket.clone()));
        }
        Watch {
            token: self.clone(),
            id,
        }
    }

    /// Sleeps for `wait` or until cancelled; returns whether it was cancelled.
    pub fn sleep(&self, wait: Duration) -> bool {
        let (_, wake) = &*self.state;
        let (state, _) = wake
            .wait_timeout_while(self.lock(), wait, |state| !state.cancelled)
            .unwrap_or_else(PoisonError::into_inner);
        state.cancelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
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

    /// Counts its shutdowns.
    #[derive(Default)]
    struct Socket(AtomicUsize);

    impl ShutdownHandle for Socket {
        fn shutdown(&self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn weak(socket: &Arc<Socket>) -> Weak<dyn ShutdownHandle> {
        Arc::downgrade(socket) as Weak<dyn ShutdownHandle>
    }

    #[test]
    fn cancel_shuts_down_only_the_sockets_still_watched() {
        let token = CancelToken::new();
        let (watched, done) = (Arc::new(Socket::default()), Arc::new(Socket::default()));
        let watch = token.watch(&weak(&watched));
        drop(token.watch(&weak(&done)));
        token.cancel();
        assert_eq!(watched.0.load(Ordering::SeqCst), 1);
        assert_eq!(done.0.load(Ordering::SeqCst), 0);
        drop(watch);
        assert!(token.lock().sockets.is_empty());
        // Watching after the cancel shuts the socket down at once.
        let late = Arc::new(Socket::default());
        drop(token.watch(&weak(&late)));
        assert_eq!(late.0.load(Ordering::SeqCst), 1);
    }
}
