//! Any strings as path segments, query values and body fields: a request that
//! carries exactly those values (percent-decoding the path and the query gives
//! them back, the body parses back to them), or `invalid_argument`.
#![no_main]

use hms_room_codes::{Config, Core, ErrorKind, ListFilter};
use libfuzzer_sys::fuzz_target;
use percent_encoding::percent_decode_str;

fn decoded(text: &str) -> String {
    percent_decode_str(text).decode_utf8().expect("UTF-8 in, UTF-8 out").into_owned()
}

fuzz_target!(|input: (String, String, Option<u32>, Option<bool>, bool)| {
    let (room, role, limit, enabled, on) = input;
    let core = Core::new(Config::builder().base_url("https://api.test/v2").build().unwrap());
    match core.create_for_role(&room, &role) {
        Ok(mut call) => {
            let url = call.request(0).url;
            let path = url.strip_prefix("https://api.test/v2/room-codes/room/").unwrap();
            let segments: Vec<&str> = path.split('/').collect();
            assert_eq!(segments.len(), 3, "{url}");
            assert_eq!((decoded(segments[0]), segments[1], decoded(segments[2])), (room.clone(), "role", role.clone()));
        }
        Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidArgument),
    }
    let mut filter = ListFilter::new().role(role.clone()).start(room.clone());
    (filter.enabled, filter.limit) = (enabled, limit);
    if let Ok(mut call) = core.list_page("room", &filter) {
        let url = call.request(0).url;
        let query = url.split_once('?').expect("a query").1;
        assert!(!query.contains(['?', '#']), "{url}");
        let pairs: Vec<(&str, String)> =
            query.split('&').map(|pair| pair.split_once('=').unwrap()).map(|(k, v)| (k, decoded(v))).collect();
        assert!(pairs.contains(&("role", role.clone())), "{url}");
        assert!(pairs.contains(&("start", room.clone())), "{url}");
        assert_eq!(pairs.iter().any(|(k, v)| *k == "limit" && Some(v.clone()) == limit.map(|l| l.to_string())), limit.is_some());
        assert_eq!(pairs.iter().any(|(k, _)| *k == "enabled"), enabled.is_some());
    }
    if let Ok(mut call) = core.set_enabled(&role, on) {
        let body: serde_json::Value = serde_json::from_str(&call.request(0).body.unwrap()).unwrap();
        assert_eq!(body, serde_json::json!({ "code": role, "enabled": on }));
    }
});
