//! One attempt over `fetch` (the global one or the caller's): the core's
//! request out, an [`HttpResponse`] or a [`TransportFailure`] back.
//!
//! No redirect is followed (`redirect: "manual"`), the body is read up to the
//! configured cap, and the attempt is bounded by its timeout and by the
//! caller's `AbortSignal`, even when a custom `fetch` ignores the signal. A
//! standard `fetch` is wrapped once, per client, by `boundedFetch`
//! (host.js), which does all of that in JS and answers as the package's Node
//! `fetch` does: the attempt crosses the boundary once each way.

use super::env;
use crate::core::config::proxy::Proxies;
use crate::core::connection_problem::ConnectionProblem;
use crate::core::tls_problem::{TlsProblem, TrustAdvice};
use crate::core::wire::http::{
    HttpRequest, HttpResponse, TransportFailure, TransportFailureKind, READ_RESPONSE_HEADERS,
};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

#[wasm_bindgen(module = "/src/wasm/host.js")]
extern "C" {
    /// `fetch` (`undefined`: the global one) bounding its own attempts and
    /// answering `{ status, head, body }`, as the package's Node `fetch` does,
    /// `head` holding only the headers named in `header_names` (`name\n…`).
    #[wasm_bindgen(js_name = boundedFetch)]
    fn bounded_fetch(
        fetch: &JsValue,
        timeout_code: &str,
        too_large_code: &str,
        header_names: &str,
    ) -> Function;

    /// Starts one attempt, `fetch(url, init, limits)` as a promise: `head`
    /// is `"METHOD url"`, then, when `headers` is `undefined`, the headers as
    /// lines `name\nvalue\n…` (the request crosses into JS as one string);
    /// else `headers` are the pairs. `init` is `{ method, headers, redirect:
    /// "manual", signal?, body? }`.
    #[wasm_bindgen(js_name = startAttempt, catch)]
    fn start_attempt(
        fetch: &Function,
        head: &str,
        headers: &JsValue,
        body: Option<&str>,
        signal: Option<&AbortSignal>,
        limits: &JsValue,
    ) -> Result<Promise, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// What the client's `fetch` answers: `{ status, head, body }`.
    type Fetched;

    /// The status code.
    #[wasm_bindgen(method, getter)]
    fn status(this: &Fetched) -> u16;

    /// The headers, `"name\nvalue\n…"` (not a string: none).
    #[wasm_bindgen(method, getter)]
    fn head(this: &Fetched) -> JsValue;

    /// The body's bytes, a `Uint8Array` (absent: none).
    #[wasm_bindgen(method, getter)]
    fn body(this: &Fetched) -> JsValue;
}

/// What a Node error `code` (of node:http, or of undici under the global
/// `fetch`) says happened, as the native transport says it (and whether the
/// request can have left); `None` for a code not known here.
fn node_connection_problem(code: &str) -> Option<ConnectionProblem> {
    use ConnectionProblem::*;
    Some(match code {
        "ENOTFOUND" | "EAI_AGAIN" | "EAI_NONAME" | "EAI_FAIL" => HostNotFound,
        "ECONNREFUSED" => Refused,
        "EADDRNOTAVAIL" | "ENETUNREACH" | "EHOSTUNREACH" | "ENETDOWN" | "EHOSTDOWN" => {
            ConnectFailed
        }
        "ERR_INVALID_URL" | "ERR_INVALID_PROTOCOL" | "ERR_UNESCAPED_CHARACTERS" => BadUrl,
        "ECONNRESET"
        | "EPIPE"
        | "ECONNABORTED"
        | "ERR_STREAM_PREMATURE_CLOSE"
        | "UND_ERR_SOCKET"
        | "UND_ERR_CLOSED" => ClosedEarly,
        // llhttp's parse errors, in node:http and undici alike.
        code if code.starts_with("HPE_") || code == "UND_ERR_RESPONSE_STATUS_CODE" => NotHttp,
        _ => return None,
    })
}

/// What a Node TLS error `code` says went wrong in the handshake, or `None`
/// when it is no TLS error. `detail` is the error's own message, which alone
/// tells a plain-http answer from other protocol errors under `EPROTO`.
fn node_tls_problem(code: &str, detail: &str) -> Option<TlsProblem> {
    Some(match code {
        "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
        | "UNABLE_TO_GET_ISSUER_CERT"
        | "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
        | "SELF_SIGNED_CERT_IN_CHAIN"
        | "DEPTH_ZERO_SELF_SIGNED_CERT"
        | "CERT_UNTRUSTED"
        | "CERT_SIGNATURE_FAILURE" => TlsProblem::Untrusted,
        "ERR_TLS_CERT_ALTNAME_INVALID" | "HOSTNAME_MISMATCH" => TlsProblem::WrongName,
        "CERT_HAS_EXPIRED" => TlsProblem::Expired,
        "CERT_NOT_YET_VALID" => TlsProblem::NotYetValid,
        "CERT_REVOKED" => TlsProblem::Revoked,
        "ERR_SSL_WRONG_VERSION_NUMBER"
        | "ERR_SSL_PACKET_LENGTH_TOO_LONG"
        | "ERR_SSL_HTTP_REQUEST" => TlsProblem::NotTls,
        "ERR_SSL_UNSUPPORTED_PROTOCOL"
        | "ERR_SSL_NO_PROTOCOLS_AVAILABLE"
        | "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION"
        | "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"
        | "ERR_SSL_NO_SHARED_CIPHER" => TlsProblem::NoCommonProtocol,
        "EPROTO"
            if [
                "wrong version number",
                "packet length too long",
                "http request",
            ]
            .iter()
            .any(|reason| detail.contains(reason)) =>
        {
            TlsProblem::NotTls
        }
        "EPROTO" => TlsProblem::Other,
        code if code.starts_with("ERR_SSL_") => TlsProblem::Other,
        _ => return None,
    })
}

/// The error code (`error.cause.code`) with which the package's Node `fetch`
/// (`keepAliveFetch`, and a client's default) refuses a body over the cap,
/// reading no further. The one copy: node-fetch.cjs asks for it
/// (`host::body_too_large_code`).
pub const BODY_TOO_LARGE_CODE: &str = "HMS_BODY_TOO_LARGE";

/// The error code (`error.cause.code`) with which a client's default Node
/// `fetch` gives up at the `timeoutMs` it was given. The one copy, as above.
pub const TIMEOUT_CODE: &str = "HMS_TIMEOUT";

/// How one attempt ended: what the core is fed, or the caller's abort.
pub type Sent = Result<Result<HttpResponse, TransportFailure>, JsValue>;

/// Sends requests with `fetch`.
#[derive(Debug)]
pub struct Transport {
    /// The `fetch` to call, bounding each attempt itself: it takes
    /// `timeoutMs`, watches the signal and answers the body as bytes (the
    /// package's Node `fetch`, or any other wrapped by `boundedFetch`).
    fetch: Function,
    /// The largest body read.
    max_response_bytes: usize,
    /// Whether this is a browser page, which owns the `user-agent` header.
    browser: bool,
    /// The last `limits` object made, and the timeout it was made for.
    limits: RefCell<Option<(Duration, js_sys::Object)>>,
    /// The proxies the core picks from for each request (the package's Node
    /// `fetch` only: it gets the URL as `limits.proxy`).
    proxies: Proxies,
}

impl Transport {
    /// A transport over `fetch` (`None`: the global one, looked up at each
    /// attempt); `bounds_attempts` says whether it is the package's Node
    /// `fetch`, which needs no wrapping.
    pub fn new(fetch: Option<Function>, bounds_attempts: bool, max_response_bytes: usize) -> Self {
        let fetch = match fetch {
            Some(fetch) if bounds_attempts => fetch,
            other => bounded_fetch(
                &other.map_or(JsValue::UNDEFINED, JsValue::from),
                TIMEOUT_CODE,
                BODY_TOO_LARGE_CODE,
                &READ_RESPONSE_HEADERS.join("\n"),
            ),
        };
        Transport {
            fetch,
            max_response_bytes,
            browser: env::is_browser_page(),
            limits: RefCell::default(),
            proxies: Proxies::default(),
        }
    }

    /// The same transport, sending through the proxy the core picks from
    /// `proxies` for each request.
    pub fn with_proxies(mut self, proxies: Proxies) -> Self {
        self.proxies = proxies;
        self
    }

    /// Sends `request`, bounded by `timeout` and `signal`: one call of
    /// `fetch`, given the caller's signal and the timeout, answering the body
    /// as bytes. `Err` is the signal's reason once it aborts.
    pub async fn send(
        &self,
        request: &HttpRequest,
        timeout: Duration,
        signal: Option<&AbortSignal>,
    ) -> Sent {
        super::timer::check(signal)?;
        let sent = match self.fetch(request, signal, timeout) {
            Ok(pending) => JsFuture::from(pending).await,
            Err(error) => Err(error),
        };
        let outcome = match sent {
            Ok(response) => {
                let response: Fetched = response.unchecked_into();
                let head = response.head().as_string().unwrap_or_default();
                let body = response.body();
                let body = if body.is_undefined() || body.is_null() {
                    Ok(Vec::new())
                } else {
                    self.bytes(&body)
                };
                body.map(|body| HttpResponse {
                    status: response.status(),
                    headers: compact_pairs(&head),
                    body,
                })
            }
            Err(error) => Err(Broke::Fetch(error)),
        };
        match outcome {
            Ok(response) => Ok(Ok(response)),
            Err(broke) => {
                super::timer::check(signal)?;
                Ok(Err(broke.failure(timeout)))
            }
        }
    }

    /// Starts `fetch(url, init, { maxResponseBytes, timeoutMs })`: the third
    /// argument tells the bounded `fetch` the cap at which to stop reading
    /// and when to give up.
    fn fetch(
        &self,
        request: &HttpRequest,
        signal: Option<&AbortSignal>,
        timeout: Duration,
    ) -> Result<Promise, JsValue> {
        let (head, headers) = self.head(request);
        let limits = self.limits(timeout)?;
        let limits = match self.proxies.for_url(&request.url) {
            // A request through a proxy gets a copy naming it.
            Some(proxy) => {
                let copy = Object::assign(&Object::new(), &limits);
                Reflect::set(
                    &copy,
                    &JsValue::from_str("proxy"),
                    &JsValue::from_str(proxy.as_str()),
                )?;
                copy
            }
            None => limits,
        };
        start_attempt(
            &self.fetch,
            &head,
            &headers,
            request.body.as_deref(),
            signal,
            &limits,
        )
    }

    /// `{ maxResponseBytes, timeoutMs }`, the third argument of `fetch`: the
    /// same object for every attempt bounded by the same timeout.
    fn limits(&self, timeout: Duration) -> Result<js_sys::Object, JsValue> {
        let mut cached = self.limits.borrow_mut();
        if let Some((for_timeout, limits)) = cached.as_ref() {
            if *for_timeout == timeout {
                return Ok(limits.clone());
            }
        }
        let limits = js_sys::Object::new();
        Reflect::set(
            &limits,
            &JsValue::from_str("maxResponseBytes"),
            &JsValue::from_f64(self.max_response_bytes as f64),
        )?;
        Reflect::set(
            &limits,
            &JsValue::from_str("timeoutMs"),
            &JsValue::from_f64(timeout.as_secs_f64() * 1000.0),
        )?;
        *cached = Some((timeout, limits.clone()));
        Ok(limits)
    }

    /// `request` for `startAttempt`: `"METHOD url\nname\nvalue\n…"` and no
    /// pairs, one crossing of the wasm boundary for the whole request; where
    /// the URL or a value holds a line break (which `fetch` then refuses with
    /// its own words), `"METHOD url"` and the headers as pairs (a
    /// `HeadersInit` every fetch takes). Never a `Headers`: in Node that
    /// class loads undici, which costs a cold start ~20 ms.
    fn head(&self, request: &HttpRequest) -> (String, JsValue) {
        let sent = request
            .headers
            .iter()
            .filter(|(name, _)| !(self.browser && *name == "user-agent"));
        let mut head = String::with_capacity(256);
        head.extend([request.method.as_str(), " ", &request.url]);
        if !request.url.contains('\n') && !request.headers.iter().any(|(_, v)| v.contains('\n')) {
            for (name, value) in sent {
                head.extend(["\n", name, "\n", value.as_ref()]);
            }
            return (head, JsValue::UNDEFINED);
        }
        let pairs = Array::new();
        for (name, value) in sent {
            pairs.push(&Array::of2(
                &JsValue::from_str(name),
                &JsValue::from_str(value),
            ));
        }
        (head, pairs.into())
    }

    /// A body that is bytes already (a `Uint8Array`), up to the cap.
    fn bytes(&self, body: &JsValue) -> Result<Vec<u8>, Broke> {
        let bytes: &Uint8Array = body.unchecked_ref();
        if bytes.length() as usize > self.max_response_bytes {
            return Err(Broke::TooLarge);
        }
        Ok(bytes.to_vec())
    }
}

/// Why an attempt got no response.
enum Broke {
    /// `fetch` or the body read rejected (or threw) with this.
    Fetch(JsValue),
    /// The body was over the cap.
    TooLarge,
}

impl Broke {
    /// The failure the core is fed, for an attempt bounded by `timeout`.
    fn failure(self, timeout: Duration) -> TransportFailure {
        match self {
            Broke::Fetch(error) => fetch_failure(&error, timeout),
            Broke::TooLarge => TransportFailure::new(
                TransportFailureKind::BodyTooLarge,
                "the response body is over the size cap",
            ),
        }
    }
}

/// The failure of an attempt that got no response within `timeout`.
fn timed_out(timeout: Duration) -> TransportFailure {
    let ms = timeout.as_millis() as u64;
    TransportFailure::new(
        TransportFailureKind::Timeout,
        format!("no response within {ms} ms"),
    )
}

/// The pairs of `name\nvalue\n…` (the package's Node `fetch` answers its
/// headers so).
fn compact_pairs(head: &str) -> Vec<(String, String)> {
    let mut parts = head.split('\n');
    let mut pairs = Vec::new();
    while let (Some(name), Some(value)) = (parts.next(), parts.next()) {
        pairs.push((name.to_owned(), value.to_owned()));
    }
    pairs
}

/// Sorts a rejected `fetch` by whether the request can have left: only Node's
/// connection and certificate errors prove it did not; a browser's
/// `TypeError` tells nothing.
fn fetch_failure(error: &JsValue, timeout: Duration) -> TransportFailure {
    let text = |value: &JsValue, key: &str| {
        Reflect::get(value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let cause = Reflect::get(error, &JsValue::from_str("cause")).unwrap_or_default();
    let code = text(&cause, "code").or_else(|| text(error, "code"));
    let detail = text(&cause, "message").unwrap_or_default();
    if let Some(problem) = code.as_deref().and_then(|c| node_tls_problem(c, &detail)) {
        return TransportFailure::new(
            TransportFailureKind::TlsHandshake,
            problem.describe(TrustAdvice::NodeExtraCaCerts),
        );
    }
    match code.as_deref() {
        Some(TIMEOUT_CODE) => return timed_out(timeout),
        Some(BODY_TOO_LARGE_CODE) => {
            return TransportFailure::new(TransportFailureKind::BodyTooLarge, detail)
        }
        Some(code) => {
            if let Some(problem) = node_connection_problem(code) {
                return problem.failure();
            }
        }
        None => {}
    }
    let said = match detail.is_empty() {
        true => text(error, "message").unwrap_or_else(|| "fetch failed".into()),
        false => detail,
    };
    let message = match code {
        // A code this layer does not know: our words, and the code to look up.
        Some(code) => format!("the connection failed ({code})"),
        // A browser says only "Failed to fetch" (or "NetworkError…", "Load
        // failed"), whatever went wrong: name what it usually is.
        None if !env::is_server_runtime() => format!(
            "the request got no response (the browser says \"{said}\"): likely a CORS \
             block (the server does not allow this page's origin), the network (offline, \
             DNS, connection refused) or the server's TLS certificate; the browser's console \
             says which"
        ),
        // A server runtime's `fetch` (Deno's, a caller's) with no code: what it said.
        None => format!("the connection failed (the runtime says \"{said}\")"),
    };
    TransportFailure::new(TransportFailureKind::Broken, message)
}
