//! `RoomCodesClient`: every operation of the JS API, each a promise that
//! drives one core call.

use super::args;
use super::call_runner::CallRunner;
use super::list::RoomCodeList;
use super::options::{self, ClientOptions};
use super::transport::Transport;
use super::values::{auth_token_to_js, codes_to_js, page_to_js, parse_json, with_response};
use crate::core::client::Core;
use crate::core::error::Error;
use crate::core::js_text;
use crate::core::response_meta::ResponseMeta;
use js_sys::Promise;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A client of the 100ms Room Codes API. One client serves any number of
/// concurrent calls; it signs and caches its own management token when given
/// `accessKey` and `appSecret`.
///
/// Every method rejects with an `HmsError`, or, when `options.signal` aborts,
/// with the signal's reason (as `fetch` does).
#[wasm_bindgen]
pub struct RoomCodesClient {
    /// [`GENUINE`] while the client lives; cleared when it is freed.
    mark: u64,
    runner: Rc<CallRunner>,
    /// Whether the promise methods resolve to `{ data, response }` (a client
    /// from `withResponse()`).
    with_response: bool,
}

/// A method's result on its way.
type PendingValue = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// The mark of a live client. A method called with a `this` that is not one
/// (`RoomCodesClient.prototype.create.call({__wbg_ptr: 12345})`) reads other
/// memory where the mark should be, finds something else, and fails before
/// using anything else of it.
const GENUINE: u64 = 0x686d_735f_636c_6e74;

impl Drop for RoomCodesClient {
    fn drop(&mut self) {
        // SAFETY: `self.mark` is a valid, aligned field of a live value; the
        // write is volatile so that it is not dropped as a dead store.
        unsafe { std::ptr::write_volatile(&mut self.mark, 0) };
    }
}

#[wasm_bindgen]
impl RoomCodesClient {
    /// A client. With no credentials it sends none (proxy mode: `baseUrl` is
    /// your server, which adds them). Throws an `HmsError` of kind
    /// `invalid_argument` for bad options, and for credentials in a browser
    /// page unless `dangerouslyAllowBrowser` is set.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "RoomCodesClientOptions")] options: JsValue,
    ) -> Result<RoomCodesClient, JsValue> {
        Ok(RoomCodesClient::with(options::client(&options, false)?))
    }

    /// A client configured like the Rust, C and Go ones: `HMS_MANAGEMENT_TOKEN`,
    /// or `HMS_ACCESS_KEY` with `HMS_SECRET`, and `HMS_API_BASE_URL` /
    /// `HMS_AUTH_BASE_URL`, read from `process.env` (Node, Bun) or `Deno.env`.
    /// `options` override them. Throws an `HmsError` of kind
    /// `invalid_argument` where there is no environment (a browser page).
    #[wasm_bindgen(js_name = "fromEnv")]
    pub fn from_env(
        #[wasm_bindgen(unchecked_optional_param_type = "RoomCodesClientOptions")] options: JsValue,
    ) -> Result<RoomCodesClient, JsValue> {
        Ok(RoomCodesClient::with(options::client(&options, true)?))
    }

    /// This client (its settings, connections and token shared) with its
    /// promise methods resolving to `{ data, response }`: the result, and
    /// the status, request id, attempts and time of the response it came in.
    /// Its `list` stays as it is: walk pages with `listPage` for each one's.
    /// Freeing this client closes the view too; freeing the view leaves this
    /// client as it is.
    #[wasm_bindgen(
        js_name = "withResponse",
        unchecked_return_type = "RoomCodesClientWithResponse"
    )]
    pub fn with_response(&self) -> Result<RoomCodesClient, JsValue> {
        Ok(RoomCodesClient {
            mark: GENUINE,
            runner: self.runner()?,
            with_response: true,
        })
    }

    /// Creates (or returns) a room code for every role of the room.
    #[wasm_bindgen(unchecked_return_type = "Promise<RoomCode[]>")]
    pub fn create(
        &self,
        #[wasm_bindgen(js_name = "roomId", unchecked_param_type = "string")] room_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.spawn(options, |runner, options| async move {
            let room_id = args::string("roomId", &room_id)?;
            let call = runner.core.create(&room_id)?.parsing(js_text::codes);
            codes_to_js(&runner.run(call, &options).await?)
        })
    }

    /// Creates one more room code for `role` in the room.
    #[wasm_bindgen(js_name = "createForRole", unchecked_return_type = "Promise<RoomCode>")]
    pub fn create_for_role(
        &self,
        #[wasm_bindgen(js_name = "roomId", unchecked_param_type = "string")] room_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] role: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.spawn(options, |runner, options| async move {
            let room_id = args::string("roomId", &room_id)?;
            let role = args::string("role", &role)?;
            let call = runner
                .core
                .create_for_role(&room_id, &role)?
                .parsing(js_text::code);
            parse_json(&runner.run(call, &options).await?)
        })
    }

    /// Every room code of the room, fetched a page at a time as the loop
    /// goes: `for await (const code of client.list(roomId)) { … }`.
    pub fn list(
        &self,
        #[wasm_bindgen(js_name = "roomId", unchecked_param_type = "string")] room_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ListFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Result<RoomCodeList, JsValue> {
        Ok(RoomCodeList::new(
            self.runner()?,
            &room_id,
            &filter,
            &options,
        ))
    }

    /// One page of the room's codes. Pass its `last` as `start` to get the
    /// next page; `last` is `null` on the last page.
    #[wasm_bindgen(js_name = "listPage", unchecked_return_type = "Promise<RoomCodePage>")]
    pub fn list_page(
        &self,
        #[wasm_bindgen(js_name = "roomId", unchecked_param_type = "string")] room_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ListPageFilter")] filter: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.spawn(options, |runner, options| async move {
            let room_id = args::string("roomId", &room_id)?;
            let filter = options::filter(&filter, true)?;
            let call = runner
                .core
                .list_page(&room_id, &filter)?
                .parsing(js_text::page);
            page_to_js(&runner.run(call, &options).await?)
        })
    }

    /// Enables or disables a room code; resolves to the updated code.
    #[wasm_bindgen(js_name = "setEnabled", unchecked_return_type = "Promise<RoomCode>")]
    pub fn set_enabled(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] enabled: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.spawn(options, |runner, options| async move {
            let code = args::string("code", &code)?;
            let enabled = args::boolean("enabled", &enabled)?;
            let call = runner
                .core
                .set_enabled(&code, enabled)?
                .parsing(js_text::code);
            parse_json(&runner.run(call, &options).await?)
        })
    }

    /// Exchanges a room code for a client auth token and its expiry, as a
    /// joining app does. Sends no management token. The token prints as
    /// `<redacted>` (console.log, JSON.stringify, String()); read `.token`.
    #[wasm_bindgen(
        js_name = "authTokenForCode",
        unchecked_return_type = "Promise<AuthToken>"
    )]
    pub fn auth_token_for_code(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
        #[wasm_bindgen(
            js_name = "tokenOptions",
            unchecked_optional_param_type = "AuthTokenOptions"
        )]
        token_options: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.spawn(options, |runner, options| async move {
            let code = args::string("code", &code)?;
            let user_id = options::user_id(&token_options)?;
            let call = runner.core.auth_token_for_code(&code, user_id.as_deref())?;
            Ok(auth_token_to_js(runner.run(call, &options).await?))
        })
    }
}

impl RoomCodesClient {
    /// A client with these settings.
    fn with(
        ClientOptions {
            config,
            fetch,
            fetch_bounds_attempts,
        }: ClientOptions,
    ) -> RoomCodesClient {
        let transport = Transport::new(fetch, fetch_bounds_attempts, config.max_response_bytes())
            .with_proxies(config.proxies().clone());
        let core = Core::new(config);
        RoomCodesClient {
            mark: GENUINE,
            runner: Rc::new(CallRunner { core, transport }),
            with_response: false,
        }
    }

    /// The client's call runner, once `self` is known to be a live client
    /// (and not an object forged to look like one).
    fn runner(&self) -> Result<Rc<CallRunner>, Error> {
        // SAFETY: reading a u64 field through a reference; volatile, so that
        // the compiler does not assume a `&self` always holds the mark, which
        // is the very thing in question.
        let mark = unsafe { std::ptr::read_volatile(&self.mark) };
        if mark == GENUINE {
            Ok(self.runner.clone())
        } else {
            Err(Error::invalid_argument(
                "this is not a RoomCodesClient: call the methods on a client made with \
                 new RoomCodesClient(options)",
            ))
        }
    }

    /// For a client of `withResponse()`, where the call of `options` records
    /// its response's metadata (set in `options` too).
    fn recording(
        &self,
        options: &mut options::JsCallOptions,
    ) -> Option<Rc<RefCell<Option<ResponseMeta>>>> {
        let recorded = self.with_response.then(Rc::default);
        options.response_meta = recorded.clone();
        recorded
    }

    /// Runs `operation` as a promise, with the call options read first; for
    /// a client of `withResponse()`, its result with the response's metadata.
    fn spawn<F>(
        &self,
        options: JsValue,
        operation: impl FnOnce(Rc<CallRunner>, options::JsCallOptions) -> F,
    ) -> Promise
    where
        F: Future<Output = Result<JsValue, JsValue>> + 'static,
    {
        match self
            .runner()
            .and_then(|runner| Ok((runner, options::call(&options)?)))
        {
            Ok((runner, mut options)) => {
                let recorded = self.recording(&mut options);
                // Boxed, so that every method shares one instance of the promise glue.
                let data = Box::pin(operation(runner, options)) as PendingValue;
                future_to_promise(respond(data, recorded))
            }
            Err(error) => Promise::reject(&error.into()),
        }
    }
}

/// `data`, resolving to `{ data, response }` when its call recorded its
/// response's metadata in `recorded` (outside the generic `spawn`, so that it
/// is compiled once).
fn respond(
    data: PendingValue,
    recorded: Option<Rc<RefCell<Option<ResponseMeta>>>>,
) -> PendingValue {
    match recorded {
        None => data,
        Some(meta) => Box::pin(async move { with_response(data.await?, meta.borrow().as_ref()) }),
    }
}
