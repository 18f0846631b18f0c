//! Blocking HTTP over ureq: keep-alive, rustls, no redirects, capped bodies.

use crate::config::Config;
use crate::http::{HttpRequest, HttpResponse, Method, TransportFailure, TransportFailureKind};
use std::io::ErrorKind as IoKind;
use std::time::Duration;

/// Sends one attempt and reads the whole response.
#[derive(Debug)]
pub struct Transport {
    agent: ureq::Agent,
    max_response_bytes: u64,
}

impl Transport {
    /// A transport with one connection pool for `config`.
    pub fn new(config: &Config) -> Transport {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout()))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(config.user_agent())
            .max_idle_connections(64)
            .max_idle_connections_per_host(64)
            .build()
            .into();
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
        let body = response
            .body_mut()
            .with_config()
            .limit(self.max_response_bytes)
            .read_to_vec()
            .map_err(failure)?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// Sorts ureq's errors by whether the request can have reached the server.
fn failure(error: ureq::Error) -> TransportFailure {
    use TransportFailureKind::*;
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
