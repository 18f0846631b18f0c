//! `hms_client_options`: the settings of a client, collected one setter at a time.

use crate::core::config::{ConfigBuilder, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_CAP};
use crate::core::error::{Error, Result};
use crate::ffi::guard::or_default;
use crate::ffi::owned::BoxOwned;
use crate::ffi::strings::required;
use std::ffi::c_char;
use std::time::Duration;

/// The settings of a client, for `hms_client_new`. Make one with
/// `hms_client_options_new`, change it with the `hms_client_options_set_*`
/// functions, and free it with `hms_client_options_free` (a client does not
/// keep it). Setters only store values and return nothing; `hms_client_new`
/// checks everything at once and reports the first problem (a NULL or
/// non-UTF-8 string given to a setter included). Setters ignore NULL options.
/// Not meant to be changed from two threads at once.
pub struct hms_client_options {
    pub(crate) builder: ConfigBuilder,
    /// The first argument a setter could not store, reported by `hms_client_new`.
    pub(crate) unreadable: Option<Error>,
}

impl BoxOwned for hms_client_options {}

impl hms_client_options {
    /// The builder of these settings, or the first argument a setter could not read.
    pub(crate) fn builder(&self) -> Result<ConfigBuilder> {
        match &self.unreadable {
            Some(error) => Err(error.clone()),
            None => Ok(self.builder.clone()),
        }
    }
}

/// Makes a handle from `options` (NULL: the environment) with `make`, boxed
/// into `*out`: the body of `hms_client_new`, `hms_core_new` and their
/// `_from_env` forms.
pub(crate) unsafe fn make_handle<T: crate::ffi::owned::BoxOwned>(
    options: Option<*const hms_client_options>,
    out: *mut *mut T,
    err: *mut *mut crate::ffi::error::hms_error,
    make: impl FnOnce(crate::core::config::Config) -> T,
) -> crate::ffi::status::hms_status {
    crate::ffi::guard::run_with_output(out, err, || {
        let builder = match options {
            Some(options) => options
                .as_ref()
                .ok_or_else(|| crate::ffi::guard::null("options"))?
                .builder()?,
            None => c_builder_from_env(),
        };
        Ok(make(builder.build()?).into_raw())
    })
}

/// The settings the environment gives, for C (the `_from_env` functions).
fn c_builder_from_env() -> ConfigBuilder {
    ConfigBuilder::from_env().binding("c")
}

/// New options with every default: the real service's URLs
/// (`https://api.100ms.live/v2`, `https://auth.100ms.live/v2`), no credentials,
/// a 10 s timeout per attempt, 2 retries, `https` only (plain `http` to
/// loopback is allowed). Free with `hms_client_options_free`.
#[no_mangle]
pub extern "C" fn hms_client_options_new() -> *mut hms_client_options {
    or_default(std::ptr::null_mut(), || {
        hms_client_options {
            builder: ConfigBuilder::default().binding("c"),
            unreadable: None,
        }
        .into_raw()
    })
}

/// New options read from the environment, as `hms_client_new_from_env`
/// reads it (`HMS_MANAGEMENT_TOKEN`, or `HMS_ACCESS_KEY` with `HMS_SECRET`,
/// `HMS_API_BASE_URL`, `HMS_AUTH_BASE_URL`), for a caller that changes some
/// settings before `hms_client_new`. Free with `hms_client_options_free`.
#[no_mangle]
pub extern "C" fn hms_client_options_new_from_env() -> *mut hms_client_options {
    or_default(std::ptr::null_mut(), || {
        hms_client_options {
            builder: c_builder_from_env(),
            unreadable: None,
        }
        .into_raw()
    })
}

/// For a language binding built on this header (the Go package gives
/// `"go"`): names it in the user agent, and makes messages name the
/// functions and settings its users call (`CreateForRole`, `MaxPages`)
/// instead of this header's (`hms_room_codes_create_for_role`, `max_pages`).
/// A name without a spelling of its own keeps the Rust crate's names. C
/// programs do not call it.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_binding(
    options: *mut hms_client_options,
    name: *const c_char,
) {
    update(options, "hms_client_options_set_binding", |b| {
        Ok(b.binding(required("name", name)?))
    })
}

/// Frees options. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_free(options: *mut hms_client_options) {
    hms_client_options::free_raw(options)
}

/// Applies `change` to the builder of `options` (NULL is ignored). An argument
/// `change` cannot read is kept for `hms_client_new` to report (the first one
/// wins), and the settings stay as they were.
pub(crate) unsafe fn update(
    options: *mut hms_client_options,
    setter: &str,
    change: impl FnOnce(ConfigBuilder) -> Result<ConfigBuilder>,
) {
    or_default((), || {
        let Some(options) = options.as_mut() else {
            return;
        };
        match change(options.builder.clone()) {
            Ok(builder) => options.builder = builder,
            Err(error) => {
                let named = Error::invalid_argument(format!("{setter}: {}", error.message()));
                options.unreadable.get_or_insert(named);
            }
        }
    })
}

/// Authenticates with this fixed management token (visible ASCII only).
/// Setting app keys as well makes `hms_client_new` fail with
/// `HMS_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_management_token(
    options: *mut hms_client_options,
    token: *const c_char,
) {
    update(options, "hms_client_options_set_management_token", |b| {
        Ok(b.management_token(required("token", token)?))
    })
}

/// Authenticates with the app's access key and secret: the client signs its
/// own management tokens and renews them before they expire. Setting a
/// management token as well makes `hms_client_new` fail with
/// `HMS_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_app_keys(
    options: *mut hms_client_options,
    access_key: *const c_char,
    app_secret: *const c_char,
) {
    update(options, "hms_client_options_set_app_keys", |b| {
        let access_key = required("access_key", access_key)?;
        Ok(b.app_keys(access_key, required("app_secret", app_secret)?))
    })
}

/// The management API's base URL, e.g. `"https://api.100ms.live/v2"`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_base_url(
    options: *mut hms_client_options,
    url: *const c_char,
) {
    update(options, "hms_client_options_set_base_url", |b| {
        Ok(b.base_url(required("url", url)?))
    })
}

/// The token exchange's base URL, e.g. `"https://auth.100ms.live/v2"`. Unset,
/// it is the base URL when that was set to anything but the real service's
/// (a proxy or the emulator serves both), else `"https://auth.100ms.live/v2"`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_auth_base_url(
    options: *mut hms_client_options,
    url: *const c_char,
) {
    update(options, "hms_client_options_set_auth_base_url", |b| {
        Ok(b.auth_base_url(required("url", url)?))
    })
}

/// The timeout of each attempt in milliseconds (more than 0; default 10000).
/// A whole call is bounded with `hms_call_options.deadline_ms`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_timeout_ms(
    options: *mut hms_client_options,
    timeout_ms: u64,
) {
    update(options, "hms_client_options_set_timeout_ms", |b| {
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
) {
    update(options, "hms_client_options_set_max_retries", |b| {
        Ok(b.max_retries(max_retries))
    })
}

/// Backoff between retries: the first step and the cap, in milliseconds
/// (0 for either keeps its default: 250 and 8000; the cap must not be below
/// the base). The cap also bounds the `Retry-After` the client is willing to
/// wait: a longer demand ends the call with `HMS_STATUS_RATE_LIMITED`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_backoff_ms(
    options: *mut hms_client_options,
    base_ms: u64,
    cap_ms: u64,
) {
    let or_default = |ms: u64, default: Duration| match ms {
        0 => default,
        ms => Duration::from_millis(ms),
    };
    update(options, "hms_client_options_set_backoff_ms", |b| {
        Ok(b.backoff(
            or_default(base_ms, DEFAULT_BACKOFF_BASE),
            or_default(cap_ms, DEFAULT_BACKOFF_CAP),
        ))
    })
}

/// The largest response body the client reads, in bytes (more than 0;
/// default 4 MiB). A larger body gives `HMS_STATUS_DECODE`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_max_response_bytes(
    options: *mut hms_client_options,
    max_bytes: usize,
) {
    update(options, "hms_client_options_set_max_response_bytes", |b| {
        Ok(b.max_response_bytes(max_bytes))
    })
}

/// The most pages one `hms_room_codes_list` fetches (more than 0; default
/// 1000). A service still sending a next-page cursor after that many pages
/// ends the listing with `HMS_STATUS_DECODE`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_max_pages(
    options: *mut hms_client_options,
    max_pages: u32,
) {
    update(options, "hms_client_options_set_max_pages", |b| {
        Ok(b.max_pages(max_pages))
    })
}

/// Allows plain `http` base URLs to hosts other than loopback (default false).
/// Credentials then travel unencrypted: only for trusted networks.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_allow_insecure_http(
    options: *mut hms_client_options,
    allow: bool,
) {
    update(options, "hms_client_options_set_allow_insecure_http", |b| {
        Ok(b.allow_insecure_http(allow))
    })
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
) {
    update(options, "hms_client_options_set_ca_certificates_pem", |b| {
        Ok(b.ca_certificates_pem(required("pem", pem)?))
    })
}

/// With `trust` true, trusts the operating system's CA certificates (the
/// system's CA bundle on Linux, the keychain on macOS, the certificate store
/// on Windows) together with any given by
/// `hms_client_options_set_ca_certificates_pem`, instead of the built-in web
/// roots: for company networks whose TLS inspection installs its own CA there.
/// Default false.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_system_trust_store(
    options: *mut hms_client_options,
    trust: bool,
) {
    update(options, "hms_client_options_set_system_trust_store", |b| {
        Ok(b.system_trust_store(trust))
    })
}

/// Sends every request through the HTTP proxy at `url`
/// (`http://[user:password@]host:port`; `https` goes through it by
/// `CONNECT`, so TLS still runs end to end). NULL sends every request
/// directly. Without this call the environment decides: `https_proxy` /
/// `HTTPS_PROXY`, `http_proxy` / `HTTP_PROXY` and `no_proxy` / `NO_PROXY`,
/// read when `hms_client_new` runs. A bad URL (here or in those variables)
/// makes `hms_client_new` fail with `HMS_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_proxy(
    options: *mut hms_client_options,
    url: *const c_char,
) {
    update(options, "hms_client_options_set_proxy", |b| {
        Ok(match url.is_null() {
            true => b.without_proxy(),
            false => b.proxy(required("url", url)?),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ptr;

    /// What `hms_client_new` would build from `options`.
    unsafe fn built(options: *mut hms_client_options) -> Result<crate::Config> {
        (*options).builder()?.build()
    }

    #[test]
    fn setters_store_values_and_client_new_checks_them() {
        let options = hms_client_options_new();
        unsafe {
            hms_client_options_set_base_url(options, c"http://127.0.0.1:1/v2".as_ptr());
            let config = built(options).unwrap();
            assert_eq!(config.timeout(), crate::DEFAULT_TIMEOUT);
            assert_eq!(config.base_url(), "http://127.0.0.1:1/v2");
            assert_eq!(config.credentials(), &crate::Credentials::None);
            assert!(config.user_agent().ends_with("(c)"));
            hms_client_options_set_backoff_ms(options, 0, 5000);
            let config = built(options).unwrap();
            assert_eq!(config.backoff_base, DEFAULT_BACKOFF_BASE);
            assert_eq!(config.backoff_cap, Duration::from_millis(5000));
            hms_client_options_set_backoff_ms(options, 5, 50);
            hms_client_options_set_max_response_bytes(options, 0);
            let zero = built(options).unwrap_err();
            assert!(zero.message().contains("max_response_bytes"), "{zero}");
            hms_client_options_set_max_response_bytes(options, 1);
            let pem = c"-----BEGIN CERTIFICATE-----\nMAcwADAAAwEA\n-----END CERTIFICATE-----\n";
            hms_client_options_set_ca_certificates_pem(options, pem.as_ptr());
            let trusted = built(options).unwrap();
            assert_eq!(
                trusted.ca_certificates(),
                [vec![48, 7, 48, 0, 48, 0, 3, 1, 0]]
            );
            hms_client_options_set_max_retries(ptr::null_mut(), 1);
            hms_client_options_free(options);
            hms_client_options_free(ptr::null_mut());
        }
    }

    #[test]
    fn a_binding_set_on_the_options_spells_the_messages_and_the_user_agent() {
        unsafe {
            let options = hms_client_options_new_from_env();
            hms_client_options_set_max_pages(options, 0);
            assert_eq!(
                built(options).unwrap_err().message(),
                "max_pages must be more than zero"
            );
            hms_client_options_set_binding(options, c"go".as_ptr());
            assert_eq!(
                built(options).unwrap_err().message(),
                "MaxPages must be more than zero"
            );
            hms_client_options_set_max_pages(options, 1);
            assert!(built(options).unwrap().user_agent().ends_with("(go)"));
            hms_client_options_set_binding(options, ptr::null());
            let err = built(options).unwrap_err();
            assert_eq!(
                err.message(),
                "hms_client_options_set_binding: name must not be NULL"
            );
            hms_client_options_free(options);
        }
    }

    #[test]
    fn an_unreadable_argument_is_reported_once_by_name() {
        let options = hms_client_options_new();
        unsafe {
            hms_client_options_set_app_keys(options, c"key".as_ptr(), ptr::null());
            hms_client_options_set_management_token(options, c"\xc3".as_ptr());
            hms_client_options_set_base_url(options, c"http://127.0.0.1:1/v2".as_ptr());
            let err = built(options).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidArgument);
            assert_eq!(
                err.message(),
                "hms_client_options_set_app_keys: app_secret must not be NULL"
            );
            assert_eq!(
                (*options).builder.clone().build().unwrap().base_url(),
                "http://127.0.0.1:1/v2"
            );
            hms_client_options_free(options);
        }
    }
}
