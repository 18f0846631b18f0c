//! `hms_error`: an owned error object with its kind, message, HTTP status,
//! details and the wait the service asked for.

use crate::core::error::Error;
use crate::ffi::guard::or_default;
use crate::ffi::owned::BoxOwned;
use crate::ffi::status::{hms_status, hms_status_name};
use crate::ffi::strings::to_c_string;
use std::ffi::{c_char, CString};
use std::ptr;

/// An error a call stored in its `err` out-parameter. Read it with the
/// `hms_error_*` functions and free it with `hms_error_free`. The strings those
/// functions return belong to the error and live until it is freed. An error
/// may be read from any thread.
pub struct hms_error {
    error: Error,
    message: CString,
    details: Vec<CString>,
    request_id: Option<CString>,
}

impl BoxOwned for hms_error {}

impl hms_error {
    /// A heap error for C, its strings ready to hand out.
    pub(crate) fn raw_from(error: Error) -> *mut hms_error {
        let message = to_c_string(error.message());
        let details = error.details().iter().map(|d| to_c_string(d)).collect();
        let request_id = error.request_id().map(to_c_string);
        hms_error {
            error,
            message,
            details,
            request_id,
        }
        .into_raw()
    }
}

/// The kind of `err` as a status (never `HMS_STATUS_OK` for a real error);
/// `HMS_STATUS_OK` when `err` is NULL.
#[no_mangle]
pub unsafe extern "C" fn hms_error_status(err: *const hms_error) -> hms_status {
    or_default(hms_status::Internal, || {
        err.as_ref()
            .map_or(hms_status::Ok, |e| hms_status::from(e.error.kind()))
    })
}

/// The kind of `err` by name, e.g. `"room_not_found"` (`"ok"` when `err` is
/// NULL). The string is static: never free it.
#[no_mangle]
pub unsafe extern "C" fn hms_error_kind_name(err: *const hms_error) -> *const c_char {
    hms_status_name(hms_error_status(err) as u32)
}

/// A human-readable message: the service's own where it sent one. Never NULL
/// (an empty string when `err` is NULL); owned by `err`. It never contains
/// credentials or tokens.
#[no_mangle]
pub unsafe extern "C" fn hms_error_message(err: *const hms_error) -> *const c_char {
    or_default(c"".as_ptr(), || {
        err.as_ref().map_or(c"".as_ptr(), |e| e.message.as_ptr())
    })
}

/// The HTTP status of the response the error came with, or 0 when no
/// response came back (or `err` is NULL).
#[no_mangle]
pub unsafe extern "C" fn hms_error_http_status(err: *const hms_error) -> u16 {
    or_default(0, || {
        err.as_ref().and_then(|e| e.error.status()).unwrap_or(0)
    })
}

/// The id the service gave the failed request (its `x-request-id` or
/// `request-id` response header), for a support ticket; owned by `err`. NULL
/// when no response came back, the response named none, or `err` is NULL.
#[no_mangle]
pub unsafe extern "C" fn hms_error_request_id(err: *const hms_error) -> *const c_char {
    or_default(ptr::null(), || {
        err.as_ref()
            .and_then(|e| e.request_id.as_ref())
            .map_or(ptr::null(), |id| id.as_ptr())
    })
}

/// The wait the service asked for in the `Retry-After` header of an error
/// answer, usually a 429 or a 503, in milliseconds, or 0 when it asked for none.
#[no_mangle]
pub unsafe extern "C" fn hms_error_retry_after_ms(err: *const hms_error) -> u64 {
    or_default(0, || {
        err.as_ref()
            .and_then(|e| e.error.retry_after())
            .map_or(0, |wait| {
                u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)
            })
    })
}

/// How many `details` the service sent with the error (0 when `err` is NULL).
#[no_mangle]
pub unsafe extern "C" fn hms_error_details_count(err: *const hms_error) -> usize {
    or_default(0, || err.as_ref().map_or(0, |e| e.details.len()))
}

/// Detail number `index` (from 0), owned by `err`; NULL when `index` is out of
/// range or `err` is NULL.
#[no_mangle]
pub unsafe extern "C" fn hms_error_details_at(
    err: *const hms_error,
    index: usize,
) -> *const c_char {
    or_default(ptr::null(), || {
        err.as_ref()
            .and_then(|e| e.details.get(index))
            .map_or(ptr::null(), |d| d.as_ptr())
    })
}

/// Frees an error and every string it handed out. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_error_free(err: *mut hms_error) {
    hms_error::free_raw(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;
    use std::ffi::CStr;
    use std::time::Duration;

    fn text(p: *const c_char) -> &'static str {
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn every_field_reads_back() {
        let error = Error::new(ErrorKind::RateLimited, "slow down")
            .with_status(429)
            .with_details(vec!["one".into(), "t\0wo".into()])
            .with_retry_after(Some(Duration::from_millis(1500)));
        let err = hms_error::raw_from(error);
        unsafe {
            assert_eq!(hms_error_status(err), hms_status::RateLimited);
            assert_eq!(text(hms_error_kind_name(err)), "rate_limited");
            assert_eq!(text(hms_error_message(err)), "slow down");
            assert_eq!(hms_error_http_status(err), 429);
            assert_eq!(hms_error_retry_after_ms(err), 1500);
            assert_eq!(hms_error_details_count(err), 2);
            assert_eq!(text(hms_error_details_at(err, 0)), "one");
            assert_eq!(text(hms_error_details_at(err, 1)), "t\u{fffd}wo");
            assert!(hms_error_details_at(err, 2).is_null());
            hms_error_free(err);
        }
    }

    #[test]
    fn null_errors_read_as_no_error() {
        let null = ptr::null();
        unsafe {
            assert_eq!(hms_error_status(null), hms_status::Ok);
            assert_eq!(text(hms_error_kind_name(null)), "ok");
            assert_eq!(text(hms_error_message(null)), "");
            assert_eq!(hms_error_http_status(null), 0);
            assert_eq!(hms_error_retry_after_ms(null), 0);
            assert_eq!(hms_error_details_count(null), 0);
            assert!(hms_error_details_at(null, 0).is_null());
            hms_error_free(ptr::null_mut());
        }
    }
}
