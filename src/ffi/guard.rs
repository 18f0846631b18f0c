//! The wrapper of every export: catch panics, report errors, write outputs only on success.

use crate::core::error::{Error, ErrorKind, Result};
use crate::ffi::error::hms_error;
use crate::ffi::status::hms_status;
use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs a fallible export body. A panic becomes an `internal` error; an error is
/// stored in `*err` (if `err` is not NULL) and its kind returned.
pub(crate) unsafe fn run(
    err: *mut *mut hms_error,
    body: impl FnOnce() -> Result<()>,
) -> hms_status {
    let outcome = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|panic| Err(internal(panic)));
    match outcome {
        Ok(()) => hms_status::Ok,
        Err(error) => {
            let status = hms_status::from(error.kind());
            if !err.is_null() {
                *err = hms_error::raw_from(error);
            }
            status
        }
    }
}

/// Like [`run`] for an export with one out-parameter: `out` must not be NULL,
/// and `*out` is written only when `body` succeeds.
pub(crate) unsafe fn run_with_output<T>(
    out: *mut T,
    err: *mut *mut hms_error,
    body: impl FnOnce() -> Result<T>,
) -> hms_status {
    run(err, || {
        if out.is_null() {
            return Err(Error::invalid_argument("out must not be NULL"));
        }
        let value = body()?;
        // SAFETY: `out` is not NULL and the caller promised it is writable.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// Runs an export that cannot report an error, returning `fallback` on a panic.
pub(crate) fn or_default<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// The error for a caught panic, with its message when it has one.
fn internal(panic: Box<dyn Any + Send>) -> Error {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    Error::new(
        ErrorKind::Internal,
        format!("internal error (a bug in hms-room-codes): {what}"),
    )
}

/// The error for a required pointer that is NULL.
pub(crate) fn null(name: &str) -> Error {
    Error::invalid_argument(format!("{name} must not be NULL"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::error::{hms_error_free, hms_error_message, hms_error_status};
    use std::ffi::CStr;
    use std::ptr;

    #[test]
    fn a_panic_becomes_internal_with_its_message() {
        let mut err = ptr::null_mut();
        let status = unsafe { run(&mut err, || panic!("boom {}", 42)) };
        assert_eq!(status, hms_status::Internal);
        unsafe {
            assert_eq!(hms_error_status(err), hms_status::Internal);
            let message = CStr::from_ptr(hms_error_message(err)).to_str().unwrap();
            assert!(message.ends_with("boom 42"), "{message}");
            hms_error_free(err);
        }
        assert_eq!(or_default(7, || panic!("static message")), 7);
    }

    #[test]
    fn outputs_are_written_only_on_success() {
        let mut out = 0u32;
        let mut err = ptr::null_mut();
        let status = unsafe { run_with_output(&mut out, &mut err, || Err(Error::decode("x"))) };
        assert_eq!((status, out), (hms_status::Decode, 0));
        unsafe { hms_error_free(err) };
        let mut err = ptr::null_mut();
        let status = unsafe { run_with_output(&mut out, &mut err, || Ok(5)) };
        assert_eq!((status, out, err.is_null()), (hms_status::Ok, 5, true));
    }

    #[test]
    fn a_null_out_or_err_is_handled() {
        let mut ran = false;
        let status = unsafe {
            run_with_output(ptr::null_mut::<u32>(), ptr::null_mut(), || {
                ran = true;
                Ok(1)
            })
        };
        assert_eq!((status, ran), (hms_status::InvalidArgument, false));
    }
}
