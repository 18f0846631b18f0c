//! What the wasm layer asks of its JS host: the clock, and whether it runs in
//! a browser page.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// Milliseconds since the Unix epoch, from `Date.now()` (`SystemTime` panics
/// on wasm32).
pub fn now_unix_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Whether this is a browser page (a `window` and a `document`), whose
/// browser owns the `user-agent` header.
pub fn is_browser_page() -> bool {
    let global = js_sys::global();
    ["window", "document"]
        .iter()
        .all(|name| Reflect::get(&global, &JsValue::from_str(name)).is_ok_and(|v| v.is_object()))
}

/// Whether this is a server runtime, where credentials may live: Node, Deno,
/// Bun, Cloudflare workerd or an edge runtime, and not a browser page. A
/// browser's Web Worker or Service Worker, or any other global, is not one:
/// credentials there are refused unless allowed.
pub fn is_server_runtime() -> bool {
    if is_browser_page() {
        return false;
    }
    let global = js_sys::global();
    let at = |path: &[&str]| {
        path.iter()
            .try_fold(JsValue::from(global.clone()), |value, key| {
                if value.is_undefined() || value.is_null() {
                    return None;
                }
                Reflect::get(&value, &JsValue::from_str(key)).ok()
            })
    };
    let is_string = |path: &[&str]| at(path).is_some_and(|v| v.is_string());
    is_string(&["process", "versions", "node"])
        || is_string(&["Deno", "version", "deno"])
        || is_string(&["process", "versions", "bun"])
        || is_string(&["EdgeRuntime"])
        || at(&["navigator", "userAgent"])
            .and_then(|v| v.as_string())
            .is_some_and(|agent| agent == "Cloudflare-Workers")
}
