//! One builder per operation: arguments in, an unsigned [`HttpRequest`] out.
//!
//! Arguments are checked first ([`crate::core::validate`]); a bad one is
//! `invalid_argument` and no request exists. The `authorization` header is
//! added later, per attempt, by the call.

use crate::core::config::Config;
use crate::core::error::Result;
use crate::core::json::write::Object;
use crate::core::model::ListFilter;
use crate::core::validate::identifier;
use crate::core::wire::encode;
use crate::core::wire::http::{HeaderValue, HttpRequest, Method};

/// `POST {base}/room-codes/room/{room_id}`: codes for every role.
pub fn create(config: &Config, room_id: &str) -> Result<HttpRequest> {
    identifier(config.spelling().name("room_id"), room_id)?;
    let url = room_url(config, room_id, 0);
    Ok(request(config, Method::Post, url, None))
}

/// `POST {base}/room-codes/room/{room_id}/role/{role}`: a new code for one role.
pub fn create_for_role(config: &Config, room_id: &str, role: &str) -> Result<HttpRequest> {
    identifier(config.spelling().name("room_id"), room_id)?;
    identifier("role", role)?;
    let mut url = room_url(config, room_id, ROLE.len() + role.len());
    url.push_str(ROLE);
    encode::push_component(&mut url, role);
    Ok(request(config, Method::Post, url, None))
}

/// `GET {base}/room-codes/room/{room_id}?…`: one page; only set filters are sent.
pub fn list_page(config: &Config, room_id: &str, filter: &ListFilter) -> Result<HttpRequest> {
    list_next(config, room_id, filter, false)
}

/// Like [`list_page`], for a page of a listing: a `start` cursor the service
/// sent (`cursor_from_service`) is sent back as it came, without the limits
/// on caller input (a cursor can be longer than 1 KiB).
pub fn list_next(
    config: &Config,
    room_id: &str,
    filter: &ListFilter,
    cursor_from_service: bool,
) -> Result<HttpRequest> {
    identifier(config.spelling().name("room_id"), room_id)?;
    let mut query = Vec::new();
    if let Some(role) = &filter.role {
        identifier("role", role)?;
        query.push(("role", role.clone()));
    }
    if let Some(enabled) = filter.enabled {
        query.push(("enabled", enabled.to_string()));
    }
    if let Some(limit) = filter.limit {
        query.push(("limit", limit.to_string()));
    }
    if let Some(start) = &filter.start {
        if !cursor_from_service {
            identifier("start", start)?;
        }
        query.push(("start", start.clone()));
    }
    let mut url = room_url(config, room_id, 0);
    encode::push_query(&mut url, &query);
    Ok(request(config, Method::Get, url, None))
}

/// `POST {base}/room-codes/code` with exactly `{"code", "enabled"}`.
pub fn set_enabled(config: &Config, code: &str, enabled: bool) -> Result<HttpRequest> {
    identifier("code", code)?;
    let body = Object::new()
        .string("code", code)
        .boolean("enabled", enabled)
        .end();
    let url = format!("{}/room-codes/code", config.base_url());
    Ok(request(config, Method::Post, url, Some(body)))
}

/// `POST {auth base}/token` with `{"code", "user_id"?}`; never signed.
pub fn auth_token_for_code(
    config: &Config,
    code: &str,
    user_id: Option<&str>,
) -> Result<HttpRequest> {
    identifier("code", code)?;
    if let Some(user_id) = user_id {
        identifier(config.spelling().name("user_id"), user_id)?;
    }
    let mut body = Object::new().string("code", code);
    if let Some(user_id) = user_id {
        body = body.string("user_id", user_id);
    }
    let body = body.end();
    let url = format!("{}/token", config.auth_base_url());
    Ok(request(config, Method::Post, url, Some(body)))
}

/// The path of a room's codes, after the base URL.
const ROOM: &str = "/room-codes/room/";

/// The path segment before a role, after a room's.
const ROLE: &str = "/role/";

/// `{base}/room-codes/room/{room_id}` (encoded), with room for `more` bytes
/// after it: the URL is written once, into one allocation for the usual
/// identifiers (which need no escaping).
fn room_url(config: &Config, room_id: &str, more: usize) -> String {
    let base = config.base_url();
    let mut url = String::with_capacity(base.len() + ROOM.len() + room_id.len() + more);
    url.push_str(base);
    url.push_str(ROOM);
    encode::push_component(&mut url, room_id);
    url
}

/// The common headers; POSTs always carry a (possibly empty) JSON body.
fn request(config: &Config, method: Method, url: String, body: Option<String>) -> HttpRequest {
    // Room for `authorization`, which each attempt adds.
    let mut headers = Vec::with_capacity(4);
    headers.push(("accept", HeaderValue::from(JSON)));
    headers.push((
        "user-agent",
        HeaderValue::from(config.user_agent().to_string()),
    ));
    let body = match method {
        Method::Post => {
            headers.push(("content-type", HeaderValue::from(JSON)));
            Some(body.unwrap_or_default())
        }
        Method::Get => body,
    };
    HttpRequest {
        method,
        url,
        headers,
        body,
    }
}

/// The media type of every body sent and accepted.
const JSON: &str = "application/json";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    fn config() -> Config {
        Config::builder()
            .base_url("https://api.test/v2")
            .auth_base_url("https://auth.test/v2")
            .build()
            .unwrap()
    }

    #[test]
    fn each_builder_makes_the_documented_request() {
        let c = config();
        let cases: Vec<(HttpRequest, Method, &str, Option<&str>)> = vec![
            (
                create(&c, "r1").unwrap(),
                Method::Post,
                "https://api.test/v2/room-codes/room/r1",
                Some(""),
            ),
            (
                create_for_role(&c, "r1", "a b/c?d#e%f").unwrap(),
                Method::Post,
                "https://api.test/v2/room-codes/room/r1/role/a%20b%2Fc%3Fd%23e%25f",
                Some(""),
            ),
            (
                list_page(&c, "r/1", &ListFilter::default()).unwrap(),
                Method::Get,
                "https://api.test/v2/room-codes/room/r%2F1",
                None,
            ),
            (
                set_enabled(&c, "abc-defg-hij", false).unwrap(),
                Method::Post,
                "https://api.test/v2/room-codes/code",
                Some(r#"{"code":"abc-defg-hij","enabled":false}"#),
            ),
            (
                auth_token_for_code(&c, "abc", Some("u 1")).unwrap(),
                Method::Post,
                "https://auth.test/v2/token",
                Some(r#"{"code":"abc","user_id":"u 1"}"#),
            ),
            (
                auth_token_for_code(&c, "abc", None).unwrap(),
                Method::Post,
                "https://auth.test/v2/token",
                Some(r#"{"code":"abc"}"#),
            ),
        ];
        for (req, method, url, body) in cases {
            assert_eq!(req.method, method);
            assert_eq!(req.url, url);
            assert_eq!(req.body.as_deref(), body);
            assert_eq!(req.header("authorization"), None);
            assert_eq!(req.header("accept"), Some("application/json"));
            assert!(req
                .header("user-agent")
                .unwrap()
                .starts_with("hms-room-codes/"));
            let json = (method == Method::Post).then_some("application/json");
            assert_eq!(req.header("content-type"), json);
        }
    }

    #[test]
    fn only_set_filters_go_into_the_query() {
        let c = config();
        let all = ListFilter {
            role: Some("a&b".into()),
            enabled: Some(true),
            limit: Some(100),
            start: Some("cur sor".into()),
        };
        assert_eq!(
            list_page(&c, "r", &all).unwrap().url,
            "https://api.test/v2/room-codes/room/r?role=a%26b&enabled=true&limit=100&start=cur%20sor"
        );
        let some = ListFilter::new().enabled(false);
        assert_eq!(
            list_page(&c, "r", &some).unwrap().url,
            "https://api.test/v2/room-codes/room/r?enabled=false"
        );
    }

    #[test]
    fn a_long_cursor_from_the_service_is_sent_back() {
        let c = config();
        let filter = ListFilter {
            start: Some("x".repeat(2000)),
            ..Default::default()
        };
        let sent = list_next(&c, "r", &filter, true).unwrap();
        assert!(sent.url.ends_with(&format!("?start={}", "x".repeat(2000))));
        assert_eq!(
            list_next(&c, "r", &filter, false).unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
    }

    #[test]
    fn bad_arguments_build_nothing() {
        let c = config();
        let bad_filter = ListFilter::new().role(" ");
        let errors = [
            create(&c, "").unwrap_err(),
            create_for_role(&c, "r", "..").unwrap_err(),
            create_for_role(&c, "r\n", "host").unwrap_err(),
            list_page(&c, "r", &bad_filter).unwrap_err(),
            set_enabled(&c, &"x".repeat(2000), true).unwrap_err(),
            auth_token_for_code(&c, "abc", Some("")).unwrap_err(),
        ];
        for err in errors {
            assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        }
    }
}
