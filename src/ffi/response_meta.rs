//! `hms_response_meta`: what a successful call's response said, handed to C.

use crate::core::response_meta::ResponseMeta;
use crate::ffi::owned::BoxOwned;
use crate::ffi::strings::{hms_string_free, into_raw_string};
use std::ffi::c_char;
use std::ptr;

/// The metadata of the response that ended a call successfully: asked for
/// with `hms_call_options.response_meta` (or, in the sans-IO API, taken with
/// `hms_call_take_response_meta`). Owned by the caller: free it with
/// `hms_response_meta_free`.
#[repr(C)]
pub struct hms_response_meta {
    /// The HTTP status of the response (a 2xx).
    pub status: u16,
    /// The attempts the call sent, the successful one included (2 after one
    /// retry).
    pub attempts: u32,
    /// From the start of the call's first attempt to the response, in milliseconds.
    pub elapsed_ms: u64,
    /// The id the service gave the request (`X-Request-Id`), NUL-terminated
    /// UTF-8 owned by this object, or NULL when it sent none.
    pub request_id: *const c_char,
}

impl From<ResponseMeta> for hms_response_meta {
    fn from(meta: ResponseMeta) -> hms_response_meta {
        hms_response_meta {
            status: meta.status,
            attempts: meta.attempts,
            elapsed_ms: meta.elapsed.as_millis().try_into().unwrap_or(u64::MAX),
            request_id: meta
                .request_id
                .as_deref()
                .map_or(ptr::null(), |id| into_raw_string(id)),
        }
    }
}

impl BoxOwned for hms_response_meta {}

impl Drop for hms_response_meta {
    fn drop(&mut self) {
        // SAFETY: a non-NULL `request_id` was made by `into_raw_string` in `from`.
        unsafe { hms_string_free(self.request_id.cast_mut()) }
    }
}

/// Frees response metadata. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_response_meta_free(meta: *mut hms_response_meta) {
    hms_response_meta::free_raw(meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::results::into_raw;
    use std::ffi::CStr;
    use std::time::Duration;

    #[test]
    fn meta_with_and_without_a_request_id_round_trips_and_frees() {
        let meta = ResponseMeta {
            status: 201,
            request_id: Some("rq-7".into()),
            attempts: 2,
            elapsed: Duration::from_micros(12_900),
        };
        unsafe {
            let raw: *mut hms_response_meta = into_raw(meta.clone());
            assert_eq!(
                ((*raw).status, (*raw).attempts, (*raw).elapsed_ms),
                (201, 2, 12)
            );
            assert_eq!(CStr::from_ptr((*raw).request_id).to_str(), Ok("rq-7"));
            hms_response_meta_free(raw);
            let none = ResponseMeta {
                request_id: None,
                ..meta
            };
            let raw: *mut hms_response_meta = into_raw(none);
            assert!((*raw).request_id.is_null());
            hms_response_meta_free(raw);
            hms_response_meta_free(ptr::null_mut());
        }
    }
}
