//! The core's events in JS: the `onEvent` option gets each as a plain object,
//! and `logLevel` (or the `HMS_LOG` environment variable) writes readable
//! lines to `console`. What an event holds is the core's (nothing secret).

use super::args::OptionsObject;
use super::host;
use crate::core::config::ConfigBuilder;
use crate::core::error::{Error, Result};
use crate::core::events::Event;
use crate::core::json::write::quoted;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/events.js")]
extern "C" {
    #[wasm_bindgen(js_name = logLine)]
    fn log_line(debug: bool, line: &str);
}

/// Which events `logLevel` writes to `console`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LogLevel {
    Off,
    /// Retry waits, transport failures and each call's end.
    Info,
    /// Every event.
    Debug,
}

impl LogLevel {
    fn parse(what: &str, text: &str) -> Result<LogLevel> {
        match text {
            "off" => Ok(LogLevel::Off),
            "info" => Ok(LogLevel::Info),
            "debug" => Ok(LogLevel::Debug),
            _ => Err(Error::invalid_argument(format!(
                "{what} must be \"off\", \"info\" or \"debug\", not {}",
                quoted(text)
            ))),
        }
    }

    fn shows(self, event: &Event<'_>) -> bool {
        match self {
            LogLevel::Off => false,
            LogLevel::Info => !event.is_debug(),
            LogLevel::Debug => true,
        }
    }
}

/// What the options ask to be done with each event.
struct Listeners {
    on_event: Option<Function>,
    log: LogLevel,
}

// SAFETY: the npm package's wasm has no threads (no atomics, no workers
// sharing its memory), so these JS values are only ever used on the one
// thread that made them; the core's hook type asks for Send + Sync because
// native clients are shared between threads.
unsafe impl Send for Listeners {}
unsafe impl Sync for Listeners {}

impl Listeners {
    fn hand_out(&self, event: &Event<'_>) {
        if self.log.shows(event) {
            log_line(event.is_debug(), &event.to_string());
        }
        if let Some(on_event) = &self.on_event {
            // A throwing handler must not break the call it watches.
            let _ = on_event.call1(&JsValue::NULL, &event_object(event));
        }
    }
}

/// Reads `onEvent` and `logLevel` (else `HMS_LOG`) and sets the hook they ask for.
pub fn apply(bag: &OptionsObject, builder: ConfigBuilder) -> Result<ConfigBuilder> {
    let on_event = bag.function("onEvent")?;
    let log = match bag.string("logLevel")? {
        Some(level) => LogLevel::parse("options.logLevel", &level)?,
        // A runtime without an environment (a browser page) logs nothing.
        None => match host::env_var("HMS_LOG").ok().flatten() {
            Some(level) => LogLevel::parse("HMS_LOG", &level)?,
            None => LogLevel::Off,
        },
    };
    if on_event.is_none() && log == LogLevel::Off {
        return Ok(builder);
    }
    let listeners = Listeners { on_event, log };
    Ok(builder.on_event(move |event| listeners.hand_out(event)))
}

/// The plain object `onEvent` gets: `name`, `level`, `operation`, the
/// event's own fields in camelCase, and `line`, the readable line `logLevel`
/// writes.
fn event_object(event: &Event<'_>) -> JsValue {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    let millis = |d: std::time::Duration| JsValue::from_f64(d.as_millis() as f64);
    let fields = event.fields();
    let number = |n: f64| JsValue::from_f64(n);
    let text = |t: &str| JsValue::from_str(t);
    set("name", event.name().into());
    set("level", event.level().as_str().into());
    set("operation", fields.operation.into());
    let attempt_key = if fields.result.is_some() {
        "attempts"
    } else {
        "attempt"
    };
    set(attempt_key, fields.attempt.into());
    let optional: [(&str, Option<JsValue>); 10] = [
        ("method", fields.method.map(text)),
        ("path", fields.path.map(text)),
        ("status", fields.status.map(|s| number(s.into()))),
        ("requestId", fields.request_id.map(text)),
        ("bodyBytes", fields.body_bytes.map(|n| number(n as f64))),
        ("elapsedMs", fields.elapsed.map(millis)),
        ("kind", fields.failure.map(|k| text(k.as_str()))),
        ("waitMs", fields.wait.map(millis)),
        ("reason", fields.reason.map(|r| text(r.as_str()))),
        (
            "result",
            fields
                .result
                .map(|r| text(r.err().map_or("ok", |k| k.as_str()))),
        ),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            set(key, value);
        }
    }
    set("line", event.to_string().into());
    object.into()
}
