//! Any status, headers and body, for every operation: the parsers and the
//! error classifier must give a typed answer and never panic.
#![no_main]

use hms_room_codes::{Config, Core, HttpResponse, Step};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u16, u8, Option<String>, Vec<u8>)| {
    let (status, operation, retry_after, body) = input;
    let core = Core::new(Config::builder().app_keys("key", "secret").max_retries(1).build().unwrap());
    let headers = retry_after.map(|v| vec![("Retry-After".to_string(), v)]).unwrap_or_default();
    let response = HttpResponse { status, headers, body };
    let kind = match operation % 5 {
        0 => kind(core.create("room").unwrap().on_response(&response, 1_700_000_000_000)),
        1 => kind(core.create_for_role("room", "host").unwrap().on_response(&response, 0)),
        2 => kind(core.list_page("room", &Default::default()).unwrap().on_response(&response, u64::MAX)),
        3 => kind(core.set_enabled("code", true).unwrap().on_response(&response, 0)),
        _ => kind(core.auth_token_for_code("code", None).unwrap().on_response(&response, 0)),
    };
    assert_ne!(kind, Some(hms_room_codes::ErrorKind::Internal));
});

fn kind<T>(step: Step<T>) -> Option<hms_room_codes::ErrorKind> {
    match step {
        Step::Done(Err(e)) => Some(e.kind()),
        _ => None,
    }
}
