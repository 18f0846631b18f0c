//! Blocking HTTP over ureq: keep-alive, rustls, no redirects, capped bodies.

use super::resolver::CachingResolver;
use crate::config::Config;
use crate::http::{HttpRequest, HttpResponse, Method, TransportFailure, TransportFailureKind};
use std::io::{ErrorKind as IoKind, Read};
use std::time::Duration;
use ureq::tls::{Certificate, RootCerts, TlsConfig};
use ureq::unversioned::transport::DefaultConnector;

/// Sends one attempt and reads the whole response.
#[derive(Debug)]
pub struct Transport {
    agent: ureq::Agent,
    max_response_bytes: u64,
}

impl Transport {
    /// A transport with one connection pool for `config`.
    pub fn new(config: &Config) -> Transport {
        let agent_config = ureq::Agent::config_builder()
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
            DefaultConnector::default(),
            CachingResolver::default(),
        );
        Transport {
            agent,
            max_response_bytes: config.max_response_bytes() as u64,
        }
    }

    /// Sends `request`; `timeout` bounds this attempt (at most the configured one).
    pub fn send(
        &self,
        request: &HttpRequest,
        timeout: Duration,
    ) -> Result<HttpResponse, TransportFailure> {
        let result = match request.method {
            Method::Get => {
                let mut builder = self.agent.get(&request.url);
                for (name, value) in &request.headers {
                    builder = builder.header(*name, value);
                }
                builder
                    .config()
                    .timeout_global(Some(timeout))
                    .build()
                    .call()
            }
            Method::Post => {
                let mut builder = self.agent.post(&request.url);
                for (name, value) in &request.headers {
                    builder = builder.header(*name, value);
                }
                let body = request.body.as_deref().unwrap_or_default();
                builder
                    .config()
                    .timeout_global(Some(timeout))
                    .build()
                    .send(body.as_bytes())
            }
        };
        let mut response = result.map_err(failure)?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| {
                Some((name.as_str().to_string(), value.to_str().ok()?.to_string()))
            })
            .collect();
        let body = read_body(response.body_mut(), self.max_response_bytes)?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// The whole body, at most `limit` bytes, read straight into one buffer sized
/// from `Content-Length` (when it is within the limit).
fn read_body(body: &mut ureq::Body, limit: u64) -> Result<Vec<u8>, TransportFailure> {
    let expected = body.content_length().filter(|&n| n <= limit).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected as usize);
    body.with_config()
        .limit(limit)
        .reader()
        .read_to_end(&mut bytes)
        .map_err(|e| failure(e.into()))?;
    Ok(bytes)
}

/// The configured CA certificates as the only roots, or ureq's defaults
/// (rustls with the web PKI roots) when none are configured.
fn tls_config(config: &Config) -> TlsConfig {
    let builder = TlsConfig::builder();
    if config.ca_certificates().is_empty() {
        return builder.build();
    }
    let roots: Vec<Certificate<'static>> = config
        .ca_certificates()
        .iter()
        .map(|der| Certificate::from_der(der).to_owned())
        .collect();
    builder
        .root_certs(RootCerts::new_with_certs(&roots))
        .build()
}

/// The rustls error behind `error`, if any.
fn rustls_error(error: &ureq::Error) -> Option<&rustls::Error> {
    match error {
        ureq::Error::Rustls(e) => Some(e),
        ureq::Error::Io(io) => io.get_ref()?.downcast_ref(),
        _ => None,
    }
}

/// A failed TLS handshake: refused certificates, or nothing both sides speak.
/// These come only from a handshake, so no request went out.
fn handshake_failure(error: &rustls::Error) -> Option<TransportFailure> {
    use rustls::Error::*;
    let message = match error {
        InvalidCertificate(_) | NoCertificatesPresented => format!(
            "the server's TLS certificate is not trusted ({error}). If a private CA signed it \
             (a company proxy, a test server), trust that CA's certificate (PEM) with the \
             client's CA-certificates option: ConfigBuilder::ca_certificates_pem in Rust, \
             hms_client_options_set_ca_certificates_pem in C, Config.CACertificatesPEM in Go"
        ),
        PeerIncompatible(_) => format!("the TLS handshake failed: {error}"),
        _ => return None,
    };
    Some(TransportFailure::new(
        TransportFailureKind::TlsHandshake,
        message,
    ))
}

/// Sorts ureq's errors by whether the request can have reached the server.
fn failure(error: ureq::Error) -> TransportFailure {
    use TransportFailureKind::*;
    if let Some(handshake) = rustls_error(&error).and_then(handshake_failure) {
        return handshake;
    }
    let kind = match &error {
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed | ureq::Error::BadUri(_) => {
            NotSent
        }
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                IoKind::ConnectionRefused | IoKind::AddrNotAvailable
            ) =>
        {
            NotSent
        }
        ureq::Error::Io(io) if matches!(io.kind(), IoKind::TimedOut | IoKind::WouldBlock) => {
            Timeout
        }
        ureq::Error::Timeout(_) => Timeout,
        ureq::Error::BodyExceedsLimit(_) => BodyTooLarge,
        _ => Broken,
    };
    let message = match &error {
        ureq::Error::Rustls(e) => format!("TLS failed: {e}"),
        other => other.to_string(),
    };
    TransportFailure::new(kind, message)
}
