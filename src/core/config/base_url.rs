//! A checked base URL: `https`, or `http` only to loopback unless allowed.

use crate::core::error::{Error, Result};
use std::net::{IpAddr, Ipv6Addr};

/// A base URL such as `https://api.100ms.live/v2`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Parses and checks `raw`. `name` names the setting in error messages.
    ///
    /// Rules: scheme `https`, or `http` when the host is a loopback address
    /// (`localhost`, `127.0.0.0/8`, `[::1]`) or `allow_insecure_http` is set;
    /// a host is required: a name of letters, digits, `-`, `_` and `.`, or an
    /// IPv6 address in brackets; a port, if given, is a number from 1 to
    /// 65535; no user info, query or fragment.
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
        let (host, port) = split_authority(authority).ok_or_else(|| {
            bad("must have a host name, or an IPv6 address in brackets, then an optional :port")
        })?;
        if host.is_empty() {
            return Err(bad("has no host"));
        }
        if port.is_some_and(|port| !is_port(port)) {
            return Err(bad("has a port that is not a number from 1 to 65535"));
        }
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

/// `host[:port]` or `[v6][:port]` split into host (brackets kept) and port;
/// `None` when the host is neither a name nor a bracketed IPv6 address, or
/// something other than `:port` follows it.
fn split_authority(authority: &str) -> Option<(&str, Option<&str>)> {
    let (host, rest) = match authority.strip_prefix('[') {
        Some(v6) => {
            let end = v6.find(']')? + 2;
            v6[..end - 2].parse::<Ipv6Addr>().ok()?;
            authority.split_at(end)
        }
        None => {
            let end = authority.find(':').unwrap_or(authority.len());
            let host = &authority[..end];
            let name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
            if !host.chars().all(name) {
                return None;
            }
            authority.split_at(end)
        }
    };
    match rest.strip_prefix(':') {
        Some(port) => Some((host, Some(port))),
        None if rest.is_empty() => Some((host, None)),
        None => None,
    }
}

/// Whether `port` is a port number a connection can use: 1 to 65535, digits only.
fn is_port(port: &str) -> bool {
    port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok_and(|p| p != 0)
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
            ("http://[::1]/v2", "http://[::1]/v2"),
            (
                "https://a-b_c.example:65535/v2",
                "https://a-b_c.example:65535/v2",
            ),
            ("https://api.example:1", "https://api.example:1"),
            ("https://[fe80::1]:8443/v2", "https://[fe80::1]:8443/v2"),
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
            "https://localhost:99999/v2",
            "http://127.0.0.1:70000/v2",
            "http://127.0.0.1:65536/v2",
            "http://127.0.0.1:0/v2",
            "http://127.0.0.1:00/v2",
            "http://127.0.0.1:/v2",
            "http://127.0.0.1:+80/v2",
            "http://127.0.0.1:8a/v2",
            "http://[::1]evil.com/v2",
            "http://[::1]:80evil/v2",
            "http://[nope]/v2",
            "http://[::1]:0/v2",
            "https://api.exa%6dple/v2",
            "https://api.example\\@evil/v2",
            "https://:443/v2",
        ] {
            let err = BaseUrl::parse("base_url", raw, false).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{raw}");
        }
    }

    #[test]
    fn insecure_http_needs_the_opt_in() {
        assert!(BaseUrl::parse("base_url", "http://api.example/v2", true).is_ok());
        let plain = BaseUrl::parse("base_url", "http://api.example/v2", false).unwrap_err();
        assert!(
            plain.message().starts_with("base_url uses plain http"),
            "{plain}"
        );
        let other = BaseUrl::parse("base_url", "ftp://api.example/v2", false).unwrap_err();
        assert_eq!(other.message(), "base_url must use https");
        assert!(BaseUrl::parse("base_url", "http://localhost/v2", false).is_ok());
        assert!(BaseUrl::parse("base_url", "http://LocalHost/v2", false).is_ok());
        assert!(BaseUrl::parse("base_url", "http://127.0.0.1.example/v2", false).is_err());
    }
}
