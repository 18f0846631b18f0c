//! Walking every page of a listing: when to stop, catching a cursor loop, and
//! bounding the number of pages.

use crate::core::error::{Error, Result};
use crate::core::model::{ListFilter, RoomCodePage};

/// The state of a listing across pages. Each binding's `list` drives one,
/// made by [`crate::Core::pager`] and stepped with [`crate::Core::list_next`].
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
        }
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

    /// Records a fetched page. The listing ends on an empty page or an empty or
    /// absent cursor. A cursor seen before is a `decode` error (it would loop),
    /// and so is a cursor after `max_pages` pages (a service that never stops).
    pub fn on_page(&mut self, page: &RoomCodePage) -> Result<()> {
        self.on_cursor(page.last.as_deref(), !page.data.is_empty())
    }

    /// [`Pager::on_page`] for a page known by its cursor and whether it held
    /// any code (the npm layer, which keeps the page as JSON).
    pub(crate) fn on_cursor(&mut self, last: Option<&str>, had_codes: bool) -> Result<()> {
        self.pages = self.pages.saturating_add(1);
        let Some(last) = last.filter(|_| had_codes) else {
            self.done = true;
            return Ok(());
        };
        if self.seen.iter().any(|seen| seen == last) {
            self.done = true;
            return Err(Error::decode(
                "list: the service repeated a paging cursor; stopped instead of looping",
            ));
        }
        if self.pages >= self.max_pages {
            self.done = true;
            return Err(Error::decode(format!(
                "list: stopped after {} pages (the max_pages limit) while the service still \
                 sent a next-page cursor; narrow the listing with a filter or raise max_pages",
                self.pages
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
    fn a_service_that_never_stops_ends_at_max_pages() {
        let mut pager = Pager::new(ListFilter::default(), 3);
        let mut fetched = 0;
        while pager.next_filter().is_some() {
            fetched += 1;
            assert!(fetched <= 3, "the pager did not stop");
            let outcome = pager.on_page(&page(1, Some(&format!("c{fetched}"))));
            if fetched < 3 {
                outcome.unwrap();
            } else {
                let err = outcome.unwrap_err();
                assert_eq!(err.kind(), ErrorKind::Decode);
                assert!(err.message().starts_with("list: stopped after 3 pages"));
            }
        }
        assert_eq!(fetched, 3);
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
}
