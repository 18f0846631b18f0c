//! `RoomCodesClient`: the core driven over blocking HTTP.

use super::cancel::CancelToken;
use super::list::List;
use super::transport::Transport;
use crate::call::{Call, Step};
use crate::config::{Config, ConfigBuilder};
use crate::core::Core;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ListFilter, RoomCode, RoomCodePage};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A blocking client of the Room Codes API. `Send + Sync`: share one
/// (e.g. in an `Arc`) between threads; connections are pooled and reused.
///
/// ```no_run
/// use hms_room_codes::{blocking::RoomCodesClient, Config};
/// let config = Config::builder().management_token("…").build()?;
/// let client = RoomCodesClient::new(config);
/// for code in client.create("room-id")? {
///     println!("{} {}", code.role, code.code);
/// }
/// # Ok::<(), hms_room_codes::Error>(())
/// ```
#[derive(Debug)]
pub struct RoomCodesClient {
    core: Core,
    transport: Transport,
}

impl RoomCodesClient {
    /// A client for `config`.
    pub fn new(config: Config) -> RoomCodesClient {
        let transport = Transport::new(&config);
        RoomCodesClient {
            core: Core::new(config),
            transport,
        }
    }

    /// A client configured from `HMS_MANAGEMENT_TOKEN` or `HMS_ACCESS_KEY` +
    /// `HMS_SECRET`, and `HMS_API_BASE_URL`.
    pub fn from_env() -> Result<RoomCodesClient> {
        Ok(RoomCodesClient::new(ConfigBuilder::from_env().build()?))
    }

    /// The sans-IO core this client drives.
    pub fn core(&self) -> &Core {
        &self.core
    }

    /// Creates (or returns) a code for every role of `room_id`.
    pub fn create(&self, room_id: &str) -> Result<Vec<RoomCode>> {
        self.run(self.core.create(room_id)?, None)
    }

    /// Creates one more code for `role` in `room_id`.
    pub fn create_for_role(&self, room_id: &str, role: &str) -> Result<RoomCode> {
        self.run(self.core.create_for_role(room_id, role)?, None)
    }

    /// One page of the codes of `room_id`.
    pub fn list_page(&self, room_id: &str, filter: &ListFilter) -> Result<RoomCodePage> {
        self.run(self.core.list_page(room_id, filter)?, None)
    }

    /// Every code of `room_id`, page after page, as an iterator.
    pub fn list(&self, room_id: &str, filter: ListFilter) -> List<'_> {
        List::new(self, room_id, filter)
    }

    /// Enables or disables `code`; returns the updated code.
    pub fn set_enabled(&self, code: &str, enabled: bool) -> Result<RoomCode> {
        self.run(self.core.set_enabled(code, enabled)?, None)
    }

    /// Exchanges a room code for a client auth token (sends no management token).
    pub fn auth_token_for_code(&self, code: &str, user_id: Option<&str>) -> Result<String> {
        self.run(self.core.auth_token_for_code(code, user_id)?, None)
    }

    /// Drives `call` to the end. With a `deadline`, no attempt or wait runs past
    /// it and the call fails with `timeout` once it has passed.
    pub fn run<T>(&self, call: Call<'_, T>, deadline: Option<Instant>) -> Result<T> {
        self.run_cancellable(call, deadline, None)
    }

    /// Like [`RoomCodesClient::run`], and stops with a `timeout` error saying
    /// "cancelled" once `cancel` is set: before the next attempt, and at once
    /// during a backoff wait or an attempt on the wire (whose socket is shut
    /// down; a TCP connect still in progress runs to its end or its timeout).
    pub fn run_cancellable<T>(
        &self,
        mut call: Call<'_, T>,
        deadline: Option<Instant>,
        cancel: Option<&CancelToken>,
    ) -> Result<T> {
        loop {
            if cancel.is_some_and(CancelToken::is_cancelled) {
                return Err(cancelled());
            }
            let timeout = attempt_timeout(self.core.config().timeout(), deadline)?;
            let request = call.request(now_unix_ms());
            let sent = self.transport.send_cancellable(&request, timeout, cancel);
            if cancel.is_some_and(CancelToken::is_cancelled) {
                return Err(cancelled());
            }
            let step = match sent {
                Ok(response) => call.on_response(&response, now_unix_ms()),
                Err(failure) => call.on_failure(&failure),
            };
            match step {
                Step::Done(result) => return result,
                Step::RetryAfter(wait) => {
                    if deadline.is_some_and(|d| Instant::now() + wait >= d) {
                        return Err(deadline_passed());
                    }
                    match cancel {
                        Some(token) if token.sleep(wait) => return Err(cancelled()),
                        Some(_) => {}
                        None => std::thread::sleep(wait),
                    }
                }
            }
        }
    }
}

/// The timeout of the next attempt: the configured one, cut to the deadline.
fn attempt_timeout(configured: Duration, deadline: Option<Instant>) -> Result<Duration> {
    match deadline {
        None => Ok(configured),
        Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
            Some(left) if !left.is_zero() => Ok(left.min(configured)),
            _ => Err(deadline_passed()),
        },
    }
}

fn deadline_passed() -> Error {
    Error::new(ErrorKind::Timeout, "the call's deadline passed")
}

fn cancelled() -> Error {
    Error::new(ErrorKind::Timeout, "the call was cancelled")
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListFilter;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// A server that answers every request with 503 and `Retry-After: 5`;
    /// returns its base URL and the number of requests it has seen.
    fn always_busy() -> (String, Arc<AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/v2", listener.local_addr().unwrap());
        let seen = Arc::new(AtomicUsize::new(0));
        let counter = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(stream);
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                counter.fetch_add(1, Ordering::SeqCst);
                let _ = reader.get_mut().write_all(
                    b"HTTP/1.1 503 Busy\r\nRetry-After: 5\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        });
        (url, seen)
    }

    /// A server that reads each request and never answers; returns its base
    /// URL and a channel that gets each connection's lifetime once the client
    /// has closed it.
    fn silent() -> (String, std::sync::mpsc::Receiver<Duration>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/v2", listener.local_addr().unwrap());
        let (closed, lifetimes) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let closed = closed.clone();
                std::thread::spawn(move || {
                    let opened = Instant::now();
                    let mut buf = [0; 1024];
                    while std::io::Read::read(&mut stream, &mut buf).is_ok_and(|n| n > 0) {}
                    let _ = closed.send(opened.elapsed());
                });
            }
        });
        (url, lifetimes)
    }

    /// Cancels `token` 200 ms from now, on another thread; the thread
    /// returns when it cancelled.
    fn cancel_soon(token: &CancelToken) -> std::thread::JoinHandle<Instant> {
        let token = token.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            token.cancel();
            Instant::now()
        })
    }

    /// Lists a page from `url` watching `token`; checks the call was cancelled.
    fn list_cancelled(url: &str, token: &CancelToken) {
        let client = client(url);
        let call = client
            .core()
            .list_page("room", &ListFilter::default())
            .unwrap();
        let err = client.run_cancellable(call, None, Some(token)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
        assert!(err.message().contains("cancelled"), "{err}");
    }

    /// How long after `canceller` cancelled the call returned (now).
    fn lag(canceller: std::thread::JoinHandle<Instant>) -> Duration {
        let returned = Instant::now();
        returned.saturating_duration_since(canceller.join().unwrap())
    }

    #[test]
    fn cancel_ends_an_attempt_on_the_wire_and_frees_its_socket() {
        let (url, lifetimes) = silent();
        let token = CancelToken::new();
        let canceller = cancel_soon(&token);
        list_cancelled(&url, &token);
        let lag = lag(canceller);
        println!("the call returned {lag:?} after cancel");
        assert!(lag < Duration::from_secs(1), "{lag:?}");
        // The server sees the connection closed (the 10 s timeout is far off).
        let lifetime = lifetimes.recv_timeout(Duration::from_secs(2)).unwrap();
        assert!(lifetime < Duration::from_secs(2), "{lifetime:?}");
        assert!(lifetimes.try_recv().is_err(), "one connection only");
    }

    fn client(url: &str) -> RoomCodesClient {
        RoomCodesClient::new(Config::builder().base_url(url).build().unwrap())
    }

    #[test]
    fn a_cancelled_token_stops_the_call_before_any_request() {
        let (url, seen) = always_busy();
        let token = CancelToken::new();
        token.cancel();
        list_cancelled(&url, &token);
        assert_eq!(seen.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn cancel_cuts_a_backoff_wait_short() {
        let (url, seen) = always_busy();
        let token = CancelToken::new();
        let canceller = cancel_soon(&token);
        list_cancelled(&url, &token);
        let lag = lag(canceller);
        assert!(lag < Duration::from_secs(4), "{lag:?}");
        assert_eq!(seen.load(Ordering::SeqCst), 1);
    }
}
