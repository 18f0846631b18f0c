//! Plain HTTP values that pass between the core and a transport.

use crate::core::events::REQUEST_ID_HEADERS;
use std::borrow::Cow;
use std::fmt;

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
}

impl Method {
    /// The method as it goes on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A request header's value: borrowed when it never changes (`application/json`),
/// so that building a request copies only what is its own.
pub type HeaderValue = Cow<'static, str>;

/// A request ready to send: a transport writes exactly this, nothing else.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, path segments and query already encoded.
    pub url: String,
    /// Header names (lowercase) and values, `authorization` included when signed.
    pub headers: Vec<(&'static str, HeaderValue)>,
    /// The JSON body, if any (POST without a body sends an empty one).
    pub body: Option<String>,
}

impl HttpRequest {
    /// The `host:port` the request goes to, the port filled in from the
    /// scheme when the URL has none (`api.100ms.live:443`, `[::1]:80`).
    pub fn authority(&self) -> String {
        let (scheme, rest) = self.url.split_once("://").unwrap_or(("", &self.url));
        let authority = rest.split(['/', '?']).next().unwrap_or_default();
        let has_port = match authority.rfind(']') {
            Some(end) => authority[end..].contains(':'),
            None => authority.contains(':'),
        };
        if has_port {
            authority.to_string()
        } else {
            let port = if scheme.eq_ignore_ascii_case("http") {
                80
            } else {
                443
            };
            format!("{authority}:{port}")
        }
    }

    /// Sets the `authorization` header to `value`, or removes it (`None`),
    /// in place: an attempt signs the request it sends without copying it.
    pub(crate) fn set_authorization(&mut self, value: Option<String>) {
        let at = self
            .headers
            .iter()
            .position(|(name, _)| *name == "authorization");
        match (at, value) {
            (Some(at), Some(value)) => self.headers[at].1 = HeaderValue::from(value),
            (Some(at), None) => {
                self.headers.remove(at);
            }
            (None, Some(value)) => self
                .headers
                .push(("authorization", HeaderValue::from(value))),
            (None, None) => {}
        }
    }

    /// The value of header `name` (lowercase), if set.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    if *k == "authorization" {
                        "<redacted>"
                    } else {
                        v.as_ref()
                    },
                )
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

/// A response as a transport received it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header names (any case) and values.
    pub headers: Vec<(String, String)>,
    /// The body bytes (at most the configured cap).
    pub body: Vec<u8>,
}

/// The response header that says how long to wait before a retry.
pub const RETRY_AFTER: &str = "retry-after";

/// The response header of a redirect's target.
pub const LOCATION: &str = "location";

/// Every response header the core reads, each through
/// [`HttpResponse::read_header`] (lowercase): what [`HttpResponse::is_read`]
/// says yes to, and the names the npm package's `fetch` asks a response for.
pub(crate) const READ_RESPONSE_HEADERS: [&str; 4] = [
    RETRY_AFTER,
    LOCATION,
    REQUEST_ID_HEADERS[0],
    REQUEST_ID_HEADERS[1],
];

impl HttpResponse {
    /// Whether the core reads response header `name` (compared without
    /// case): a transport may leave every other header out of the response
    /// it hands over, and copy less.
    pub fn is_read(name: &str) -> bool {
        READ_RESPONSE_HEADERS
            .iter()
            .any(|read| name.eq_ignore_ascii_case(read))
    }

    /// The first value of header `name`, compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// [`HttpResponse::header`] for the core's own reads: `name` must be one
    /// of [`READ_RESPONSE_HEADERS`], so that the list stays whole.
    pub(crate) fn read_header(&self, name: &str) -> Option<&str> {
        debug_assert!(
            READ_RESPONSE_HEADERS.contains(&name),
            "the core reads `{name}`, which READ_RESPONSE_HEADERS does not list"
        );
        self.header(name)
    }
}

#[cfg(all(
    any(feature = "blocking", feature = "async"),
    not(target_arch = "wasm32")
))]
impl HttpResponse {
    /// The headers of a native client's response that the core reads (see
    /// [`HttpResponse::is_read`]); a header whose value is not text is left out.
    pub(crate) fn headers_of(map: &::http::HeaderMap) -> Vec<(String, String)> {
        map.iter()
            .filter(|(name, _)| HttpResponse::is_read(name.as_str()))
            .filter_map(|(name, value)| {
                Some((name.as_str().to_string(), value.to_str().ok()?.to_string()))
            })
            .collect()
    }
}

/// Why a transport got no response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportFailureKind {
    /// The request provably never left: DNS failure, connection refused.
    NotSent,
    /// The attempt ran past its timeout.
    Timeout,
    /// The connection broke after the request may have been sent
    /// (a reset, a truncated body).
    Broken,
    /// The TLS handshake failed (the server's certificate is not trusted,
    /// say): no request was sent, and repeating it would fail the same way.
    TlsHandshake,
    /// The response body was larger than the configured cap.
    BodyTooLarge,
}

/// A failure to get a response, reported by a transport to the core (made
/// with [`TransportFailure::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TransportFailure {
    /// What kind of failure.
    pub kind: TransportFailureKind,
    /// What the transport said (no secrets: transports never put headers here).
    pub message: String,
}

impl TransportFailure {
    /// A failure of `kind` with `message`.
    pub fn new(kind: TransportFailureKind, message: impl Into<String>) -> Self {
        TransportFailure {
            kind,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_reads_the_retry_redirect_and_request_id_headers_only() {
        for name in [
            "retry-after",
            "Retry-After",
            "LOCATION",
            "X-Request-Id",
            "request-id",
        ] {
            assert!(HttpResponse::is_read(name), "{name}");
        }
        for name in [
            "content-type",
            "date",
            "content-length",
            "x-request",
            "retry-after2",
            "",
        ] {
            assert!(!HttpResponse::is_read(name), "{name}");
        }
    }

    #[test]
    fn the_authority_names_host_and_port() {
        for (url, want) in [
            ("https://api.100ms.live/v2/rooms", "api.100ms.live:443"),
            ("HTTP://localhost/v2", "localhost:80"),
            ("http://127.0.0.1:9/v2/token", "127.0.0.1:9"),
            ("http://[::1]/v2", "[::1]:80"),
            ("https://[::1]:8443/v2?x=1", "[::1]:8443"),
            ("https://proxy.example?x=1", "proxy.example:443"),
        ] {
            let request = HttpRequest {
                method: Method::Get,
                url: url.into(),
                headers: vec![],
                body: None,
            };
            assert_eq!(request.authority(), want, "{url}");
        }
    }

    #[test]
    fn the_core_reads_the_listed_headers_in_any_case() {
        let response = HttpResponse {
            status: 503,
            headers: vec![
                ("Retry-After".into(), "2".into()),
                ("LOCATION".into(), "/x".into()),
                ("x-request-id".into(), "r1".into()),
                ("Request-Id".into(), "r2".into()),
                ("content-type".into(), "text/plain".into()),
            ],
            body: vec![],
        };
        let read: Vec<_> = READ_RESPONSE_HEADERS
            .iter()
            .map(|name| response.read_header(name))
            .collect();
        assert_eq!(read, [Some("2"), Some("/x"), Some("r1"), Some("r2")]);
        assert!(READ_RESPONSE_HEADERS
            .iter()
            .all(|name| *name == name.to_ascii_lowercase()));
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "READ_RESPONSE_HEADERS does not list")]
    fn reading_an_unlisted_header_is_a_bug_caught_in_tests() {
        let response = HttpResponse {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: vec![],
        };
        response.read_header("content-type");
    }
}
