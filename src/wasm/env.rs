//! What the wasm layer asks of its JS host: the clock, the global `fetch`, and
//! whether it runs in a browser page.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the Unix epoch, from `Date.now()` (`SystemTime` panics
/// on wasm32).
pub fn now_unix_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Whether this is a browser page (a `window` and a `document`), as opposed to
/// Node, Deno or a worker. Credentials are refused there unless allowed.
pub fn is_browser_page() -> bool {
    let global = js_sys::global();
    ["window", "document"]
        .iter()
        .all(|name| Reflect::get(&global, &JsValue::from_str(name)).is_ok_and(|v| v.is_object()))
}

/// The global `fetch`, looked up at each call so that a replaced one is used.
pub fn global_fetch() -> Option<Function> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
        .ok()?
        .dyn_into()
        .ok()
}
