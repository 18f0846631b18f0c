//! `hms_core`: a sans-IO client, the settings and the shared state (the cached
//! management token) its calls use; it never opens a connection.

use crate::core::client::Core;
use crate::ffi::error::hms_error;
use crate::ffi::guard::{null, or_default, run};
use crate::ffi::options::{hms_client_options, make_handle};
use crate::ffi::owned::BoxOwned;
use crate::ffi::status::hms_status;

/// A sans-IO client of the Room Codes API: it builds the requests of its
/// calls (`hms_call_*`) and reads their answers, and the caller moves the
/// bytes. Thread-safe: any number of calls may run on one core at once, from
/// any threads. Free it with `hms_core_free` once no call uses it.
pub struct hms_core {
    pub(crate) inner: Core,
}

impl BoxOwned for hms_core {}

/// Makes a sans-IO client from `options` (which stay the caller's), checked
/// as `hms_client_new` checks them, and stores it in `*out`.
#[no_mangle]
pub unsafe extern "C" fn hms_core_new(
    options: *const hms_client_options,
    out: *mut *mut hms_core,
    err: *mut *mut hms_error,
) -> hms_status {
    make_handle(Some(options), out, err, |config| hms_core {
        inner: Core::new(config),
    })
}

/// Makes a sans-IO client configured from the environment, as
/// `hms_client_new_from_env` does, and stores it in `*out`.
#[no_mangle]
pub unsafe extern "C" fn hms_core_new_from_env(
    out: *mut *mut hms_core,
    err: *mut *mut hms_error,
) -> hms_status {
    make_handle(None, out, err, |config| hms_core {
        inner: Core::new(config),
    })
}

/// How many CA certificates the options gave (0: trust the system's roots).
/// The transport that sends this core's requests trusts exactly these.
#[no_mangle]
pub unsafe extern "C" fn hms_core_ca_certificate_count(core: *const hms_core) -> usize {
    or_default(0, || {
        core.as_ref()
            .map_or(0, |c| c.inner.config().ca_certificates().len())
    })
}

/// Stores the DER bytes of CA certificate `index` (from 0) in `*der` and
/// `*len`; they live as long as `core`.
#[no_mangle]
pub unsafe extern "C" fn hms_core_ca_certificate(
    core: *const hms_core,
    index: usize,
    der: *mut *const u8,
    len: *mut usize,
    err: *mut *mut hms_error,
) -> hms_status {
    run(err, || {
        let core = core.as_ref().ok_or_else(|| null("core"))?;
        if der.is_null() || len.is_null() {
            return Err(null("der and len"));
        }
        let certificates = core.inner.config().ca_certificates();
        let certificate = certificates.get(index).ok_or_else(|| {
            crate::Error::invalid_argument(format!(
                "index {index} is past the {} CA certificates",
                certificates.len()
            ))
        })?;
        *der = certificate.as_ptr();
        *len = certificate.len();
        Ok(())
    })
}

/// Frees a sans-IO client. No call may be using it. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_core_free(core: *mut hms_core) {
    hms_core::free_raw(core)
}
