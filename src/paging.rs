//! Walking every page of a listing: when to stop, and catching a cursor loop.

use crate::error::{Error, Result};
use crate::model::{ListFilter, RoomCodePage};

/// The state of a listing across pages. Each binding's `list` drives one.
#[derive(Debug, Clone)]
pub struct Pager {
    filter: ListFilter,
    /// Cursors followed so far (a handful: one per page).
    seen: Vec<String>,
    done: bool,
}

impl Pager {
    /// Starts a listing with `filter` (its `start`, if set, is the first cursor).
    pub fn new(filter: ListFilter) -> Pager {
        let seen = filter.start.iter().cloned().collect();
        Pager {
            filter,
            seen,
            done: false,
        }
    }

    /// The filter of the next page to fetch, or `None` when the listing is over.
    pub fn next_filter(&self) -> Option<&ListFilter> {
        (!self.done).then_some(&self.filter)
    }

    /// Records a fetched page. The listing ends on an empty page or an empty or
    /// absent cursor; a cursor seen before is a `decode` error (it would loop).
    pub fn on_page(&mut self, page: &RoomCodePage) -> Result<()> {
        match &page.last {
            Some(last) if !page.data.is_empty() => {
                if self.seen.contains(last) {
                    self.done = true;
                    return Err(Error::decode(format!(
                        "the service repeated the paging cursor {last:?}; stopping instead of looping"
                    )));
                }
                self.seen.push(last.clone());
                self.filter.start = Some(last.clone());
            }
            _ => self.done = true,
        }
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
    use crate::error::ErrorKind;
    use crate::model::RoomCode;

    fn page(n: usize, last: Option<&str>) -> RoomCodePage {
        let code = RoomCode {
            code: "c".into(),
            room_id: "r".into(),
            role: "host".into(),
            enabled: true,
            created_at: String::new(),
            updated_at: String::new(),
        };
        RoomCodePage {
            limit: Some(10),
            data: vec![code; n],
            last: last.map(String::from),
        }
    }

    #[test]
    fn follows_cursors_until_the_end() {
        let filter = ListFilter {
            role: Some("host".into()),
            ..Default::default()
        };
        let mut pager = Pager::new(filter);
        assert_eq!(pager.next_filter().unwrap().start, None);
        pager.on_page(&page(3, Some("a"))).unwrap();
        let next = pager.next_filter().unwrap();
        assert_eq!(
            (next.start.as_deref(), next.role.as_deref()),
            (Some("a"), Some("host"))
        );
        pager.on_page(&page(2, Some("b"))).unwrap(); // a short page is not the end
        assert_eq!(pager.next_filter().unwrap().start.as_deref(), Some("b"));
        pager.on_page(&page(1, None)).unwrap();
        assert!(pager.next_filter().is_none());
    }

    #[test]
    fn an_empty_page_ends_it() {
        let mut pager = Pager::new(ListFilter::default());
        pager.on_page(&page(0, Some("a"))).unwrap();
        assert!(pager.next_filter().is_none());
    }

    #[test]
    fn a_repeated_cursor_is_a_decode_error() {
        let mut pager = Pager::new(ListFilter {
            start: Some("x".into()),
            ..Default::default()
        });
        pager.on_page(&page(1, Some("a"))).unwrap();
        assert_eq!(
            pager.on_page(&page(1, Some("x"))).unwrap_err().kind(),
            ErrorKind::Decode
        );
        assert!(pager.next_filter().is_none());
    }
}
