//! What the package's JS entry points hand the module, and what the module
//! tells them: the default `fetch` of a runtime (Node's keep-alive one), the
//! environment variables of `RoomCodesClient.fromEnv`, and a panic's message,
//! noted just before the module aborts so that the entry point can reject
//! every pending promise with it.

use crate::core::error::{Error, Result};
use js_sys::Function;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

#[wasm_bindgen(module = "/src/wasm/host.js")]
extern "C" {
    /// Keeps the message of a panic for the error every pending call gets.
    #[wasm_bindgen(js_name = notePanic)]
    fn note_panic(message: &str);

    /// The environment variable `name`; throws why where it cannot be read.
    #[wasm_bindgen(js_name = envVar, catch)]
    fn js_env_var(name: &str) -> std::result::Result<Option<String>, JsValue>;

    /// Calls `callback` once `signal` aborts, through one listener per signal
    /// however many calls share it. (`catch` also gives it the glue's shim,
    /// which the package's build expects of every import.)
    #[wasm_bindgen(js_name = watchAbort, catch)]
    pub fn watch_abort(
        signal: &AbortSignal,
        callback: &Function,
    ) -> std::result::Result<(), JsValue>;

    /// Stops `callback` waiting on `signal`.
    #[wasm_bindgen(js_name = unwatchAbort, catch)]
    pub fn unwatch_abort(
        signal: &AbortSignal,
        callback: &Function,
    ) -> std::result::Result<(), JsValue>;
}

thread_local! {
    /// The `fetch` of a client given none, set by the entry point.
    static DEFAULT_FETCH: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Runs when the module starts: a panic's message reaches the JS side
/// before the abort (`panic = "abort"`) traps.
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        // Not payload_as_str: newer than the crate's MSRV.
        let payload = info.payload();
        let message = (payload.downcast_ref::<&str>().copied())
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic");
        match info.location() {
            Some(at) => note_panic(&format!(
                "panicked at {}:{}: {message}",
                at.file(),
                at.line()
            )),
            None => note_panic(message),
        }
    }));
}

/// Sets the `fetch` of every client given none (the Node entry point's
/// keep-alive one). Internal: no entry point exports it.
#[wasm_bindgen(js_name = "__setDefaultFetch", skip_typescript)]
pub fn set_default_fetch(fetch: Function) {
    DEFAULT_FETCH.with(|slot| *slot.borrow_mut() = Some(fetch));
}

/// The error code with which the package's Node `fetch` refuses a body over
/// the cap, which the transport reads back as one. Internal, for
/// node-fetch.cjs: no entry point exports it.
#[wasm_bindgen(js_name = "__bodyTooLargeCode", skip_typescript)]
pub fn body_too_large_code() -> String {
    super::transport::BODY_TOO_LARGE_CODE.into()
}

/// The error code with which the package's Node `fetch` gives up on an
/// attempt at the `timeoutMs` the client passed it. Internal, for
/// node-fetch.cjs.
#[wasm_bindgen(js_name = "__timeoutCode", skip_typescript)]
pub fn timeout_code() -> String {
    super::transport::TIMEOUT_CODE.into()
}

/// The body cap of a client given no `maxResponseBytes`: the default of a
/// `keepAliveFetch` used on its own. Internal, for node-fetch.cjs.
#[wasm_bindgen(js_name = "__defaultMaxResponseBytes", skip_typescript)]
pub fn default_max_response_bytes() -> f64 {
    crate::DEFAULT_MAX_RESPONSE_BYTES as f64
}

/// The `fetch` of a client given none: the entry point's, or `None` for the
/// global one.
pub fn default_fetch() -> Option<Function> {
    DEFAULT_FETCH.with(|slot| slot.borrow().clone())
}

/// Panics with `message`. Internal, for the tests only (no entry point
/// exports it): the way to prove that a panic rejects every pending call.
#[wasm_bindgen(js_name = "__panicForTests", skip_typescript)]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

/// Reads the environment variable `name` where the runtime has one:
/// `Deno.env` in Deno, `process.env` in Node and Bun. `Err` in a runtime with
/// neither (a browser page, a worker), or when Deno denies access.
pub fn env_var(name: &str) -> Result<Option<String>> {
    match js_env_var(name) {
        Ok(value) => Ok(value.filter(|v| !v.is_empty())),
        Err(why) => Err(Error::invalid_argument(why.as_string().unwrap_or_default())),
    }
}
