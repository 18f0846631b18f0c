//! Core errors as thrown JS values: real `Error`s of class `HmsError`, built
//! by `error.js` so they carry a stack.

use crate::core::error::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = hmsError)]
    fn hms_error(
        kind: &str,
        message: &str,
        status: Option<u16>,
        details: Vec<String>,
        retry_after_ms: Option<f64>,
        request_id: Option<String>,
    ) -> JsValue;
}

impl From<Error> for JsValue {
    /// The `HmsError` for `error`: its kind's name, message, status, details
    /// the wait the service asked for, in milliseconds, and the request id.
    fn from(error: Error) -> JsValue {
        hms_error(
            error.kind().as_str(),
            error.message(),
            error.status(),
            error.details().to_vec(),
            error.retry_after().map(|wait| wait.as_millis() as f64),
            error.request_id().map(str::to_string),
        )
    }
}
