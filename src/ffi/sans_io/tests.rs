//! The sans-IO C API driven from Rust as a C caller would, with ureq moving
//! the bytes, against the emulator.

use super::*;
use crate::ffi::error::{hms_error_free, hms_error_message};
use crate::ffi::options::*;
use crate::ffi::results::{hms_room_code_list, hms_room_code_list_free};
use crate::ffi::status::hms_status;
use std::ffi::{CStr, CString};
use std::ptr;

/// An emulator, a core of it, and a fresh room.
struct Fixture {
    emulator: hms_emulator::Emulator,
    core: *mut hms_core,
    room: CString,
}

impl Fixture {
    fn new() -> Fixture {
        let emulator = hms_emulator::start(Default::default()).unwrap();
        let room = post(&emulator, "/rooms", "{}");
        let room: serde_json::Value = serde_json::from_str(&room).unwrap();
        let base = CString::new(emulator.base_url()).unwrap();
        let mut core = ptr::null_mut();
        unsafe {
            let options = hms_client_options_new();
            hms_client_options_set_base_url(options, base.as_ptr());
            hms_client_options_set_management_token(options, c"emulator-management-token".as_ptr());
            assert_eq!(
                hms_core_new(options, &mut core, ptr::null_mut()),
                hms_status::Ok
            );
            hms_client_options_free(options);
        }
        Fixture {
            emulator,
            core,
            room: CString::new(room["id"].as_str().unwrap()).unwrap(),
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        unsafe { hms_core_free(self.core) }
    }
}

/// A POST to the emulator's API (or its control API) with the management token.
fn post(emulator: &hms_emulator::Emulator, path: &str, body: &str) -> String {
    let root = emulator.base_url().trim_end_matches("/v2").to_string();
    let url = if path.starts_with("/_emulator") {
        format!("{root}{path}")
    } else {
        format!("{}{path}", emulator.base_url())
    };
    ureq::post(url)
        .header("authorization", "Bearer emulator-management-token")
        .send(body)
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap()
}

/// Sends a SEND step with ureq and feeds the answer back; the waits it was told.
unsafe fn drive(call: *mut hms_call, waits: &mut Vec<u64>) -> hms_step {
    let mut step: hms_step = std::mem::zeroed();
    assert_eq!(
        hms_call_next(call, &mut step, ptr::null_mut()),
        hms_status::Ok
    );
    loop {
        match step.kind {
            hms_step_kind::Send => {
                let url = CStr::from_ptr(step.url).to_str().unwrap();
                let method = CStr::from_ptr(step.method).to_str().unwrap();
                let agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .new_agent();
                let mut request = ureq::http::Request::builder().method(method).uri(url);
                for h in std::slice::from_raw_parts(step.headers, step.headers_len) {
                    request = request.header(
                        CStr::from_ptr(h.name).to_str().unwrap(),
                        CStr::from_ptr(h.value).to_str().unwrap(),
                    );
                }
                let body = if step.body.is_null() {
                    Vec::new()
                } else {
                    std::slice::from_raw_parts(step.body, step.body_len).to_vec()
                };
                let mut response = agent.run(request.body(body).unwrap()).unwrap();
                let mut headers = String::new();
                for (name, value) in response.headers() {
                    headers += &format!("{}: {}\r\n", name, value.to_str().unwrap());
                }
                let status = response.status().as_u16();
                let body = response.body_mut().read_to_vec().unwrap();
                let fed = hms_call_on_response(
                    call,
                    status,
                    headers.as_ptr(),
                    headers.len(),
                    body.as_ptr(),
                    body.len(),
                    &mut step,
                    ptr::null_mut(),
                );
                assert_eq!(fed, hms_status::Ok);
            }
            hms_step_kind::Wait => {
                waits.push(step.wait_ms);
                assert_eq!(
                    hms_call_next(call, &mut step, ptr::null_mut()),
                    hms_status::Ok
                );
            }
            hms_step_kind::Done | hms_step_kind::Page => return step,
        }
    }
}

#[test]
fn a_429_is_waited_out_as_the_library_says_and_the_result_taken_once() {
    let f = Fixture::new();
    post(
        &f.emulator,
        "/_emulator/faults",
        r#"{"method":"POST","path":"/v2/room-codes/room/","status":429,"retry_after":"1"}"#,
    );
    unsafe {
        let mut call = ptr::null_mut();
        assert_eq!(
            hms_call_create(f.core, 10_000, f.room.as_ptr(), &mut call, ptr::null_mut()),
            hms_status::Ok
        );
        let mut meta = ptr::null_mut();
        assert_eq!(
            hms_call_take_response_meta(call, &mut meta, ptr::null_mut()),
            hms_status::Ok
        );
        assert!(
            meta.is_null(),
            "no response metadata before the call succeeds"
        );
        let mut waits = Vec::new();
        let step = drive(call, &mut waits);
        assert_eq!(
            (step.kind, step.status),
            (hms_step_kind::Done, hms_status::Ok)
        );
        assert_eq!(waits, [1000]);
        // The response's metadata, copied as often as asked.
        for _ in 0..2 {
            assert_eq!(
                hms_call_take_response_meta(call, &mut meta, ptr::null_mut()),
                hms_status::Ok
            );
            assert_eq!(((*meta).status, (*meta).attempts), (200, 2));
            assert!(CStr::from_ptr((*meta).request_id)
                .to_str()
                .unwrap()
                .starts_with("emu-"));
            crate::ffi::hms_response_meta_free(meta);
        }
        let mut codes: *mut hms_room_code_list = ptr::null_mut();
        assert_eq!(
            hms_call_take_codes(call, &mut codes, ptr::null_mut()),
            hms_status::Ok
        );
        assert_eq!((*codes).len, 3);
        hms_room_code_list_free(codes);
        // Taken once; and stepping a finished call is refused, not undefined.
        let mut err = ptr::null_mut();
        assert_eq!(
            hms_call_take_codes(call, &mut codes, &mut err),
            hms_status::InvalidArgument
        );
        assert!(CStr::from_ptr(hms_error_message(err))
            .to_str()
            .unwrap()
            .contains("already taken"));
        hms_error_free(err);
        let mut step: hms_step = std::mem::zeroed();
        assert_eq!(
            hms_call_next(call, &mut step, ptr::null_mut()),
            hms_status::InvalidArgument
        );
        hms_call_free(call);
    }
}

#[test]
fn a_listing_by_page_hands_out_each_page_then_ends() {
    let f = Fixture::new();
    for _ in 0..2 {
        post(
            &f.emulator,
            &format!("/room-codes/room/{}", f.room.to_str().unwrap()),
            "",
        );
    }
    unsafe {
        let filter = crate::ffi::filter::hms_list_filter {
            role: ptr::null(),
            enabled: crate::ffi::filter::HMS_ENABLED_ANY,
            limit: 2,
            start: ptr::null(),
        };
        let mut call = ptr::null_mut();
        assert_eq!(
            hms_call_list_pages(
                f.core,
                10_000,
                f.room.as_ptr(),
                &filter,
                &mut call,
                ptr::null_mut()
            ),
            hms_status::Ok
        );
        let (mut pages, mut total) = (0, 0);
        loop {
            let step = drive(call, &mut Vec::new());
            let mut codes: *mut hms_room_code_list = ptr::null_mut();
            assert_eq!(
                hms_call_take_codes(call, &mut codes, ptr::null_mut()),
                hms_status::Ok
            );
            pages += 1;
            total += (*codes).len;
            hms_room_code_list_free(codes);
            if step.kind == hms_step_kind::Done {
                break;
            }
        }
        // 3 codes, two a page: two pages, the last one with DONE.
        assert_eq!((pages, total), (2, 3));
        hms_call_free(call);
    }
}

#[test]
fn a_transport_failure_is_worded_by_the_library_and_out_of_order_steps_refused() {
    let f = Fixture::new();
    unsafe {
        let mut call = ptr::null_mut();
        let code = c"abc-defg-hij";
        assert_eq!(
            hms_call_set_enabled(f.core, 0, code.as_ptr(), false, &mut call, ptr::null_mut()),
            hms_status::Ok
        );
        let mut step: hms_step = std::mem::zeroed();
        // A response before any request is out is refused.
        assert_eq!(
            hms_call_on_response(
                call,
                200,
                ptr::null(),
                0,
                ptr::null(),
                0,
                &mut step,
                ptr::null_mut()
            ),
            hms_status::InvalidArgument
        );
        assert_eq!(
            hms_call_next(call, &mut step, ptr::null_mut()),
            hms_status::Ok
        );
        assert_eq!(step.kind, hms_step_kind::Send);
        // set_enabled retries a refused connection; keep failing until the library gives up.
        let mut sends = 1;
        loop {
            assert_eq!(
                hms_call_on_failure(call, hms_failure::Refused, &mut step, ptr::null_mut()),
                hms_status::Ok
            );
            if step.kind == hms_step_kind::Done {
                break;
            }
            assert_eq!(step.kind, hms_step_kind::Wait);
            assert_eq!(
                hms_call_next(call, &mut step, ptr::null_mut()),
                hms_status::Ok
            );
            sends += 1;
        }
        assert_eq!(sends, 3, "the default: 2 retries");
        assert_eq!(step.status, hms_status::Network);
        let mut out = ptr::null_mut();
        let mut err = ptr::null_mut();
        assert_eq!(
            hms_call_take_code(call, &mut out, &mut err),
            hms_status::Network
        );
        assert!(CStr::from_ptr(hms_error_message(err))
            .to_str()
            .unwrap()
            .contains("refused the connection"));
        hms_error_free(err);
        hms_call_free(call);
    }
}
