//! Any `Retry-After` value at any time: a wait or nothing, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u64)| {
    let _ = hms_room_codes::retry_after::parse(input.0, input.1);
});
