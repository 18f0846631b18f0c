//! Room links, built locally without any request.

use crate::encode;
use crate::error::{Error, Result};
use crate::validate::identifier;

/// What a room link is made of. Give exactly one of `subdomain` or `domain`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

/// The link a person opens to join with `options.code`.
pub fn room_link(options: &RoomLinkOptions) -> Result<String> {
    identifier("code", &options.code)?;
    let base = match (&options.subdomain, &options.domain) {
        (Some(subdomain), None) => {
            check_host("subdomain", subdomain, |c| {
                c.is_ascii_alphanumeric() || c == '-'
            })?;
            format!(
                "https://{}.app.100ms.live/meeting/",
                subdomain.to_ascii_lowercase()
            )
        }
        (None, Some(domain)) => {
            check_host("domain", domain, |c| {
                c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':')
            })?;
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

fn check_host(name: &str, value: &str, allowed: fn(char) -> bool) -> Result<()> {
    let ok = !value.is_empty()
        && value.len() <= 253
        && value.chars().all(allowed)
        && !value.starts_with(['-', '.', ':'])
        && !value.ends_with(['-', '.', ':']);
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_argument(format!(
            "{name} must be a host name such as \"myapp\" or \"meet.example.com\""
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

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
    fn bad_options_are_invalid_arguments() {
        let cases = [
            opts(None, None, "abc"),
            opts(Some("a"), Some("b.com"), "abc"),
            opts(Some("evil.com/x"), None, "abc"),
            opts(Some(""), None, "abc"),
            opts(None, Some("https://x.com"), "abc"),
            opts(None, Some("-x.com"), "abc"),
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
    }
}
