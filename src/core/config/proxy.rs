//! Which HTTP proxy a request goes through: the rule every transport follows.
//!
//! - An explicit proxy URL applies to every request.
//! - Otherwise the environment's: `https_proxy` / `HTTPS_PROXY` for `https`
//!   targets, `http_proxy` / `HTTP_PROXY` for `http` ones (lower case first;
//!   empty means unset), except for the hosts `no_proxy` / `NO_PROXY` lists:
//!   comma-separated host names (a name also matches its subdomains; a
//!   leading `.` or `*.` is allowed), IP addresses, an optional `:port`, or
//!   `*` for every host. CIDR ranges are not read.
//! - A proxy is an `http://[user:password@]host[:port]` URL (port 80 unless
//!   given); `https` targets go through it by `CONNECT`, so TLS still runs end
//!   to end with the service.

use crate::core::error::{Error, Result};
use std::fmt;

/// A checked proxy URL. Its `Debug` and `Display` hide any password.
#[derive(Clone, PartialEq, Eq)]
pub struct ProxyUrl {
    url: String,
    host: String,
    port: u16,
    user_info: Option<String>,
}

impl ProxyUrl {
    /// Parses `raw`; `name` names the setting in errors (which never repeat a password).
    pub fn parse(name: &str, raw: &str) -> Result<ProxyUrl> {
        let bad = |why: &str| Error::invalid_argument(format!("{name} {why}"));
        let raw = raw.trim();
        let rest = match raw.split_once("://") {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("http") => rest,
            Some(_) => {
                return Err(bad(
                    "must be an http:// proxy URL (https targets go through it by CONNECT)",
                ))
            }
            None => raw,
        };
        let authority = rest.split('/').next().unwrap_or_default();
        if rest[authority.len()..]
            .trim_matches('/')
            .contains(['?', '#'])
            || !rest[authority.len()..].trim_matches('/').is_empty()
        {
            return Err(bad("must be http://host:port, without a path"));
        }
        let (user_info, host_port) = match authority.rsplit_once('@') {
            Some((info, host_port)) => (Some(info.to_string()), host_port),
            None => (None, authority),
        };
        let (host, port) =
            split_host_port(host_port).ok_or_else(|| bad("has no valid host and port"))?;
        let host_chars = |c: char| c.is_ascii_alphanumeric() || "-._[]:".contains(c);
        if host.is_empty() || !host.chars().all(host_chars) {
            return Err(bad("has no valid host"));
        }
        let user_chars = |c: char| c.is_ascii_alphanumeric() || "-._~%!$&'()*+,;=:".contains(c);
        if user_info
            .as_deref()
            .is_some_and(|info| !info.chars().all(user_chars))
        {
            return Err(bad("has user info that is not percent-encoded"));
        }
        Ok(ProxyUrl {
            url: format!("http://{authority}"),
            host: host.to_string(),
            port: port.unwrap_or(80),
            user_info,
        })
    }

    /// The whole URL, `http://[user:password@]host:port`, for a transport.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The proxy's host (an IPv6 address in brackets).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The proxy's port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `user:password` (still percent-encoded), when the URL has them.
    pub fn user_info(&self) -> Option<&str> {
        self.user_info.as_deref()
    }
}

impl fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for ProxyUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let user = self
            .user_info
            .as_deref()
            .map(|info| info.split(':').next().unwrap_or(""));
        match user {
            Some(user) => write!(f, "http://{user}:<redacted>@{}:{}", self.host, self.port),
            None => write!(f, "http://{}:{}", self.host, self.port),
        }
    }
}

/// `host[:port]` or `[v6][:port]`.
fn split_host_port(text: &str) -> Option<(&str, Option<u16>)> {
    let (host, port) = if text.starts_with('[') {
        let end = text.find(']')? + 1;
        (&text[..end], text[end..].strip_prefix(':'))
    } else {
        match text.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    let port = match port {
        Some(port) => Some(port.parse().ok().filter(|&p| p > 0)?),
        None => None,
    };
    Some((host, port))
}

/// What the proxy settings were given as, checked by [`Proxies::parse`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProxyText {
    /// `(setting name, URL)` for `https` targets.
    pub https: Option<(&'static str, String)>,
    /// `(setting name, URL)` for `http` targets.
    pub http: Option<(&'static str, String)>,
    /// The `no_proxy` list.
    pub no_proxy: Option<String>,
}

impl ProxyText {
    /// The environment's settings, read through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> ProxyText {
        let first = |names: [&'static str; 2]| {
            names.into_iter().find_map(|name| {
                lookup(name)
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| (name, v))
            })
        };
        ProxyText {
            https: first(["https_proxy", "HTTPS_PROXY"]),
            http: first(["http_proxy", "HTTP_PROXY"]),
            no_proxy: first(["no_proxy", "NO_PROXY"]).map(|(_, v)| v),
        }
    }

    /// One proxy for every request, named `name` in errors.
    pub fn explicit(name: &'static str, url: String) -> ProxyText {
        ProxyText {
            https: Some((name, url.clone())),
            http: Some((name, url)),
            no_proxy: None,
        }
    }
}

/// The proxies of a client and the hosts that bypass them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proxies {
    https: Option<ProxyUrl>,
    http: Option<ProxyUrl>,
    no_proxy: Vec<String>,
}

impl Proxies {
    /// Checks `text`, naming a setting in errors as `spell` spells it.
    pub(crate) fn parse(
        text: &ProxyText,
        spell: impl Fn(&'static str) -> &'static str,
    ) -> Result<Proxies> {
        let url = |given: &Option<(&'static str, String)>| {
            given
                .as_ref()
                .map(|(name, raw)| ProxyUrl::parse(spell(name), raw))
                .transpose()
        };
        Ok(Proxies {
            https: url(&text.https)?,
            http: url(&text.http)?,
            no_proxy: text
                .no_proxy
                .iter()
                .flat_map(|list| list.split(','))
                .map(|entry| entry.trim().to_ascii_lowercase())
                .filter(|entry| !entry.is_empty())
                .collect(),
        })
    }

    /// Whether any proxy is set.
    pub fn is_empty(&self) -> bool {
        self.https.is_none() && self.http.is_none()
    }

    /// The proxy a request to `url` goes through, if any.
    pub fn for_url(&self, url: &str) -> Option<&ProxyUrl> {
        let (scheme, rest) = url.split_once("://")?;
        let proxy = if scheme.eq_ignore_ascii_case("https") {
            self.https.as_ref()?
        } else {
            self.http.as_ref()?
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let (host, port) = split_host_port(authority)?;
        let default_port = if scheme.eq_ignore_ascii_case("https") {
            443
        } else {
            80
        };
        let port = port.unwrap_or(default_port);
        let host = host.to_ascii_lowercase();
        let bypass = self
            .no_proxy
            .iter()
            .any(|entry| bypasses(entry, &host, port));
        (!bypass).then_some(proxy)
    }
}

/// Whether the `no_proxy` `entry` covers `host:port`.
fn bypasses(entry: &str, host: &str, port: u16) -> bool {
    if entry == "*" {
        return true;
    }
    let (pattern, entry_port) = match split_host_port(entry) {
        Some((pattern, entry_port)) => (pattern, entry_port),
        None => (entry, None),
    };
    if entry_port.is_some_and(|p| p != port) {
        return false;
    }
    let pattern = pattern.trim_start_matches("*.").trim_start_matches('.');
    host == pattern
        || host
            .strip_suffix(pattern)
            .is_some_and(|head| head.ends_with('.') && !pattern.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> Proxies {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        Proxies::parse(
            &ProxyText::from_lookup(|n| map.get(n).map(|v| v.to_string())),
            |name| name,
        )
        .unwrap()
    }

    #[test]
    fn the_scheme_picks_the_variable_and_lower_case_wins() {
        let proxies = env(&[
            ("HTTPS_PROXY", "http://upper:3128"),
            ("https_proxy", "lower:3129"),
            ("HTTP_PROXY", "http://plain"),
        ]);
        let https = proxies.for_url("https://api.100ms.live/v2").unwrap();
        assert_eq!((https.host(), https.port()), ("lower", 3129));
        assert_eq!(
            proxies.for_url("http://127.0.0.1:8080/v2").unwrap().port(),
            80
        );
        assert!(env(&[("HTTP_PROXY", "http://p:1")])
            .for_url("https://a/v2")
            .is_none());
        assert!(env(&[("https_proxy", "")]).is_empty());
    }

    #[test]
    fn no_proxy_matches_hosts_their_subdomains_ports_and_star() {
        let p = |list| env(&[("HTTPS_PROXY", "http://p:1"), ("NO_PROXY", list)]);
        let goes = |proxies: &Proxies, url| proxies.for_url(url).is_some();
        let list = p("localhost, .internal.example,100ms.live:443,10.0.0.1,[::1]");
        assert!(!goes(&list, "https://localhost:8443/v2"));
        assert!(!goes(&list, "https://a.internal.example/v2"));
        assert!(!goes(&list, "https://api.100ms.live/v2"));
        assert!(goes(&list, "https://api.100ms.live:8443/v2"));
        assert!(goes(&list, "https://not100ms.live/v2"));
        assert!(!goes(&list, "https://10.0.0.1/v2"));
        assert!(!goes(&list, "https://[::1]:9/v2"));
        assert!(!goes(&p("*"), "https://anything/v2"));
        assert!(goes(&p(""), "https://anything/v2"));
    }

    #[test]
    fn bad_proxies_are_refused_by_name_and_passwords_never_shown() {
        for bad in [
            "https://p:1",
            "socks5://p:1",
            "http://p:0",
            "http://p:x",
            "http://:8",
            "http://p:1/path",
            "http://p{:1",
            "http://us er:x@p:1",
        ] {
            let err = ProxyUrl::parse("HTTPS_PROXY", bad).unwrap_err();
            assert!(err.message().starts_with("HTTPS_PROXY "), "{bad}: {err}");
        }
        let with_password = ProxyUrl::parse("proxy", "http://user:pa55word@p:8").unwrap();
        assert_eq!(with_password.as_str(), "http://user:pa55word@p:8");
        assert_eq!(with_password.user_info(), Some("user:pa55word"));
        assert_eq!(
            format!("{with_password} {with_password:?}"),
            "http://user:<redacted>@p:8 http://user:<redacted>@p:8"
        );
    }
}
