//! Any strings as path segments, query values and body fields: a request whose
//! URL keeps every segment in its place, or `invalid_argument`.
#![no_main]

use hms_room_codes::{Config, Core, ErrorKind, ListFilter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, String, Option<u32>, Option<bool>)| {
    let (room, role, limit, enabled) = input;
    let core = Core::new(Config::builder().base_url("https://api.test/v2").build().unwrap());
    match core.create_for_role(&room, &role) {
        Ok(mut call) => {
            let url = call.request(0).url;
            let path = url.strip_prefix("https://api.test/v2/room-codes/room/").unwrap();
            // Exactly the four separators we put there: room / "role" / role.
            assert_eq!(path.matches('/').count(), 2, "{url}");
            assert!(!path.contains(['?', '#', ' ']), "{url}");
        }
        Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidArgument),
    }
    let mut filter = ListFilter::new().role(role.clone()).start(room.clone());
    (filter.enabled, filter.limit) = (enabled, limit);
    if let Ok(mut call) = core.list_page("room", &filter) {
        let url = call.request(0).url;
        assert!(!url.contains('#') && url.matches('?').count() == 1, "{url}");
    }
    if let Ok(mut call) = core.set_enabled(&role, true) {
        let body = call.request(0).body.unwrap();
        assert_eq!(body.matches("\"enabled\"").count(), 1);
    }
});
