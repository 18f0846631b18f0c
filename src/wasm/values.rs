//! Results as plain JS values: objects with the service's snake_case keys,
//! `null` for an absent value.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object, array or string: written as JSON in wasm and
/// read with `JSON.parse`, which is far quicker than building the object one
/// property at a time across the wasm boundary.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}
