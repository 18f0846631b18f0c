//! The client, from the environment with the command line's flags on top.

use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{ConfigBuilder, Result};

use crate::args::Connection;

/// Reads the settings as every binding does (`ConfigBuilder::from_lookup`), a flag winning
/// over its variable. Credentials given as flags replace those from the environment as a
/// whole, so `--access-key` with `HMS_MANAGEMENT_TOKEN` set is not "both".
pub fn client(flags: &Connection) -> Result<RoomCodesClient> {
    let credential_flags = flags.management_token.is_some() || flags.access_key.is_some();
    let lookup = |name: &str| -> Option<String> {
        let flag = match name {
            "HMS_MANAGEMENT_TOKEN" => &flags.management_token,
            "HMS_ACCESS_KEY" => &flags.access_key,
            "HMS_SECRET" => &flags.secret,
            "HMS_API_BASE_URL" => &flags.api_base_url,
            "HMS_AUTH_BASE_URL" => &flags.auth_base_url,
            _ => &None,
        };
        let is_credential = !name.ends_with("_BASE_URL");
        match flag {
            Some(value) => Some(value.clone()),
            None if is_credential && credential_flags => None,
            None => std::env::var(name).ok().filter(|v| !v.is_empty()),
        }
    };
    let config = ConfigBuilder::from_lookup(lookup).binding("cli").build()?;
    Ok(RoomCodesClient::new(config))
}

/// Whether any credential reaches the client (a hint for `unauthorized` errors).
pub fn has_credentials(flags: &Connection) -> bool {
    let set = |name: &str| std::env::var(name).is_ok_and(|v| !v.is_empty());
    flags.management_token.is_some()
        || flags.access_key.is_some()
        || set("HMS_MANAGEMENT_TOKEN")
        || (set("HMS_ACCESS_KEY") && set("HMS_SECRET"))
}
