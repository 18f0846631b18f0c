//! The operations of the Room Codes API, one export each.
//!
//! Each takes the client, optional per-call bounds (`hms_call_options`, NULL
//! for none), its arguments, an out-parameter and the optional `err`.

use crate::blocking::RoomCodesClient;
use crate::core::error::Result;
use crate::core::listing::Listing;
use crate::ffi::auth_token::hms_auth_token;
use crate::ffi::cancel::{call_options, hms_call_options, CallBounds};
use crate::ffi::client::hms_client;
use crate::ffi::error::hms_error;
use crate::ffi::filter::{self, hms_list_filter};
use crate::ffi::guard::{null, run_with_output};
use crate::ffi::results::{hms_room_code, hms_room_code_list, hms_room_code_page, into_raw};
use crate::ffi::status::hms_status;
use crate::ffi::strings::{optional, required};
use std::ffi::c_char;

/// The client behind `client` and the options of this call, whose deadline
/// starts now.
unsafe fn start<'a>(
    client: *const hms_client,
    call: *const hms_call_options,
) -> Result<(&'a RoomCodesClient, CallBounds)> {
    let client = client.as_ref().ok_or_else(|| null("client"))?;
    Ok((&client.inner, call_options(call)))
}

/// Makes sure room `room_id` has an enabled code for every role of its
/// template (creating the missing ones) and stores those codes in `*out`;
/// free them with `hms_room_code_list_free`. Not retried after a 5xx or a
/// timeout, since a repeat could mint more codes.
#[no_mangle]
pub unsafe extern "C" fn hms_room_codes_create(
    client: *const hms_client,
    call: *const hms_call_options,
    room_id: *const c_char,
    out: *mut *mut hms_room_code_list,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let (client, bounds) = start(client, call)?;
        let request = client.core().create(required("room_id", room_id)?)?;
        Ok(into_raw(bounds.run(client, request)?))
    })
}

/// Creates one more code for `role` in room `room_id` and stores it in `*out`;
/// free it with `hms_room_code_free`. Not retried after a 5xx or a timeout.
#[no_mangle]
pub unsafe extern "C" fn hms_room_codes_create_for_role(
    client: *const hms_client,
    call: *const hms_call_options,
    room_id: *const c_char,
    role: *const c_char,
    out: *mut *mut hms_room_code,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let (client, bounds) = start(client, call)?;
        let room_id = required("room_id", room_id)?;
        let request = client
            .core()
            .create_for_role(room_id, required("role", role)?)?;
        Ok(into_raw(bounds.run(client, request)?))
    })
}

/// Lists every code of room `room_id` that `filter` keeps (NULL for all),
/// fetching page after page, and stores them in `*out`; free them with
/// `hms_room_code_list_free`. The deadline in `call` covers every page.
#[no_mangle]
pub unsafe extern "C" fn hms_room_codes_list(
    client: *const hms_client,
    call: *const hms_call_options,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    out: *mut *mut hms_room_code_list,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let (client, bounds) = start(client, call)?;
        let room_id = required("room_id", room_id)?;
        let mut listing = Listing::new(client.core(), room_id, filter::read(filter)?);
        let mut codes = Vec::new();
        while let Some(call) = listing.next_call(client.core()) {
            let fetched = call.and_then(|call| client.run(call, &bounds.options));
            if let Some(page) = listing.on_fetched(fetched)? {
                codes.extend(page.data);
            }
        }
        bounds.publish();
        Ok(into_raw(codes))
    })
}

/// Fetches one page of the codes of room `room_id` that `filter` keeps (NULL
/// for all; its `start` is the cursor) and stores it in `*out`; free it with
/// `hms_room_code_page_free`. The next page starts at the page's `last`,
/// which lives as long as the page: to walk every page, `hms_list_iter_new`
/// keeps the cursor for you.
#[no_mangle]
pub unsafe extern "C" fn hms_room_codes_list_page(
    client: *const hms_client,
    call: *const hms_call_options,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    out: *mut *mut hms_room_code_page,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let (client, bounds) = start(client, call)?;
        let room_id = required("room_id", room_id)?;
        let request = client.core().list_page(room_id, &filter::read(filter)?)?;
        Ok(into_raw(bounds.run(client, request)?))
    })
}

/// Enables or disables `code` and stores the updated code in `*out`; free it
/// with `hms_room_code_free`. Disabling is how a code is revoked.
#[no_mangle]
pub unsafe extern "C" fn hms_room_codes_set_enabled(
    client: *const hms_client,
    call: *const hms_call_options,
    code: *const c_char,
    enabled: bool,
    out: *mut *mut hms_room_code,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let (client, bounds) = start(client, call)?;
        let request = client
            .core()
            .set_enabled(required("code", code)?, enabled)?;
        Ok(into_raw(bounds.run(client, request)?))
    })
}

/// Exchanges room code `code` for a client auth token (the call a joining
/// app makes; no management token is sent) for `user_id` (NULL lets the
/// service pick one), and stores the token with its expiry in `*out`; free
/// it with `hms_auth_token_free`.
#[no_mangle]
pub unsafe extern "C" fn hms_auth_token_for_code(
    client: *const hms_client,
    call: *const hms_call_options,
    code: *const c_char,
    user_id: *const c_char,
    out: *mut *mut hms_auth_token,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let (client, bounds) = start(client, call)?;
        let code = required("code", code)?;
        let request = client
            .core()
            .auth_token_for_code(code, optional("user_id", user_id)?)?;
        Ok(into_raw(bounds.run(client, request)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::auth_token::hms_auth_token_free;
    use crate::ffi::client::{hms_client_free, hms_client_new};
    use crate::ffi::error::{hms_error_free, hms_error_http_status, hms_error_status};
    use crate::ffi::filter::HMS_DISABLED_ONLY;
    use crate::ffi::options::*;
    use crate::ffi::results::*;
    use std::ffi::{CStr, CString};
    use std::ptr;

    /// An emulator, a client of it through the C ABI, a fresh room, and the
    /// bounds every call of these tests runs under.
    struct Fixture {
        _emulator: hms_emulator::Emulator,
        client: *mut hms_client,
        room: CString,
        bounds: crate::ffi::cancel::hms_call_options,
    }

    impl Fixture {
        fn new() -> Fixture {
            let emulator = hms_emulator::start(Default::default()).unwrap();
            let base = CString::new(emulator.base_url()).unwrap();
            let body = ureq::post(format!("{}/rooms", emulator.base_url()))
                .header("authorization", "Bearer emulator-management-token")
                .send("{}")
                .unwrap()
                .body_mut()
                .read_to_vec()
                .unwrap();
            let room: serde_json::Value = serde_json::from_slice(&body).unwrap();
            let mut client = ptr::null_mut();
            unsafe {
                let options = hms_client_options_new();
                hms_client_options_set_base_url(options, base.as_ptr());
                hms_client_options_set_auth_base_url(options, base.as_ptr());
                hms_client_options_set_app_keys(
                    options,
                    c"emulator-access-key".as_ptr(),
                    c"emulator-app-secret".as_ptr(),
                );
                assert_eq!(
                    hms_client_new(options, &mut client, ptr::null_mut()),
                    hms_status::Ok
                );
                hms_client_options_free(options);
            }
            Fixture {
                _emulator: emulator,
                client,
                room: CString::new(room["id"].as_str().unwrap()).unwrap(),
                // A loop bound: a call that retries or pages without end
                // fails here as a timeout, fast, instead of hanging the test.
                bounds: crate::ffi::cancel::hms_call_options {
                    deadline_ms: 10_000,
                    cancel: ptr::null(),
                    max_retries: 0,
                    max_retries_set: false,
                    response_meta: ptr::null_mut(),
                },
            }
        }

        /// The call options of every call that reaches the emulator.
        fn bounded(&self) -> *const crate::ffi::cancel::hms_call_options {
            &self.bounds
        }
    }

    impl Drop for Fixture {
        fn drop(&mut self) {
            unsafe { hms_client_free(self.client) }
        }
    }

    fn text<'a>(p: *const c_char) -> &'a str {
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn every_operation_through_the_c_abi() {
        let f = Fixture::new();
        let bounded = f.bounded();
        unsafe {
            let mut all = ptr::null_mut();
            assert_eq!(
                hms_room_codes_create(
                    f.client,
                    bounded,
                    f.room.as_ptr(),
                    &mut all,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            assert_eq!((*all).len, 3);
            hms_room_code_list_free(all);

            let mut code = ptr::null_mut();
            for _ in 0..12 {
                hms_room_code_free(code);
                let status = hms_room_codes_create_for_role(
                    f.client,
                    bounded,
                    f.room.as_ptr(),
                    c"guest".as_ptr(),
                    &mut code,
                    ptr::null_mut(),
                );
                assert_eq!(status, hms_status::Ok);
            }
            assert_eq!(text((*code).role), "guest");
            let code_text = CString::new(text((*code).code)).unwrap();
            hms_room_code_free(code);

            let mut listed = ptr::null_mut();
            assert_eq!(
                hms_room_codes_list(
                    f.client,
                    bounded,
                    f.room.as_ptr(),
                    ptr::null(),
                    &mut listed,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            assert_eq!((*listed).len, 15);
            hms_room_code_list_free(listed);

            let mut page = ptr::null_mut();
            assert_eq!(
                hms_room_codes_list_page(
                    f.client,
                    bounded,
                    f.room.as_ptr(),
                    ptr::null(),
                    &mut page,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            assert_eq!(((*page).len, (*page).limit), (10, 10));
            assert!(!(*page).last.is_null());
            hms_room_code_page_free(page);

            let mut updated = ptr::null_mut();
            assert_eq!(
                hms_room_codes_set_enabled(
                    f.client,
                    bounded,
                    code_text.as_ptr(),
                    false,
                    &mut updated,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            assert!(!(*updated).enabled);
            hms_room_code_free(updated);
            let filter = hms_list_filter {
                role: ptr::null(),
                enabled: HMS_DISABLED_ONLY,
                limit: 0,
                start: ptr::null(),
            };
            assert_eq!(
                hms_room_codes_list(
                    f.client,
                    bounded,
                    f.room.as_ptr(),
                    &filter,
                    &mut listed,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            assert_eq!((*listed).len, 1);
            hms_room_code_list_free(listed);

            let mut token = ptr::null_mut();
            let mut err = ptr::null_mut();
            let status = hms_auth_token_for_code(
                f.client,
                bounded,
                code_text.as_ptr(),
                c"user-1".as_ptr(),
                &mut token,
                &mut err,
            );
            assert_eq!(
                status,
                hms_status::Forbidden,
                "a disabled code gives no token"
            );
            assert_eq!(hms_error_http_status(err), 403);
            hms_error_free(err);
            hms_room_codes_set_enabled(
                f.client,
                bounded,
                code_text.as_ptr(),
                true,
                &mut updated,
                ptr::null_mut(),
            );
            hms_room_code_free(updated);
            assert_eq!(
                hms_auth_token_for_code(
                    f.client,
                    bounded,
                    code_text.as_ptr(),
                    ptr::null(),
                    &mut token,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            assert_eq!(text((*token).token).split('.').count(), 3);
            assert!(text((*token).expires_at).ends_with('Z'));
            hms_auth_token_free(token);
        }
    }

    #[test]
    fn errors_and_bad_arguments_leave_outputs_alone() {
        let f = Fixture::new();
        unsafe {
            let mut code = ptr::null_mut();
            let mut err = ptr::null_mut();
            let status = hms_room_codes_create_for_role(
                f.client,
                f.bounded(),
                f.room.as_ptr(),
                c"nobody".as_ptr(),
                &mut code,
                &mut err,
            );
            assert_eq!(
                (status, hms_error_status(err)),
                (hms_status::RoleNotFound, hms_status::RoleNotFound)
            );
            assert!(code.is_null());
            hms_error_free(err);
            let null_client = hms_room_codes_create_for_role(
                ptr::null(),
                ptr::null(),
                f.room.as_ptr(),
                c"host".as_ptr(),
                &mut code,
                ptr::null_mut(),
            );
            let bad_utf8 = hms_room_codes_create_for_role(
                f.client,
                ptr::null(),
                c"\xff".as_ptr(),
                c"host".as_ptr(),
                &mut code,
                ptr::null_mut(),
            );
            let empty = hms_room_codes_set_enabled(
                f.client,
                ptr::null(),
                c"".as_ptr(),
                true,
                &mut code,
                ptr::null_mut(),
            );
            let no_out = hms_room_codes_list(
                f.client,
                ptr::null(),
                f.room.as_ptr(),
                ptr::null(),
                ptr::null_mut(),
                ptr::null_mut(),
            );
            for status in [null_client, bad_utf8, empty, no_out] {
                assert_eq!(status, hms_status::InvalidArgument);
            }
            assert!(code.is_null());
        }
    }
}
