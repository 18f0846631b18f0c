//! Prints the latency of `create_for_role` from the blocking client:
//! `scripts/with-emulator.sh cargo run --release --example latency [CALLS]`.
//! A room holds at most 100 codes, so a new room is made every 100 calls.

mod common;

use hms_room_codes::blocking::RoomCodesClient;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calls: usize = std::env::args().nth(1).map_or(Ok(1000), |n| n.parse())?;
    let client = RoomCodesClient::from_env()?;
    let mut samples = Vec::with_capacity(calls);
    let mut room = String::new();
    for i in 0..calls {
        if i % 100 == 0 {
            room = common::create_room(&client, &format!("latency-{}-{i}", std::process::id()))?;
        }
        let started = Instant::now();
        client.create_for_role(&room, "guest")?;
        samples.push(started.elapsed());
    }
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let total: Duration = samples.iter().sum();
    println!(
        "create_for_role x{calls}: median {:?}  p90 {:?}  p99 {:?}  mean {:?}",
        at(0.5),
        at(0.9),
        at(0.99),
        total / calls as u32
    );
    Ok(())
}
