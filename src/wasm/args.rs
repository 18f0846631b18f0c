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

    /// The value of `key`, `None` when absent, `undefined` or `null`.
    fn get(&self, key: &str) -> Option<JsValue> {
        let value = Reflect::get(self.object.as_ref()?, &key.into()).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    /// `name.key` for messages.
    fn path(&self, key: &str) -> String {
        format!("{}.{key}", self.name)
    }

    /// An optional string.
    pub fn string(&self, key: &str) -> Result<Option<String>> {
        self.get(key)
            .map(|v| string(&self.path(key), &v))
            .transpose()
    }

    /// An optional boolean.
    pub fn boolean(&self, key: &str) -> Result<Option<bool>> {
        self.get(key)
            .map(|v| boolean(&self.path(key), &v))
            .transpose()
    }

    /// An optional whole number from 0 to 2^32 - 1.
    pub fn count(&self, key: &str) -> Result<Option<u32>> {
        self.get(key)
            .map(|v| match v.as_f64() {
                Some(n) if n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n) => Ok(n as u32),
                _ => Err(wrong_type(&self.path(key), "a whole number from 0", &v)),
            })
            .transpose()
    }

    /// An optional duration in milliseconds: a number above 0 that a JS timer can wait.
    pub fn millis(&self, key: &str) -> Result<Option<Duration>> {
        self.get(key)
            .map(|v| match v.as_f64() {
                Some(ms) if ms > 0.0 && ms <= MAX_TIMER_MS => {
                    Ok(Duration::from_secs_f64(ms / 1000.0))
                }
                _ => Err(wrong_type(
                    &self.path(key),
                    "a number of milliseconds above 0 and at most 2147483647",
                    &v,
                )),
            })
            .transpose()
    }

    /// An optional function.
    pub fn function(&self, key: &str) -> Result<Option<Function>> {
        self.get(key)
            .map(|v| {
                v.dyn_into()
                    .map_err(|v| wrong_type(&self.path(key), "a function", &v))
            })
            .transpose()
    }

    /// An optional `AbortSignal` (anything with `aborted` and `addEventListener`).
    pub fn signal(&self, key: &str) -> Result<Option<AbortSignal>> {
        self.get(key)
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
