//! `RoomCodeList`: the async iterator of `client.list()`, walking the pages
//! with the core's [`Pager`].

use super::args;
use super::drive::Shared;
use super::options::{self, CallOptions};
use super::values::to_js;
use crate::error::Error;
use crate::model::RoomCode;
use crate::paging::Pager;
use js_sys::{Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use std::vec::IntoIter;
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
    page: IntoIter<RoomCode>,
    /// An argument error, reported by the first `next()`.
    error: Option<Error>,
    /// The promise of the last `next()`, which the next one waits for.
    last: Option<Promise>,
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
        let state = State {
            shared,
            room_id,
            options,
            pager: Pager::new(filter),
            page: Vec::new().into_iter(),
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
    /// The next code: `{ value: code, done: false }`, then `{ done: true }`.
    #[wasm_bindgen(unchecked_return_type = "Promise<IteratorResult<RoomCode, undefined>>")]
    pub fn next(&self) -> Promise {
        let state = self.state.clone();
        let previous = self.state.borrow_mut().last.take();
        let promise = future_to_promise(async move {
            if let Some(previous) = previous {
                let _ = JsFuture::from(previous).await;
            }
            next_code(&state).await
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
        let mut state = self.state.borrow_mut();
        state.pager.stop();
        state.page = Vec::new().into_iter();
        Promise::resolve(&iterator_result(None))
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
    loop {
        let (shared, room_id, filter, options) = {
            let mut s = state.borrow_mut();
            if let Some(error) = s.error.take() {
                s.pager.stop();
                return Err(error.into());
            }
            if let Some(code) = s.page.next() {
                return Ok(iterator_result(Some(to_js(&code)?)));
            }
            let Some(filter) = s.pager.next_filter() else {
                return Ok(iterator_result(None));
            };
            (
                s.shared.clone(),
                s.room_id.clone(),
                filter.clone(),
                s.options.clone(),
            )
        };
        let fetched = async {
            let call = shared.core.list_page(&room_id, &filter)?;
            shared.drive(call, &options).await
        }
        .await;
        let mut s = state.borrow_mut();
        match fetched.and_then(|page| {
            s.pager.on_page(&page)?;
            Ok(page)
        }) {
            Ok(page) => s.page = page.data.into_iter(),
            Err(error) => {
                s.pager.stop();
                return Err(error);
            }
        }
    }
}

/// `{ value, done }`: `done` when there is no value.
fn iterator_result(value: Option<JsValue>) -> JsValue {
    let result = Object::new();
    let done = value.is_none();
    let _ = Reflect::set(&result, &"value".into(), &value.unwrap_or_default());
    let _ = Reflect::set(&result, &"done".into(), &done.into());
    result.into()
}
