//! `hms_client_options`: the settings of a client, collected one setter at a time.

use crate::config::ConfigBuilder;
use crate::error::Result;
use crate::ffi::error::hms_error;
use crate::ffi::guard::{null, or_default, run};
use crate::ffi::status::hms_status;
use crate::ffi::strings::required;
use std::ffi::c_char;
use std::time::Duration;

/// The settings of a client, for `hms_client_new`. Make one with
/// `hms_client_options_new`, change it with the `hms_client_options_set_*`
/// functions, and free it with `hms_client_options_free` (a client does not
/// keep it). Setters only store values; `hms_client_new` checks them. Not
/// meant to be changed from two threads at once.
pub struct hms_client_options {
    pub(crate) builder: ConfigBuilder,
}

/// New options with every default: the real service's URLs
/// (`https://api.100ms.live/v2`, `https://auth.100ms.live/v2`), no credentials,
/// a 10 s timeout per attempt, 2 retries, `https` only (plain `http` to
/// loopback is allowed). Free with `hms_client_options_free`.
#[no_mangle]
pub extern "C" fn hms_client_options_new() -> *mut hms_client_options {
    or_default(std::ptr::null_mut(), || {
        Box::into_raw(Box::new(hms_client_options {
            builder: ConfigBuilder::default().binding("c"),
        }))
    })
}

/// Frees options. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_free(options: *mut hms_client_options) {
    or_default((), || {
        if !options.is_null() {
            drop(Box::from_raw(options));
        }
    })
}

/// Applies `change` to the builder; on failure the options stay as they were.
unsafe fn update(
    options: *mut hms_client_options,
    err: *mut *mut hms_error,
    change: impl FnOnce(ConfigBuilder) -> Result<ConfigBuilder>,
) -> hms_status {
    run(err, || {
        let options = options.as_mut().ok_or_else(|| null("options"))?;
        options.builder = change(options.builder.clone())?;
        Ok(())
    })
}

/// Authenticates with this fixed management token (replacing any credentials
/// set before).
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_management_token(
    options: *mut hms_client_options,
    token: *const c_char,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| {
        Ok(b.management_token(required("token", token)?))
    })
}

/// Authenticates with the app's access key and secret: the client signs its
/// own management tokens and renews them before they expire (replacing any
/// credentials set before).
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_app_keys(
    options: *mut hms_client_options,
    access_key: *const c_char,
    app_secret: *const c_char,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| {
        let access_key = required("access_key", access_key)?;
        Ok(b.app_keys(access_key, required("app_secret", app_secret)?))
    })
}

/// The management API's base URL, e.g. `"https://api.100ms.live/v2"`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_base_url(
    options: *mut hms_client_options,
    url: *const c_char,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| Ok(b.base_url(required("url", url)?)))
}

/// The token exchange's base URL, e.g. `"https://auth.100ms.live/v2"`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_auth_base_url(
    options: *mut hms_client_options,
    url: *const c_char,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| Ok(b.auth_base_url(required("url", url)?)))
}

/// The timeout of each attempt in milliseconds (more than 0; default 10000).
/// A whole call is bounded with `hms_call_options.deadline_ms`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_timeout_ms(
    options: *mut hms_client_options,
    timeout_ms: u64,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| {
        Ok(b.timeout(Duration::from_millis(timeout_ms)))
    })
}

/// How many times a failed attempt may be repeated (default 2; 0 disables
/// retries). Calls that mint codes are only repeated when a repeat cannot mint
/// a second one.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_max_retries(
    options: *mut hms_client_options,
    max_retries: u32,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| Ok(b.max_retries(max_retries)))
}

/// Backoff between retries: the first step and the cap, in milliseconds
/// (defaults 250 and 8000; the cap must not be below the base). The cap also
/// bounds the `Retry-After` the client is willing to wait: a longer demand
/// ends the call with `HMS_STATUS_RATE_LIMITED`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_backoff_ms(
    options: *mut hms_client_options,
    base_ms: u64,
    cap_ms: u64,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| {
        Ok(b.backoff(
            Duration::from_millis(base_ms),
            Duration::from_millis(cap_ms),
        ))
    })
}

/// The largest response body the client reads, in bytes (more than 0;
/// default 4 MiB). A larger body gives `HMS_STATUS_DECODE`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_max_response_bytes(
    options: *mut hms_client_options,
    max_bytes: usize,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| Ok(b.max_response_bytes(max_bytes)))
}

/// Allows plain `http` base URLs to hosts other than loopback (default false).
/// Credentials then travel unencrypted: only for trusted networks.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_allow_insecure_http(
    options: *mut hms_client_options,
    allow: bool,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| Ok(b.allow_insecure_http(allow)))
}

/// Trusts the CA certificates in `pem` (one or more `-----BEGIN
/// CERTIFICATE-----` blocks, NUL-terminated) for `https`: for a server whose
/// certificate a private CA signed, such as a company proxy or a test server.
/// Once any are given they replace the built-in web roots; call again to add
/// more. A `pem` without a certificate makes `hms_client_new` fail with
/// `HMS_STATUS_INVALID_ARGUMENT`. Without this, a server whose certificate is
/// not trusted gives `HMS_STATUS_NETWORK` saying so.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_ca_certificates_pem(
    options: *mut hms_client_options,
    pem: *const c_char,
    err: *mut *mut hms_error,
) -> hms_status {
    update(options, err, |b| {
        Ok(b.ca_certificates_pem(required("pem", pem)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::error::hms_error_free;
    use std::ptr;

    #[test]
    fn setters_store_values_and_reject_bad_input() {
        let options = hms_client_options_new();
        let mut err = ptr::null_mut();
        unsafe {
            let ok = hms_client_options_set_base_url(
                options,
                c"http://127.0.0.1:1/v2".as_ptr(),
                &mut err,
            );
            assert_eq!(ok, hms_status::Ok);
            assert!(err.is_null());
            let bad =
                hms_client_options_set_app_keys(options, c"key".as_ptr(), ptr::null(), &mut err);
            assert_eq!(bad, hms_status::InvalidArgument);
            hms_error_free(err);
            let utf8 =
                hms_client_options_set_management_token(options, c"\xc3".as_ptr(), ptr::null_mut());
            assert_eq!(utf8, hms_status::InvalidArgument);
            let config = (*options).builder.clone().build().unwrap();
            assert_eq!(config.timeout(), crate::DEFAULT_TIMEOUT);
            assert_eq!(config.base_url(), "http://127.0.0.1:1/v2");
            assert_eq!(config.credentials(), &crate::Credentials::None);
            assert!(config.user_agent().ends_with("(c)"));
            hms_client_options_set_backoff_ms(options, 5, 50, ptr::null_mut());
            hms_client_options_set_max_response_bytes(options, 0, ptr::null_mut());
            let zero = (*options).builder.clone().build().unwrap_err();
            assert!(zero.message().contains("max_response_bytes"), "{zero}");
            let none = hms_client_options_set_max_retries(ptr::null_mut(), 1, ptr::null_mut());
            assert_eq!(none, hms_status::InvalidArgument);
            let no_pem =
                hms_client_options_set_ca_certificates_pem(options, ptr::null(), ptr::null_mut());
            assert_eq!(no_pem, hms_status::InvalidArgument);
            hms_client_options_set_max_response_bytes(options, 1, ptr::null_mut());
            let pem = c"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
            hms_client_options_set_ca_certificates_pem(options, pem.as_ptr(), ptr::null_mut());
            let trusted = (*options).builder.clone().build().unwrap();
            assert_eq!(trusted.ca_certificates(), [vec![0x30, 0]]);
            hms_client_options_free(options);
            hms_client_options_free(ptr::null_mut());
        }
    }
}
