//! `roomLink`: the link a person opens to join with a room code (no request).

use super::args::OptionsObject;
use crate::core::error::Error;
use crate::core::link::{room_link as core_room_link, RoomLinkOptions};
use wasm_bindgen::prelude::*;

/// The link a person opens to join with a room code:
/// `https://{subdomain}.app.100ms.live/meeting/{code}` or
/// `https://{domain}/{code}`, with `userId` and `name` in the query if given.
/// Throws an `HmsError` of kind `invalid_argument` for bad options.
#[wasm_bindgen(js_name = "roomLink")]
pub fn room_link(
    #[wasm_bindgen(unchecked_param_type = "RoomLinkOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let bag = OptionsObject::new(
        "options",
        &options,
        &["subdomain", "domain", "code", "userId", "name"],
    )?;
    let code = bag
        .string("code")?
        .ok_or_else(|| Error::invalid_argument("options.code is required"))?;
    let link = core_room_link(&RoomLinkOptions {
        subdomain: bag.string("subdomain")?,
        domain: bag.string("domain")?,
        code,
        user_id: bag.string("userId")?,
        name: bag.string("name")?,
    })?;
    Ok(link)
}
