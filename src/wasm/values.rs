//! Results as plain JS values: objects with the service's snake_case keys,
//! `null` for an absent value.

use wasm_bindgen::JsValue;

/// `json` (written in wasm by `js_json`) as a plain JS value: one `JSON.parse`
/// is far quicker than building the object one property at a time across the
/// wasm boundary.
pub fn parse_json(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json)
}
