//! Blocking HTTP over ureq: keep-alive, rustls, no redirects, capped bodies.

use super::handshake;
use super::interrupt::{with_cancel, InterruptibleConnector};
use super::resolver::CachingResolver;
use crate::core::config::proxy::{Proxies, ProxyUrl};
use crate::core::config::Config;
use crate::core::connection_problem::ConnectionProblem;
use crate::core::wire::http::{HttpRequest, HttpResponse, Method, TransportFailure};
use crate::native::cancel::CancelToken;
use std::io::{ErrorKind as IoKind, Read};
use std::time::Duration;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

/// Sends one attempt and reads the whole response.
#[derive(Debug)]
pub struct Transport {
    agent: ureq::Agent,
    max_response_bytes: u64,
    /// Whether the client trusts its own CA certificates instead of the web roots.
    custom_roots: bool,
    /// The client's proxies, and the one its agent uses (that of the base URL);
    /// a request whose URL needs another sets it itself.
    proxies: Proxies,
    agent_proxy: Option<ProxyUrl>,
}

impl Transport {
    /// A transport with one connection pool for `config`.
    pub fn new(config: &Config) -> Transport {
        let agent_proxy = config.proxies().for_url(config.base_url()).cloned();
        let agent_config = ureq::Agent::config_builder()
            .proxy(agent_proxy.as_ref().map(ureq_proxy))
            .timeout_global(Some(config.timeout()))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(config.user_agent())
            .max_idle_connections(64)
            .max_idle_connections_per_host(64)
            .tls_config(tls_config(config))
            .build();
        let agent = ureq::Agent::with_parts(
            agent_config,
            InterruptibleConnector::default(),
            CachingResolver::default(),
        );
        Transport {
            agent,
            max_response_bytes: config.max_response_bytes() as u64,
            custom_roots: !config.ca_certificates().is_empty(),
            proxies: config.proxies().clone(),
            agent_proxy,
        }
    }

    /// The proxy of `url` when it is not the agent's: `Some(None)` to go direct.
    fn proxy_override(&self, url: &str) -> Option<Option<ureq::Proxy>> {
        let wanted = self.proxies.for_url(url);
        (wanted != self.agent_proxy.as_ref()).then(|| wanted.map(ureq_proxy))
    }

    /// Sends `request`; `timeout` bounds this attempt (at most the configured one).
    pub fn send(
        &self,
        request: &HttpRequest,
        timeout: Duration,
    ) -> Result<HttpResponse, TransportFailure> {
        self.send_cancellable(request, timeout, None)
    }

    /// Like [`Transport::send`], and cancelling `cancel` ends the attempt at
    /// once (its socket is shut down) with a
    /// [`Broken`](crate::core::wire::http::TransportFailureKind::Broken)
    /// failure.
    pub fn send_cancellable(
        &self,
        request: &HttpRequest,
        timeout: Duration,
        cancel: Option<&CancelToken>,
    ) -> Result<HttpResponse, TransportFailure> {
        with_cancel(cancel, || self.attempt(request, timeout))
    }

    /// Sends `request` and reads the whole response.
    fn attempt(
        &self,
        request: &HttpRequest,
        timeout: Duration,
    ) -> Result<HttpResponse, TransportFailure> {
        let result = match request.method {
            Method::Get => {
                let mut builder = self.agent.get(&request.url);
                for (name, value) in &request.headers {
                    builder = builder.header(*name, value.as_ref());
                }
                let mut config = builder.config().timeout_global(Some(timeout));
                if let Some(proxy) = self.proxy_override(&request.url) {
                    config = config.proxy(proxy);
                }
                config.build().call()
            }
            Method::Post => {
                let mut builder = self.agent.post(&request.url);
                for (name, value) in &request.headers {
                    builder = builder.header(*name, value.as_ref());
                }
                let body = request.body.as_deref().unwrap_or_default();
                let mut config = builder.config().timeout_global(Some(timeout));
                if let Some(proxy) = self.proxy_override(&request.url) {
                    config = config.proxy(proxy);
                }
                config.build().send(body.as_bytes())
            }
        };
        let mut response = result.map_err(|e| failure(e, self.custom_roots))?;
        let status = response.status().as_u16();
        let headers = HttpResponse::headers_of(response.headers());
        let body = read_body(response.body_mut(), self.max_response_bytes)
            .map_err(|e| failure(e, self.custom_roots))?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// ureq's proxy for `proxy` (checked by the core, so ureq accepts it).
fn ureq_proxy(proxy: &ProxyUrl) -> ureq::Proxy {
    ureq::Proxy::new(proxy.as_str()).expect("the core checked the proxy URL")
}

/// The whole body, at most `limit` bytes, read straight into one buffer sized
/// from `Content-Length` (when it is within the limit).
fn read_body(body: &mut ureq::Body, limit: u64) -> Result<Vec<u8>, ureq::Error> {
    let expected = body.content_length().filter(|&n| n <= limit).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected as usize);
    body.with_config()
        .limit(limit)
        .reader()
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The configured CA certificates as the only roots, or ureq's defaults
/// (rustls with the web PKI roots) when none are configured.
fn tls_config(config: &Config) -> TlsConfig {
    let builder = TlsConfig::builder();
    let Some(own) = crate::native::tls::own_roots(config) else {
        return builder.build();
    };
    let roots: Vec<Certificate<'static>> = own
        .iter()
        .map(|der| Certificate::from_der(der).to_owned())
        .collect();
    builder
        .root_certs(RootCerts::new_with_certs(&roots))
        .build()
}

/// Sorts ureq's errors by whether the request can have reached the server,
/// and says what happened in the project's words (`ConnectionProblem`).
fn failure(error: ureq::Error, custom_roots: bool) -> TransportFailure {
    use ConnectionProblem::*;
    if let Some(handshake) = handshake::failure(&error, custom_roots) {
        return handshake;
    }
    let problem = match &error {
        ureq::Error::HostNotFound => HostNotFound,
        ureq::Error::ConnectionFailed => ConnectFailed,
        ureq::Error::BadUri(_) => BadUrl,
        ureq::Error::Io(io) if io.kind() == IoKind::ConnectionRefused => Refused,
        ureq::Error::Io(io) if io.kind() == IoKind::AddrNotAvailable => ConnectFailed,
        ureq::Error::Io(io) if matches!(io.kind(), IoKind::TimedOut | IoKind::WouldBlock) => {
            NoAnswerInTime
        }
        ureq::Error::Timeout(ureq::Timeout::Resolve) => ResolveTimedOut,
        ureq::Error::Timeout(ureq::Timeout::Connect) => ConnectTimedOut,
        ureq::Error::Timeout(_) => NoCompleteAnswerInTime,
        ureq::Error::BodyExceedsLimit(_) => BodyTooLarge,
        ureq::Error::Protocol(_) => NotHttp,
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                IoKind::UnexpectedEof | IoKind::ConnectionReset | IoKind::BrokenPipe
            ) =>
        {
            ClosedEarly
        }
        _ => Other,
    };
    problem.failure()
}
