//! The start functions of the sans-IO calls, one per operation.
//!
//! Each takes the core, the time now on the caller's monotonic clock
//! (`now_ms`, see `hms_call`), the call's deadline (`deadline_ms` milliseconds
//! after `now_ms`, covering every attempt, wait and page; 0 for none), the
//! operation's arguments, checked as the blocking functions check them, and
//! stores the call in `*out`; step it from `hms_call_next`.

use crate::core::call::Call;
use crate::core::client::Core;
use crate::core::error::Result;
use crate::ffi::error::hms_error;
use crate::ffi::filter::{self, hms_list_filter};
use crate::ffi::guard::{null, run_with_output};
use crate::ffi::results::CRoomCode;
use crate::ffi::sans_io::call::hms_call;
use crate::ffi::sans_io::core::hms_core;
use crate::ffi::sans_io::drive::{Output, Single, Walk};
use crate::ffi::status::hms_status;
use crate::ffi::strings::{optional, required};
use crate::native::bounded_call::BoundedCall;
use crate::native::code_listing::CodeListing;
use crate::native::options::CallOptions;
use std::ffi::c_char;
use std::time::Duration;

/// The core behind `core`, borrowed for as long as the caller keeps it (the
/// contract of `hms_call`: the core outlives its calls).
unsafe fn core_of(core: *const hms_core) -> Result<&'static Core> {
    core.as_ref()
        .map(|c| &*(&c.inner as *const Core))
        .ok_or_else(|| null("core"))
}

/// A call's bounds: its deadline, if any, `deadline_ms` after `now_ms` on
/// the caller's clock (the call keeps its response's metadata itself, for
/// `hms_call_take_response_meta`).
fn bounds(now_ms: u64, deadline_ms: u64) -> CallOptions {
    CallOptions {
        deadline: (deadline_ms > 0)
            .then(|| Duration::from_millis(now_ms) + Duration::from_millis(deadline_ms)),
        ..CallOptions::new()
    }
}

/// `call` started at `now_ms` and driven under `deadline_ms`, as an `hms_call`.
fn single<T: Into<Output> + Send + 'static>(
    core: &'static Core,
    now_ms: u64,
    deadline_ms: u64,
    call: Call<'static, T>,
) -> *mut hms_call {
    let options = bounds(now_ms, deadline_ms);
    let drive = BoundedCall::new(call, &options);
    hms_call::into_raw(core, Box::new(Single::new(drive)), now_ms)
}

/// A listing of `room_id` as an `hms_call`, gathered or `by_page`.
unsafe fn walk(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    by_page: bool,
) -> Result<*mut hms_call> {
    let core = core_of(core)?;
    let room_id = required("room_id", room_id)?;
    let filter = filter::read(filter)?;
    let options = bounds(now_ms, deadline_ms);
    let listing = CodeListing::new(core, room_id, &filter, &options);
    Ok(hms_call::into_raw(
        core,
        Box::new(Walk::new(core, listing, by_page)),
        now_ms,
    ))
}

/// Starts `create` (`hms_room_codes_create`); take its result with
/// `hms_call_take_codes`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_create(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    room_id: *const c_char,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let core = core_of(core)?;
        let call = core.create(required("room_id", room_id)?)?;
        Ok(single(core, now_ms, deadline_ms, call))
    })
}

/// Starts `create_for_role` (`hms_room_codes_create_for_role`); take its
/// result with `hms_call_take_code`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_create_for_role(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    room_id: *const c_char,
    role: *const c_char,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let core = core_of(core)?;
        let room_id = required("room_id", room_id)?;
        let call = core.create_for_role(room_id, required("role", role)?)?;
        Ok(single(
            core,
            now_ms,
            deadline_ms,
            call.parsing(CRoomCode::parse),
        ))
    })
}

/// Starts `list` (`hms_room_codes_list`: every page, one request each); take
/// its result with `hms_call_take_codes`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_list(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        walk(core, now_ms, deadline_ms, room_id, filter, false)
    })
}

/// Starts `list` walked page by page: after each page but the last, a step
/// is `HMS_STEP_KIND_PAGE` (take that page's codes with `hms_call_take_codes`,
/// then call `hms_call_next`); the last page's codes come with
/// `HMS_STEP_KIND_DONE`. The deadline covers every page.
#[no_mangle]
pub unsafe extern "C" fn hms_call_list_pages(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        walk(core, now_ms, deadline_ms, room_id, filter, true)
    })
}

/// Starts `list_page` (`hms_room_codes_list_page`); take its result with
/// `hms_call_take_page`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_list_page(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let core = core_of(core)?;
        let room_id = required("room_id", room_id)?;
        let call = core.list_page(room_id, &filter::read(filter)?)?;
        Ok(single(core, now_ms, deadline_ms, call))
    })
}

/// Starts `set_enabled` (`hms_room_codes_set_enabled`); take its result with
/// `hms_call_take_code`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_set_enabled(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    code: *const c_char,
    enabled: bool,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let core = core_of(core)?;
        let call = core.set_enabled(required("code", code)?, enabled)?;
        Ok(single(
            core,
            now_ms,
            deadline_ms,
            call.parsing(CRoomCode::parse),
        ))
    })
}

/// Starts `auth_token_for_code` (`hms_auth_token_for_code`; `user_id` NULL
/// lets the service pick one); take its result with `hms_call_take_auth_token`.
#[no_mangle]
pub unsafe extern "C" fn hms_call_auth_token_for_code(
    core: *const hms_core,
    now_ms: u64,
    deadline_ms: u64,
    code: *const c_char,
    user_id: *const c_char,
    out: *mut *mut hms_call,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let core = core_of(core)?;
        let code = required("code", code)?;
        let call = core.auth_token_for_code(code, optional("user_id", user_id)?)?;
        Ok(single(core, now_ms, deadline_ms, call))
    })
}
