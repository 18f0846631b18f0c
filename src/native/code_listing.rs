//! A listing handed out one code at a time, for the native iterator and
//! stream: the core's [`Listing`] says which page comes next, and the codes of
//! the last page wait here until they are asked for.

use crate::core::call::Call;
use crate::core::client::Core;
use crate::core::error::{Error, Result};
use crate::core::listing::Listing;
use crate::core::model::{ListFilter, RoomCode, RoomCodePage};
use crate::native::options::CallOptions;
use std::vec::IntoIter;

/// A listing in progress under one set of [`CallOptions`].
#[derive(Debug)]
pub(crate) struct CodeListing {
    options: CallOptions,
    listing: Listing,
    page: IntoIter<RoomCode>,
}

/// What a [`CodeListing`] needs next.
pub(crate) enum CodeListingStep<'c, 'l> {
    /// Hand out this code.
    Code(RoomCode),
    /// Run this call within these options and give what it got to
    /// [`CodeListing::on_fetched`].
    Fetch {
        call: Call<'c, RoomCodePage>,
        options: &'l CallOptions,
    },
    /// The listing ended with this error.
    Failed(Error),
    /// The listing is over.
    End,
}

impl CodeListing {
    /// The listing of `room_id`'s codes that `filter` keeps, each page
    /// fetched under `options`.
    pub(crate) fn new(
        core: &Core,
        room_id: &str,
        filter: &ListFilter,
        options: &CallOptions,
    ) -> CodeListing {
        CodeListing {
            options: options.clone(),
            listing: Listing::new(core, room_id, filter.clone()),
            page: Vec::new().into_iter(),
        }
    }

    /// Makes each page's call retry at most `retries` times, from the next page on.
    #[cfg(feature = "ffi-sans-io")]
    pub(crate) fn set_max_retries(&mut self, retries: u32) {
        self.options.max_retries = Some(retries);
    }

    /// The next code, or the call of the next page.
    pub(crate) fn next<'c>(&mut self, core: &'c Core) -> CodeListingStep<'c, '_> {
        if let Some(code) = self.page.next() {
            return CodeListingStep::Code(code);
        }
        match self.listing.next_call(core) {
            None => CodeListingStep::End,
            Some(Ok(call)) => CodeListingStep::Fetch {
                call,
                options: &self.options,
            },
            Some(Err(error)) => CodeListingStep::Failed(error),
        }
    }

    /// Takes what the last fetch got; after an error the listing yields nothing more.
    pub(crate) fn on_fetched(&mut self, fetched: Result<RoomCodePage>) -> Result<()> {
        if let Some(page) = self.listing.on_fetched(fetched)? {
            self.page = page.data.into_iter();
        }
        Ok(())
    }
}
