//! Bounding and cancelling a call, and asking for its response's metadata:
//! `hms_call_options` and `hms_cancel_token`.

use crate::blocking::{CancelToken, RoomCodesClient};
use crate::core::call::Call;
use crate::core::error::Result;
use crate::ffi::guard::or_default;
use crate::ffi::owned::BoxOwned;
use crate::ffi::response_meta::hms_response_meta;
use crate::ffi::results::into_raw;
use crate::native::clock;
use crate::native::options::CallOptions;
use crate::native::response_slot::ResponseMetaSlot;
use std::time::Duration;

/// A flag that stops the calls watching it, set from any thread with
/// `hms_cancel_token_cancel`. Make it with `hms_cancel_token_new`, pass it in
/// `hms_call_options.cancel`, and free it with `hms_cancel_token_free` once no
/// call and no canceller uses it any more. Once cancelled it stays cancelled.
pub struct hms_cancel_token {
    token: CancelToken,
}

impl BoxOwned for hms_cancel_token {}

/// Per-call bounds, and where a successful call stores its response's
/// metadata, passed to each operation (NULL means none). Initialise it to
/// zero (`hms_call_options call = {0};`) and set what you need.
///
/// A cancelled or expired call fails with `HMS_STATUS_TIMEOUT`. A cancelled
/// call stops at once, during a backoff wait or an attempt on the wire alike
/// (the attempt's socket is shut down, freeing it and the calling thread, a
/// TCP connect still in progress included). No attempt runs past the deadline.
#[repr(C)]
pub struct hms_call_options {
    /// The longest the whole call may take, every retry and wait included, in
    /// milliseconds from its start; 0 for no bound beyond the client's
    /// per-attempt timeout and retries.
    pub deadline_ms: u64,
    /// A token that stops the call when cancelled, or NULL.
    pub cancel: *const hms_cancel_token,
    /// With `max_retries_set` true: the most retries this call makes, instead
    /// of the client's `max_retries` (0: a single attempt).
    pub max_retries: u32,
    /// Whether `max_retries` applies (false, the zero value: the client's).
    pub max_retries_set: bool,
    /// Where a successful call stores a new `hms_response_meta` (its
    /// response's status and request id, the attempts and the time taken;
    /// free each with `hms_response_meta_free`), or NULL for none. A listing
    /// stores its last page's (`hms_list_iter_next`: that page's, or NULL
    /// when it sent no request). A failed call leaves `*response_meta` alone.
    /// Options holding it are for one call at a time.
    pub response_meta: *mut *mut hms_response_meta,
}

/// What `hms_call_options` asks of one call: its [`CallOptions`] and where
/// its response's metadata goes.
pub(crate) struct CallBounds {
    /// The bounds, and the slot the call records its response's metadata in.
    pub(crate) options: CallOptions,
    meta_out: *mut *mut hms_response_meta,
}

impl CallBounds {
    /// Runs `call` on `client` within these bounds, then [`CallBounds::publish`]es.
    pub(crate) unsafe fn run<T>(&self, client: &RoomCodesClient, call: Call<'_, T>) -> Result<T> {
        let value = client.run(call, &self.options)?;
        self.publish();
        Ok(value)
    }

    /// Stores the metadata the call recorded in the caller's
    /// `*response_meta`, if asked for; called once the call has succeeded.
    pub(crate) unsafe fn publish(&self) {
        let Some(slot) = &self.options.response_meta else {
            return;
        };
        if !self.meta_out.is_null() {
            self.meta_out
                .write(slot.get().map_or(std::ptr::null_mut(), into_raw));
        }
    }
}

/// What `options` asks for (nothing when it is NULL), its deadline starting now.
pub(crate) unsafe fn call_options(options: *const hms_call_options) -> CallBounds {
    let Some(options) = options.as_ref() else {
        return CallBounds {
            options: CallOptions::default(),
            meta_out: std::ptr::null_mut(),
        };
    };
    let deadline = (options.deadline_ms > 0)
        .then(|| clock::now().checked_add(Duration::from_millis(options.deadline_ms)))
        .flatten();
    let meta_out = options.response_meta;
    CallBounds {
        options: CallOptions {
            deadline,
            timeout: None,
            cancel: options.cancel.as_ref().map(|c| c.token.clone()),
            max_retries: options.max_retries_set.then_some(options.max_retries),
            response_meta: (!meta_out.is_null()).then(ResponseMetaSlot::new),
        },
        meta_out,
    }
}

/// A new token that is not cancelled. Free with `hms_cancel_token_free`.
#[no_mangle]
pub extern "C" fn hms_cancel_token_new() -> *mut hms_cancel_token {
    or_default(std::ptr::null_mut(), || {
        hms_cancel_token {
            token: CancelToken::new(),
        }
        .into_raw()
    })
}

/// Cancels every call watching `token`, now and later. Safe to call from any
/// thread while calls run, and more than once. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_cancel_token_cancel(token: *const hms_cancel_token) {
    or_default((), || {
        if let Some(token) = token.as_ref() {
            token.token.cancel();
        }
    })
}

/// Frees a token. Calls that started with it keep watching their own
/// reference, but nobody can cancel them any more. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_cancel_token_free(token: *mut hms_cancel_token) {
    hms_cancel_token::free_raw(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ptr;

    #[test]
    fn call_options_follow_the_c_options() {
        let none = unsafe { call_options(ptr::null()) }.options;
        assert!(none.deadline.is_none() && none.cancel.is_none());
        let token = hms_cancel_token_new();
        let options = hms_call_options {
            deadline_ms: 5000,
            cancel: token,
            max_retries: 0,
            max_retries_set: true,
            response_meta: ptr::null_mut(),
        };
        let bounded = unsafe { call_options(&options) }.options;
        let left = bounded.deadline.unwrap() - clock::now();
        assert!(left > Duration::from_secs(4) && left <= Duration::from_secs(5));
        assert_eq!(bounded.max_retries, Some(0));
        let watched = bounded.cancel.unwrap();
        unsafe {
            hms_cancel_token_cancel(token);
            hms_cancel_token_cancel(ptr::null());
            hms_cancel_token_free(token);
            hms_cancel_token_free(ptr::null_mut());
        }
        assert!(watched.is_cancelled());
        let zero = hms_call_options {
            deadline_ms: 0,
            cancel: ptr::null(),
            max_retries: 7,
            max_retries_set: false,
            response_meta: ptr::null_mut(),
        };
        let zero = unsafe { call_options(&zero) }.options;
        assert!(zero.deadline.is_none() && zero.max_retries.is_none());
        assert!(zero.response_meta.is_none());
    }
}
