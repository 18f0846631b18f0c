//! Walking every page of a listing: when to stop, catching a cursor loop, and
//! bounding the number of pages. [`Pager`] keeps the cursors; [`Listing`] is
//! the loop every face drives (native iterators and streams, the C list and
//! iterator, the npm package's `nextPage()`): it asks for the call of the next
//! page, takes what that call got, and ends on the first error.

use crate::core::error::{Error, Result};
use crate::core::model::{ListFilter, RoomCodePage};
use crate::core::spelling::Spelling;
#[cfg(any(
    feature = "blocking",
    feature = "async",
    all(feature = "wasm", target_arch = "wasm32"),
    feature = "ffi-sans-io",
    test
))]
use crate::core::{call::Call, client::Core};

/// The state of a listing across pages, made by [`crate::Core::pager`] and
/// stepped with [`crate::Core::list_next`] (the faces of this crate drive a
/// `Listing`, which wraps one).
#[derive(Debug, Clone)]
pub struct Pager {
    filter: ListFilter,
    /// Cursors followed so far (one per page).
    seen: Vec<String>,
    /// Whether `filter.start` came from the service (not held to the limits on
    /// caller input) rather than from the caller.
    start_from_service: bool,
    pages: u32,
    max_pages: u32,
    done: bool,
    /// How the messages name the listing and `max_pages`.
    spelling: Spelling,
}

impl Pager {
    /// Starts a listing with `filter` (its `start`, if set, is the first
    /// cursor) that fetches at most `max_pages` pages.
    pub fn new(filter: ListFilter, max_pages: u32) -> Pager {
        let seen = filter.start.iter().cloned().collect();
        Pager {
            filter,
            seen,
            start_from_service: false,
            pages: 0,
            max_pages,
            done: false,
            spelling: Spelling::Rust,
        }
    }

    /// The same listing, naming itself and its limit in `spelling` in its messages.
    pub(crate) fn spelled(mut self, spelling: Spelling) -> Pager {
        self.spelling = spelling;
        self
    }

    /// The filter of the next page to fetch, or `None` when the listing is over.
    pub fn next_filter(&self) -> Option<&ListFilter> {
        (!self.done).then_some(&self.filter)
    }

    /// Whether the next page's cursor is one the service sent (so it is sent
    /// back as it came, without the checks on caller input).
    pub fn cursor_from_service(&self) -> bool {
        self.start_from_service
    }

    /// The `decode` error of a listing that has fetched its `max_pages` pages
    /// while the service still sends a next-page cursor; `Ok` below the limit.
    /// [`crate::Core::list_next`] returns it instead of a call.
    pub fn check_page_limit(&self) -> Result<()> {
        if self.pages < self.max_pages {
            return Ok(());
        }
        let pages = match self.pages {
            1 => "1 page".to_owned(),
            n => format!("{n} pages"),
        };
        let (list, max_pages) = (self.spelling.name("list"), self.spelling.name("max_pages"));
        Err(Error::decode(format!(
            "{list}: stopped after {pages} (the {max_pages} limit) while the service still \
             sent a next-page cursor; narrow the listing with a filter or raise {max_pages}"
        )))
    }

    /// Records a fetched page. The listing ends on an empty page or an empty or
    /// absent cursor. A cursor seen before is a `decode` error (it would
    /// loop). The page that reaches `max_pages` is kept: only a further page
    /// is refused (see [`Pager::check_page_limit`]).
    pub fn on_page(&mut self, page: &RoomCodePage) -> Result<()> {
        self.on_cursor(page.last.as_deref(), !page.data.is_empty())
    }

    fn on_cursor(&mut self, last: Option<&str>, had_codes: bool) -> Result<()> {
        self.pages = self.pages.saturating_add(1);
        let Some(last) = last.filter(|_| had_codes) else {
            self.done = true;
            return Ok(());
        };
        if self.seen.iter().any(|seen| seen == last) {
            self.done = true;
            return Err(Error::decode(format!(
                "{}: the service repeated a paging cursor; stopped instead of looping",
                self.spelling.name("list")
            )));
        }
        self.seen.push(last.to_owned());
        self.filter.start = Some(last.to_owned());
        self.start_from_service = true;
        Ok(())
    }

    /// Ends the listing early (after an error).
    pub fn stop(&mut self) {
        self.done = true;
    }
}

/// A page as a [`Listing`] reads it: its next-page cursor and whether it held
/// codes (the npm layer keeps its pages as text for JS, the others as
/// [`RoomCodePage`]).
#[cfg(any(
    feature = "blocking",
    feature = "async",
    all(feature = "wasm", target_arch = "wasm32"),
    feature = "ffi-sans-io",
    test
))]
pub(crate) trait ListedPage {
    /// The cursor of the next page (`None` for none).
    fn cursor(&self) -> Option<&str>;
    /// Whether the page held any code.
    fn has_codes(&self) -> bool;
}

#[cfg(any(
    feature = "blocking",
    feature = "async",
    all(feature = "wasm", target_arch = "wasm32"),
    feature = "ffi-sans-io",
    test
))]
impl ListedPage for RoomCodePage {
    fn cursor(&self) -> Option<&str> {
        self.last.as_deref()
    }

    fn has_codes(&self) -> bool {
        !self.data.is_empty()
    }
}

/// One listing of a room, sans-IO: [`Listing::next_call`] gives the call of
/// the next page, the face runs it, and [`Listing::on_fetched`] takes what it
/// got. The first error ends the listing.
#[cfg(any(
    feature = "blocking",
    feature = "async",
    all(feature = "wasm", target_arch = "wasm32"),
    feature = "ffi-sans-io",
    test
))]
#[derive(Debug)]
pub(crate) struct Listing {
    room_id: String,
    pager: Pager,
    /// An error found before the first page (a bad argument), given by the
    /// first [`Listing::next_call`].
    pending: Option<Error>,
}

#[cfg(any(
    feature = "blocking",
    feature = "async",
    all(feature = "wasm", target_arch = "wasm32"),
    feature = "ffi-sans-io",
    test
))]
impl Listing {
    /// The listing of `room_id`'s codes that `filter` keeps.
    pub(crate) fn new(core: &Core, room_id: &str, filter: ListFilter) -> Listing {
        Listing {
            room_id: room_id.to_owned(),
            pager: core.pager(filter),
            pending: None,
        }
    }

    /// A listing that ends with `error` at its first step.
    #[cfg(any(all(feature = "wasm", target_arch = "wasm32"), test))]
    pub(crate) fn failing(error: Error) -> Listing {
        let mut pager = Pager::new(ListFilter::default(), 0);
        pager.stop();
        Listing {
            room_id: String::new(),
            pager,
            pending: Some(error),
        }
    }

    /// The call of the next page; `None` once the listing is over, or the
    /// error that ends it.
    pub(crate) fn next_call<'c>(
        &mut self,
        core: &'c Core,
    ) -> Option<Result<Call<'c, RoomCodePage>>> {
        if let Some(error) = self.pending.take() {
            return Some(Err(error));
        }
        let next = core.list_next(&self.room_id, &self.pager);
        if matches!(next, Some(Err(_))) {
            self.pager.stop();
        }
        next
    }

    /// Takes what the call of [`Listing::next_call`] got: the page to hand
    /// out, `None` for a page with no code (the listing is over), or the
    /// error that ends the listing.
    pub(crate) fn on_fetched<P: ListedPage>(&mut self, fetched: Result<P>) -> Result<Option<P>> {
        let page = fetched.and_then(|page| {
            self.pager.on_cursor(page.cursor(), page.has_codes())?;
            Ok(page)
        });
        match page {
            Ok(page) => Ok(page.has_codes().then_some(page)),
            Err(error) => {
                self.pager.stop();
                Err(error)
            }
        }
    }

    /// Ends the listing (after an error the core did not see).
    #[cfg(all(feature = "wasm", target_arch = "wasm32"))]
    pub(crate) fn stop(&mut self) {
        self.pending = None;
        self.pager.stop();
    }

    /// Whether the listing may still bring codes.
    #[cfg(any(all(feature = "wasm", target_arch = "wasm32"), test))]
    pub(crate) fn has_more(&self) -> bool {
        self.pending.is_some() || self.pager.next_filter().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;
    use crate::core::model::RoomCode;

    fn page(n: usize, last: Option<&str>) -> RoomCodePage {
        let code = RoomCode {
            code: "c".into(),
            room_id: "r".into(),
            role: "host".into(),
            enabled: true,
            created_at: None,
            updated_at: None,
        };
        RoomCodePage {
            limit: Some(10),
            data: vec![code; n],
            last: last.map(String::from),
        }
    }

    #[test]
    fn follows_cursors_until_the_end() {
        let filter = ListFilter::new().role("host");
        let mut pager = Pager::new(filter, 10);
        assert_eq!(pager.next_filter().unwrap().start, None);
        assert!(!pager.cursor_from_service());
        pager.on_page(&page(3, Some("a"))).unwrap();
        let next = pager.next_filter().unwrap();
        assert_eq!(
            (next.start.as_deref(), next.role.as_deref()),
            (Some("a"), Some("host"))
        );
        assert!(pager.cursor_from_service());
        pager.on_page(&page(2, Some("b"))).unwrap(); // a short page is not the end
        assert_eq!(pager.next_filter().unwrap().start.as_deref(), Some("b"));
        pager.on_page(&page(1, None)).unwrap();
        assert!(pager.next_filter().is_none());
    }

    #[test]
    fn an_empty_page_ends_it() {
        let mut pager = Pager::new(ListFilter::default(), 10);
        pager.on_page(&page(0, Some("a"))).unwrap();
        assert!(pager.next_filter().is_none());
        let mut pager = Pager::new(ListFilter::default(), 10);
        pager.on_page(&page(2, Some(""))).unwrap();
        assert!(
            pager.next_filter().is_some(),
            "an empty cursor is still a cursor"
        );
    }

    #[test]
    fn a_caller_start_is_not_from_the_service() {
        let pager = Pager::new(
            ListFilter {
                start: Some("mine".into()),
                ..Default::default()
            },
            10,
        );
        assert!(!pager.cursor_from_service());
        assert_eq!(pager.next_filter().unwrap().start.as_deref(), Some("mine"));
    }

    #[test]
    fn stop_ends_the_listing() {
        let mut pager = Pager::new(ListFilter::default(), 10);
        pager.stop();
        assert!(pager.next_filter().is_none());
    }

    #[test]
    fn a_spelled_pager_names_the_listing_and_its_limit_in_that_spelling() {
        let pager = Pager::new(ListFilter::default(), 0).spelled(Spelling::Go);
        let err = pager.check_page_limit().unwrap_err();
        assert!(err
            .message()
            .starts_with("List: stopped after 0 pages (the MaxPages limit)"));
        assert!(err.message().ends_with("raise MaxPages"), "{err}");
    }

    #[test]
    fn a_service_that_never_stops_ends_after_max_pages() {
        let mut pager = Pager::new(ListFilter::default(), 3);
        for fetched in 1..=3 {
            assert!(pager.next_filter().is_some());
            pager.check_page_limit().unwrap();
            pager
                .on_page(&page(1, Some(&format!("c{fetched}"))))
                .unwrap();
        }
        assert!(pager.next_filter().is_some(), "the service sent a cursor");
        let err = pager.check_page_limit().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert!(err
            .message()
            .starts_with("list: stopped after 3 pages (the max_pages"));
        let mut one = Pager::new(ListFilter::default(), 1);
        one.on_page(&page(1, Some("c"))).unwrap();
        let err = one.check_page_limit().unwrap_err();
        assert!(
            err.message().starts_with("list: stopped after 1 page (the"),
            "{err}"
        );
        let mut last_page = Pager::new(ListFilter::default(), 1);
        last_page.on_page(&page(1, None)).unwrap();
        assert!(
            last_page.next_filter().is_none(),
            "a last page is not over the limit"
        );
    }

    #[test]
    fn a_repeated_cursor_is_a_decode_error() {
        let mut pager = Pager::new(ListFilter::new().start("x"), 10);
        pager.on_page(&page(1, Some("a"))).unwrap();
        assert_eq!(
            pager.on_page(&page(1, Some("x"))).unwrap_err().kind(),
            ErrorKind::Decode
        );
        assert!(pager.next_filter().is_none());
    }

    fn core(max_pages: u32) -> Core {
        let config = crate::core::config::Config::builder()
            .management_token("t")
            .base_url("https://api.test/v2")
            .max_pages(max_pages)
            .build()
            .unwrap();
        Core::new(config)
    }

    /// Drives `listing` with `pages` as the service's answers, in order;
    /// returns the codes handed out, the calls made and the error that ended it.
    fn drive(
        core: &Core,
        listing: &mut Listing,
        mut pages: Vec<Result<RoomCodePage>>,
    ) -> (usize, usize, Option<Error>) {
        pages.reverse();
        let (mut codes, mut calls) = (0, 0);
        while let Some(call) = listing.next_call(core) {
            let fetched = match call {
                Ok(_) => {
                    calls += 1;
                    pages.pop().expect("a call past the pages given")
                }
                Err(error) => return (codes, calls, Some(error)),
            };
            match listing.on_fetched(fetched) {
                Ok(page) => codes += page.map_or(0, |page| page.data.len()),
                Err(error) => return (codes, calls, Some(error)),
            }
        }
        (codes, calls, None)
    }

    #[test]
    fn a_listing_hands_out_max_pages_pages_then_fails() {
        for max_pages in [1, 2, 5] {
            let core = core(max_pages);
            let mut listing = Listing::new(&core, "r", ListFilter::default());
            let pages = (0..max_pages)
                .map(|n| Ok(page(2, Some(&format!("c{n}")))))
                .collect();
            let (codes, calls, error) = drive(&core, &mut listing, pages);
            assert_eq!((codes, calls), (2 * max_pages as usize, max_pages as usize));
            assert_eq!(error.unwrap().kind(), ErrorKind::Decode);
            assert!(!listing.has_more());
            assert!(listing.next_call(&core).is_none(), "it stays over");
        }
    }

    #[test]
    fn a_listing_ends_on_the_last_page_or_the_first_error() {
        let core = core(10);
        let mut listing = Listing::new(&core, "r", ListFilter::default());
        assert!(listing.has_more());
        let pages = vec![Ok(page(3, Some("a"))), Ok(page(1, None))];
        assert_eq!(drive(&core, &mut listing, pages), (4, 2, None));
        assert!(!listing.has_more());

        let mut listing = Listing::new(&core, "r", ListFilter::default());
        let pages = vec![Ok(page(3, Some("a"))), Err(Error::decode("bad page"))];
        let (codes, calls, error) = drive(&core, &mut listing, pages);
        assert_eq!((codes, calls), (3, 2));
        assert_eq!(error.unwrap().message(), "bad page");
        assert!(listing.next_call(&core).is_none());

        let mut listing = Listing::new(&core, "r", ListFilter::default());
        let (codes, calls, error) = drive(&core, &mut listing, vec![Ok(page(0, Some("a")))]);
        assert_eq!(
            (codes, calls, error.is_none()),
            (0, 1, true),
            "an empty page ends it"
        );
    }

    #[test]
    fn a_failing_listing_gives_its_error_once() {
        let core = core(10);
        let mut listing = Listing::failing(Error::invalid_argument("no room"));
        assert!(listing.has_more());
        let (_, calls, error) = drive(&core, &mut listing, vec![]);
        assert_eq!(
            (calls, error.unwrap().kind()),
            (0, ErrorKind::InvalidArgument)
        );
        assert!(!listing.has_more());
        let mut bad_room = Listing::new(&core, "", ListFilter::default());
        let (_, _, error) = drive(&core, &mut bad_room, vec![]);
        assert_eq!(error.unwrap().kind(), ErrorKind::InvalidArgument);
        assert!(bad_room.next_call(&core).is_none());
    }
}
