//! Stopping calls from elsewhere: a flag both clients watch, from another
//! thread (the blocking client) or another task (the async client).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, Weak};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// Something in flight that a cancel ends at once, such as a socket that a
/// transport shuts down (a transport implements it for its connections).
pub(crate) trait Interrupt: Send + Sync {
    /// Ends the I/O in flight; called from the cancelling thread.
    fn interrupt(&self);
}

/// A flag another thread or task sets to stop the calls that watch it (pass it
/// in [`CallOptions::cancel`](crate::CallOptions::cancel)).
///
/// Clones share the flag. A call notices it before each attempt, at once during
/// a backoff wait, and at once during an attempt: the blocking client shuts
/// down the socket the attempt is reading from or writing to, which frees the
/// thread and the connection; the async client drops the attempt. A cancelled
/// call fails with a `timeout` error saying "cancelled". Once set, it stays set.
#[derive(Debug, Clone, Default)]
pub struct CancelToken {
    state: Arc<(Mutex<State>, Condvar)>,
}

/// The flag and what the attempts watching it have in flight.
#[derive(Default)]
struct State {
    cancelled: bool,
    next_id: u64,
    in_flight: Vec<(u64, Weak<dyn Interrupt>)>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("cancelled", &self.cancelled)
            .field("in_flight", &self.in_flight.len())
            .finish()
    }
}

/// While alive, cancelling the token interrupts what it watches; dropping it stops that.
#[derive(Debug)]
pub(crate) struct Watch {
    token: CancelToken,
    id: u64,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.token.lock().in_flight.retain(|(id, _)| *id != self.id);
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

    /// Cancels every call watching this token (and every later one), and
    /// interrupts their attempts in flight.
    pub fn cancel(&self) {
        let in_flight = {
            let mut state = self.lock();
            state.cancelled = true;
            std::mem::take(&mut state.in_flight)
        };
        self.state.1.notify_all();
        for (_, io) in in_flight {
            if let Some(io) = io.upgrade() {
                io.interrupt();
            }
        }
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.lock().cancelled
    }

    /// Interrupts `io` when the token is cancelled, from now until the
    /// returned guard is dropped (at once if it already is).
    pub(crate) fn watch(&self, io: &Weak<dyn Interrupt>) -> Watch {
        let mut state = self.lock();
        let id = state.next_id;
        state.next_id += 1;
        if state.cancelled {
            drop(state);
            if let Some(io) = io.upgrade() {
                io.interrupt();
            }
        } else {
            state.in_flight.push((id, io.clone()));
        }
        Watch {
            token: self.clone(),
            id,
        }
    }

    /// Completes once the token is cancelled (at once if it already is).
    pub fn cancelled(&self) -> Cancelled<'_> {
        Cancelled {
            token: self,
            waiting: None,
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

/// The future of [`CancelToken::cancelled`]. Dropping it stops the watch.
#[derive(Debug)]
pub struct Cancelled<'a> {
    token: &'a CancelToken,
    /// The waker a cancel wakes, and the watch that keeps it registered.
    waiting: Option<(Arc<WakeTask>, Watch)>,
}

/// Wakes the task waiting in [`Cancelled`].
#[derive(Debug)]
struct WakeTask(Mutex<Waker>);

impl Interrupt for WakeTask {
    fn interrupt(&self) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .wake_by_ref();
    }
}

impl Future for Cancelled<'_> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.token.is_cancelled() {
            return Poll::Ready(());
        }
        match &self.waiting {
            Some((task, _)) => {
                let mut waker = task.0.lock().unwrap_or_else(PoisonError::into_inner);
                waker.clone_from(cx.waker());
            }
            None => {
                let task = Arc::new(WakeTask(Mutex::new(cx.waker().clone())));
                let watch = self
                    .token
                    .watch(&(Arc::downgrade(&task) as Weak<dyn Interrupt>));
                self.waiting = Some((task, watch));
            }
        }
        // A cancel between the check above and the watch has woken the task.
        Poll::Pending
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

    /// Counts its interruptions.
    #[derive(Default)]
    struct Socket(AtomicUsize);

    impl Interrupt for Socket {
        fn interrupt(&self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn weak(socket: &Arc<Socket>) -> Weak<dyn Interrupt> {
        Arc::downgrade(socket) as Weak<dyn Interrupt>
    }

    #[test]
    fn cancel_interrupts_only_what_is_still_watched() {
        let token = CancelToken::new();
        let (watched, done) = (Arc::new(Socket::default()), Arc::new(Socket::default()));
        let watch = token.watch(&weak(&watched));
        drop(token.watch(&weak(&done)));
        token.cancel();
        assert_eq!(watched.0.load(Ordering::SeqCst), 1);
        assert_eq!(done.0.load(Ordering::SeqCst), 0);
        drop(watch);
        assert!(token.lock().in_flight.is_empty());
        // Watching after the cancel interrupts at once.
        let late = Arc::new(Socket::default());
        drop(token.watch(&weak(&late)));
        assert_eq!(late.0.load(Ordering::SeqCst), 1);
    }

    /// A waker that counts its wake-ups.
    struct Count(AtomicUsize);

    impl std::task::Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn poll(future: &mut Cancelled<'_>, waker: &Waker) -> Poll<()> {
        Pin::new(future).poll(&mut Context::from_waker(waker))
    }

    #[test]
    fn cancel_wakes_a_waiting_task_once_and_completes_it() {
        let token = CancelToken::new();
        let count = Arc::new(Count(AtomicUsize::new(0)));
        let waker = Waker::from(count.clone());
        let mut waiting = token.cancelled();
        assert_eq!(poll(&mut waiting, &waker), Poll::Pending);
        assert_eq!(poll(&mut waiting, &waker), Poll::Pending);
        assert_eq!(token.lock().in_flight.len(), 1, "one entry per waiter");
        token.clone().cancel();
        assert_eq!(count.0.load(Ordering::SeqCst), 1);
        assert_eq!(poll(&mut waiting, &waker), Poll::Ready(()));
        assert_eq!(poll(&mut token.cancelled(), &waker), Poll::Ready(()));
    }

    #[test]
    fn a_dropped_waiter_leaves_nothing_behind() {
        let token = CancelToken::new();
        let waker = Waker::from(Arc::new(Count(AtomicUsize::new(0))));
        for _ in 0..100 {
            let mut waiting = token.cancelled();
            assert_eq!(poll(&mut waiting, &waker), Poll::Pending);
        }
        assert!(token.lock().in_flight.is_empty());
    }
}
