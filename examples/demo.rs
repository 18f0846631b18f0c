//! The demo: run by `make demo` against the local emulator
//! (`scripts/with-emulator.sh` sets `HMS_API_BASE_URL`, `HMS_AUTH_BASE_URL`
//! and the credentials). It makes a room, creates codes for every role and one
//! more for a role, lists them, disables one, exchanges a code for a token and
//! prints room links.

mod common;

use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{room_link, ListFilter, RoomLinkOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if std::env::var_os("HMS_MANAGEMENT_TOKEN").is_none() {
        eprintln!("[rust] set HMS_MANAGEMENT_TOKEN (it also makes the demo's room) and HMS_API_BASE_URL, or run `make demo` (local emulator)");
        std::process::exit(2);
    }
    let client = RoomCodesClient::from_env()?;
    let room_id = common::create_room(&client, &format!("demo-room-{}", std::process::id()))?;
    println!("[rust] room {room_id}");

    for code in client.create(&room_id)? {
        println!("[rust] code for every role: {:<7} {}", code.role, code.code);
    }
    let extra = client.create_for_role(&room_id, "guest")?;
    println!("[rust] one more for guest:    {}", extra.code);

    let all: Vec<_> = client
        .list(&room_id, &ListFilter::default())
        .collect::<Result<_, _>>()?;
    println!("[rust] listed {} codes", all.len());

    let disabled = client.set_enabled(&extra.code, false)?;
    println!(
        "[rust] disabled {} (enabled = {})",
        disabled.code, disabled.enabled
    );

    let host = all
        .iter()
        .find(|c| c.role == "host")
        .ok_or("no host code")?;
    let token = client.auth_token_for_code(&host.code, Some("demo-user"))?;
    let jwt = token.token.expose();
    println!(
        "[rust] auth token for {}: {}… (expires {})",
        host.code,
        &jwt[..jwt.len().min(24)],
        token.expires_at.as_deref().unwrap_or("unknown")
    );

    let link = RoomLinkOptions::on_subdomain("demo-app", &host.code).name("Demo Host");
    println!("[rust] room link: {}", room_link(&link)?);
    let custom = RoomLinkOptions::on_domain("meet.example.com", &host.code);
    println!("[rust] custom-domain link: {}", room_link(&custom)?);

    match client.create_for_role(&room_id, "no-such-role") {
        Err(error) => println!("[rust] expected error: {error}"),
        Ok(code) => {
            return Err(format!("a code for a role that does not exist: {}", code.code).into())
        }
    }
    Ok(())
}
