//! Room links, built locally without any request.

use crate::core::error::{Error, Result};
use crate::core::validate::identifier;
use crate::core::wire::encode;

/// What a room link is made of: exactly one of `subdomain` or `domain`, and
/// the code. Build one with [`RoomLinkOptions::on_subdomain`] or
/// [`RoomLinkOptions::on_domain`] (more fields may come):
///
/// ```
/// use hms_room_codes::{room_link, RoomLinkOptions};
/// let link = room_link(&RoomLinkOptions::on_subdomain("myapp", "abc-defg-hij").name("Ada"))?;
/// assert_eq!(link, "https://myapp.app.100ms.live/meeting/abc-defg-hij?name=Ada");
/// # Ok::<(), hms_room_codes::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RoomLinkOptions {
    /// The app's 100ms subdomain: `https://{subdomain}.app.100ms.live/meeting/{code}`.
    pub subdomain: Option<String>,
    /// A custom domain (with an optional port): `https://{domain}/{code}`.
    pub domain: Option<String>,
    /// The room code.
    pub code: String,
    /// Optional `userId` query value.
    pub user_id: Option<String>,
    /// Optional `name` query value (the name shown for the person).
    pub name: Option<String>,
}

impl RoomLinkOptions {
    /// A link to `code` on the app's 100ms subdomain.
    pub fn on_subdomain(subdomain: impl Into<String>, code: impl Into<String>) -> RoomLinkOptions {
        RoomLinkOptions {
            subdomain: Some(subdomain.into()),
            code: code.into(),
            ..RoomLinkOptions::default()
        }
    }

    /// A link to `code` on a custom domain (with an optional port).
    pub fn on_domain(domain: impl Into<String>, code: impl Into<String>) -> RoomLinkOptions {
        RoomLinkOptions {
            domain: Some(domain.into()),
            code: code.into(),
            ..RoomLinkOptions::default()
        }
    }

    /// Adds the `userId` query value.
    pub fn user_id(mut self, user_id: impl Into<String>) -> RoomLinkOptions {
        self.user_id = Some(user_id.into());
        self
    }

    /// Adds the `name` query value (the name shown for the person).
    pub fn name(mut self, name: impl Into<String>) -> RoomLinkOptions {
        self.name = Some(name.into());
        self
    }
}

/// The link a person opens to join with `options.code`.
pub fn room_link(options: &RoomLinkOptions) -> Result<String> {
    identifier("code", &options.code)?;
    let base = match (&options.subdomain, &options.domain) {
        (Some(subdomain), None) => {
            if !is_label(subdomain) {
                return Err(Error::invalid_argument(
                    "subdomain must be one DNS label (letters, digits and inner hyphens, at \
                     most 63), such as \"myapp\" for myapp.app.100ms.live",
                ));
            }
            format!(
                "https://{}.app.100ms.live/meeting/",
                subdomain.to_ascii_lowercase()
            )
        }
        (None, Some(domain)) => {
            if !is_domain(domain) {
                return Err(Error::invalid_argument(
                    "domain must be a host name such as \"meet.example.com\" or an IPv4 \
                     address, with an optional port from 1 to 65535",
                ));
            }
            format!("https://{}/", domain.to_ascii_lowercase())
        }
        _ => {
            return Err(Error::invalid_argument(
                "give exactly one of subdomain or domain",
            ))
        }
    };
    let mut query = Vec::new();
    if let Some(user_id) = &options.user_id {
        identifier("user_id", user_id)?;
        query.push(("userId", user_id.clone()));
    }
    if let Some(name) = &options.name {
        identifier("name", name)?;
        query.push(("name", name.clone()));
    }
    Ok(format!(
        "{base}{}{}",
        encode::component(&options.code),
        encode::query(&query)
    ))
}

/// A DNS label: 1 to 63 letters, digits and hyphens, not starting or ending
/// with a hyphen.
fn is_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// `host` or `host:port`: a host name of DNS labels (at most 253 bytes), or
/// a dotted IPv4 address when it is all digits and dots; a port from 1 to 65535.
fn is_domain(domain: &str) -> bool {
    let (host, port) = match domain.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (domain, None),
    };
    let port_ok = port.is_none_or(|port| {
        port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok_and(|port| port != 0)
    });
    let host_ok = if host.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        host.parse::<std::net::Ipv4Addr>().is_ok()
    } else {
        host.len() <= 253 && host.split('.').all(is_label)
    };
    port_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    fn opts(subdomain: Option<&str>, domain: Option<&str>, code: &str) -> RoomLinkOptions {
        RoomLinkOptions {
            subdomain: subdomain.map(String::from),
            domain: domain.map(String::from),
            code: code.into(),
            ..Default::default()
        }
    }

    #[test]
    fn subdomain_and_custom_domain_links() {
        assert_eq!(
            room_link(&opts(Some("MyApp"), None, "abc-defg-hij")).unwrap(),
            "https://myapp.app.100ms.live/meeting/abc-defg-hij"
        );
        assert_eq!(
            room_link(&opts(None, Some("meet.example.com:8443"), "a/b")).unwrap(),
            "https://meet.example.com:8443/a%2Fb"
        );
        let with_query = RoomLinkOptions {
            user_id: Some("u&1".into()),
            name: Some("Zoë Q".into()),
            ..opts(Some("app"), None, "abc")
        };
        assert_eq!(
            room_link(&with_query).unwrap(),
            "https://app.app.100ms.live/meeting/abc?userId=u%261&name=Zo%C3%AB%20Q"
        );
    }

    #[test]
    fn builders_make_the_links_they_name() {
        assert_eq!(
            room_link(&RoomLinkOptions::on_subdomain("myapp", "abc-defg-hij")).unwrap(),
            "https://myapp.app.100ms.live/meeting/abc-defg-hij"
        );
        assert_eq!(
            room_link(&RoomLinkOptions::on_domain("meet.example.com:8443", "a/b")).unwrap(),
            "https://meet.example.com:8443/a%2Fb"
        );
        let both = RoomLinkOptions::on_domain("meet.example.com", "abc")
            .user_id("u&1")
            .name("Zoë Q");
        assert_eq!(
            room_link(&both).unwrap(),
            "https://meet.example.com/abc?userId=u%261&name=Zo%C3%AB%20Q"
        );
        assert_eq!(
            room_link(&RoomLinkOptions::on_subdomain("app", "abc").name("Ada")).unwrap(),
            "https://app.app.100ms.live/meeting/abc?name=Ada"
        );
        assert_eq!(
            room_link(&RoomLinkOptions::on_subdomain("app", "abc").user_id("u1")).unwrap(),
            "https://app.app.100ms.live/meeting/abc?userId=u1"
        );
    }

    #[test]
    fn bad_options_are_invalid_arguments() {
        let cases = [
            opts(None, None, "abc"),
            opts(Some("a"), Some("b.com"), "abc"),
            opts(Some("evil.com/x"), None, "abc"),
            opts(Some(""), None, "abc"),
            opts(None, Some("https://x.com"), "abc"),
            opts(None, Some("-x.com"), "abc"),
            opts(None, Some("a..b"), "abc"),
            opts(None, Some("a-.com"), "abc"),
            opts(None, Some("a.com:99999"), "abc"),
            opts(None, Some("a.com:0"), "abc"),
            opts(None, Some("a.com:"), "abc"),
            opts(None, Some("a.com:+80"), "abc"),
            opts(None, Some("a.com:80:80"), "abc"),
            opts(None, Some("1.2.3.999"), "abc"),
            opts(None, Some("1.2.3"), "abc"),
            opts(None, Some(&"a".repeat(64)), "abc"),
            opts(None, Some(&format!("{}.com", "a.".repeat(125))), "abc"),
            opts(Some("a.b"), None, "abc"),
            opts(Some("a-"), None, "abc"),
            opts(Some(&"a".repeat(64)), None, "abc"),
            opts(Some("app"), None, " "),
            RoomLinkOptions {
                name: Some("\n".into()),
                ..opts(Some("app"), None, "abc")
            },
        ];
        for case in cases {
            assert_eq!(
                room_link(&case).unwrap_err().kind(),
                ErrorKind::InvalidArgument,
                "{case:?}"
            );
        }
        let dotted = room_link(&opts(Some("a.b"), None, "abc")).unwrap_err();
        assert!(!dotted.message().contains("meet.example.com"), "{dotted}");
    }

    #[test]
    fn edge_hosts_that_are_fine() {
        for domain in [
            "localhost",
            "127.0.0.1:1",
            "1.2.3.4:65535",
            "x-1.example.com",
            &"a".repeat(63),
            "a1.b2",
        ] {
            assert!(
                room_link(&opts(None, Some(domain), "abc")).is_ok(),
                "{domain}"
            );
        }
    }
}
