//! A successful call's response metadata, recorded in a `ResponseMetaSlot`
//! given in its `CallOptions`, in both clients.

use crate::clients::Flavor;
use crate::support::{Env, TOKEN};
use hms_room_codes::{CallOptions, ErrorKind, ListFilter, ResponseMeta, ResponseMetaSlot};
use serde_json::json;

#[test]
fn a_success_after_a_retry_records_its_status_request_id_and_attempts() {
    let env = Env::start();
    for flavor in Flavor::ALL {
        let client = env.client_of(flavor, env.config().management_token(TOKEN));
        let room = env.room(None);
        let path = format!("/v2/room-codes/room/{room}/role/guest");
        env.fault(json!({ "path": path, "status": 429, "retry_after": "0" }));
        let slot = ResponseMetaSlot::new();
        let options = CallOptions::new().response_meta(&slot);
        let code = client.create_for_role(&room, "guest", &options).unwrap();
        let meta = slot.get().expect("the success is recorded");
        assert_eq!(
            (meta.status, meta.attempts),
            (200, 2),
            "{flavor:?} {meta:?}"
        );
        let id = meta.request_id.clone().unwrap_or_default();
        assert!(id.starts_with("emu-"), "{flavor:?} {meta:?}");
        assert!(meta.elapsed.as_secs() < 10, "{flavor:?} {meta:?}");

        // A failure leaves the slot as it was; the error carries its own id.
        let err = client
            .create_for_role(&room, "no-such-role", &options)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::RoleNotFound, "{flavor:?}");
        assert_ne!(err.request_id(), Some(id.as_str()));
        assert_eq!(slot.get(), Some(meta), "{flavor:?}");

        // A listing records each page's: after its 2 pages (2 + 1 codes), the last one's.
        client.create(&room, &CallOptions::new()).unwrap();
        client.set_enabled(&code.code, true, &options).unwrap();
        let first_page = slot.get().unwrap();
        let two_per_page = ListFilter::new().limit(2);
        let codes = client.list(&room, &two_per_page, &options);
        assert_eq!(codes.len(), 3, "{flavor:?} {codes:?}");
        let last_page = slot.get().unwrap();
        assert_eq!((last_page.status, last_page.attempts), (200, 1));
        assert_ne!(last_page.request_id, first_page.request_id, "{flavor:?}");
    }
}

/// The number of an emulator request id (`emu-12` is 12).
fn number(meta: &ResponseMeta) -> u64 {
    let id = meta.request_id.as_deref().unwrap_or_default();
    id.trim_start_matches("emu-")
        .parse()
        .expect("an emulator request id")
}

#[test]
fn an_iteration_holds_the_meta_of_the_page_its_code_came_from() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    client.create(&room).unwrap();
    let slot = ResponseMetaSlot::new();
    let options = CallOptions::new().response_meta(&slot);
    let mut codes = client.list_with(&room, &ListFilter::new().limit(2), &options);
    codes.next().unwrap().unwrap();
    let first = slot.get().unwrap();
    codes.next().unwrap().unwrap();
    assert_eq!(slot.get(), Some(first.clone()), "the same page");
    codes.next().unwrap().unwrap();
    let second = slot.get().unwrap();
    assert!(number(&second) > number(&first), "{first:?} {second:?}");
    assert!(codes.next().is_none());
}
