//! The blocking client's TCP connections: a connect that this thread's
//! [`CancelToken`] can end, and the connection ureq reads and writes.
//!
//! ureq's own TCP connector makes its socket inside the connect, so nothing
//! can reach that socket until the connect is over (a cancel then waited for
//! the attempt's timeout). Here the socket exists first: the token watches it
//! during the connect, and a cancel shuts it down, which ends the connect at
//! once (Linux wakes a connect whose socket is shut down). A cancel that
//! lands in the microseconds between the last check of the token and the
//! connect system call is the one case left to the attempt's timeout.

use super::interrupt::current;
use crate::native::cancel::{CancelToken, Interrupt};
use socket2::{Domain, Protocol, Socket, Type};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::{Arc, Weak};
use std::time::Duration;
use ureq::unversioned::transport::{
    Buffers, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout, ShutdownHandle,
    Transport,
};
use ureq::Error;

/// ureq's TCP connector (skipped when a proxy connection came first), with a
/// connect the thread's token can end.
#[derive(Debug, Default)]
pub(crate) struct CancellableTcp;

impl<In: Transport> Connector<In> for CancellableTcp {
    type Out = Either<In, TcpConnection>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, Error> {
        if chained.is_some() {
            return Ok(chained.map(Either::A));
        }
        let timeout = details.timeout.not_zero().map(|t| *t);
        let mut failure = None;
        for addr in details.addrs.iter() {
            match connect(*addr, timeout) {
                Ok(stream) => {
                    let connection = TcpConnection::new(stream, details)?;
                    (details.register_shutdown)(
                        Arc::downgrade(&connection.stream) as Weak<dyn ShutdownHandle>
                    )?;
                    return Ok(Some(Either::B(connection)));
                }
                Err(error) if error.kind() == io::ErrorKind::TimedOut => {
                    return Err(Error::Timeout(details.timeout.reason));
                }
                Err(error) => failure = Some(error),
            }
        }
        Err(failure.map_or(Error::ConnectionFailed, Error::Io))
    }
}

/// A socket being connected, which a cancel shuts down.
struct Connecting(Socket);

impl Interrupt for Connecting {
    fn interrupt(&self) {
        // An error means the socket is closed already.
        let _ = self.0.shutdown(Shutdown::Both);
    }
}

/// Connects to `addr` within `timeout` (none: the system's), or until this
/// thread's token is cancelled.
fn connect(addr: SocketAddr, timeout: Option<Duration>) -> io::Result<TcpStream> {
    let socket = Arc::new(Connecting(Socket::new(
        Domain::for_address(addr),
        Type::STREAM,
        Some(Protocol::TCP),
    )?));
    let token = current();
    let cancelled = || token.as_ref().is_some_and(CancelToken::is_cancelled);
    let watch = token
        .as_ref()
        .map(|token| token.watch(&(Arc::downgrade(&socket) as Weak<dyn Interrupt>)));
    let connected = match timeout {
        _ if cancelled() => Ok(()),
        Some(timeout) => socket.0.connect_timeout(&addr.into(), timeout),
        None => socket.0.connect(&addr.into()),
    };
    drop(watch);
    if cancelled() {
        return Err(io::Error::new(
            io::ErrorKind::Interrupted,
            "the connect was cancelled",
        ));
    }
    connected?;
    let Some(Connecting(socket)) = Arc::into_inner(socket) else {
        unreachable!("the watch held the socket weakly and is gone");
    };
    Ok(socket.into())
}

/// A TCP connection for ureq: reads and writes bounded by the attempt's timeout.
#[derive(Debug)]
pub(crate) struct TcpConnection {
    /// Shared (weakly) with the shutdown handle that a cancel uses.
    stream: Arc<TcpStream>,
    buffers: LazyBuffers,
}

impl TcpConnection {
    fn new(stream: TcpStream, details: &ConnectionDetails) -> io::Result<TcpConnection> {
        let config = details.config;
        if config.no_delay() {
            stream.set_nodelay(true)?;
        }
        Ok(TcpConnection {
            stream: Arc::new(stream),
            buffers: LazyBuffers::new(config.input_buffer_size(), config.output_buffer_size()),
        })
    }
}

/// `timeout` as a socket timeout, or the timeout error when none is left.
fn time_left(timeout: NextTimeout) -> Result<Option<Duration>, Error> {
    if timeout.after.is_zero() {
        return Err(Error::Timeout(timeout.reason));
    }
    Ok(timeout.not_zero().map(|t| *t))
}

/// An I/O error as ureq's: a timed-out read or write is `timeout`'s.
fn io_error(error: io::Error, timeout: NextTimeout) -> Error {
    match error.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Error::Timeout(timeout.reason),
        _ => Error::Io(error),
    }
}

impl Transport for TcpConnection {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), Error> {
        let timeout = timeout.for_write();
        self.stream.set_write_timeout(time_left(timeout)?)?;
        let output = &self.buffers.output()[..amount];
        (&*self.stream)
            .write_all(output)
            .map_err(|e| io_error(e, timeout))
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, Error> {
        let timeout = timeout.for_read();
        self.stream.set_read_timeout(time_left(timeout)?)?;
        let input = self.buffers.input_append_buf();
        let amount = loop {
            match (&*self.stream).read(input) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                read => break read.map_err(|e| io_error(e, timeout))?,
            }
        };
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        // Open when a read would block: no byte waits (none was asked for)
        // and the peer has not closed.
        let stream = &*self.stream;
        if stream.set_nonblocking(true).is_err() {
            return false;
        }
        let open = matches!(
            stream.peek(&mut [0]),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock
        );
        open && stream.set_nonblocking(false).is_ok()
    }
}
