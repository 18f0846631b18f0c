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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;

    fn core() -> Core {
        Core::new(
            Config::builder()
                .base_url("http://127.0.0.1:9/v2")
                .management_token("t")
                .build()
                .unwrap(),
        )
    }

    fn limited(seconds: &str) -> std::result::Result<HttpResponse, TransportFailure> {
        Ok(HttpResponse {
            status: 429,
            headers: vec![("retry-after".into(), seconds.into())],
            body: br#"{"message":"slow down"}"#.to_vec(),
        })
    }

    fn sent<T>(next: Next<T>) -> Duration {
        match next {
            Next::Send { timeout, .. } => timeout,
            _ => panic!("expected a request to send"),
        }
    }

    #[test]
    fn a_retry_after_past_the_deadline_is_rate_limited_carrying_it() {
        let core = core();
        let options = CallOptions::new().deadline_in(Duration::from_secs(2));
        let mut drive = Drive::new(core.create("room").unwrap(), &options);
        assert!(sent(drive.start()) <= Duration::from_secs(2));
        match drive.on_sent(limited("5")) {
            Next::Done(Err(err)) => {
                assert_eq!(err.kind(), ErrorKind::RateLimited, "{err}");
                assert_eq!(err.retry_after(), Some(Duration::from_secs(5)));
            }
            _ => panic!("expected the call to end"),
        }
    }

    #[test]
    fn a_retry_after_within_the_deadline_is_waited_then_sent_within_it() {
        let core = core();
        let options = CallOptions::new()
            .deadline_in(Duration::from_secs(60))
            .timeout(Duration::from_secs(90));
        let mut drive = Drive::new(core.create("room").unwrap(), &options);
        let first = sent(drive.start());
        assert!(first <= Duration::from_secs(60) && first > Duration::from_secs(50));
        assert!(
            matches!(drive.on_sent(limited("1")), Next::Wait(w) if w == Duration::from_secs(1))
        );
        assert!(sent(drive.after_wait()) <= Duration::from_secs(60));
        // Without a deadline the per-call timeout bounds each attempt.
        let unbounded = CallOptions::new().timeout(Duration::from_millis(70));
        let mut drive = Drive::new(core.create("room").unwrap(), &unbounded);
        assert_eq!(sent(drive.start()), Duration::from_millis(70));
    }

    #[test]
    fn a_passed_deadline_or_a_cancel_ends_the_call() {
        let core = core();
        let past = CallOptions::new().deadline(Instant::now());
        let mut drive = Drive::new(core.create("room").unwrap(), &past);
        assert!(matches!(drive.start(), Next::Done(Err(e)) if e.message().contains("deadline")));
        let token = CancelToken::new();
        let options = CallOptions::new().cancel(&token);
        let mut drive = Drive::new(core.create("room").unwrap(), &options);
        assert!(drive.cancel_token().is_some());
        sent(drive.start());
        token.cancel();
        assert!(
            matches!(drive.on_sent(limited("1")), Next::Done(Err(e)) if e.message().contains("cancelled"))
        );
        assert!(
            matches!(drive.after_wait(), Next::Done(Err(e)) if e.message().contains("cancelled"))
        );
    }

    fn page(codes: &[&str], last: Option<&str>) -> RoomCodePage {
        RoomCodePage {
            limit: None,
            data: codes
                .iter()
                .map(|c| RoomCode::new(*c, "room", "host", true))
                .collect(),
            last: last.map(String::from),
        }
    }

    #[test]
    fn a_listing_hands_out_each_page_then_ends() {
        let core = core();
        let mut listing = Listing::new(&core, "room", &ListFilter::new(), &CallOptions::new());
        assert!(matches!(listing.next(&core), ListNext::Fetch { .. }));
        listing.on_page(Ok(page(&["a", "b"], Some("c1")))).unwrap();
        assert!(matches!(listing.next(&core), ListNext::Code(c) if c.code == "a"));
        assert!(matches!(listing.next(&core), ListNext::Code(c) if c.code == "b"));
        assert!(matches!(listing.next(&core), ListNext::Fetch { .. }));
        listing.on_page(Ok(page(&["d"], None))).unwrap();
        assert!(matches!(listing.next(&core), ListNext::Code(c) if c.code == "d"));
        assert!(matches!(listing.next(&core), ListNext::End));
    }

    #[test]
    fn a_listing_stops_after_a_failed_page() {
        let core = core();
        let mut listing = Listing::new(&core, "room", &ListFilter::new(), &CallOptions::new());
        assert!(matches!(listing.next(&core), ListNext::Fetch { .. }));
        let failed = listing.on_page(Err(Error::decode("bad page")));
        assert_eq!(failed.unwrap_err().kind(), ErrorKind::Decode);
        assert!(matches!(listing.next(&core), ListNext::End));
        // A page the pager refuses (a repeated cursor) stops it too.
        let mut listing = Listing::new(&core, "room", &ListFilter::new(), &CallOptions::new());
        listing.next(&core);
        listing.on_page(Ok(page(&["a"], Some("c1")))).unwrap();
        listing.next(&core);
        listing.next(&core);
        assert!(listing.on_page(Ok(page(&["b"], Some("c1")))).is_err());
        assert!(matches!(listing.next(&core), ListNext::End));
    }
}
