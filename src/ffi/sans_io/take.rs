//! Taking a finished sans-IO call's result, typed by operation.

use crate::core::error::{Error, Result};
use crate::ffi::auth_token::hms_auth_token;
use crate::ffi::error::hms_error;
use crate::ffi::guard::{null, run_with_output};
use crate::ffi::response_meta::hms_response_meta;
use crate::ffi::results::{hms_room_code, hms_room_code_list, hms_room_code_page, into_raw};
use crate::ffi::sans_io::call::hms_call;
use crate::ffi::sans_io::drive::Output;
use crate::ffi::status::hms_status;

/// The result of `call`, once, if it is an output `pick` accepts.
unsafe fn take<T>(
    call: *mut hms_call,
    out: *mut T,
    err: *mut *mut hms_error,
    pick: impl FnOnce(Output) -> Option<T>,
) -> hms_status {
    run_with_output(out, err, || {
        let call = call.as_mut().ok_or_else(|| null("call"))?;
        let output: Result<Output> = call.take();
        pick(output?).ok_or_else(|| {
            Error::invalid_argument("this hms_call_take_* function is not the operation's")
        })
    })
}

/// The codes a finished `create` or `list` call got, in `*out` (free with
/// `hms_room_code_list_free`), or the call's error. A result is taken once.
#[no_mangle]
pub unsafe extern "C" fn hms_call_take_codes(
    call: *mut hms_call,
    out: *mut *mut hms_room_code_list,
    err: *mut *mut hms_error,
) -> hms_status {
    take(call, out, err, |output| match output {
        Output::Codes(codes) => Some(into_raw(codes)),
        _ => None,
    })
}

/// The code a finished `create_for_role` or `set_enabled` call got, in `*out`
/// (free with `hms_room_code_free`), or the call's error.
#[no_mangle]
pub unsafe extern "C" fn hms_call_take_code(
    call: *mut hms_call,
    out: *mut *mut hms_room_code,
    err: *mut *mut hms_error,
) -> hms_status {
    take(call, out, err, |output| match output {
        Output::Code(code) => Some(Box::into_raw(code.0)),
        _ => None,
    })
}

/// The page a finished `list_page` call got, in `*out` (free with
/// `hms_room_code_page_free`), or the call's error.
#[no_mangle]
pub unsafe extern "C" fn hms_call_take_page(
    call: *mut hms_call,
    out: *mut *mut hms_room_code_page,
    err: *mut *mut hms_error,
) -> hms_status {
    take(call, out, err, |output| match output {
        Output::Page(page) => Some(into_raw(page)),
        _ => None,
    })
}

/// The token and its expiry a finished `auth_token_for_code` call got, in
/// `*out` (free with `hms_auth_token_free`), or the call's error.
#[no_mangle]
pub unsafe extern "C" fn hms_call_take_auth_token(
    call: *mut hms_call,
    out: *mut *mut hms_auth_token,
    err: *mut *mut hms_error,
) -> hms_status {
    take(call, out, err, |output| match output {
        Output::Token(token) => Some(into_raw(token)),
        _ => None,
    })
}

/// The metadata of the response that ended `call` successfully (for a
/// listing walked page by page, of the page just handed out) in `*out`: a
/// new object to free with `hms_response_meta_free`, or NULL while the call
/// has not succeeded. It is copied, so it may be taken more than once.
#[no_mangle]
pub unsafe extern "C" fn hms_call_take_response_meta(
    call: *const hms_call,
    out: *mut *mut hms_response_meta,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let call = call.as_ref().ok_or_else(|| null("call"))?;
        Ok(call.response_meta().map_or(std::ptr::null_mut(), into_raw))
    })
}
