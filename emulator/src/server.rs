//! The server loop: accepting connections, a thread per connection, and routing each request
//! through the log and the fault rules to the service or the control API.

use std::io::BufReader;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use crate::error::ApiError;
use crate::faults::{Faults, Reply};
use crate::http::{self, ReadError, Request, Response};
use crate::log::{LoggedRequest, RequestLog};
use crate::state::State;
use crate::stream::Stream;
use crate::{control, routes, EmulatorConfig};

/// What every connection thread shares.
#[derive(Debug)]
pub struct Shared {
    /// Credentials and port.
    pub config: EmulatorConfig,
    /// `127.0.0.1:PORT`, for default redirect locations.
    pub host: String,
    /// The TLS settings in HTTPS mode.
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// Rooms, codes and templates.
    pub state: Mutex<State>,
    /// Queued fault rules.
    pub faults: Mutex<Faults>,
    /// Requests received on `/v2/...`.
    pub log: Mutex<RequestLog>,
}

/// Locks a mutex, ignoring poisoning: a panicked thread leaves the data usable.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    /// Fresh state for a server on `addr`, serving HTTPS with `tls` when given.
    pub fn new(
        config: EmulatorConfig,
        addr: SocketAddr,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Self {
        Shared {
            config,
            host: addr.to_string(),
            tls,
            state: Mutex::new(State::new()),
            faults: Mutex::new(Faults::default()),
            log: Mutex::new(RequestLog::default()),
        }
    }
}

/// Accepts connections until `stop` is set, serving each on its own thread.
pub fn accept_loop(listener: TcpListener, shared: Arc<Shared>, stop: Arc<AtomicBool>) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else {
            // Out of descriptors or similar: let the system breathe.
            thread::sleep(Duration::from_millis(5));
            continue;
        };
        let (shared, stop) = (Arc::clone(&shared), Arc::clone(&stop));
        let spawned = thread::Builder::new()
            .name("hms-emulator-conn".to_owned())
            .spawn(move || serve_connection(stream, &shared, &stop));
        if spawned.is_err() {
            thread::sleep(Duration::from_millis(5));
        }
    }
}

fn serve_connection(tcp: TcpStream, shared: &Shared, stop: &AtomicBool) {
    let _ = tcp.set_nodelay(true);
    let Ok(stream) = Stream::new(tcp, shared.tls.as_ref()) else {
        return;
    };
    let mut reader = BufReader::new(stream);
    loop {
        let request = match http::read_request(&mut reader) {
            Ok(Some(request)) => request,
            Ok(None) | Err(ReadError::Io) => return,
            Err(ReadError::Bad(error)) => {
                let _ = Response::from(error).write_to(reader.get_mut(), false, false);
                return;
            }
        };
        let keep_alive = request.keep_alive() && !stop.load(Ordering::SeqCst);
        match handle(shared, &request) {
            Reply::Send(response) => {
                if response
                    .write_to(reader.get_mut(), keep_alive, false)
                    .is_err()
                    || !keep_alive
                {
                    return;
                }
            }
            Reply::Truncate(response) => {
                let _ = response.write_to(reader.get_mut(), false, true);
                return;
            }
            Reply::Reset => {
                // SO_LINGER 0: closing sends RST instead of FIN.
                let _ =
                    socket2::SockRef::from(reader.get_ref().tcp()).set_linger(Some(Duration::ZERO));
                return;
            }
        }
    }
}

/// Logs a request, applies the first matching fault rule, or answers it normally.
fn handle(shared: &Shared, request: &Request) -> Reply {
    let control = request.path == "/_emulator" || request.path.starts_with("/_emulator/");
    if request.path == "/v2" || request.path.starts_with("/v2/") {
        lock(&shared.log).push(LoggedRequest::of(request));
    }
    let fault = if control {
        None
    } else {
        lock(&shared.faults).take(&request.method, &request.path)
    };
    let respond = || respond(shared, request, control);
    match fault {
        Some(rule) => {
            let scheme = if shared.tls.is_some() {
                "https"
            } else {
                "http"
            };
            let host = request.header("host").unwrap_or(&shared.host);
            rule.reply(request, &format!("{scheme}://{host}"), respond)
        }
        None => Reply::Send(respond()),
    }
}

fn respond(shared: &Shared, request: &Request, control: bool) -> Response {
    if request.method == "OPTIONS" {
        return Response::preflight();
    }
    let Some(segments) = http::path_segments(&request.path) else {
        return ApiError::new(400, "invalid path")
            .detail("a path segment is not valid percent-encoded UTF-8")
            .into();
    };
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match segments.split_first() {
        Some((&"v2", rest)) => routes::handle(shared, request, rest),
        Some((&"_emulator", rest)) if control => control::handle(shared, request, rest),
        _ => ApiError::route_not_found().into(),
    }
}
