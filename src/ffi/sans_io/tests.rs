//! The sans-IO C API driven from Rust as a C caller would, with ureq moving
//! the bytes, against the emulator.

use super::*;
use crate::ffi::error::{hms_error, hms_error_free, hms_error_message};
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
        Fixture {
            core: new_core(&base, c"emulator-management-token"),
            emulator,
            room: CString::new(room["id"].as_str().unwrap()).unwrap(),
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        unsafe { hms_core_free(self.core) }
    }
}

/// A core of the service at `base_url`, with a fixed management `token`.
fn new_core(base_url: &CStr, token: &CStr) -> *mut hms_core {
    let mut core = ptr::null_mut();
    unsafe {
        let options = hms_client_options_new();
        hms_client_options_set_base_url(options, base_url.as_ptr());
        hms_client_options_set_management_token(options, token.as_ptr());
        assert_eq!(
            hms_core_new(options, &mut core, ptr::null_mut()),
            hms_status::Ok
        );
        hms_client_options_free(options);
    }
    core
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

/// The test's own clock, in milliseconds: a WAIT moves it on at once, with
/// no real sleep, as the library goes by the times it is given.
const START_MS: u64 = 1_000_000;

/// More steps than any call of these tests takes.
const MAX_STEPS: usize = 50;

/// Sends a SEND step with ureq and feeds the answer back; the waits it was
/// told, each passed on `clock`.
unsafe fn drive(call: *mut hms_call, clock: &mut u64, waits: &mut Vec<u64>) -> hms_step {
    let mut step: hms_step = std::mem::zeroed();
    assert_eq!(
        hms_call_next(call, *clock, &mut step, ptr::null_mut()),
        hms_status::Ok
    );
    // Bounded, so that a library that never ends a call fails the test
    // instead of hanging it.
    for _ in 0..MAX_STEPS {
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
                    *clock,
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
                *clock += step.wait_ms;
                assert_eq!(
                    hms_call_next(call, *clock, &mut step, ptr::null_mut()),
                    hms_status::Ok
                );
            }
            hms_step_kind::Done | hms_step_kind::Page => return step,
        }
    }
    panic!("the call did not end within {MAX_STEPS} steps");
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
            hms_call_create(
                f.core,
                START_MS,
                10_000,
                f.room.as_ptr(),
                &mut call,
                ptr::null_mut()
            ),
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
        let (mut clock, mut waits) = (START_MS, Vec::new());
        let step = drive(call, &mut clock, &mut waits);
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
        assert!(message(err).contains("already taken"));
        let mut step: hms_step = std::mem::zeroed();
        assert_eq!(
            hms_call_next(call, clock, &mut step, ptr::null_mut()),
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
                START_MS,
                10_000,
                f.room.as_ptr(),
                &filter,
                &mut call,
                ptr::null_mut()
            ),
            hms_status::Ok
        );
        let (mut pages, mut total, mut clock) = (0, 0, START_MS);
        while pages < MAX_STEPS {
            let step = drive(call, &mut clock, &mut Vec::new());
            let mut codes: *mut hms_room_code_list = ptr::null_mut();
            assert_eq!(
                hms_call_take_codes(call, &mut codes, ptr::null_mut()),
                hms_status::Ok
            );
            pages += 1;
            total += (*codes).len;
            hms_room_code_list_free(codes);
            // Each page's response metadata, as it is handed out.
            let mut meta = ptr::null_mut();
            assert_eq!(
                hms_call_take_response_meta(call, &mut meta, ptr::null_mut()),
                hms_status::Ok
            );
            assert!(!meta.is_null(), "page {pages} has no response metadata");
            assert_eq!(((*meta).status, (*meta).attempts), (200, 1));
            crate::ffi::hms_response_meta_free(meta);
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
            hms_call_set_enabled(
                f.core,
                START_MS,
                0,
                code.as_ptr(),
                false,
                &mut call,
                ptr::null_mut()
            ),
            hms_status::Ok
        );
        let mut step: hms_step = std::mem::zeroed();
        // A response before any request is out is refused.
        assert_eq!(
            hms_call_on_response(
                call,
                START_MS,
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
            hms_call_next(call, START_MS, &mut step, ptr::null_mut()),
            hms_status::Ok
        );
        assert_eq!(step.kind, hms_step_kind::Send);
        // set_enabled retries a refused connection; keep failing until the library gives up.
        let mut sends = 1;
        while sends < MAX_STEPS {
            assert_eq!(
                hms_call_on_failure(
                    call,
                    START_MS,
                    hms_failure::Refused,
                    &mut step,
                    ptr::null_mut()
                ),
                hms_status::Ok
            );
            if step.kind == hms_step_kind::Done {
                break;
            }
            assert_eq!(step.kind, hms_step_kind::Wait);
            assert_eq!(
                hms_call_next(call, START_MS, &mut step, ptr::null_mut()),
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
        assert!(message(err).contains("refused the connection"));
        hms_call_free(call);
    }
}

/// A core for calls that never reach the network (nothing listens on port 9).
fn offline_core() -> *mut hms_core {
    new_core(c"http://127.0.0.1:9/v2", c"t")
}

/// `set_enabled` of a made-up code on `core`, started at `now_ms` with `deadline_ms`.
unsafe fn set_enabled_call(core: *mut hms_core, now_ms: u64, deadline_ms: u64) -> *mut hms_call {
    let mut call = ptr::null_mut();
    assert_eq!(
        hms_call_set_enabled(
            core,
            now_ms,
            deadline_ms,
            c"abc-defg-hij".as_ptr(),
            true,
            &mut call,
            ptr::null_mut()
        ),
        hms_status::Ok
    );
    call
}

/// The error message of `err`, freed.
unsafe fn message(err: *mut hms_error) -> String {
    let text = CStr::from_ptr(hms_error_message(err))
        .to_string_lossy()
        .into_owned();
    hms_error_free(err);
    text
}

/// `call`'s next step at `now_ms`, which must be given.
unsafe fn next_at(call: *mut hms_call, now_ms: u64) -> hms_step {
    let mut step: hms_step = std::mem::zeroed();
    assert_eq!(
        hms_call_next(call, now_ms, &mut step, ptr::null_mut()),
        hms_status::Ok
    );
    step
}

/// The step after the request out was refused a connection at `now_ms`.
unsafe fn refused_at(call: *mut hms_call, now_ms: u64) -> hms_step {
    let mut step: hms_step = std::mem::zeroed();
    assert_eq!(
        hms_call_on_failure(
            call,
            now_ms,
            hms_failure::Refused,
            &mut step,
            ptr::null_mut()
        ),
        hms_status::Ok
    );
    step
}

/// The texts of a SEND step: method, URL, headers (name, value) and body.
unsafe fn sent(step: &hms_step) -> (String, String, Vec<(String, String)>, String) {
    let text = |p: *const std::ffi::c_char| CStr::from_ptr(p).to_str().unwrap().to_string();
    let headers = std::slice::from_raw_parts(step.headers, step.headers_len)
        .iter()
        .map(|h| (text(h.name), text(h.value)))
        .collect();
    let body = std::slice::from_raw_parts(step.body, step.body_len);
    let body = std::str::from_utf8(body).unwrap().to_string();
    (text(step.method), text(step.url), headers, body)
}

#[test]
fn every_attempt_sends_the_request_the_library_built() {
    let core = offline_core();
    unsafe {
        let call = set_enabled_call(core, 0, 0);
        let first = next_at(call, 0);
        assert_eq!(first.kind, hms_step_kind::Send);
        assert_eq!(
            first.max_response_bytes,
            crate::core::config::DEFAULT_MAX_RESPONSE_BYTES
        );
        let (method, url, headers, body) = sent(&first);
        assert_eq!(
            (method.as_str(), url.as_str()),
            ("POST", "http://127.0.0.1:9/v2/room-codes/code")
        );
        assert_eq!(body, r#"{"code":"abc-defg-hij","enabled":true}"#);
        let names: Vec<&str> = headers.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["accept", "user-agent", "content-type", "authorization"]
        );
        assert_eq!(headers[3].1, "Bearer t");
        // A retry sends the same request, signed once: no second authorization.
        assert_eq!(refused_at(call, 1).kind, hms_step_kind::Wait);
        let again = next_at(call, 1_000);
        assert_eq!(sent(&again), (method, url, headers, body));
        hms_call_free(call);
        hms_core_free(core);
    }
}

#[test]
fn the_callers_clock_alone_bounds_the_call() {
    let core = offline_core();
    unsafe {
        // A 5 s deadline from 1 s on the caller's clock (its origin is its own).
        let call = set_enabled_call(core, 1_000, 5_000);
        let step = next_at(call, 1_000);
        assert_eq!((step.kind, step.timeout_ms), (hms_step_kind::Send, 5_000));
        // The caller says 3.5 s went by; no time went by here. The first
        // backoff is at most 250 ms: it fits in the 1.5 s left.
        let step = refused_at(call, 4_500);
        assert_eq!(step.kind, hms_step_kind::Wait);
        assert!(step.wait_ms <= 250, "{}", step.wait_ms);
        // The next attempt gets what is left of the deadline at the time given, exactly.
        let step = next_at(call, 4_700);
        assert_eq!((step.kind, step.timeout_ms), (hms_step_kind::Send, 1_300));
        // The second backoff is at most 500 ms: it fits in the 1.2 s left. Past
        // the deadline on the caller's clock, the call ends before another attempt.
        assert_eq!(refused_at(call, 4_800).kind, hms_step_kind::Wait);
        let step = next_at(call, 6_000);
        assert_eq!(
            (step.kind, step.status),
            (hms_step_kind::Done, hms_status::Timeout)
        );
        let (mut code, mut err) = (ptr::null_mut(), ptr::null_mut());
        assert_eq!(
            hms_call_take_code(call, &mut code, &mut err),
            hms_status::Timeout
        );
        assert!(message(err).contains("deadline passed"));
        hms_call_free(call);

        // Without a deadline, each attempt gets the client's timeout at any time.
        let call = set_enabled_call(core, u64::MAX - 1, 0);
        let step = next_at(call, u64::MAX);
        assert_eq!((step.kind, step.timeout_ms), (hms_step_kind::Send, 10_000));
        hms_call_free(call);
        hms_core_free(core);
    }
}

#[test]
fn a_clock_that_goes_back_is_refused_and_the_call_kept() {
    let core = offline_core();
    unsafe {
        let call = set_enabled_call(core, 10_000, 60_000);
        let mut step: hms_step = std::mem::zeroed();
        let mut err = ptr::null_mut();
        // Before the start's time.
        assert_eq!(
            hms_call_next(call, 9_999, &mut step, &mut err),
            hms_status::InvalidArgument
        );
        assert!(message(err).contains("now_ms went back from 10000 to 9999"));
        assert_eq!(next_at(call, 10_000).kind, hms_step_kind::Send);
        // Before the last step's time: refused, and the request is still out.
        let mut err = ptr::null_mut();
        assert_eq!(
            hms_call_on_failure(call, 1, hms_failure::Refused, &mut step, &mut err),
            hms_status::InvalidArgument
        );
        assert!(message(err).contains("monotonic"));
        assert_eq!(refused_at(call, 10_000).kind, hms_step_kind::Wait);
        hms_call_free(call);
        hms_core_free(core);
    }
}

/// Keeps each event's line in the `Vec<String>` that `user` points to.
unsafe extern "C" fn keep_line(
    event: *const crate::ffi::events::hms_event,
    user: *mut std::ffi::c_void,
) {
    let lines = &mut *(user as *mut Vec<String>);
    lines.push(CStr::from_ptr((*event).line).to_string_lossy().into_owned());
}

#[test]
fn a_call_stopped_by_its_caller_ends_as_the_library_words_it_and_says_so() {
    let mut lines: Vec<String> = Vec::new();
    unsafe {
        let options = hms_client_options_new();
        hms_client_options_set_base_url(options, c"http://127.0.0.1:9/v2".as_ptr());
        hms_client_options_set_management_token(options, c"t".as_ptr());
        crate::ffi::events::hms_client_options_set_event_callback(
            options,
            Some(keep_line),
            &mut lines as *mut Vec<String> as *mut std::ffi::c_void,
        );
        let mut core = ptr::null_mut();
        assert_eq!(
            hms_core_new(options, &mut core, ptr::null_mut()),
            hms_status::Ok
        );
        hms_client_options_free(options);

        for (why, words) in [
            (hms_stop_reason::Cancelled, "the call was cancelled"),
            (
                hms_stop_reason::DeadlinePassed,
                "the call's deadline passed",
            ),
        ] {
            // Stopped with its request out: the error is the library's words.
            let call = set_enabled_call(core, 1_000, 0);
            assert_eq!(next_at(call, 1_000).kind, hms_step_kind::Send);
            let mut err = ptr::null_mut();
            assert_eq!(
                hms_call_stop(call, 1_200, why, &mut err),
                hms_status::Timeout
            );
            assert_eq!(message(err), words);
            // Done, its result taken: it cannot be stopped again, nor taken.
            let mut err = ptr::null_mut();
            assert_eq!(
                hms_call_stop(call, 1_300, why, &mut err),
                hms_status::InvalidArgument
            );
            assert!(message(err).contains("the call is done"));
            let (mut code, mut err) = (ptr::null_mut(), ptr::null_mut());
            assert_eq!(
                hms_call_take_code(call, &mut code, &mut err),
                hms_status::InvalidArgument
            );
            assert!(message(err).contains("already taken"));
            hms_call_free(call);
        }
        hms_core_free(core);
    }
    let ended: Vec<&String> = lines.iter().filter(|l| l.contains("call_ended")).collect();
    assert_eq!(ended.len(), 2, "{lines:?}");
    assert!(
        ended
            .iter()
            .all(|l| l.contains("result=timeout") && l.contains("attempts=1")),
        "{ended:?}"
    );
}

#[test]
fn a_call_may_set_its_own_retries_before_it_starts() {
    let core = offline_core();
    unsafe {
        // The client retries a refused connection twice; this call not at all.
        let call = set_enabled_call(core, 0, 0);
        assert_eq!(
            hms_call_set_max_retries(call, 0, ptr::null_mut()),
            hms_status::Ok
        );
        assert_eq!(next_at(call, 0).kind, hms_step_kind::Send);
        let step = refused_at(call, 1);
        assert_eq!(
            (step.kind, step.status),
            (hms_step_kind::Done, hms_status::Network)
        );
        // Once started, its settings are fixed.
        let mut err = ptr::null_mut();
        assert_eq!(
            hms_call_set_max_retries(call, 5, &mut err),
            hms_status::InvalidArgument
        );
        assert!(message(err).contains("the call has started"));
        hms_call_free(call);

        // A listing: each page's call makes one retry, then the listing ends.
        let mut call = ptr::null_mut();
        assert_eq!(
            hms_call_list_pages(
                core,
                0,
                0,
                c"room".as_ptr(),
                ptr::null(),
                &mut call,
                ptr::null_mut()
            ),
            hms_status::Ok
        );
        assert_eq!(
            hms_call_set_max_retries(call, 1, ptr::null_mut()),
            hms_status::Ok
        );
        assert_eq!(next_at(call, 0).kind, hms_step_kind::Send);
        assert_eq!(refused_at(call, 1).kind, hms_step_kind::Wait);
        assert_eq!(next_at(call, 1_000).kind, hms_step_kind::Send);
        let step = refused_at(call, 1_001);
        assert_eq!(
            (step.kind, step.status),
            (hms_step_kind::Done, hms_status::Network)
        );
        hms_call_free(call);
        hms_core_free(core);
    }
}
