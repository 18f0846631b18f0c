//! `hms_list_iter`: a listing walked a page at a time, with the cursor kept inside.

use crate::blocking::RoomCodesClient;
use crate::core::error::{Error, ErrorKind, Result};
use crate::core::listing::Listing;
use crate::core::model::RoomCodePage;
use crate::ffi::cancel::{call_options, hms_call_options};
use crate::ffi::client::hms_client;
use crate::ffi::error::hms_error;
use crate::ffi::filter::{self, hms_list_filter};
use crate::ffi::guard::{null, run_with_output};
use crate::ffi::owned::BoxOwned;
use crate::ffi::results::{hms_room_code_page, into_raw};
use crate::ffi::status::hms_status;
use crate::ffi::strings::required;
use crate::native::options::CallOptions;
use std::ffi::c_char;
use std::ptr;
use std::sync::Mutex;

/// A listing of a room's codes, walked one page at a time with
/// `hms_list_iter_next`. It keeps its own copy of the room, the filter and the
/// cursor, so every page can be freed as soon as it has been read. It borrows
/// its client, which must outlive it. Free it with `hms_list_iter_free`.
///
/// One iterator may be used from several threads: its calls to
/// `hms_list_iter_next` run one after another (each waits for the one before
/// it to end), so every page is handed out once, in order.
pub struct hms_list_iter {
    client: *const hms_client,
    listing: Mutex<Listing>,
}

impl BoxOwned for hms_list_iter {}

impl hms_list_iter {
    /// The next page, or `None` once the listing is over; one caller at a time.
    fn next_page(&self, options: &CallOptions) -> Result<Option<RoomCodePage>> {
        // SAFETY: the caller keeps the client alive while the iterator lives.
        let client: &RoomCodesClient = unsafe { &(*self.client).inner };
        // A panic while the lock was held ended that listing (its page was
        // lost), so a poisoned lock serves only to end the others.
        let mut listing = self.listing.lock().map_err(|_| {
            Error::new(
                ErrorKind::Internal,
                "hms_list_iter_next: an earlier call on this iterator failed inside the library",
            )
        })?;
        while let Some(call) = listing.next_call(client.core()) {
            let fetched = call.and_then(|call| client.run(call, options));
            if let Some(page) = listing.on_fetched(fetched)? {
                return Ok(Some(page));
            }
        }
        Ok(None)
    }
}

/// Starts a listing of the codes of room `room_id` that `filter` keeps (NULL
/// for all; its `start`, if set, is the first cursor) and stores it in
/// `*out`. The room and the filter are copied: they need not outlive this
/// call. Nothing is sent until `hms_list_iter_next`.
#[no_mangle]
pub unsafe extern "C" fn hms_list_iter_new(
    client: *const hms_client,
    room_id: *const c_char,
    filter: *const hms_list_filter,
    out: *mut *mut hms_list_iter,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        if client.is_null() {
            return Err(null("client"));
        }
        let room_id = required("room_id", room_id)?;
        let filter = filter::read(filter)?;
        // The core checks the room and the filter now, not at the first page
        // (as the listing it is: its errors name the listing, not one page).
        let core = (*client).inner.core();
        if let Some(Err(error)) = core.list_next(room_id, &core.pager(filter.clone())) {
            return Err(error);
        }
        Ok(hms_list_iter {
            client,
            listing: Mutex::new(Listing::new(core, room_id, filter)),
        }
        .into_raw())
    })
}

/// Fetches the next page of `iter` within the bounds of `call` (NULL for
/// none) and stores it in `*out` (free it with `hms_room_code_page_free`,
/// whenever you like), or stores NULL once the listing is over. After an error
/// the listing is over: later calls store NULL. Safe to call from several
/// threads on one iterator: the calls take turns, and `call`'s deadline
/// counts the wait for the turn too.
#[no_mangle]
pub unsafe extern "C" fn hms_list_iter_next(
    iter: *mut hms_list_iter,
    call: *const hms_call_options,
    out: *mut *mut hms_room_code_page,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let iter = iter.as_ref().ok_or_else(|| null("iter"))?;
        let bounds = call_options(call);
        let page = iter.next_page(&bounds.options)?;
        bounds.publish();
        Ok(page.map_or(ptr::null_mut(), into_raw))
    })
}

/// Frees an iterator (not the pages it gave). NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_list_iter_free(iter: *mut hms_list_iter) {
    hms_list_iter::free_raw(iter)
}
