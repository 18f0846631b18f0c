//! `RoomCodeList`: the async iterator of `client.list()`, walking the pages
//! with the core's [`Pager`].
//!
//! A page crosses into JS once, as an array of ready iterator results
//! (`{ value: code, done: false }`, one `JSON.parse`); `next()` then hands
//! them out with no future, no closure and no JSON of its own, so iterating a
//! page costs little more than `listPage`.

use super::args;
use super::drive::Shared;
use super::options::{self, CallOptions};
use super::values::to_js;
use crate::error::Error;
use crate::model::RoomCode;
use crate::paging::Pager;
use js_sys::{Array, Object, Promise, Reflect};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// Every room code of a room, fetched a page at a time as the iteration goes;
/// an `AsyncIterableIterator<RoomCode>`. After an error it yields nothing more.
/// Calls to `next()` run one after another, in order.
#[wasm_bindgen]
pub struct RoomCodeList {
    state: Rc<RefCell<State>>,
}

/// The listing, shared by the promises of `next()`.
struct State {
    shared: Rc<Shared>,
    room_id: String,
    options: CallOptions,
    pager: Pager,
    /// The current page's iterator results, their count, and the index of
    /// the next one.
    page: Array,
    len: u32,
    at: u32,
    /// An argument error, reported by the first `next()`.
    error: Option<Error>,
    /// The promise of the last `next()` that had to wait, which the next one
    /// waits for.
    last: Option<Promise>,
    /// How many `next()` calls are waiting (for a page, or for one another).
    waiting: u32,
}

impl State {
    /// The current page's next iterator result, if it has one left.
    fn take(&mut self) -> Option<JsValue> {
        (self.at < self.len).then(|| {
            self.at += 1;
            self.page.get(self.at - 1)
        })
    }

    /// Ends the listing: no page, no fetch.
    fn stop(&mut self) {
        self.pager.stop();
        self.page = Array::new();
        (self.len, self.at) = (0, 0);
    }
}

/// A code as the iterator result `{ value: code, done: false }`.
struct Item<'a>(&'a RoomCode);

impl Serialize for Item<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("Item", 2)?;
        item.serialize_field("value", self.0)?;
        item.serialize_field("done", &false)?;
        item.end()
    }
}

impl RoomCodeList {
    /// The listing of `room_id` with `filter` and call `options` (not read yet:
    /// a bad one makes the first `next()` reject).
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
            page: Array::new(),
            len: 0,
            at: 0,
            error,
            last: None,
            waiting: 0,
        };
        RoomCodeList {
            state: Rc::new(RefCell::new(state)),
        }
    }
}

#[wasm_bindgen]
impl RoomCodeList {
    /// The next code: `{ value: code, done: false }`, then `{ done: true }`.
    #[wasm_bindgen(unchecked_return_type = "Promise<IteratorResult<RoomCode, undefined>>")]
    pub fn next(&self) -> Promise {
        let mut s = self.state.borrow_mut();
        if s.waiting == 0 {
            if let Some(item) = s.take() {
                return Promise::resolve(&item);
            }
        }
        s.waiting += 1;
        let previous = s.last.take();
        drop(s);
        let state = self.state.clone();
        let promise = future_to_promise(async move {
            if let Some(previous) = previous {
                let _ = JsFuture::from(previous).await;
            }
            let result = next_code(&state).await;
            state.borrow_mut().waiting -= 1;
            result
        });
        self.state.borrow_mut().last = Some(promise.clone());
        promise
    }

    /// Ends the listing early (a `break` out of `for await` calls it).
    #[wasm_bindgen(
        js_name = "return",
        unchecked_return_type = "Promise<IteratorResult<RoomCode, undefined>>"
    )]
    pub fn finish(&self) -> Promise {
        self.state.borrow_mut().stop();
        Promise::resolve(&done())
    }

    /// The iterator itself (the same listing), for `for await`.
    #[wasm_bindgen(js_name = "[Symbol.asyncIterator]")]
    pub fn async_iterator(&self) -> RoomCodeList {
        RoomCodeList {
            state: self.state.clone(),
        }
    }
}

/// The next code, fetching pages until one has a code or the listing ends.
async fn next_code(state: &RefCell<State>) -> Result<JsValue, JsValue> {
    let shared = state.borrow().shared.clone();
    loop {
        let (call, options) = {
            let mut s = state.borrow_mut();
            if let Some(error) = s.error.take() {
                s.stop();
                return Err(error.into());
            }
            if let Some(item) = s.take() {
                return Ok(item);
            }
            let Some(call) = shared.core.list_next(&s.room_id, &s.pager) else {
                return Ok(done());
            };
            (call, s.options.clone())
        };
        let fetched = async { shared.drive(call?, &options).await }.await;
        let mut s = state.borrow_mut();
        match fetched.and_then(|page| {
            s.pager.on_page(&page)?;
            let items: Vec<Item> = page.data.iter().map(Item).collect();
            to_js(&items)
        }) {
            Ok(items) => {
                s.page = items.unchecked_into();
                (s.len, s.at) = (s.page.length(), 0);
            }
            Err(error) => {
                s.stop();
                return Err(error);
            }
        }
    }
}

/// `{ value: undefined, done: true }`: the end of the listing.
fn done() -> JsValue {
    let result = Object::new();
    let _ = Reflect::set(&result, &"value".into(), &JsValue::UNDEFINED);
    let _ = Reflect::set(&result, &"done".into(), &true.into());
    result.into()
}
