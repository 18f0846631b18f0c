//! The iterator over every page of a listing.

use super::client::RoomCodesClient;
use crate::core::error::Result;
use crate::core::model::{ListFilter, RoomCode};
use crate::native::code_listing::{CodeListing, CodeListingStep};
use crate::native::options::CallOptions;

/// Every code of a room, fetched a page at a time as the iteration goes.
/// After an error it yields nothing more.
#[derive(Debug)]
pub struct List<'a> {
    client: &'a RoomCodesClient,
    listing: CodeListing,
}

impl<'a> List<'a> {
    pub(crate) fn new(
        client: &'a RoomCodesClient,
        room_id: &str,
        filter: &ListFilter,
        options: &CallOptions,
    ) -> List<'a> {
        List {
            client,
            listing: CodeListing::new(client.core(), room_id, filter, options),
        }
    }
}

impl Iterator for List<'_> {
    type Item = Result<RoomCode>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let page = match self.listing.next(self.client.core()) {
                CodeListingStep::Code(code) => return Some(Ok(code)),
                CodeListingStep::Failed(error) => return Some(Err(error)),
                CodeListingStep::End => return None,
                CodeListingStep::Fetch { call, options } => self.client.run(call, options),
            };
            if let Err(error) = self.listing.on_fetched(page) {
                return Some(Err(error));
            }
        }
    }
}
