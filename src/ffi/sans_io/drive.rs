//! The state machine behind an `hms_call`: one operation's [`BoundedCall`], or a
//! listing that drives one page after another, with its result type erased.

use crate::core::client::Core;
use crate::core::model::{AuthToken, RoomCode, RoomCodePage};
use crate::core::response_meta::ResponseMeta;
use crate::core::wire::http::{HttpRequest, HttpResponse, TransportFailure};
use crate::ffi::results::CRoomCode;
use crate::native::bounded_call::{BoundedCall, BoundedStep, StopReason};
use crate::native::clock::Moment;
use crate::native::code_listing::{CodeListing, CodeListingStep};

/// What a finished call gives.
pub(crate) enum Output {
    /// `create`, `list`.
    Codes(Vec<RoomCode>),
    /// `create_for_role`, `set_enabled`: read straight into its C form.
    Code(CRoomCode),
    /// `list_page`.
    Page(RoomCodePage),
    /// `auth_token_for_code`.
    Token(AuthToken),
}

impl From<Vec<RoomCode>> for Output {
    fn from(codes: Vec<RoomCode>) -> Output {
        Output::Codes(codes)
    }
}

impl From<CRoomCode> for Output {
    fn from(code: CRoomCode) -> Output {
        Output::Code(code)
    }
}

impl From<RoomCodePage> for Output {
    fn from(page: RoomCodePage) -> Output {
        Output::Page(page)
    }
}

impl From<AuthToken> for Output {
    fn from(token: AuthToken) -> Output {
        Output::Token(token)
    }
}

/// A call in flight, whatever its operation; each step is told the time
/// `now` on the caller's clock.
pub(crate) trait Driven: Send {
    /// The first attempt, or the next one after a wait.
    fn next(&mut self, now: Moment) -> BoundedStep<Output>;
    /// The request a `BoundedStep::Send` just returned sends, if one is out.
    fn request(&self) -> Option<&HttpRequest>;
    /// What the last attempt got.
    fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
        now: Moment,
    ) -> BoundedStep<Output>;
    /// The metadata of the response that ended the call successfully (for a
    /// listing, the last page fetched), once there is one.
    fn response_meta(&self) -> Option<ResponseMeta>;
    /// Makes the call (each page's, for a listing) retry at most `retries`
    /// times, before it starts.
    fn set_max_retries(&mut self, retries: u32);
    /// Ends the call because its caller stopped it: the attempt in flight,
    /// if any, ends with the caller's reason, reported like any other end.
    fn stop(&mut self, why: StopReason) -> BoundedStep<Output>;
    /// Whether a successful `BoundedStep::Done` is one page of more (a listing
    /// walked page by page), after which `next` goes on.
    fn more(&self) -> bool {
        false
    }
}

/// `next` with its result made an [`Output`].
fn erased<T: Into<Output>>(next: BoundedStep<T>) -> BoundedStep<Output> {
    match next {
        BoundedStep::Send { timeout } => BoundedStep::Send { timeout },
        BoundedStep::Wait(wait) => BoundedStep::Wait(wait),
        BoundedStep::Done(result) => BoundedStep::Done(result.map(Into::into)),
    }
}

/// One operation: its drive and whether it has started.
pub(crate) struct Single<T: 'static> {
    drive: BoundedCall<'static, T>,
    started: bool,
}

impl<T: 'static> Single<T> {
    pub(crate) fn new(drive: BoundedCall<'static, T>) -> Single<T> {
        Single {
            drive,
            started: false,
        }
    }
}

impl<T: Into<Output> + Send + 'static> Driven for Single<T> {
    fn next(&mut self, now: Moment) -> BoundedStep<Output> {
        if std::mem::replace(&mut self.started, true) {
            erased(self.drive.after_wait(now))
        } else {
            erased(self.drive.start(now))
        }
    }

    fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
        now: Moment,
    ) -> BoundedStep<Output> {
        erased(self.drive.on_sent(sent, now))
    }

    fn request(&self) -> Option<&HttpRequest> {
        Some(self.drive.request())
    }

    fn response_meta(&self) -> Option<ResponseMeta> {
        self.drive.response_meta().cloned()
    }

    fn set_max_retries(&mut self, retries: u32) {
        self.drive.set_max_retries(retries);
    }

    fn stop(&mut self, why: StopReason) -> BoundedStep<Output> {
        erased(self.drive.stop(why))
    }
}

/// Every page of a listing, one drive at a time, the codes gathered, or
/// handed out page by page (`by_page`).
pub(crate) struct Walk {
    core: &'static Core,
    listing: CodeListing,
    page: Option<BoundedCall<'static, RoomCodePage>>,
    codes: Vec<RoomCode>,
    by_page: bool,
    more: bool,
    /// The metadata of the last page fetched.
    last_meta: Option<ResponseMeta>,
}

impl Walk {
    pub(crate) fn new(core: &'static Core, listing: CodeListing, by_page: bool) -> Walk {
        Walk {
            core,
            listing,
            page: None,
            codes: Vec::new(),
            by_page,
            more: false,
            last_meta: None,
        }
    }

    /// After a page in `by_page` mode: its codes, and whether more follow.
    fn page_done(&mut self) -> BoundedStep<Output> {
        loop {
            match self.listing.next(self.core) {
                CodeListingStep::Code(code) => self.codes.push(code),
                // The next page's call is made again by `advance`, after the caller has this one.
                CodeListingStep::Fetch { .. } => {
                    self.more = true;
                    break;
                }
                CodeListingStep::Failed(error) => return BoundedStep::Done(Err(error)),
                CodeListingStep::End => {
                    self.more = false;
                    break;
                }
            }
        }
        BoundedStep::Done(Ok(Output::Codes(std::mem::take(&mut self.codes))))
    }

    /// Gathers codes until a page must be fetched (its first attempt at
    /// `now`) or the listing ends.
    fn advance(&mut self, now: Moment) -> BoundedStep<Output> {
        loop {
            match self.listing.next(self.core) {
                CodeListingStep::Code(code) => self.codes.push(code),
                CodeListingStep::Fetch { call, options } => {
                    let mut drive = BoundedCall::new(call, options);
                    let next = drive.start(now);
                    self.page = Some(drive);
                    return self.after(next, now);
                }
                CodeListingStep::Failed(error) => return BoundedStep::Done(Err(error)),
                CodeListingStep::End => {
                    return BoundedStep::Done(Ok(Output::Codes(std::mem::take(&mut self.codes))))
                }
            }
        }
    }

    /// What the page's drive said at `now`, carried on to the next page when it is done.
    fn after(&mut self, next: BoundedStep<RoomCodePage>, now: Moment) -> BoundedStep<Output> {
        match next {
            BoundedStep::Send { timeout } => BoundedStep::Send { timeout },
            BoundedStep::Wait(wait) => BoundedStep::Wait(wait),
            BoundedStep::Done(page) => {
                if let Some(meta) = self
                    .page
                    .take()
                    .as_ref()
                    .and_then(BoundedCall::response_meta)
                {
                    self.last_meta = Some(meta.clone());
                }
                match self.listing.on_fetched(page) {
                    Ok(()) if self.by_page => self.page_done(),
                    Ok(()) => self.advance(now),
                    Err(error) => BoundedStep::Done(Err(error)),
                }
            }
        }
    }
}

impl Driven for Walk {
    fn next(&mut self, now: Moment) -> BoundedStep<Output> {
        match self.page.as_mut() {
            Some(drive) => {
                let next = drive.after_wait(now);
                self.after(next, now)
            }
            None => self.advance(now),
        }
    }

    fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
        now: Moment,
    ) -> BoundedStep<Output> {
        match self.page.as_mut() {
            Some(drive) => {
                let next = drive.on_sent(sent, now);
                self.after(next, now)
            }
            None => self.advance(now),
        }
    }

    fn request(&self) -> Option<&HttpRequest> {
        self.page.as_ref().map(BoundedCall::request)
    }

    fn response_meta(&self) -> Option<ResponseMeta> {
        self.last_meta.clone()
    }

    fn set_max_retries(&mut self, retries: u32) {
        self.listing.set_max_retries(retries);
    }

    fn stop(&mut self, why: StopReason) -> BoundedStep<Output> {
        match self.page.take() {
            Some(mut drive) => erased(drive.stop(why)),
            // Between pages no call is in flight: the listing just ends.
            None => BoundedStep::Done(Err(why.error())),
        }
    }

    fn more(&self) -> bool {
        self.more
    }
}
