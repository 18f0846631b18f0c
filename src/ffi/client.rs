//! `hms_client`: the blocking client behind the C ABI.

use crate::blocking::RoomCodesClient;
use crate::ffi::error::hms_error;
use crate::ffi::options::{hms_client_options, make_handle};
use crate::ffi::owned::BoxOwned;
use crate::ffi::status::hms_status;

/// A client of the Room Codes API.
///
/// Thread-safe: one client serves any number of threads at once (it pools
/// connections and shares one cached management token). Make it once, share
/// it, and free it with `hms_client_free` after the last call has returned.
pub struct hms_client {
    pub(crate) inner: RoomCodesClient,
}

impl BoxOwned for hms_client {}

/// Makes a client from `options` (which stay the caller's) and stores it in
/// `*out`. Bad settings (a malformed URL, `http` to a non-loopback host
/// without the opt-in, an empty credential, a zero timeout) give
/// `HMS_STATUS_INVALID_ARGUMENT`. No request is sent.
#[no_mangle]
pub unsafe extern "C" fn hms_client_new(
    options: *const hms_client_options,
    out: *mut *mut hms_client,
    err: *mut *mut hms_error,
) -> hms_status {
    make_handle(Some(options), out, err, |config| hms_client {
        inner: RoomCodesClient::new(config),
    })
}

/// Makes a client configured from the environment, as every binding does:
/// `HMS_MANAGEMENT_TOKEN`, or `HMS_ACCESS_KEY` with `HMS_SECRET`, and
/// `HMS_API_BASE_URL` / `HMS_AUTH_BASE_URL` when set (other settings keep their
/// defaults). Stores it in `*out`. One of the app keys without the other, or a
/// token with them, is `HMS_STATUS_INVALID_ARGUMENT` naming the variables.
#[no_mangle]
pub unsafe extern "C" fn hms_client_new_from_env(
    out: *mut *mut hms_client,
    err: *mut *mut hms_error,
) -> hms_status {
    make_handle(None, out, err, |config| hms_client {
        inner: RoomCodesClient::new(config),
    })
}

/// Frees a client. No call may be running on it. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_client_free(client: *mut hms_client) {
    hms_client::free_raw(client)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::error::{hms_error_free, hms_error_message};
    use crate::ffi::options::{
        hms_client_options_free, hms_client_options_new, hms_client_options_set_timeout_ms,
    };
    use std::ffi::CStr;
    use std::ptr;

    #[test]
    fn bad_options_give_invalid_argument_and_no_client() {
        let options = hms_client_options_new();
        let mut client = ptr::null_mut();
        let mut err = ptr::null_mut();
        unsafe {
            hms_client_options_set_timeout_ms(options, 0);
            let status = hms_client_new(options, &mut client, &mut err);
            assert_eq!(status, hms_status::InvalidArgument);
            assert!(client.is_null());
            let message = CStr::from_ptr(hms_error_message(err));
            assert!(message.to_str().unwrap().contains("timeout"));
            hms_error_free(err);
            assert_eq!(
                hms_client_new(ptr::null(), &mut client, ptr::null_mut()),
                hms_status::InvalidArgument
            );
            assert_eq!(
                hms_client_new(options, ptr::null_mut(), ptr::null_mut()),
                hms_status::InvalidArgument
            );
            hms_client_options_free(options);
        }
    }

    #[test]
    fn a_default_client_is_made_and_freed() {
        let options = hms_client_options_new();
        let mut client = ptr::null_mut();
        unsafe {
            assert_eq!(
                hms_client_new(options, &mut client, ptr::null_mut()),
                hms_status::Ok
            );
            assert!(!client.is_null());
            hms_client_free(client);
            hms_client_free(ptr::null_mut());
            hms_client_options_free(options);
        }
    }
}
