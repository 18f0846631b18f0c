//! What the examples share: rooms are not part of this SDK, so the examples
//! make one with a plain request to the service (the emulator under `make demo`).

use hms_room_codes::blocking::RoomCodesClient;
use std::error::Error;

/// Creates a room named `name` with the default template and returns its id.
pub fn create_room(client: &RoomCodesClient, name: &str) -> Result<String, Box<dyn Error>> {
    let base = client.core().config().base_url();
    let token = std::env::var("HMS_MANAGEMENT_TOKEN")?;
    let body = serde_json::json!({ "name": name }).to_string();
    let mut response = ureq::post(format!("{base}/rooms"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .send(body)?;
    let room: serde_json::Value = serde_json::from_slice(&response.body_mut().read_to_vec()?)?;
    Ok(room["id"].as_str().ok_or("the room has no id")?.to_string())
}
