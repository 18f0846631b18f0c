//! `hms_status`: what every fallible call returns, one value per error kind.

use crate::core::error::ErrorKind;
use crate::ffi::guard::or_default;
use std::ffi::{c_char, CString};
use std::sync::OnceLock;

/// What a call returned: `HMS_STATUS_OK`, or the kind of error (the same kinds,
/// with the same numbers, in every binding). The numbers are stable.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hms_status {
    /// Success: the call wrote its outputs.
    Ok = 0,
    /// An argument was rejected before any request was sent (NULL, not UTF-8,
    /// empty, too long, or a bad setting).
    InvalidArgument = 1,
    /// HTTP 401: the management token is missing, invalid or expired.
    Unauthorized = 2,
    /// HTTP 403 on create, list or the token exchange: the room is disabled.
    RoomDisabled = 3,
    /// Any other HTTP 403.
    Forbidden = 4,
    /// HTTP 404: the room does not exist.
    RoomNotFound = 5,
    /// HTTP 404: the role is not part of the room's template.
    RoleNotFound = 6,
    /// HTTP 404: the room code does not exist.
    CodeNotFound = 7,
    /// Any other HTTP 404.
    NotFound = 8,
    /// HTTP 400: the service rejected the request.
    BadRequest = 9,
    /// HTTP 429 after the allowed retries (see `hms_error_retry_after_ms`).
    RateLimited = 10,
    /// HTTP 5xx after the allowed retries.
    Server = 11,
    /// A status the API does not document (redirects included: none is followed).
    UnexpectedStatus = 12,
    /// An attempt ran past the timeout, the call's deadline passed, or the call
    /// was cancelled (the message says which).
    Timeout = 13,
    /// The connection failed or broke.
    Network = 14,
    /// A response body that could not be read.
    Decode = 15,
    /// A bug in this library, such as a caught panic.
    Internal = 16,
}

impl From<ErrorKind> for hms_status {
    fn from(kind: ErrorKind) -> hms_status {
        match kind {
            ErrorKind::InvalidArgument => hms_status::InvalidArgument,
            ErrorKind::Unauthorized => hms_status::Unauthorized,
            ErrorKind::RoomDisabled => hms_status::RoomDisabled,
            ErrorKind::Forbidden => hms_status::Forbidden,
            ErrorKind::RoomNotFound => hms_status::RoomNotFound,
            ErrorKind::RoleNotFound => hms_status::RoleNotFound,
            ErrorKind::CodeNotFound => hms_status::CodeNotFound,
            ErrorKind::NotFound => hms_status::NotFound,
            ErrorKind::BadRequest => hms_status::BadRequest,
            ErrorKind::RateLimited => hms_status::RateLimited,
            ErrorKind::Server => hms_status::Server,
            ErrorKind::UnexpectedStatus => hms_status::UnexpectedStatus,
            ErrorKind::Timeout => hms_status::Timeout,
            ErrorKind::Network => hms_status::Network,
            ErrorKind::Decode => hms_status::Decode,
            ErrorKind::Internal => hms_status::Internal,
        }
    }
}

/// `"ok"`, then the snake_case name of every kind, indexed by status number.
fn names() -> &'static [CString] {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    NAMES.get_or_init(|| {
        std::iter::once("ok")
            .chain(ErrorKind::ALL.map(ErrorKind::as_str))
            .map(|name| CString::new(name).expect("kind names have no NUL"))
            .collect()
    })
}

/// The name of a status as every binding spells it: `"ok"`, `"room_not_found"`,
/// ... (the error kinds of the README, the same in every binding), or
/// `"unknown"` for a number that is no status.
/// The string is static: never free it.
#[no_mangle]
pub extern "C" fn hms_status_name(status: u32) -> *const c_char {
    or_default(c"unknown".as_ptr(), || {
        names()
            .get(status as usize)
            .map_or(c"unknown".as_ptr(), |name| name.as_ptr())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn every_kind_has_the_status_of_its_code() {
        for kind in ErrorKind::ALL {
            assert_eq!(hms_status::from(kind) as u32, kind.code(), "{kind}");
        }
        assert_eq!(hms_status::Ok as u32, 0);
    }

    #[test]
    fn names_follow_the_kinds() {
        let name = |n| {
            unsafe { CStr::from_ptr(hms_status_name(n)) }
                .to_str()
                .unwrap()
        };
        assert_eq!(name(0), "ok");
        for kind in ErrorKind::ALL {
            assert_eq!(name(kind.code()), kind.as_str());
        }
        assert_eq!(name(17), "unknown");
        assert_eq!(name(u32::MAX), "unknown");
    }
}
