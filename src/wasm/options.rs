//! The option objects of the JS API, read into core settings.

use super::args::OptionsObject;
use super::env;
use super::events;
use super::host;
use crate::core::config::{Config, ConfigBuilder, Credentials};
use crate::core::error::{Error, Result};
use crate::core::model::ListFilter;
use crate::core::response_meta::ResponseMeta;
use js_sys::Function;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

/// A client's settings: the core's config and the `fetch` to send with.
pub struct ClientOptions {
    pub config: Config,
    /// The caller's `fetch`, else the entry point's default, else `None` (the
    /// global one).
    pub fetch: Option<Function>,
    /// Whether `fetch` is the entry point's default (the package's Node
    /// `fetch`), which bounds each attempt itself: it takes `timeoutMs` and
    /// watches the signal, so no `AbortController` is needed per attempt.
    pub fetch_bounds_attempts: bool,
}

/// Reads `new RoomCodesClient(options)` or, `from_env`, the options of
/// `RoomCodesClient.fromEnv(options)` over the environment's settings.
/// Credentials outside a server runtime (a browser page or worker) are refused
/// unless `dangerouslyAllowBrowser` is set.
pub fn client(value: &JsValue, from_env: bool) -> Result<ClientOptions> {
    let bag = OptionsObject::new(
        "options",
        value,
        &[
            "managementToken",
            "accessKey",
            "appSecret",
            "baseUrl",
            "authBaseUrl",
            "timeoutMs",
            "maxRetries",
            "maxPages",
            "maxResponseBytes",
            "fetch",
            "dangerouslyAllowBrowser",
            "allowInsecureHttp",
            "onEvent",
            "logLevel",
            "proxy",
        ],
    )?;
    let token = bag.string("managementToken")?;
    let access_key = bag.string("accessKey")?;
    let app_secret = bag.string("appSecret")?;
    let mut builder = if from_env {
        environment()?
    } else {
        Config::builder()
    };
    if token.is_some() || access_key.is_some() || app_secret.is_some() {
        // Credentials given here replace the environment's; what they mean
        // together (a token with app keys is an error) is the core's rule.
        builder = builder.credentials(Credentials::None);
        if let Some(token) = token {
            builder = builder.management_token(token);
        }
        if access_key.is_some() || app_secret.is_some() {
            builder = builder.app_keys(
                access_key.unwrap_or_default(),
                app_secret.unwrap_or_default(),
            );
        }
    }
    let mut builder = builder.binding("js");
    let allow_browser = bag.boolean("dangerouslyAllowBrowser")?.unwrap_or(false);
    if let Some(url) = bag.string("baseUrl")? {
        builder = builder.base_url(url);
    }
    if let Some(url) = bag.string("authBaseUrl")? {
        builder = builder.auth_base_url(url);
    }
    if let Some(timeout) = bag.millis("timeoutMs")? {
        builder = builder.timeout(timeout);
    }
    if let Some(retries) = bag.count("maxRetries")? {
        builder = builder.max_retries(retries);
    }
    if let Some(pages) = bag.count("maxPages")? {
        builder = builder.max_pages(pages);
    }
    if let Some(bytes) = bag.count("maxResponseBytes")? {
        builder = builder.max_response_bytes(bytes as usize);
    }
    if let Some(allow) = bag.boolean("allowInsecureHttp")? {
        builder = builder.allow_insecure_http(allow);
    }
    let builder = events::apply(&bag, builder)?;
    let own_fetch = bag.function("fetch")?.is_some();
    let builder = match bag.string("proxy")? {
        Some(_) if own_fetch => {
            return Err(Error::invalid_argument(
                "proxy is for the package's own Node transport: give your fetch its own proxy",
            ))
        }
        Some(url) => builder.proxy(url),
        None if own_fetch => builder.without_proxy(),
        // The environment's, where there is one (Node, Bun, Deno).
        None => builder.proxy_from_lookup(|name| host::env_var(name).ok().flatten()),
    };
    let config = builder.build()?;
    if *config.credentials() != Credentials::None && !allow_browser && !env::is_server_runtime() {
        return Err(Error::invalid_argument(
            "credentials in a browser (a page or a worker) reach every visitor: keep them on a \
             server and use proxy mode (no credentials, baseUrl of your proxy), or set \
             dangerouslyAllowBrowser",
        ));
    }
    if matches!(config.credentials(), Credentials::AppKeys { .. })
        && getrandom::fill(&mut [0]).is_err()
    {
        return Err(Error::invalid_argument(
            "signing management tokens needs crypto.getRandomValues, which this runtime lacks: \
             pass a managementToken instead, or use a runtime with Web Crypto",
        ));
    }
    let (fetch, fetch_bounds_attempts) = match bag.function("fetch")? {
        Some(fetch) => (Some(fetch), false),
        None => {
            let default = host::default_fetch();
            let own = default.is_some();
            (default, own)
        }
    };
    Ok(ClientOptions {
        config,
        fetch,
        fetch_bounds_attempts,
    })
}

/// The settings of the environment variables the other bindings read
/// (`HMS_MANAGEMENT_TOKEN`, or `HMS_ACCESS_KEY` + `HMS_SECRET`, and the base
/// URLs); the core names them. `Err` where there are none to read.
fn environment() -> Result<ConfigBuilder> {
    let failure = RefCell::new(None);
    let builder = ConfigBuilder::from_lookup(|name| {
        host::env_var(name).unwrap_or_else(|error| {
            failure.borrow_mut().get_or_insert(error);
            None
        })
    });
    match failure.into_inner() {
        Some(error) => Err(error),
        None => Ok(builder),
    }
}

/// The last argument of every method.
#[derive(Clone, Default)]
pub struct JsCallOptions {
    /// Stops the call: it rejects with the signal's reason.
    pub signal: Option<AbortSignal>,
    /// Replaces the client's per-attempt timeout.
    pub timeout: Option<Duration>,
    /// Replaces the client's `maxRetries` for this call.
    pub max_retries: Option<u32>,
    /// Where a successful call records its response's metadata (a method of
    /// `client.withResponse()` sets it; not an option of the JS object).
    pub response_meta: Option<Rc<RefCell<Option<ResponseMeta>>>>,
}

impl JsCallOptions {
    /// Records `meta` where these options ask (outside the generic call
    /// runner, so it is compiled once).
    pub fn record(&self, meta: Option<&ResponseMeta>) {
        if let Some(slot) = &self.response_meta {
            *slot.borrow_mut() = meta.cloned();
        }
    }
}

/// Reads `{ signal, timeoutMs, maxRetries }`.
pub fn call(value: &JsValue) -> Result<JsCallOptions> {
    let bag = OptionsObject::new("options", value, &["signal", "timeoutMs", "maxRetries"])?;
    Ok(JsCallOptions {
        signal: bag.signal("signal")?,
        timeout: bag.millis("timeoutMs")?,
        max_retries: bag.count("maxRetries")?,
        response_meta: None,
    })
}

/// Reads a listing filter `{ role, enabled, limit }`, and `start` for one page.
pub fn filter(value: &JsValue, one_page: bool) -> Result<ListFilter> {
    let keys: &[&str] = if one_page {
        &["role", "enabled", "limit", "start"]
    } else {
        &["role", "enabled", "limit"]
    };
    let bag = OptionsObject::new("filter", value, keys)?;
    Ok(ListFilter {
        role: bag.string("role")?,
        enabled: bag.boolean("enabled")?,
        limit: bag.count("limit")?,
        start: bag.string("start")?,
    })
}

/// Reads `{ userId }` of the token exchange.
pub fn user_id(value: &JsValue) -> Result<Option<String>> {
    OptionsObject::new("options", value, &["userId"])?.string("userId")
}
