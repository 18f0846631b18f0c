//! Reading JS arguments of any type: a value of the wrong type is an
//! `invalid_argument` error, never a panic or a `TypeError`.

use crate::core::error::{Error, Result};
use js_sys::{Array, Function, JsString, Object, Reflect};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

/// The longest wait a JS timer can do (2^31 - 1 ms); longer ones fire at once.
const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// A required string. A lone surrogate (`"a\ud800b"`) is `invalid_argument`:
/// it has no UTF-8 form, and replacing it would name something else.
pub fn string(name: &str, value: &JsValue) -> Result<String> {
    let text = value
        .dyn_ref::<JsString>()
        .ok_or_else(|| wrong_type(name, "a string", value))?;
    if !text.is_valid_utf16() {
        return Err(Error::invalid_argument(format!(
            "{name} contains a lone surrogate (broken UTF-16), which has no UTF-8 form"
        )));
    }
    Ok(value.as_string().unwrap_or_default())
}

/// A required boolean.
pub fn boolean(name: &str, value: &JsValue) -> Result<bool> {
    value
        .as_bool()
        .ok_or_else(|| wrong_type(name, "a boolean", value))
}

/// An options object whose keys are read one by one: `undefined` or `null`
/// is an empty one, an unknown key is an error (it is most likely a typo).
pub struct OptionsObject<'a> {
    name: &'a str,
    object: Option<Object>,
}

impl<'a> OptionsObject<'a> {
    /// Reads `value` as the options object `name`, allowing only `keys`.
    pub fn new(name: &'a str, value: &JsValue, keys: &[&str]) -> Result<OptionsObject<'a>> {
        if value.is_undefined() || value.is_null() {
            return Ok(OptionsObject { name, object: None });
        }
        if !value.is_object() || value.is_function() || Array::is_array(value) {
            return Err(wrong_type(name, "an object", value));
        }
        let object: Object = value.clone().unchecked_into();
        for key in Object::keys(&object).iter().filter_map(|k| k.as_string()) {
            if !keys.contains(&key.as_str()) {
                return Err(Error::invalid_argument(format!(
                    "{name} has an unknown key \"{key}\"; the keys are {}",
                    keys.join(", ")
                )));
            }
        }
        Ok(OptionsObject {
            name,
            object: Some(object),
        })
    }

    /// The value of `key`, `None` when absent, `undefined` or `null`. A
    /// getter (or proxy) that throws is `invalid_argument` naming the key:
    /// the option is not known to be absent, so nothing may be sent.
    fn get(&self, key: &str) -> Result<Option<JsValue>> {
        let Some(object) = self.object.as_ref() else {
            return Ok(None);
        };
        let value = Reflect::get(object, &key.into()).map_err(|thrown| {
            Error::invalid_argument(format!(
                "{} could not be read: its getter threw{}",
                self.path(key),
                thrown_message(&thrown)
            ))
        })?;
        Ok((!value.is_undefined() && !value.is_null()).then_some(value))
    }

    /// `name.key` for messages.
    fn path(&self, key: &str) -> String {
        format!("{}.{key}", self.name)
    }

    /// An optional string.
    pub fn string(&self, key: &str) -> Result<Option<String>> {
        self.get(key)?
            .map(|v| string(&self.path(key), &v))
            .transpose()
    }

    /// An optional boolean.
    pub fn boolean(&self, key: &str) -> Result<Option<bool>> {
        self.get(key)?
            .map(|v| boolean(&self.path(key), &v))
            .transpose()
    }

    /// An optional whole number from 0 to 2^32 - 1 (whether 0 is allowed is
    /// the core's rule: `maxPages: 0` is refused there, `maxRetries: 0` is none).
    pub fn count(&self, key: &str) -> Result<Option<u32>> {
        self.get(key)?
            .map(|v| whole_number(&self.path(key), &v, 0.0, u32::MAX as f64).map(|n| n as u32))
            .transpose()
    }

    /// An optional duration in whole milliseconds, from 1 to the longest a JS
    /// timer can wait (a fraction of a millisecond is refused: timers count
    /// whole ones).
    pub fn millis(&self, key: &str) -> Result<Option<Duration>> {
        self.get(key)?
            .map(|v| {
                whole_number(&self.path(key), &v, 1.0, MAX_TIMER_MS)
                    .map(|ms| Duration::from_millis(ms as u64))
            })
            .transpose()
    }

    /// An optional function.
    pub fn function(&self, key: &str) -> Result<Option<Function>> {
        self.get(key)?
            .map(|v| {
                v.dyn_into()
                    .map_err(|v| wrong_type(&self.path(key), "a function", &v))
            })
            .transpose()
    }

    /// An optional `AbortSignal` (anything with `aborted` and `addEventListener`).
    pub fn signal(&self, key: &str) -> Result<Option<AbortSignal>> {
        self.get(key)?
            .map(|v| {
                let is_signal = v.is_object()
                    && Reflect::get(&v, &"aborted".into()).is_ok_and(|a| a.as_bool().is_some())
                    && Reflect::get(&v, &"addEventListener".into()).is_ok_and(|f| f.is_function());
                if is_signal {
                    Ok(v.unchecked_into())
                } else {
                    Err(wrong_type(&self.path(key), "an AbortSignal", &v))
                }
            })
            .transpose()
    }
}

/// `value` as a whole number from `min` to `max`; the message says exactly
/// what is wrong with anything else (`-1`, `1.5`, `NaN`, `Infinity`, a string).
fn whole_number(name: &str, value: &JsValue, min: f64, max: f64) -> Result<f64> {
    let Some(n) = value.as_f64() else {
        return Err(wrong_type(name, "a number", value));
    };
    let refuse = |why: String| Err(Error::invalid_argument(format!("{name} {why}")));
    if n.is_nan() {
        return refuse("must be a number, not NaN".into());
    }
    if n.is_infinite() {
        return refuse(format!(
            "must be a finite whole number, not {}",
            js_number(n)
        ));
    }
    if n.fract() != 0.0 {
        return refuse(format!("must be a whole number, not {}", js_number(n)));
    }
    if n < min {
        return refuse(format!(
            "must be at least {}, not {}",
            min as u64,
            js_number(n)
        ));
    }
    if n > max {
        return refuse(format!(
            "must be at most {}, not {}",
            max as u64,
            js_number(n)
        ));
    }
    Ok(n)
}

/// A number as JS writes it (`-1`, `1.5`, `-Infinity`), by JS itself: Rust's
/// float formatting would add ~20 KB to the wasm.
fn js_number(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map_or_else(|_| "a number".into(), String::from)
}

/// `: ` and the message of what a getter threw, or nothing when it has none.
fn thrown_message(thrown: &JsValue) -> String {
    let message = Reflect::get(thrown, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| thrown.as_string());
    message.map_or_else(String::new, |m| format!(" ({m})"))
}

/// "`name` must be `wanted`, not a number".
fn wrong_type(name: &str, wanted: &str, value: &JsValue) -> Error {
    Error::invalid_argument(format!("{name} must be {wanted}, not {}", describe(value)))
}

/// What a JS value is, in words, without showing it (it may be a secret).
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        match value.js_typeof().as_string().as_deref() {
            Some("object") => "an object".into(),
            Some(kind @ ("number" | "boolean" | "string" | "function" | "symbol" | "bigint")) => {
                format!("a {kind}")
            }
            _ => "a value of another type".into(),
        }
    }
}
