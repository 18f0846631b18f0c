//! What the package's JS entry points hand the module, and what the module
//! tells them: the default `fetch` of a runtime (Node's keep-alive one), the
//! environment variables of `RoomCodesClient.fromEnv`, and a panic's message,
//! noted just before the module aborts so that the entry point can reject
//! every pending promise with it.

use crate::error::{Error, Result};
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/error.js")]
extern "C" {
    /// Keeps the message of a panic for the error every pending call gets.
    #[wasm_bindgen(js_name = notePanic)]
    fn note_panic(message: &str);
}

thread_local! {
    /// The `fetch` of a client given none, set by the entry point.
    static DEFAULT_FETCH: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Runs when the module starts: a panic's message reaches the JS side
/// before the abort (`panic = "abort"`) traps.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.payload_as_str().unwrap_or("a panic");
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
#[wasm_bindgen(js_name = "__setDefaultFetch")]
pub fn set_default_fetch(fetch: Function) {
    DEFAULT_FETCH.with(|slot| *slot.borrow_mut() = Some(fetch));
}

/// The `fetch` of a client given none: the entry point's, or `None` for the
/// global one.
pub fn default_fetch() -> Option<Function> {
    DEFAULT_FETCH.with(|slot| slot.borrow().clone())
}

/// Panics with `message`. Internal, for the tests only (no entry point
/// exports it): the way to prove that a panic rejects every pending call.
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

/// Reads the environment variable `name` where the runtime has one:
/// `Deno.env` in Deno, `process.env` in Node and Bun. `Err` in a runtime with
/// neither (a browser page, a worker), or when Deno denies access.
pub fn env_var(name: &str) -> Result<Option<String>> {
    let global = js_sys::global();
    let get = |object: &JsValue, key: &str| Reflect::get(object, &JsValue::from_str(key)).ok();
    let value = if let Some(env) = get(&global, "Deno").and_then(|deno| get(&deno, "env")) {
        let read = get(&env, "get").and_then(|f| f.dyn_into::<Function>().ok());
        match read.map(|read| read.call1(&env, &JsValue::from_str(name))) {
            Some(Ok(value)) => value,
            Some(Err(error)) => {
                let why = get(&error, "message")
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                return Err(Error::invalid_argument(format!(
                    "fromEnv cannot read {name}: {why} (run Deno with --allow-env)"
                )));
            }
            None => JsValue::UNDEFINED,
        }
    } else if let Some(env) = get(&global, "process")
        .and_then(|p| get(&p, "env"))
        .filter(|e| e.is_object())
    {
        get(&env, name).unwrap_or_default()
    } else {
        return Err(Error::invalid_argument(
            "fromEnv reads HMS_* environment variables, which this runtime does not have (a \
             browser page or a worker): pass the options to new RoomCodesClient() instead",
        ));
    };
    Ok(value.as_string().filter(|v| !v.is_empty()))
}
