//! Per-call bounds: a deadline, an attempt timeout and a cancel token, the
//! same for the blocking and the async client; and where a call records the
//! metadata of its response.

use crate::native::cancel::CancelToken;
use crate::native::clock::{self, Moment};
use crate::native::response_slot::ResponseMetaSlot;
use std::time::{Duration, Instant};

/// How one call is bounded, and where it records the metadata of its
/// response; every operation has a `…_with` form taking these. The default is
/// no bound beyond the client's timeout and retries, and no record.
///
/// ```
/// use hms_room_codes::{CallOptions, CancelToken};
/// use std::time::Duration;
/// let stop = CancelToken::new();
/// let options = CallOptions::new()
///     .deadline_in(Duration::from_secs(5)) // the whole call, retries and waits included
///     .timeout(Duration::from_secs(2))     // each attempt
///     .cancel(&stop);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// On the clock of whoever drives the call: the process's
    /// ([`clock::now`]) for the native clients, the caller's for the sans-IO C API.
    pub(crate) deadline: Option<Moment>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) cancel: Option<CancelToken>,
    pub(crate) max_retries: Option<u32>,
    pub(crate) response_meta: Option<ResponseMetaSlot>,
}

impl CallOptions {
    /// No bounds beyond the client's.
    pub fn new() -> CallOptions {
        CallOptions::default()
    }

    /// No attempt or wait runs past `deadline`; once it has passed the call
    /// fails with a `timeout` error.
    pub fn deadline(mut self, deadline: Instant) -> CallOptions {
        self.deadline = Some(clock::moment_of(deadline));
        self
    }

    /// A deadline `within` from now.
    pub fn deadline_in(mut self, within: Duration) -> CallOptions {
        self.deadline = clock::now().checked_add(within).or(self.deadline);
        self
    }

    /// Bounds each attempt of this call by `timeout` instead of the client's.
    pub fn timeout(mut self, timeout: Duration) -> CallOptions {
        self.timeout = Some(timeout);
        self
    }

    /// Allows this call at most `retries` retries instead of the client's
    /// `max_retries` (0: a single attempt).
    pub fn max_retries(mut self, retries: u32) -> CallOptions {
        self.max_retries = Some(retries);
        self
    }

    /// Stops the call once `token` is cancelled (a clone of it is kept).
    pub fn cancel(mut self, token: &CancelToken) -> CallOptions {
        self.cancel = Some(token.clone());
        self
    }

    /// On success, records the status, request id, attempts and time of the
    /// call's response in `slot` (a clone of it is kept); a listing records
    /// each page's (see [`ResponseMetaSlot`]).
    pub fn response_meta(mut self, slot: &ResponseMetaSlot) -> CallOptions {
        self.response_meta = Some(slot.clone());
        self
    }
}
