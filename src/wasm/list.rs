//! `RoomCodeList`: the listing of `client.list()`, walking the pages with the
//! core's [`Listing`]. A page crosses into JS once, as an array (`nextPage()`);
//! the package's entry (runtime.cjs) makes the list an async iterator that
//! hands those codes out one at a time with no further call into wasm.

use super::args;
use super::call_runner::CallRunner;
use super::options::{self, JsCallOptions};
use super::values::codes_to_js;
use crate::core::error::Error;
use crate::core::js_text;
use crate::core::listing::Listing;
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
    runner: Rc<CallRunner>,
    options: JsCallOptions,
    listing: Listing,
    /// The promise of the last `nextPage()`, which the next one waits for.
    last: Option<Promise>,
}

impl RoomCodeList {
    /// The listing of `room_id` with `filter` and call `options` (not read yet:
    /// a bad one makes the first `nextPage()` reject).
    pub(crate) fn new(
        runner: Rc<CallRunner>,
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
        let (listing, options) = match read() {
            Ok((room_id, filter, options)) => {
                (Listing::new(&runner.core, &room_id, filter), options)
            }
            Err(error) => (Listing::failing(error), JsCallOptions::default()),
        };
        let state = State {
            runner,
            options,
            listing,
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
        self.state.borrow().listing.has_more()
    }
}

/// The next page's codes, or `null` when the listing is over.
async fn next_page(state: &RefCell<State>) -> Result<JsValue, JsValue> {
    let runner = state.borrow().runner.clone();
    loop {
        let (call, options) = {
            let mut s = state.borrow_mut();
            let Some(call) = s.listing.next_call(&runner.core) else {
                return Ok(JsValue::NULL);
            };
            (call?, s.options.clone())
        };
        let fetched = runner.run(call.parsing(js_text::page), &options).await;
        let mut s = state.borrow_mut();
        // A rejection (an error, or the signal's reason) ends the listing.
        let page = fetched.and_then(|page| Ok(s.listing.on_fetched(Ok(page))?));
        let codes = page.and_then(|page| page.map(|page| codes_to_js(&page.codes)).transpose());
        match codes {
            Ok(None) => continue,
            Ok(Some(codes)) => return Ok(codes),
            Err(rejection) => {
                s.listing.stop();
                return Err(rejection);
            }
        }
    }
}
