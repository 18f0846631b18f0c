//! Any `Retry-After` value at any time: a wait of at most one day or nothing,
//! never a panic; delay-seconds give exactly that many seconds (clamped).
#![no_main]

use hms_room_codes::retry_after::{parse, MAX_RETRY_AFTER};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

fuzz_target!(|input: (&str, u64, u64)| {
    let (value, now, seconds) = input;
    if let Some(wait) = parse(value, now) {
        assert!(wait <= MAX_RETRY_AFTER, "{value:?} gave {wait:?}");
    }
    let wait = parse(&seconds.to_string(), now).expect("digits are a wait");
    assert_eq!(wait, Duration::from_secs(seconds).min(MAX_RETRY_AFTER));
});
