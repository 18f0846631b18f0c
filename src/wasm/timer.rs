//! Waiting with JS timers: the pause between attempts, cut short by an abort.

use super::host::{unwatch_abort, watch_abort};
use js_sys::{Function, Promise};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen]
extern "C" {
    /// `setTimeout(callback, ms)`: a number in browsers, an object in Node.
    #[wasm_bindgen(js_name = setTimeout)]
    pub fn set_timeout(callback: &Function, ms: f64) -> JsValue;

    /// `clearTimeout(handle)`.
    #[wasm_bindgen(js_name = clearTimeout)]
    pub fn clear_timeout(handle: &JsValue);
}

/// Waits `wait`, or less if `signal` aborts first; then rejects with the
/// signal's reason, as `fetch` does.
pub async fn sleep(wait: Duration, signal: Option<&AbortSignal>) -> Result<(), JsValue> {
    check(signal)?;
    let mut timer = JsValue::UNDEFINED;
    let mut listener = None;
    let done = Promise::new(&mut |resolve, _reject| {
        timer = set_timeout(&resolve, wait.as_secs_f64() * 1000.0);
        if let Some(signal) = signal {
            let _ = watch_abort(signal, &resolve);
        }
        listener = Some(resolve);
    });
    let _ = JsFuture::from(done).await;
    clear_timeout(&timer);
    if let (Some(signal), Some(listener)) = (signal, listener) {
        let _ = unwatch_abort(signal, &listener);
    }
    check(signal)
}

/// `Err(reason)` once `signal` has aborted.
pub fn check(signal: Option<&AbortSignal>) -> Result<(), JsValue> {
    match signal {
        Some(signal) if signal.aborted() => Err(signal.reason()),
        _ => Ok(()),
    }
}
