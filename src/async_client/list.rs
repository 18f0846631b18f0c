//! The stream over every page of a listing.

use super::client::RoomCodesClient;
use crate::core::error::Result;
use crate::core::model::{ListFilter, RoomCode, RoomCodePage};
use crate::native::code_listing::{CodeListing, CodeListingStep};
use crate::native::options::CallOptions;
use futures_core::Stream;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

type PageFuture<'a> = Pin<Box<dyn Future<Output = Result<RoomCodePage>> + Send + 'a>>;

/// Every code of a room, fetched a page at a time as the stream is polled.
/// After an error it yields nothing more.
pub struct List<'a> {
    client: &'a RoomCodesClient,
    listing: CodeListing,
    fetching: Option<PageFuture<'a>>,
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
            fetching: None,
        }
    }
}

impl fmt::Debug for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("listing", &self.listing)
            .field("fetching", &self.fetching.is_some())
            .finish()
    }
}

impl Stream for List<'_> {
    type Item = Result<RoomCode>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(fetching) = this.fetching.as_mut() {
                let page = std::task::ready!(fetching.as_mut().poll(cx));
                this.fetching = None;
                if let Err(error) = this.listing.on_fetched(page) {
                    return Poll::Ready(Some(Err(error)));
                }
            }
            let client = this.client;
            match this.listing.next(client.core()) {
                CodeListingStep::Code(code) => return Poll::Ready(Some(Ok(code))),
                CodeListingStep::Failed(error) => return Poll::Ready(Some(Err(error))),
                CodeListingStep::End => return Poll::Ready(None),
                CodeListingStep::Fetch { call, options } => {
                    let options = options.clone();
                    this.fetching = Some(Box::pin(async move { client.run(call, &options).await }));
                }
            }
        }
    }
}
