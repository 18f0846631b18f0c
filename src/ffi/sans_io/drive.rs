//! The state machine behind an `hms_call`: one operation's [`Drive`], or a
//! listing that drives one page after another, with its result type erased.

use crate::core::client::Core;
use crate::core::model::{RoomCode, RoomCodePage};
use crate::core::wire::http::{HttpResponse, TransportFailure};
use crate::native::drive::{Drive, ListNext, Listing, Next};

/// What a finished call gives.
pub(crate) enum Output {
    /// `create`, `list`.
    Codes(Vec<RoomCode>),
    /// `create_for_role`, `set_enabled`.
    Code(RoomCode),
    /// `list_page`.
    Page(RoomCodePage),
    /// `auth_token_for_code`.
    Token(String),
}

impl From<Vec<RoomCode>> for Output {
    fn from(codes: Vec<RoomCode>) -> Output {
        Output::Codes(codes)
    }
}

impl From<RoomCode> for Output {
    fn from(code: RoomCode) -> Output {
        Output::Code(code)
    }
}

impl From<RoomCodePage> for Output {
    fn from(page: RoomCodePage) -> Output {
        Output::Page(page)
    }
}

impl From<String> for Output {
    fn from(token: String) -> Output {
        Output::Token(token)
    }
}

/// A call in flight, whatever its operation.
pub(crate) trait Driven: Send {
    /// The first attempt, or the next one after a wait.
    fn next(&mut self) -> Next<Output>;
    /// What the last attempt got.
    fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
    ) -> Next<Output>;
    /// Whether a successful `Next::Done` is one page of more (a listing
    /// walked page by page), after which `next` goes on.
    fn more(&self) -> bool {
        false
    }
}

/// `next` with its result made an [`Output`].
fn erased<T: Into<Output>>(next: Next<T>) -> Next<Output> {
    match next {
        Next::Send { request, timeout } => Next::Send { request, timeout },
        Next::Wait(wait) => Next::Wait(wait),
        Next::Done(result) => Next::Done(result.map(Into::into)),
    }
}

/// One operation: its drive and whether it has started.
pub(crate) struct Single<T: 'static> {
    drive: Drive<'static, T>,
    started: bool,
}

impl<T: 'static> Single<T> {
    pub(crate) fn new(drive: Drive<'static, T>) -> Single<T> {
        Single {
            drive,
            started: false,
        }
    }
}

impl<T: Into<Output> + Send + 'static> Driven for Single<T> {
    fn next(&mut self) -> Next<Output> {
        if std::mem::replace(&mut self.started, true) {
            erased(self.drive.after_wait())
        } else {
            erased(self.drive.start())
        }
    }

    fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
    ) -> Next<Output> {
        erased(self.drive.on_sent(sent))
    }
}

/// Every page of a listing, one drive at a time, the codes gathered, or
/// handed out page by page (`by_page`).
pub(crate) struct Walk {
    core: &'static Core,
    listing: Listing,
    page: Option<Drive<'static, RoomCodePage>>,
    codes: Vec<RoomCode>,
    by_page: bool,
    more: bool,
}

impl Walk {
    pub(crate) fn new(core: &'static Core, listing: Listing, by_page: bool) -> Walk {
        Walk {
            core,
            listing,
            page: None,
            codes: Vec::new(),
            by_page,
            more: false,
        }
    }

    /// After a page in `by_page` mode: its codes, and whether more follow.
    fn page_done(&mut self) -> Next<Output> {
        loop {
            match self.listing.next(self.core) {
                ListNext::Code(code) => self.codes.push(code),
                // The next page's call is made again by `advance`, after the caller has this one.
                ListNext::Fetch { .. } => {
                    self.more = true;
                    break;
                }
                ListNext::Failed(error) => return Next::Done(Err(error)),
                ListNext::End => {
                    self.more = false;
                    break;
                }
            }
        }
        Next::Done(Ok(Output::Codes(std::mem::take(&mut self.codes))))
    }

    /// Gathers codes until a page must be fetched or the listing ends.
    fn advance(&mut self) -> Next<Output> {
        loop {
            match self.listing.next(self.core) {
                ListNext::Code(code) => self.codes.push(code),
                ListNext::Fetch { call, options } => {
                    let mut drive = Drive::new(call, options);
                    let next = drive.start();
                    self.page = Some(drive);
                    return self.after(next);
                }
                ListNext::Failed(error) => return Next::Done(Err(error)),
                ListNext::End => {
                    return Next::Done(Ok(Output::Codes(std::mem::take(&mut self.codes))))
                }
            }
        }
    }

    /// What the page's drive said, carried on to the next page when it is done.
    fn after(&mut self, next: Next<RoomCodePage>) -> Next<Output> {
        match next {
            Next::Send { request, timeout } => Next::Send { request, timeout },
            Next::Wait(wait) => Next::Wait(wait),
            Next::Done(page) => {
                self.page = None;
                match self.listing.on_page(page) {
                    Ok(()) if self.by_page => self.page_done(),
                    Ok(()) => self.advance(),
                    Err(error) => Next::Done(Err(error)),
                }
            }
        }
    }
}

impl Driven for Walk {
    fn next(&mut self) -> Next<Output> {
        match self.page.as_mut() {
            Some(drive) => {
                let next = drive.after_wait();
                self.after(next)
            }
            None => self.advance(),
        }
    }

    fn on_sent(
        &mut self,
        sent: std::result::Result<HttpResponse, TransportFailure>,
    ) -> Next<Output> {
        match self.page.as_mut() {
            Some(drive) => {
                let next = drive.on_sent(sent);
                self.after(next)
            }
            None => self.advance(),
        }
    }

    fn more(&self) -> bool {
        self.more
    }
}
