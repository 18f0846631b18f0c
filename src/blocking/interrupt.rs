//! Attempts a [`CancelToken`] can interrupt.
//!
//! ureq blocks in socket reads and writes. [`InterruptibleConnector`] wraps
//! ureq's own connector and keeps, for every connection it opens, the handle
//! that shuts its socket down. Around each read and write of a connection, the
//! token of the attempt running on this thread (set by [`with_cancel`]) watches
//! that handle, so cancelling the token ends the read or write at once, pooled
//! connection or new one, TLS handshake included. The TCP connect is ours
//! ([`CancellableTcp`]), which the token can end too.

use super::handshake;
use super::tcp::CancellableTcp;
use crate::native::cancel::{CancelToken, Interrupt, Watch};
use std::cell::RefCell;
use std::sync::{Arc, Mutex, PoisonError, Weak};
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, NextTimeout, RustlsConnector,
    ShutdownHandle, Transport,
};
use ureq::Error;

thread_local! {
    /// The token of the attempt running on this thread, if any.
    static CURRENT: RefCell<Option<CancelToken>> = const { RefCell::new(None) };
}

/// Runs `attempt` with `token` watching the sockets it reads and writes.
pub(crate) fn with_cancel<R>(token: Option<&CancelToken>, attempt: impl FnOnce() -> R) -> R {
    let Some(token) = token else {
        return attempt();
    };
    let previous = CURRENT.with(|current| current.replace(Some(token.clone())));
    let result = attempt();
    CURRENT.with(|current| *current.borrow_mut() = previous);
    result
}

/// The token of the attempt running on this thread, if any.
pub(super) fn current() -> Option<CancelToken> {
    CURRENT.with(|current| current.borrow().clone())
}

/// A connection's socket, which a cancel shuts down.
struct Socket(Weak<dyn ShutdownHandle>);

impl std::fmt::Debug for Socket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Socket")
    }
}

impl Interrupt for Socket {
    fn interrupt(&self) {
        if let Some(socket) = self.0.upgrade() {
            socket.shutdown();
        }
    }
}

impl Socket {
    /// `socket` as a token watches it.
    fn watched_by(socket: &Arc<Socket>) -> Weak<dyn Interrupt> {
        Arc::downgrade(socket) as Weak<dyn Interrupt>
    }
}

/// Runs one read or write of a connection whose socket is `socket`, watched by
/// this thread's token, if any.
fn watched<R>(socket: &Option<Arc<Socket>>, io: impl FnOnce() -> R) -> R {
    let _watch = match (current(), socket) {
        (Some(token), Some(socket)) => Some(token.watch(&Socket::watched_by(socket))),
        _ => None,
    };
    io()
}

/// The socket a connector opened, and the watch on it while it connects.
type Opened = Option<(Arc<Socket>, Option<Watch>)>;

/// ureq's default chain of connectors (an HTTP proxy if one is set, TCP,
/// then TLS for `https`), with our [`CancellableTcp`] for TCP, whose
/// connections a [`CancelToken`] can interrupt.
#[derive(Debug, Default)]
pub(crate) struct InterruptibleConnector {
    proxy: ConnectProxyConnector,
    tls: RustlsConnector,
}

impl Connector<()> for InterruptibleConnector {
    type Out = Interruptible;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<()>,
    ) -> Result<Option<Interruptible>, Error> {
        // The TCP connector registers its socket's shutdown handle with the
        // agent as soon as the socket is connected: keep it, and watch it
        // with this thread's token while the TLS handshake runs.
        let opened: Arc<Mutex<Opened>> = Arc::default();
        let agent_register = details.register_shutdown.clone();
        let kept = opened.clone();
        let register: Arc<RegisterShutdown> = Arc::new(move |handle: Weak<dyn ShutdownHandle>| {
            let socket = Arc::new(Socket(handle.clone()));
            let watch = current().map(|token| token.watch(&Socket::watched_by(&socket)));
            *kept.lock().unwrap_or_else(PoisonError::into_inner) = Some((socket, watch));
            agent_register(handle)
        });
        let inner_details = ConnectionDetails {
            uri: details.uri,
            addrs: details.addrs.clone(),
            config: details.config,
            request_level: details.request_level,
            resolver: details.resolver,
            now: details.now,
            timeout: details.timeout,
            current_time: details.current_time.clone(),
            run_connector: details.run_connector.clone(),
            register_shutdown: register,
        };
        let connected = self
            .proxy
            .connect(&inner_details, chained)
            .and_then(|proxied| CancellableTcp.connect(&inner_details, proxied))
            .and_then(|tcp| self.tls.connect(&inner_details, tcp))
            .map(|tls| tls.map(|tls| Box::new(tls) as Box<dyn Transport>));
        let socket = opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .map(|(socket, _watch)| socket);
        let connected = connected.map_err(handshake::mark)?;
        Ok(connected.map(|inner| Interruptible { inner, socket }))
    }
}

/// What ureq calls to register a shutdown handle.
type RegisterShutdown = dyn Fn(Weak<dyn ShutdownHandle>) -> Result<(), Error> + Send + Sync;

/// A connection whose reads and writes this thread's [`CancelToken`] can end.
#[derive(Debug)]
pub(crate) struct Interruptible {
    inner: Box<dyn Transport>,
    socket: Option<Arc<Socket>>,
}

impl Transport for Interruptible {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), Error> {
        watched(&self.socket, || self.inner.transmit_output(amount, timeout))
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, Error> {
        watched(&self.socket, || self.inner.await_input(timeout))
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}
