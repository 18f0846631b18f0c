//! The auth token handed to C: the token a joining app uses, and its expiry.

use crate::core::model::AuthToken;
use crate::ffi::owned::BoxOwned;
use crate::ffi::strings::into_raw_string;
use std::ffi::{c_char, CString};
use std::ptr;

/// A client auth token from `hms_auth_token_for_code`. Both strings are
/// UTF-8 and owned by this object: free it with `hms_auth_token_free`.
/// The token is a credential: keep it out of logs.
#[repr(C)]
pub struct hms_auth_token {
    /// The token (a JWT) a 100ms client SDK joins the room with.
    pub token: *const c_char,
    /// When the token expires, RFC 3339, or NULL if the service did not say.
    pub expires_at: *const c_char,
}

impl From<AuthToken> for hms_auth_token {
    fn from(token: AuthToken) -> hms_auth_token {
        hms_auth_token {
            token: into_raw_string(token.token.expose()),
            expires_at: token
                .expires_at
                .as_deref()
                .map_or(ptr::null(), |t| into_raw_string(t)),
        }
    }
}

impl BoxOwned for hms_auth_token {}

impl Drop for hms_auth_token {
    fn drop(&mut self) {
        for text in [self.token, self.expires_at] {
            if !text.is_null() {
                // SAFETY: each non-NULL string was made by `into_raw_string` in `from`.
                drop(unsafe { CString::from_raw(text.cast_mut()) });
            }
        }
    }
}

/// Frees an auth token. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_auth_token_free(token: *mut hms_auth_token) {
    hms_auth_token::free_raw(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::results::into_raw;
    use std::ffi::CStr;

    #[test]
    fn a_token_and_its_expiry_round_trip_and_free() {
        let with = AuthToken::new("jwt", Some("2030-01-01T00:00:00Z".into()));
        let without = AuthToken::new("jwt2", None);
        unsafe {
            let raw: *mut hms_auth_token = into_raw(with);
            assert_eq!(CStr::from_ptr((*raw).token).to_str(), Ok("jwt"));
            assert_eq!(
                CStr::from_ptr((*raw).expires_at).to_str(),
                Ok("2030-01-01T00:00:00Z")
            );
            hms_auth_token_free(raw);
            let raw: *mut hms_auth_token = into_raw(without);
            assert!((*raw).expires_at.is_null());
            hms_auth_token_free(raw);
            hms_auth_token_free(ptr::null_mut());
        }
    }
}
