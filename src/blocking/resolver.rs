//! Name resolution without a thread per request.
//!
//! ureq resolves the host before every request, pooled connection or not, and
//! with a timeout set its default resolver runs each lookup on a new thread.
//! This one answers IP literals at once and keeps each name's addresses for
//! [`TTL`], so only the first request to a host (and one per [`TTL`]) pays for
//! a lookup; that lookup still goes through ureq's resolver and its timeout.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a name's addresses are reused.
pub const TTL: Duration = Duration::from_secs(30);

/// A resolver that skips lookups of IP literals and caches the others.
#[derive(Debug, Default)]
pub struct CachingResolver {
    lookup: DefaultResolver,
    cache: Mutex<HashMap<String, (Instant, ResolvedSocketAddrs)>>,
}

impl Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let (Some(authority), Some(port)) = (uri.authority(), uri_port(uri)) else {
            return self.lookup.resolve(uri, config, timeout);
        };
        let host = authority.host();
        if let Ok(ip) = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
        {
            let mut addrs = self.empty();
            addrs.push(SocketAddr::new(ip, port));
            return Ok(addrs);
        }
        let key = format!("{host}:{port}");
        let now = Instant::now();
        let cached = self
            .cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .cloned();
        if let Some((_, addrs)) = cached.filter(|(at, _)| now.duration_since(*at) < TTL) {
            return Ok(addrs);
        }
        let addrs = self.lookup.resolve(uri, config, timeout)?;
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, (now, addrs.clone()));
        Ok(addrs)
    }
}

/// The port of `uri`, or its scheme's default.
fn uri_port(uri: &Uri) -> Option<u16> {
    uri.port_u16().or(match uri.scheme_str()? {
        "https" => Some(443),
        "http" => Some(80),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(resolver: &CachingResolver, url: &str) -> Vec<SocketAddr> {
        let uri: Uri = url.parse().unwrap();
        let timeout = NextTimeout::default();
        resolver
            .resolve(&uri, &Config::default(), timeout)
            .unwrap()
            .to_vec()
    }

    #[test]
    fn ip_literals_are_answered_without_a_lookup() {
        let resolver = CachingResolver::default();
        assert_eq!(
            resolve(&resolver, "http://127.0.0.1:8080/v2"),
            ["127.0.0.1:8080".parse().unwrap()]
        );
        assert_eq!(
            resolve(&resolver, "https://[::1]/v2"),
            ["[::1]:443".parse().unwrap()]
        );
        assert!(resolver.cache.lock().unwrap().is_empty());
    }

    #[test]
    fn names_are_looked_up_once_then_cached() {
        let resolver = CachingResolver::default();
        let first = resolve(&resolver, "http://localhost:8080/");
        assert!(first
            .iter()
            .all(|a| a.ip().is_loopback() && a.port() == 8080));
        assert_eq!(resolver.cache.lock().unwrap().len(), 1);
        assert_eq!(resolve(&resolver, "http://localhost:8080/x"), first);
    }
}
