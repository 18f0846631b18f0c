//! Results as plain JS values: objects with the service's snake_case keys,
//! `null` for an absent value, made from the text the core writes
//! (`js_text`): one `JSON.parse`, or one split of the compact form, is far
//! quicker than building each object a property at a time across the wasm
//! boundary.

use crate::core::error::{Error, ErrorKind};
use crate::core::js_text::{JsCodes, PageForJs};
use crate::core::model::AuthToken;
use crate::core::response_meta::ResponseMeta;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/codes.js")]
extern "C" {
    /// The codes of the core's compact text.
    #[wasm_bindgen(js_name = codesFromCompact)]
    fn codes_from_compact(compact: &str) -> JsValue;
}

#[wasm_bindgen(module = "/src/wasm/response.js")]
extern "C" {
    /// A result with its response's metadata.
    #[wasm_bindgen(js_name = withResponse)]
    fn data_with_response(
        data: JsValue,
        status: u16,
        request_id: Option<&str>,
        attempts: u32,
        elapsed_ms: f64,
    ) -> JsValue;
}

#[wasm_bindgen(module = "/src/wasm/token.js")]
extern "C" {
    /// An auth token object whose printed forms redact the token.
    #[wasm_bindgen(js_name = authToken)]
    fn auth_token(token: &str, expires_at: Option<String>) -> JsValue;
}

/// `token` as `{ token, expires_at }`, printed with the token redacted.
pub fn auth_token_to_js(token: AuthToken) -> JsValue {
    auth_token(token.token.expose(), token.expires_at)
}

/// `json` as a JS value.
pub fn parse_json(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json)
}

/// `codes` as a JS array of codes.
pub fn codes_to_js(codes: &JsCodes) -> Result<JsValue, JsValue> {
    match codes {
        JsCodes::Compact(compact) => Ok(codes_from_compact(compact)),
        JsCodes::Json(json) => parse_json(json),
    }
}

/// `page` as `{ limit, data, last }`.
pub fn page_to_js(page: &PageForJs) -> Result<JsValue, JsValue> {
    let object = Object::new();
    let limit = page.limit.map_or(JsValue::NULL, |limit| limit.into());
    let last = page
        .cursor
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    Reflect::set(&object, &"limit".into(), &limit)?;
    Reflect::set(&object, &"data".into(), &codes_to_js(&page.codes)?)?;
    Reflect::set(&object, &"last".into(), &last)?;
    Ok(object.into())
}

/// `{ data, response: { status, requestId, attempts, elapsedMs } }`: a result
/// of `client.withResponse()`, with the metadata its call recorded.
pub fn with_response(data: JsValue, meta: Option<&ResponseMeta>) -> Result<JsValue, JsValue> {
    let meta = meta.ok_or_else(|| {
        Error::new(
            ErrorKind::Internal,
            "a successful call recorded no response metadata",
        )
    })?;
    Ok(data_with_response(
        data,
        meta.status,
        meta.request_id.as_deref(),
        meta.attempts,
        meta.elapsed.as_millis() as f64,
    ))
}
