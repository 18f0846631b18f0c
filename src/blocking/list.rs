//! The iterator over every page of a listing.

use super::client::RoomCodesClient;
use crate::error::Result;
use crate::model::{ListFilter, RoomCode};
use crate::paging::Pager;
use std::vec::IntoIter;

/// Every code of a room, fetched a page at a time as the iteration goes.
/// After an error it yields nothing more.
#[derive(Debug)]
pub struct List<'a> {
    client: &'a RoomCodesClient,
    room_id: String,
    pager: Pager,
    page: IntoIter<RoomCode>,
}

impl<'a> List<'a> {
    pub(crate) fn new(client: &'a RoomCodesClient, room_id: &str, filter: ListFilter) -> List<'a> {
        List {
            client,
            room_id: room_id.to_string(),
            pager: client.core().pager(filter),
            page: Vec::new().into_iter(),
        }
    }

    fn fetch_next_page(&mut self) -> Result<()> {
        let Some(call) = self.client.core().list_next(&self.room_id, &self.pager) else {
            return Ok(());
        };
        let page = self.client.run(call?, None)?;
        self.pager.on_page(&page)?;
        self.page = page.data.into_iter();
        Ok(())
    }
}

impl Iterator for List<'_> {
    type Item = Result<RoomCode>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(code) = self.page.next() {
                return Some(Ok(code));
            }
            self.pager.next_filter()?;
            if let Err(error) = self.fetch_next_page() {
                self.pager.stop();
                return Some(Err(error));
            }
        }
    }
}
