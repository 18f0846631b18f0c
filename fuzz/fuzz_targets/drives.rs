//! Several steps of a call or a listing, with any answers: a 401 renews a
//! signed token once; a retry then a success ends in the success; a listing
//! of any pages ends within max_pages; no wait is ever above the backoff cap;
//! and a well-formed 2xx body decodes to exactly the fields sent.
#![no_main]

use hms_room_codes::{Config, Core, HttpResponse, Step};
use serde_json::json;
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

const CAP: Duration = Duration::from_secs(2);

fn response(status: u16, body: String, retry_after: Option<&str>) -> HttpResponse {
    let headers = retry_after.map(|v| vec![("retry-after".to_string(), v.to_string())]).unwrap_or_default();
    HttpResponse { status, headers, body: body.into_bytes() }
}

fuzz_target!(|input: (u64, Vec<(u16, Option<String>)>, Vec<(String, bool, Option<String>)>, u8)| {
    let (seed, answers, codes, pages) = input;
    let config = Config::builder()
        .app_keys("key", "secret")
        .backoff(Duration::from_millis(100), CAP)
        .max_retries(3)
        .max_pages(u32::from(pages % 8) + 1)
        .rng_seed(seed)
        .build()
        .unwrap();
    let core = Core::new(config);
    let sent: Vec<(String, String, bool)> =
        codes.into_iter().map(|(code, enabled, role)| (code, role.unwrap_or_default(), enabled)).collect();
    let data: Vec<serde_json::Value> = sent
        .iter()
        .map(|(code, role, enabled)| json!({ "code": code, "room_id": "room", "role": role, "enabled": enabled }))
        .collect();

    // Any answers, then a well-formed page: every wait is within the cap, a
    // 401 renews the token, and a success decodes to the codes sent.
    let mut call = core.list_page("room", &Default::default()).unwrap();
    let good = json!({ "limit": 10, "data": data });
    let mut token = call.request(0).header("authorization").unwrap().to_string();
    let mut steps = 0;
    let mut answers = answers.into_iter().chain(std::iter::once((200, None)));
    loop {
        steps += 1;
        assert!(steps <= 16, "the call did not end");
        let (status, retry_after) = answers.next().unwrap_or((200, None));
        let body = if status == 200 { serde_json::to_string(&good).unwrap() } else { String::new() };
        match call.on_response(&response(status, body, retry_after.as_deref()), 0) {
            Step::RetryAfter(wait) => {
                assert!(wait <= CAP, "waited {wait:?}");
                let next = call.request(0).header("authorization").unwrap().to_string();
                assert_eq!(status == 401, next != token, "a 401 renews, nothing else does");
                token = next;
            }
            Step::Done(Ok(page)) => {
                assert_eq!(status, 200);
                let got: Vec<(String, String, bool)> =
                    page.data.iter().map(|c| (c.code.clone(), c.role.clone(), c.enabled)).collect();
                assert_eq!(got, sent);
                break;
            }
            Step::Done(Err(error)) => {
                assert!(status != 200, "{error}");
                break;
            }
        }
    }

    // A listing whose every page carries a new cursor ends after max_pages
    // pages, with the error that the limit was reached.
    let mut pager = core.pager(Default::default());
    let mut fetched = 0u32;
    while let Some(call) = core.list_next("room", &pager) {
        let Ok(mut call) = call else {
            assert_eq!(fetched, u32::from(pages % 8) + 1, "it ended early");
            break;
        };
        fetched += 1;
        assert!(fetched <= u32::from(pages % 8) + 1, "the listing did not end");
        let body = json!({ "data": data, "last": format!("cursor-{fetched}") }).to_string();
        match call.on_response(&response(200, body, None), 0) {
            Step::Done(Ok(page)) => {
                if pager.on_page(&page).is_err() {
                    break;
                }
            }
            other => panic!("a 200 page gave {other:?}"),
        }
    }
});
