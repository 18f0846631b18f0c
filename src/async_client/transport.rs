//! Async HTTP over reqwest: keep-alive, rustls (ring), no redirects, capped
//! bodies, each attempt bounded as a whole.

use crate::core::config::Config;
use crate::core::connection_problem::ConnectionProblem;
use crate::core::wire::http::{
    HttpRequest, HttpResponse, Method, TransportFailure, TransportFailureKind,
};
use crate::native::tls::describe;
use std::error::Error as StdError;
use std::io::ErrorKind as IoKind;
use std::sync::Arc;
use std::time::Duration;

/// Sends one attempt and reads the whole response.
#[derive(Debug)]
pub struct Transport {
    client: reqwest::Client,
    max_response_bytes: usize,
    /// Whether the client trusts its own CA certificates instead of the web roots.
    custom_roots: bool,
}

impl Transport {
    /// A transport with one connection pool for `config`.
    pub fn new(config: &Config) -> Transport {
        // The core picks each request's proxy (environment, NO_PROXY, explicit);
        // reqwest's own reading of the environment is off.
        let mut builder = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config(config))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(config.user_agent())
            .pool_max_idle_per_host(64)
            .no_proxy();
        if !config.proxies().is_empty() {
            let proxies = config.proxies().clone();
            builder = builder.proxy(reqwest::Proxy::custom(move |url| {
                proxies
                    .for_url(url.as_str())
                    .map(|p| p.as_str().to_string())
            }));
        }
        let client = builder
            .build()
            .expect("a reqwest client with a rustls config builds");
        Transport {
            client,
            max_response_bytes: config.max_response_bytes(),
            custom_roots: !config.ca_certificates().is_empty(),
        }
    }

    /// Sends `request`; `timeout` bounds this attempt, connection to last byte.
    pub async fn send(
        &self,
        request: &HttpRequest,
        timeout: Duration,
    ) -> Result<HttpResponse, TransportFailure> {
        match tokio::time::timeout(timeout, self.exchange(request)).await {
            Ok(result) => result,
            Err(_) => Err(ConnectionProblem::NoCompleteAnswerInTime.failure()),
        }
    }

    /// Sorts reqwest's errors by whether the request can have reached the
    /// server, and says what happened in the project's words
    /// (`ConnectionProblem`, as the blocking client does).
    fn failure(&self, error: reqwest::Error) -> TransportFailure {
        use ConnectionProblem::*;
        let io_kind = io_error(&error).map(std::io::Error::kind);
        let problem = if error.is_timeout() {
            NoCompleteAnswerInTime
        } else if error.is_connect() {
            // Connecting includes the TLS handshake: no request went out.
            match rustls_error(&error) {
                Some(tls) => {
                    return TransportFailure::new(
                        TransportFailureKind::TlsHandshake,
                        describe(tls, self.custom_roots),
                    )
                }
                None if io_kind == Some(IoKind::ConnectionRefused) => Refused,
                None => ConnectFailed,
            }
        } else if error.is_builder() {
            BadUrl
        } else if error.is_body() || error.is_request() {
            ClosedEarly
        } else {
            Other
        };
        problem.failure()
    }

    async fn exchange(&self, request: &HttpRequest) -> Result<HttpResponse, TransportFailure> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let mut builder = self.client.request(method, &request.url);
        for (name, value) in &request.headers {
            builder = builder.header(*name, value.as_ref());
        }
        if request.method == Method::Post {
            builder = builder.body(request.body.clone().unwrap_or_default());
        }
        let mut response = builder.send().await.map_err(|e| self.failure(e))?;
        let status = response.status().as_u16();
        let headers = HttpResponse::headers_of(response.headers());
        let limit = self.max_response_bytes;
        let expected = response.content_length().unwrap_or(0);
        if expected > limit as u64 {
            return Err(too_large(limit));
        }
        let mut body = Vec::with_capacity(expected as usize);
        while let Some(chunk) = response.chunk().await.map_err(|e| self.failure(e))? {
            if body.len() + chunk.len() > limit {
                return Err(too_large(limit));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn too_large(limit: usize) -> TransportFailure {
    TransportFailure::new(
        TransportFailureKind::BodyTooLarge,
        format!("the response body is larger than {limit} bytes"),
    )
}

/// rustls with the ring provider, trusting the configured CA certificates
/// only, or the web PKI roots when none are configured (as the blocking client).
fn tls_config(config: &Config) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore::empty();
    match crate::native::tls::own_roots(config) {
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        // One rustls rejects is left out.
        Some(own) => {
            roots.add_parsable_certificates(own);
        }
    }
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

/// The rustls error somewhere in `error`'s chain of sources, if any. An
/// `io::Error` is looked into: its `source()` skips the error it wraps.
fn rustls_error<'e>(error: &'e (dyn StdError + 'static)) -> Option<&'e rustls::Error> {
    if let Some(tls) = error.downcast_ref::<rustls::Error>() {
        return Some(tls);
    }
    let wrapped = error
        .downcast_ref::<std::io::Error>()
        .and_then(|io| io.get_ref())
        .and_then(|inner| rustls_error(inner));
    wrapped.or_else(|| error.source().and_then(rustls_error))
}

/// The first `io::Error` in `error`'s chain of sources, if any.
fn io_error<'e>(error: &'e (dyn StdError + 'static)) -> Option<&'e std::io::Error> {
    let mut next = Some(error);
    while let Some(error) = next {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        next = error.source();
    }
    None
}
