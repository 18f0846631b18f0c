//! Any room-link options: an https link on the right host, or `invalid_argument`.
#![no_main]

use hms_room_codes::{room_link, ErrorKind, RoomLinkOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Option<String>, Option<String>, String, Option<String>, Option<String>)| {
    let (subdomain, domain, code, user_id, name) = input;
    let mut options = RoomLinkOptions::default();
    (options.subdomain, options.domain, options.code) = (subdomain, domain, code);
    (options.user_id, options.name) = (user_id, name);
    match room_link(&options) {
        Ok(link) => {
            assert!(link.starts_with("https://"), "{link}");
            let host = link["https://".len()..].split('/').next().unwrap();
            assert!(!host.contains(['@', '?', '#']), "{link}");
            assert_eq!(link.matches('#').count(), 0, "{link}");
        }
        Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidArgument),
    }
});
