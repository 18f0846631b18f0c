//! Where a call records the metadata of its successful response, for a caller
//! who asked for it in its [`CallOptions`](crate::CallOptions).

use crate::core::response_meta::ResponseMeta;
use std::sync::{Arc, Mutex, PoisonError};

/// A place of the caller's that a call fills with its [`ResponseMeta`] when
/// it succeeds (pass it in
/// [`CallOptions::response_meta`](crate::CallOptions::response_meta)).
///
/// Clones share the place. A failed call leaves it as it was (the error
/// carries its own status and request id). A listing writes it after each
/// page it fetches: while its codes are handed out it holds the meta of the
/// page they came from, and once the listing is over, that of the last page.
///
/// ```no_run
/// use hms_room_codes::{blocking::RoomCodesClient, CallOptions, Config, ResponseMetaSlot};
/// let client = RoomCodesClient::new(Config::builder().management_token("…").build()?);
/// let meta = ResponseMetaSlot::new();
/// let code = client.create_for_role_with("room-id", "guest", &CallOptions::new().response_meta(&meta))?;
/// if let Some(meta) = meta.get() {
///     println!("{} after {} attempt(s), request id {:?}", meta.status, meta.attempts, meta.request_id);
/// }
/// # Ok::<(), hms_room_codes::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ResponseMetaSlot {
    meta: Arc<Mutex<Option<ResponseMeta>>>,
}

impl ResponseMetaSlot {
    /// An empty place.
    pub fn new() -> ResponseMetaSlot {
        ResponseMetaSlot::default()
    }

    /// A copy of the meta of the last successful call that wrote here, if any.
    pub fn get(&self) -> Option<ResponseMeta> {
        self.meta
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Records `meta` (a call does when it succeeds).
    #[cfg(any(feature = "blocking", feature = "async", feature = "ffi-sans-io"))]
    pub(crate) fn record(&self, meta: &ResponseMeta) {
        *self.meta.lock().unwrap_or_else(PoisonError::into_inner) = Some(meta.clone());
    }
}
