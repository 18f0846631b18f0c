//! What a call did, as the core saw it: each attempt, response, failure,
//! retry wait and the call's end. The core decides what goes into an event,
//! and it holds nothing secret by construction: no header values sent, no
//! body, no query, only the request's method and path (credentials travel in
//! the `Authorization` header and codes in bodies, never in a path).
//!
//! Off by default: a call without a hook checks one `Option` per step.

use crate::core::error::ErrorKind;
use crate::core::wire::http::TransportFailureKind;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The response headers that name a request for the service's support, in
/// the order they are looked for.
pub const REQUEST_ID_HEADERS: [&str; 2] = ["x-request-id", "request-id"];

/// Why a call waits before its next attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryReason {
    /// 429, with the wait the backoff chose.
    RateLimited,
    /// A `Retry-After` header set the wait (on a 429 or a 5xx).
    RetryAfter,
    /// A 5xx, with the wait the backoff chose.
    ServerError,
    /// No response came back.
    TransportFailure,
    /// The management token was refused once: a fresh one is signed at once.
    TokenRenewed,
}

impl RetryReason {
    /// The snake_case name every binding prints.
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryReason::RateLimited => "rate_limited",
            RetryReason::RetryAfter => "retry_after",
            RetryReason::ServerError => "server_error",
            RetryReason::TransportFailure => "transport_failure",
            RetryReason::TokenRenewed => "token_renewed",
        }
    }
}

/// One thing a call did. Borrowed: copy out what you keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event<'e> {
    /// An attempt is about to be sent.
    AttemptStarted {
        /// The operation, as the binding spells it (`create_for_role`, `createForRole`).
        operation: &'static str,
        /// 1 for the first attempt.
        attempt: u32,
        /// `GET` or `POST`.
        method: &'static str,
        /// The URL's path, without host or query.
        path: &'e str,
    },
    /// An attempt got a response.
    Response {
        /// The operation.
        operation: &'static str,
        /// Which attempt.
        attempt: u32,
        /// The HTTP status.
        status: u16,
        /// From the attempt's start to its response.
        elapsed: Duration,
        /// The service's request id, if it sent one.
        request_id: Option<&'e str>,
        /// The size of the body read.
        body_bytes: usize,
    },
    /// An attempt got no response.
    TransportFailure {
        /// The operation.
        operation: &'static str,
        /// Which attempt.
        attempt: u32,
        /// Why not.
        kind: TransportFailureKind,
        /// From the attempt's start to the failure.
        elapsed: Duration,
    },
    /// The call waits before its next attempt.
    RetryWait {
        /// The operation.
        operation: &'static str,
        /// The attempt that comes after the wait.
        next_attempt: u32,
        /// How long.
        wait: Duration,
        /// Why.
        reason: RetryReason,
    },
    /// The call is over.
    CallEnded {
        /// The operation.
        operation: &'static str,
        /// `None` on success, else the error's kind.
        error: Option<ErrorKind>,
        /// From the first attempt's start to the end.
        elapsed: Duration,
        /// Attempts sent.
        attempts: u32,
    },
}

impl TransportFailureKind {
    /// The snake_case name every binding prints.
    pub const fn as_str(self) -> &'static str {
        match self {
            TransportFailureKind::NotSent => "not_sent",
            TransportFailureKind::Timeout => "timeout",
            TransportFailureKind::Broken => "broken",
            TransportFailureKind::TlsHandshake => "tls_handshake",
            TransportFailureKind::BodyTooLarge => "body_too_large",
        }
    }
}

/// How much an event matters to someone reading a log: the level every
/// binding logs it at (the `tracing` feature, Node's `logLevel`, C's and Go's
/// `level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventLevel {
    /// Each attempt and response.
    Debug,
    /// Retry waits, transport failures and a call that succeeded.
    Info,
    /// A call that failed.
    Warn,
}

impl EventLevel {
    /// The level's name: `"debug"`, `"info"` or `"warn"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EventLevel::Debug => "debug",
            EventLevel::Info => "info",
            EventLevel::Warn => "warn",
        }
    }
}

impl Event<'_> {
    /// The event's name, e.g. `"attempt_started"`.
    pub const fn name(&self) -> &'static str {
        match self {
            Event::AttemptStarted { .. } => "attempt_started",
            Event::Response { .. } => "response",
            Event::TransportFailure { .. } => "transport_failure",
            Event::RetryWait { .. } => "retry_wait",
            Event::CallEnded { .. } => "call_ended",
        }
    }

    /// The level to log the event at (see [`EventLevel`]).
    pub const fn level(&self) -> EventLevel {
        match self {
            Event::AttemptStarted { .. } | Event::Response { .. } => EventLevel::Debug,
            Event::CallEnded { error: Some(_), .. } => EventLevel::Warn,
            _ => EventLevel::Info,
        }
    }

    /// `true` for the events a `debug` level shows and `info` does not
    /// (attempts and responses); waits, failures and ends show at `info`.
    pub const fn is_debug(&self) -> bool {
        matches!(self.level(), EventLevel::Debug)
    }
}

/// An event's fields side by side (unset where the event has none), for a
/// binding that hands them out flat (C, JS).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventFields<'e> {
    /// The operation.
    pub operation: &'static str,
    /// The attempt; for `retry_wait` the one after the wait; for
    /// `call_ended` the attempts sent.
    pub attempt: u32,
    /// `attempt_started`: the method and the URL's path.
    pub method: Option<&'static str>,
    /// See `method`.
    pub path: Option<&'e str>,
    /// `response`: the status, the request id and the body's size.
    pub status: Option<u16>,
    /// See `status`.
    pub request_id: Option<&'e str>,
    /// See `status`.
    pub body_bytes: Option<usize>,
    /// The attempt's time (`response`, `transport_failure`) or the call's (`call_ended`).
    pub elapsed: Option<Duration>,
    /// `transport_failure`: its kind.
    pub failure: Option<TransportFailureKind>,
    /// `retry_wait`: how long and why.
    pub wait: Option<Duration>,
    /// See `wait`.
    pub reason: Option<RetryReason>,
    /// `call_ended`: `Ok` or the error's kind.
    pub result: Option<std::result::Result<(), ErrorKind>>,
}

impl<'e> Event<'e> {
    /// The event's fields, flat.
    pub fn fields(&self) -> EventFields<'e> {
        match *self {
            Event::AttemptStarted {
                operation,
                attempt,
                method,
                path,
            } => EventFields {
                operation,
                attempt,
                method: Some(method),
                path: Some(path),
                ..EventFields::default()
            },
            Event::Response {
                operation,
                attempt,
                status,
                elapsed,
                request_id,
                body_bytes,
            } => EventFields {
                operation,
                attempt,
                status: Some(status),
                request_id,
                body_bytes: Some(body_bytes),
                elapsed: Some(elapsed),
                ..EventFields::default()
            },
            Event::TransportFailure {
                operation,
                attempt,
                kind,
                elapsed,
            } => EventFields {
                operation,
                attempt,
                failure: Some(kind),
                elapsed: Some(elapsed),
                ..EventFields::default()
            },
            Event::RetryWait {
                operation,
                next_attempt,
                wait,
                reason,
            } => EventFields {
                operation,
                attempt: next_attempt,
                wait: Some(wait),
                reason: Some(reason),
                ..EventFields::default()
            },
            Event::CallEnded {
                operation,
                error,
                elapsed,
                attempts,
            } => EventFields {
                operation,
                attempt: attempts,
                elapsed: Some(elapsed),
                result: Some(error.map_or(Ok(()), Err)),
                ..EventFields::default()
            },
        }
    }
}

/// One line per event, `key=value` pairs after the name, the same in every
/// binding, e.g. `hms response operation=create attempt=1 status=200 elapsed_ms=12 ...`.
impl fmt::Display for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.fields();
        write!(f, "hms {} operation={}", self.name(), x.operation)?;
        match self {
            Event::CallEnded { .. } => {}
            Event::RetryWait { .. } => write!(f, " next_attempt={}", x.attempt)?,
            _ => write!(f, " attempt={}", x.attempt)?,
        }
        let ms = |d: Duration| d.as_millis().to_string();
        let pairs: [(&str, Option<String>); 9] = [
            ("method", x.method.map(str::to_string)),
            ("path", x.path.map(str::to_string)),
            ("status", x.status.map(|v| v.to_string())),
            ("kind", x.failure.map(|k| k.as_str().to_string())),
            (
                "result",
                x.result
                    .map(|r| r.err().map_or("ok", ErrorKind::as_str).to_string()),
            ),
            ("elapsed_ms", x.elapsed.map(ms)),
            ("body_bytes", x.body_bytes.map(|v| v.to_string())),
            ("request_id", x.request_id.map(str::to_string)),
            ("wait_ms", x.wait.map(ms)),
        ];
        for (key, value) in pairs {
            if let Some(value) = value {
                write!(f, " {key}={value}")?;
            }
        }
        if let Some(reason) = x.reason {
            write!(f, " reason={}", reason.as_str())?;
        }
        match self {
            Event::CallEnded { .. } => write!(f, " attempts={}", x.attempt),
            _ => Ok(()),
        }
    }
}

/// A function that receives every event of a client's calls, on the thread
/// that drives the call. Cheap to clone.
#[derive(Clone)]
pub struct EventHook(Arc<dyn Fn(&Event<'_>) + Send + Sync>);

impl EventHook {
    /// A hook calling `f`.
    pub fn new(f: impl Fn(&Event<'_>) + Send + Sync + 'static) -> EventHook {
        EventHook(Arc::new(f))
    }

    /// Hands `event` to the hook.
    pub fn emit(&self, event: &Event<'_>) {
        (self.0)(event)
    }
}

impl fmt::Debug for EventHook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EventHook")
    }
}

/// The request id of a response's headers, if the service sent one.
pub(crate) fn request_id(response: &crate::core::wire::http::HttpResponse) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| response.read_header(name))
}

/// The path of `url`: after the host, before any query.
pub(crate) fn path_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]);
    path.split(['?', '#']).next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_have_lowercase_names() {
        let names = [EventLevel::Debug, EventLevel::Info, EventLevel::Warn].map(EventLevel::as_str);
        assert_eq!(names, ["debug", "info", "warn"]);
    }

    #[test]
    fn the_path_drops_host_and_query() {
        assert_eq!(
            path_of("https://api.test:8443/v2/room-codes/room/r?start=abc"),
            "/v2/room-codes/room/r"
        );
        assert_eq!(path_of("http://h"), "/");
    }

    #[test]
    fn lines_name_the_event_and_its_fields() {
        let event = Event::RetryWait {
            operation: "create",
            next_attempt: 2,
            wait: Duration::from_millis(250),
            reason: RetryReason::RetryAfter,
        };
        assert_eq!(
            event.to_string(),
            "hms retry_wait operation=create next_attempt=2 wait_ms=250 reason=retry_after"
        );
        assert!(!event.is_debug());
        assert_eq!(event.level(), EventLevel::Info);
        let failed = Event::CallEnded {
            operation: "create",
            error: Some(ErrorKind::Server),
            elapsed: Duration::ZERO,
            attempts: 3,
        };
        assert_eq!(failed.level(), EventLevel::Warn);
        let started = Event::AttemptStarted {
            operation: "create",
            attempt: 1,
            method: "POST",
            path: "/v2/room-codes/room/r",
        };
        assert!(started.is_debug() && started.level() == EventLevel::Debug);
    }
}
