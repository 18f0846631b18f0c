//! A local emulator of the 100ms Room Codes API (rooms, room codes and the token exchange),
//! with fault injection and a request log, for testing code that uses the API.
//!
//! It is a plain HTTP/1.1 server on `std::net::TcpListener`, a thread per connection, that
//! answers on 127.0.0.1 only; in HTTPS mode ([`EmulatorConfig::tls`]) it serves a certificate
//! signed by a CA of its own, made at start ([`Emulator::ca_pem`]). Start it in-process with
//! [`start`], or run the `hms-emulator` binary, which prints its URL as the first line of stdout.
//!
//! A client needs both base URLs set to [`Emulator::base_url`] (the URL + `/v2`), the
//! credentials ([`Emulator::management_token`], or the access key and secret), and a room
//! ([`Emulator::create_room`]):
//!
//! ```
//! let emulator = hms_emulator::start(hms_emulator::EmulatorConfig::default()).unwrap();
//! let room = emulator.create_room();
//! emulator
//!     .inject_fault(r#"{"path": "/v2/room-codes", "status": 429, "retry_after": "1"}"#)
//!     .unwrap();
//! assert!(emulator.requests().is_empty());
//! # let _ = room;
//! ```
//!
//! The same control over HTTP (`/_emulator`, version [`CONTROL_API_VERSION`]) is described in
//! the crate's README.

mod auth;
mod control;
mod error;
mod faults;
mod http;
mod ids;
mod log;
mod routes;
mod server;
mod state;
mod stream;
mod testing;
mod time;
mod tls;

use std::fmt;
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

pub use crate::log::LoggedRequest;

/// The version of the control API under `/_emulator` (`GET /_emulator` answers it). Within
/// one version, calls and fields are only ever added; a change that breaks a caller comes
/// with a new version.
pub const CONTROL_API_VERSION: u32 = 1;

/// How an emulator instance is set up.
#[derive(Clone)]
pub struct EmulatorConfig {
    /// The loopback port to listen on; 0 picks a free one.
    pub port: u16,
    /// The access key that management JWTs must carry in their `access_key` claim.
    pub access_key: String,
    /// The secret that signs management JWTs (HS256) and the app tokens the emulator issues.
    pub app_secret: String,
    /// A fixed management token accepted as is, besides signed JWTs; `None` accepts JWTs only.
    pub management_token: Option<String>,
    /// Serve HTTPS with a certificate for `127.0.0.1` and `localhost`, signed by a CA made at
    /// start (see [`Emulator::ca_pem`]).
    pub tls: bool,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            port: 0,
            access_key: "emulator-access-key".to_owned(),
            app_secret: "emulator-app-secret".to_owned(),
            management_token: Some("emulator-management-token".to_owned()),
            tls: false,
        }
    }
}

impl fmt::Debug for EmulatorConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmulatorConfig")
            .field("port", &self.port)
            .field("access_key", &self.access_key)
            .field("app_secret", &"<redacted>")
            .field(
                "management_token",
                &self.management_token.as_ref().map(|_| "<redacted>"),
            )
            .field("tls", &self.tls)
            .finish()
    }
}

/// A running emulator. Dropping it stops accepting connections (best effort: a connection
/// already open is closed after its next request).
#[derive(Debug)]
pub struct Emulator {
    addr: SocketAddr,
    ca_pem: Option<String>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    shared: Arc<server::Shared>,
}

/// Binds 127.0.0.1 on the configured port and serves the emulator on background threads.
pub fn start(config: EmulatorConfig) -> io::Result<Emulator> {
    let tls = if config.tls {
        Some(tls::generate()?)
    } else {
        None
    };
    let listener = TcpListener::bind(("127.0.0.1", config.port))?;
    let addr = listener.local_addr()?;
    let stop = Arc::new(AtomicBool::new(false));
    let (server_tls, ca_pem) = match tls {
        Some(tls) => (Some(tls.config), Some(tls.ca_pem)),
        None => (None, None),
    };
    let shared = Arc::new(server::Shared::new(config, addr, server_tls));
    let accept = {
        let (stop, shared) = (Arc::clone(&stop), Arc::clone(&shared));
        thread::Builder::new()
            .name("hms-emulator-accept".to_owned())
            .spawn(move || server::accept_loop(listener, shared, stop))?
    };
    Ok(Emulator {
        addr,
        ca_pem,
        stop,
        accept: Some(accept),
        shared,
    })
}

impl Emulator {
    /// The emulator's root URL, `http://127.0.0.1:PORT` (`https://` in HTTPS mode).
    pub fn url(&self) -> String {
        let scheme = if self.ca_pem.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}", self.addr)
    }

    /// The API base URL, the [`Emulator::url`] + `/v2`, for both management calls and the
    /// token exchange.
    pub fn base_url(&self) -> String {
        format!("{}/v2", self.url())
    }

    /// In HTTPS mode, the PEM of the CA certificate that signed the server's certificate:
    /// what a client must trust.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// The port the emulator listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        drop(TcpStream::connect(self.addr));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}
