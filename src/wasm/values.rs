//! Results as plain JS values: objects with the service's snake_case keys,
//! `null` for an absent value.

use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object, array or string.
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::new().serialize_missing_as_null(true))
        .map_err(JsValue::from)
}
