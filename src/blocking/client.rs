//! `RoomCodesClient`: the core driven over blocking HTTP.

use super::list::List;
use super::transport::Transport;
use crate::core::call::Call;
use crate::core::client::Core;
use crate::core::config::{Config, ConfigBuilder};
use crate::core::error::Result;
use crate::core::model::{AuthToken, ListFilter, RoomCode, RoomCodePage};
use crate::native::bounded_call::{BoundedCall, BoundedStep};
use crate::native::clock;
use crate::native::options::CallOptions;

/// A blocking client of the Room Codes API. `Send + Sync`: share one
/// (e.g. in an `Arc`) between threads; connections are pooled and reused.
///
/// Every operation has a `…_with` form that takes [`CallOptions`]: a deadline,
/// a per-attempt timeout, a [`CancelToken`](crate::CancelToken), and a
/// [`ResponseMetaSlot`](crate::ResponseMetaSlot) a successful call records
/// its response's status, request id, attempts and time in.
///
/// ```no_run
/// use hms_room_codes::{blocking::RoomCodesClient, CallOptions, Config};
/// use std::time::Duration;
/// let config = Config::builder().management_token("…").build()?;
/// let client = RoomCodesClient::new(config);
/// for code in client.create("room-id")? {
///     println!("{} {}", code.role, code.code);
/// }
/// let within = CallOptions::new().deadline_in(Duration::from_secs(3));
/// let guest = client.create_for_role_with("room-id", "guest", &within)?;
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

    /// A client configured from the environment: `HMS_MANAGEMENT_TOKEN`, or
    /// `HMS_ACCESS_KEY` with `HMS_SECRET`, and `HMS_API_BASE_URL` and
    /// `HMS_AUTH_BASE_URL` (see [`ConfigBuilder::from_env`]). One of the app
    /// keys without the other, or a token with them, is `invalid_argument`
    /// naming the variables.
    pub fn from_env() -> Result<RoomCodesClient> {
        Ok(RoomCodesClient::new(ConfigBuilder::from_env().build()?))
    }

    /// The sans-IO core this client drives.
    pub fn core(&self) -> &Core {
        &self.core
    }

    /// Creates (or returns) a code for every role of `room_id`.
    pub fn create(&self, room_id: &str) -> Result<Vec<RoomCode>> {
        self.create_with(room_id, &CallOptions::default())
    }

    /// [`RoomCodesClient::create`] within `options`.
    pub fn create_with(&self, room_id: &str, options: &CallOptions) -> Result<Vec<RoomCode>> {
        self.run(self.core.create(room_id)?, options)
    }

    /// Creates one more code for `role` in `room_id`.
    pub fn create_for_role(&self, room_id: &str, role: &str) -> Result<RoomCode> {
        self.create_for_role_with(room_id, role, &CallOptions::default())
    }

    /// [`RoomCodesClient::create_for_role`] within `options`.
    pub fn create_for_role_with(
        &self,
        room_id: &str,
        role: &str,
        options: &CallOptions,
    ) -> Result<RoomCode> {
        self.run(self.core.create_for_role(room_id, role)?, options)
    }

    /// One page of the codes of `room_id`.
    pub fn list_page(&self, room_id: &str, filter: &ListFilter) -> Result<RoomCodePage> {
        self.list_page_with(room_id, filter, &CallOptions::default())
    }

    /// [`RoomCodesClient::list_page`] within `options`.
    pub fn list_page_with(
        &self,
        room_id: &str,
        filter: &ListFilter,
        options: &CallOptions,
    ) -> Result<RoomCodePage> {
        self.run(self.core.list_page(room_id, filter)?, options)
    }

    /// Every code of `room_id`, page after page, as an iterator.
    pub fn list(&self, room_id: &str, filter: &ListFilter) -> List<'_> {
        self.list_with(room_id, filter, &CallOptions::default())
    }

    /// [`RoomCodesClient::list`], each page's call within `options` (a
    /// deadline bounds the whole listing, a cancel token stops it).
    pub fn list_with(&self, room_id: &str, filter: &ListFilter, options: &CallOptions) -> List<'_> {
        List::new(self, room_id, filter, options)
    }

    /// Enables or disables `code`; returns the updated code.
    pub fn set_enabled(&self, code: &str, enabled: bool) -> Result<RoomCode> {
        self.set_enabled_with(code, enabled, &CallOptions::default())
    }

    /// [`RoomCodesClient::set_enabled`] within `options`.
    pub fn set_enabled_with(
        &self,
        code: &str,
        enabled: bool,
        options: &CallOptions,
    ) -> Result<RoomCode> {
        self.run(self.core.set_enabled(code, enabled)?, options)
    }

    /// Exchanges a room code for a client auth token and its expiry (sends no
    /// management token). The token prints as `<redacted>` in `Debug`.
    pub fn auth_token_for_code(&self, code: &str, user_id: Option<&str>) -> Result<AuthToken> {
        self.auth_token_for_code_with(code, user_id, &CallOptions::default())
    }

    /// [`RoomCodesClient::auth_token_for_code`] within `options`.
    pub fn auth_token_for_code_with(
        &self,
        code: &str,
        user_id: Option<&str>,
        options: &CallOptions,
    ) -> Result<AuthToken> {
        self.run(self.core.auth_token_for_code(code, user_id)?, options)
    }

    /// Drives `call` (from [`RoomCodesClient::core`]) to the end within
    /// `options`. A cancel token stops it before the next attempt, and at once
    /// during a backoff wait or an attempt on the wire (whose socket is shut
    /// down; a TCP connect still in progress runs to its end or its timeout).
    /// No attempt or wait runs past the deadline.
    pub fn run<T>(&self, call: Call<'_, T>, options: &CallOptions) -> Result<T> {
        let mut bounded = BoundedCall::new(call, options);
        let mut next = bounded.start(clock::now());
        loop {
            next = match next {
                BoundedStep::Send { timeout } => {
                    let sent = self.transport.send_cancellable(
                        bounded.request(),
                        timeout,
                        bounded.cancel_token(),
                    );
                    bounded.on_sent(sent, clock::now())
                }
                BoundedStep::Wait(wait) => {
                    match bounded.cancel_token() {
                        Some(token) => {
                            token.sleep(wait);
                        }
                        None => std::thread::sleep(wait),
                    }
                    bounded.after_wait(clock::now())
                }
                BoundedStep::Done(result) => return result,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;
    use crate::core::model::ListFilter;
    use crate::native::cancel::CancelToken;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

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
        let options = CallOptions::new().cancel(token);
        let err = client(url)
            .list_page_with("room", &ListFilter::default(), &options)
            .unwrap_err();
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
