//! The one set of error kinds shared by every binding, and the error value itself.

use std::fmt;
use std::time::Duration;

/// What went wrong, in words every binding shares (the README lists them;
/// RULES.md says which function decides each).
///
/// The numeric values are stable: the C ABI returns them as `hms_status`
/// (0 is success there), Go mirrors them as constants and JS as strings.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument was rejected before any request was sent.
    InvalidArgument = 1,
    /// 401: the management token is missing, invalid or expired.
    Unauthorized = 2,
    /// 403 on create, list or the token exchange: the room is disabled.
    RoomDisabled = 3,
    /// Any other 403.
    Forbidden = 4,
    /// 404: the room does not exist.
    RoomNotFound = 5,
    /// 404: the role is not part of the room's template.
    RoleNotFound = 6,
    /// 404: the room code does not exist.
    CodeNotFound = 7,
    /// Any other 404.
    NotFound = 8,
    /// 400: the service rejected the request.
    BadRequest = 9,
    /// 429 after the allowed retries, or a demanded wait beyond the backoff cap.
    RateLimited = 10,
    /// 5xx after the allowed retries.
    Server = 11,
    /// A status the API does not document (3xx included: redirects are never followed).
    UnexpectedStatus = 12,
    /// An attempt took longer than the timeout.
    Timeout = 13,
    /// The connection failed or broke.
    Network = 14,
    /// A body that could not be read: not JSON, the wrong shape, or over the size cap.
    Decode = 15,
    /// A bug in this library (a caught panic, a broken invariant).
    Internal = 16,
}

impl ErrorKind {
    /// Every kind, in numeric order.
    pub const ALL: [ErrorKind; 16] = [
        ErrorKind::InvalidArgument,
        ErrorKind::Unauthorized,
        ErrorKind::RoomDisabled,
        ErrorKind::Forbidden,
        ErrorKind::RoomNotFound,
        ErrorKind::RoleNotFound,
        ErrorKind::CodeNotFound,
        ErrorKind::NotFound,
        ErrorKind::BadRequest,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::UnexpectedStatus,
        ErrorKind::Timeout,
        ErrorKind::Network,
        ErrorKind::Decode,
        ErrorKind::Internal,
    ];

    /// The snake_case name used by every binding, e.g. `"room_not_found"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::RoomDisabled => "room_disabled",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::RoomNotFound => "room_not_found",
            ErrorKind::RoleNotFound => "role_not_found",
            ErrorKind::CodeNotFound => "code_not_found",
            ErrorKind::NotFound => "not_found",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server",
            ErrorKind::UnexpectedStatus => "unexpected_status",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Network => "network",
            ErrorKind::Decode => "decode",
            ErrorKind::Internal => "internal",
        }
    }

    /// The stable number of this kind (the C `hms_status` value).
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The kind with this snake_case name, if any.
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error from any operation: its kind, a message, and what the service said.
///
/// Messages never contain credentials or tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    details: Vec<String>,
    retry_after: Option<Duration>,
    request_id: Option<String>,
}

impl Error {
    /// A new error of `kind` with `message` and nothing else.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            status: None,
            details: Vec::new(),
            retry_after: None,
            request_id: None,
        }
    }

    /// An `invalid_argument` error.
    pub fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidArgument, message)
    }

    /// A `decode` error.
    pub fn decode(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Decode, message)
    }

    /// The same error with its message led by the public operation the
    /// caller called, e.g. `create_for_role: room not found`.
    pub(crate) fn in_operation(mut self, name: &str) -> Error {
        self.message = format!("{name}: {}", self.message);
        self
    }

    /// The same error carrying the HTTP status it came with.
    pub fn with_status(mut self, status: u16) -> Error {
        self.status = Some(status);
        self
    }

    /// The same error carrying the service's `details`.
    pub fn with_details(mut self, details: Vec<String>) -> Error {
        self.details = details;
        self
    }

    /// The same error carrying the wait the service asked for.
    pub fn with_retry_after(mut self, wait: Option<Duration>) -> Error {
        self.retry_after = wait;
        self
    }

    /// The same error carrying the request id the service's response named
    /// (see [`REQUEST_ID_HEADERS`](crate::REQUEST_ID_HEADERS)), if any.
    pub fn with_request_id(mut self, request_id: Option<&str>) -> Error {
        self.request_id = request_id.map(str::to_string);
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// A human-readable message (from the service where it gave one).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status of the response, if one came back.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The service's `details` list (empty if it sent none).
    pub fn details(&self) -> &[String] {
        &self.details
    }

    /// The wait the service asked for with `Retry-After`, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The id the service gave the failed request, for a support ticket:
    /// present when a response came back with one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_codes_are_dense() {
        for (i, kind) in ErrorKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.code() as usize, i + 1);
            assert_eq!(ErrorKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(ErrorKind::from_name("nope"), None);
    }

    #[test]
    fn display_shows_kind_message_and_status() {
        let e = Error::new(ErrorKind::RoomNotFound, "room not found").with_status(404);
        assert_eq!(e.to_string(), "room_not_found: room not found (HTTP 404)");
        assert_eq!(
            Error::invalid_argument("x").to_string(),
            "invalid_argument: x"
        );
    }
}
