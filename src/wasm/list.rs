//! `RoomCodeList`: the listing of `client.list()`, walking the pages with the
//! core's [`Pager`]. A page crosses into JS once, as an array (`nextPage()`);
//! the package's entry (runtime.cjs) makes the list an async iterator that
//! hands those codes out one at a time with no further call into wasm.

use super::args;
use super::drive::Shared;
use super::options::{self, CallOptions};
use super::values::codes_to_js;
use crate::core::error::Error;
use crate::core::js_text;
use crate::core::listing::Pager;
use js_sys::Promise;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// Every room code of a room, fetched a page at a time as the iteration goes;
/// an `AsyncIterableIterator<RoomCode>` (`for await (const code of list)`).
/// After an error it yields nothing more.
#[wasm_bindgen]
pub struct RoomCodeList {
    state: Rc<RefCell<State>>,
}

/// The listing, shared by the promises of `nextPage()`.
struct State {
    shared: Rc<Shared>,
    room_id: String,
    options: CallOptions,
    pager: Pager,
    /// An argument error, reported by the first `nextPage()`.
    error: Option<Error>,
    /// The promise of the last `nextPage()`, which the next one waits for.
    last: Option<Promise>,
}

impl RoomCodeList {
    /// The listing of `room_id` with `filter` and call `options` (not read yet:
    /// a bad one makes the first `nextPage()` reject).
    pub(crate) fn new(
        shared: Rc<Shared>,
        room_id: &JsValue,
        filter: &JsValue,
        options: &JsValue,
    ) -> Self {
        let read = || -> Result<_, Error> {
            Ok((
                args::string("roomId", room_id)?,
                options::filter(filter, false)?,
                options::call(options)?,
            ))
        };
        let (room_id, filter, options, error) = match read() {
            Ok((room_id, filter, options)) => (room_id, filter, options, None),
            Err(error) => (
                String::new(),
                Default::default(),
                CallOptions::default(),
                Some(error),
            ),
        };
        let pager = shared.core.pager(filter);
        let state = State {
            shared,
            room_id,
            options,
            pager,
            error,
            last: None,
        };
        RoomCodeList {
            state: Rc::new(RefCell::new(state)),
        }
    }
}

#[wasm_bindgen]
impl RoomCodeList {
    /// The next page's codes (never an empty array), or `null` once the
    /// listing is over. Calls run one after another, in order.
    #[wasm_bindgen(
        js_name = "nextPage",
        unchecked_return_type = "Promise<RoomCode[] | null>"
    )]
    pub fn next_page(&self) -> Promise {
        let previous = self.state.borrow_mut().last.take();
        let state = self.state.clone();
        let promise = future_to_promise(async move {
            if let Some(previous) = previous {
                let _ = JsFuture::from(previous).await;
            }
            next_page(&state).await
        });
        self.state.borrow_mut().last = Some(promise.clone());
        promise
    }

    /// Whether another `nextPage()` may still bring codes: `false` once the
    /// listing has ended (the last page came, or an error).
    #[wasm_bindgen(js_name = "hasMore")]
    pub fn has_more(&self) -> bool {
        let s = self.state.borrow();
        s.error.is_some() || s.pager.next_filter().is_some()
    }
}

/// The next page's codes, or `null` when the listing is over.
async fn next_page(state: &RefCell<State>) -> Result<JsValue, JsValue> {
    let shared = state.borrow().shared.clone();
    let (call, options) = {
        let mut s = state.borrow_mut();
        if let Some(error) = s.error.take() {
            s.pager.stop();
            return Err(error.into());
        }
        let Some(call) = shared.core.list_next(&s.room_id, &s.pager) else {
            return Ok(JsValue::NULL);
        };
        (call, s.options.clone())
    };
    let fetched = async { shared.drive(call?.parsing(js_text::page), &options).await }.await;
    let mut s = state.borrow_mut();
    let codes = fetched.and_then(|page| {
        s.pager.on_cursor(page.cursor.as_deref(), page.had_codes)?;
        if !page.had_codes {
            return Ok(JsValue::NULL);
        }
        codes_to_js(&page.codes)
    });
    if codes.is_err() {
        s.pager.stop();
    }
    codes
}
