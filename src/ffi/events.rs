//! `hms_client_options_set_event_callback`: the core's events, handed to a C
//! function on the thread that runs the call.

use crate::core::events::{Event, EventLevel};
use crate::ffi::options::{hms_client_options, update};
use crate::ffi::status::hms_status;
use crate::ffi::strings::to_c_string;
use std::ffi::{c_char, c_void, CString};

/// One event of a call, valid only while the callback runs (copy what you
/// keep). It holds no credential, token, header value or body.
#[repr(C)]
pub struct hms_event {
    /// `"attempt_started"`, `"response"`, `"transport_failure"`,
    /// `"retry_wait"` or `"call_ended"`.
    pub name: *const c_char,
    /// The function called, e.g. `"hms_room_codes_create"` or `"hms_room_codes_list_page"`.
    pub operation: *const c_char,
    /// The attempt (for `retry_wait`, the one after the wait; for
    /// `call_ended`, the attempts sent).
    pub attempt: u32,
    /// The HTTP status of a `response`, else 0.
    pub http_status: u16,
    /// Milliseconds: of the attempt (`response`, `transport_failure`) or of
    /// the whole call (`call_ended`); else 0.
    pub elapsed_ms: u64,
    /// The wait of a `retry_wait` in milliseconds, else 0.
    pub wait_ms: u64,
    /// The error of a failed call (`call_ended`), else `HMS_STATUS_OK`.
    pub error: hms_status,
    /// The service's request id of a `response`, or NULL.
    pub request_id: *const c_char,
    /// The whole event as one readable line, e.g. `hms response
    /// operation=hms_room_codes_create attempt=1 status=200 elapsed_ms=12
    /// body_bytes=80`.
    pub line: *const c_char,
    /// The level to log the event at.
    pub level: hms_event_level,
}

/// How much an event matters to someone reading a log (the level the
/// library's other bindings log it at).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hms_event_level {
    /// Each attempt and response.
    Debug,
    /// Retry waits, transport failures and a call that succeeded.
    Info,
    /// A call that failed.
    Warn,
}

impl From<EventLevel> for hms_event_level {
    fn from(level: EventLevel) -> hms_event_level {
        match level {
            EventLevel::Debug => hms_event_level::Debug,
            EventLevel::Info => hms_event_level::Info,
            EventLevel::Warn => hms_event_level::Warn,
        }
    }
}

/// The function `hms_client_options_set_event_callback` takes.
pub type hms_event_callback =
    Option<unsafe extern "C" fn(event: *const hms_event, user: *mut c_void)>;

/// The user's callback and pointer. The caller promised (in the setter's
/// docs) that both may be used from whichever thread runs a call.
struct Callback {
    function: unsafe extern "C" fn(*const hms_event, *mut c_void),
    user: *mut c_void,
}

unsafe impl Send for Callback {}
unsafe impl Sync for Callback {}

impl Callback {
    fn call(&self, event: &Event<'_>) {
        let fields = event.fields();
        let name = to_c_string(event.name());
        let operation = to_c_string(fields.operation);
        let request_id = fields.request_id.map(to_c_string);
        let line = to_c_string(&event.to_string());
        let millis = |d: Option<std::time::Duration>| d.map_or(0, |d| d.as_millis() as u64);
        let c_event = hms_event {
            name: name.as_ptr(),
            operation: operation.as_ptr(),
            attempt: fields.attempt,
            http_status: fields.status.unwrap_or(0),
            elapsed_ms: millis(fields.elapsed),
            wait_ms: millis(fields.wait),
            error: match fields.result {
                Some(Err(kind)) => hms_status::from(kind),
                _ => hms_status::Ok,
            },
            request_id: request_id
                .as_ref()
                .map_or(std::ptr::null(), |s: &CString| s.as_ptr()),
            line: line.as_ptr(),
            level: event.level().into(),
        };
        unsafe { (self.function)(&c_event, self.user) }
    }
}

/// Calls `callback` with every event of every call of the clients made with
/// these options: each attempt, response, transport failure, retry wait and
/// the call's end. It runs on the thread that made the call, inside the call,
/// so it must be quick and must not call back into the same client; with a
/// client used from several threads it runs on several threads at once, and
/// `user` must allow that. The `hms_event` and its strings live only for the
/// duration of the callback. NULL `callback` turns events off (the default).
#[no_mangle]
pub unsafe extern "C" fn hms_client_options_set_event_callback(
    options: *mut hms_client_options,
    callback: hms_event_callback,
    user: *mut c_void,
) {
    update(options, "hms_client_options_set_event_callback", |b| {
        Ok(match callback {
            Some(function) => {
                let callback = Callback { function, user };
                b.on_event(move |event| callback.call(event))
            }
            None => b.no_events(),
        })
    })
}
