//! One client shared by many threads.

use crate::support::{Env, ACCESS_KEY, APP_SECRET};
use hms_room_codes::blocking::RoomCodesClient;
use std::collections::HashSet;
use std::sync::Arc;

#[test]
fn sixteen_threads_share_one_client() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<RoomCodesClient>();

    let env = Env::start();
    let client = Arc::new(env.client_with(env.config().app_keys(ACCESS_KEY, APP_SECRET)));
    let room = env.room(None);
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let client = Arc::clone(&client);
            let room = room.clone();
            std::thread::spawn(move || {
                (0..5)
                    .map(|_| client.create_for_role(&room, "viewer").unwrap().code)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let codes: HashSet<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert_eq!(codes.len(), 80);
    let listed = client.list(&room, &Default::default()).count();
    assert_eq!(listed, 80);
}
