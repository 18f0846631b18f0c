//! A checked base URL: `https`, or `http` only to loopback unless allowed.

use crate::core::error::{Error, Result};
use std::net::IpAddr;

/// A base URL such as `https://api.100ms.live/v2`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Parses and checks `raw`. `name` names the setting in error messages.
    ///
    /// Rules: scheme `https`, or `http` when the host is a loopback address
    /// (`localhost`, `127.0.0.0/8`, `[::1]`) or `allow_insecure_http` is set;
    /// a host is required; no user info, query or fragment.
    pub fn parse(name: &str, raw: &str, allow_insecure_http: bool) -> Result<BaseUrl> {
        let bad = |why: &str| Error::invalid_argument(format!("{name} {why}"));
        let raw = raw.trim();
        let (scheme, rest) = raw
            .split_once("://")
            .ok_or_else(|| bad("must be an absolute URL such as https://api.100ms.live/v2"))?;
        let scheme = scheme.to_ascii_lowercase();
        if raw.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(bad("must not contain spaces or control characters"));
        }
        if rest.contains(['?', '#']) {
            return Err(bad("must not have a query or a fragment"));
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.contains('@') {
            return Err(bad("must not contain user info"));
        }
        let host = host_of(authority).ok_or_else(|| bad("has no host"))?;
        match scheme.as_str() {
            "https" => {}
            "http" if allow_insecure_http || is_loopback(host) => {}
            "http" => {
                return Err(bad(
                    "uses plain http to a host that is not loopback; use https or allow insecure http explicitly",
                ))
            }
            _ => return Err(bad("must use https")),
        }
        let path = rest[authority.len()..].trim_end_matches('/');
        Ok(BaseUrl(format!("{scheme}://{authority}{path}")))
    }

    /// The URL as a string, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The host part of `host[:port]` or `[v6]:port`, if not empty.
fn host_of(authority: &str) -> Option<&str> {
    let host = if let Some(v6) = authority.strip_prefix('[') {
        &authority[..v6.find(']')? + 2]
    } else {
        authority.split(':').next()?
    };
    (!host.is_empty()).then_some(host)
}

/// Whether `host` names this machine.
fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    #[test]
    fn accepts_https_and_loopback_http() {
        for (raw, want) in [
            ("https://api.100ms.live/v2", "https://api.100ms.live/v2"),
            ("https://api.100ms.live/v2/", "https://api.100ms.live/v2"),
            ("HTTPS://proxy.example:8443", "https://proxy.example:8443"),
            ("http://127.0.0.1:8080/v2", "http://127.0.0.1:8080/v2"),
            ("http://127.9.9.9/v2", "http://127.9.9.9/v2"),
            ("http://localhost:1/v2", "http://localhost:1/v2"),
            ("http://[::1]:80/v2", "http://[::1]:80/v2"),
        ] {
            assert_eq!(
                BaseUrl::parse("base_url", raw, false).unwrap().as_str(),
                want
            );
        }
    }

    #[test]
    fn rejects_unsafe_or_malformed_urls() {
        for raw in [
            "http://api.example/v2",
            "http://10.0.0.1/v2",
            "ftp://x/v2",
            "api.100ms.live/v2",
            "https:///v2",
            "https://user:pw@api.example/v2",
            "https://api.example/v2?x=1",
            "https://api.example/v2#f",
            "https://api.example/v 2",
            "https://[::1",
            "",
        ] {
            let err = BaseUrl::parse("base_url", raw, false).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{raw}");
        }
    }

    #[test]
    fn insecure_http_needs_the_opt_in() {
        assert!(BaseUrl::parse("base_url", "http://api.example/v2", true).is_ok());
    }
}
