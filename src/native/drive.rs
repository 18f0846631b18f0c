//! What both clients do around a [`Call`] that is not about moving bytes:
//! the per-call bounds (deadline, attempt timeout, cancel token) and the
//! listing's page buffer. A client sends each [`Next::Send`], waits out each
//! [`Next::Wait`] (cut short by the cancel token) and returns at [`Next::Done`].

use crate::core::call::{Call, Step};
use crate::core::client::Core;
use crate::core::error::{Error, ErrorKind, Result};
use crate::core::listing::Pager;
use crate::core::model::{ListFilter, RoomCode, RoomCodePage};
use crate::core::wire::http::{HttpRequest, HttpResponse, TransportFailure};
use crate::native::cancel::CancelToken;
use crate::native::options::CallOptions;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use std::vec::IntoIter;

/// What the client does next.
pub(crate) enum Next<T> {
    /// Send this request, giving up after `timeout`.
    Send {
        request: HttpRequest,
        timeout: Duration,
    },
    /// Wait this long (or until cancelled), then call [`Drive::after_wait`].
    Wait(Duration),
    /// The call is over.
    Done(Result<T>),
}

/// One call under its [`CallOptions`].
pub(crate) struct Drive<'a, T> {
    call: Call<'a, T>,
    deadline: Option<Instant>,
    cancel: Option<CancelToken>,
}

impl<'a, T> Drive<'a, T> {
    pub(crate) fn new(mut call: Call<'a, T>, options: &CallOptions) -> Self {
        if let Some(timeout) = options.timeout {
            call.set_timeout(timeout);
        }
        Drive {
            call,
            deadline: options.deadline,
            cancel: options.cancel.clone(),
        }
    }

    /// The token that stops this call, if any.
    pub(crate) fn cancel_token(&self) -> Option<&CancelToken> {
        self.cancel.as_ref()
    }

    /// The first attempt.
    pub(crate) fn start(&mut self) -> Next<T> {
        self.attempt()
    }

    /// Feeds what the last [`Next::Send`] got (a cancel during the attempt
    /// ends the call, whatever the attempt got).
    pub(crate) fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
    ) -> Next<T> {
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return Next::Done(Err(cancelled()));
        }
        // The core decides what a wait past the deadline means.
        if let Some(deadline) = self.deadline {
            self.call
                .set_time_left(Some(deadline.saturating_duration_since(Instant::now())));
        }
        let step = match sent {
            Ok(response) => self.call.on_response(&response, now_unix_ms()),
            Err(failure) => self.call.on_failure(&failure),
        };
        match step {
            Step::Done(result) => Next::Done(result),
            Step::RetryAfter(wait) => Next::Wait(wait),
        }
    }

    /// The next attempt, after a [`Next::Wait`] (or the end, if cancelled meanwhile).
    pub(crate) fn after_wait(&mut self) -> Next<T> {
        self.attempt()
    }

    fn attempt(&mut self) -> Next<T> {
        if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
            return Next::Done(Err(cancelled()));
        }
        let timeout = match self.deadline {
            None => self.call.timeout(),
            Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => left.min(self.call.timeout()),
                _ => return Next::Done(Err(deadline_passed())),
            },
        };
        Next::Send {
            request: self.call.request(now_unix_ms()),
            timeout,
        }
    }
}

/// The error of a call stopped by its cancel token.
pub(crate) fn cancelled() -> Error {
    Error::new(ErrorKind::Timeout, "the call was cancelled")
}

fn deadline_passed() -> Error {
    Error::new(ErrorKind::Timeout, "the call's deadline passed")
}

/// Milliseconds since the Unix epoch.
fn now_unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// A listing in progress: the codes of the last page not yet handed out, and
/// the core's [`Pager`] that says which page comes next.
#[derive(Debug)]
pub(crate) struct Listing {
    room_id: String,
    options: CallOptions,
    pager: Pager,
    page: IntoIter<RoomCode>,
}

/// What a listing needs next.
pub(crate) enum ListNext<'c, 'l> {
    /// Hand out this code.
    Code(RoomCode),
    /// Run this call within these options and give its page to [`Listing::on_page`].
    Fetch {
        call: Call<'c, RoomCodePage>,
        options: &'l CallOptions,
    },
    /// The listing ended with this error.
    Failed(Error),
    /// The listing is over.
    End,
}

impl Listing {
    pub(crate) fn new(
        core: &Core,
        room_id: &str,
        filter: &ListFilter,
        options: &CallOptions,
    ) -> Listing {
        Listing {
            room_id: room_id.to_string(),
            options: options.clone(),
            pager: core.pager(filter.clone()),
            page: Vec::new().into_iter(),
        }
    }

    pub(crate) fn next<'c>(&mut self, core: &'c Core) -> ListNext<'c, '_> {
        if let Some(code) = self.page.next() {
            return ListNext::Code(code);
        }
        match core.list_next(&self.room_id, &self.pager) {
            None => ListNext::End,
            Some(Ok(call)) => ListNext::Fetch {
                call,
                options: &self.options,
            },
            Some(Err(error)) => {
                self.pager.stop();
                ListNext::Failed(error)
            }
        }
    }

    /// Takes a fetched page; after an error the listing yields nothing more.
    pub(crate) fn on_page(&mut self, page: Result<RoomCodePage>) -> Result<()> {
        let result = page.and_then(|page| {
            self.pager.on_page(&page)?;
            self.page = page.data.into_iter();
            Ok(())
        });
        if result.is_err() {
            self.pager.stop();
        }
        result
    }
}
