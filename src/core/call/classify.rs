//! Turns a non-2xx response into the right [`Error`] for its operation.
//!
//! Rule: a body in the service's error shape (`{"code", "message", "details"}`,
//! or the older `{"code", "message", "data": {"description"}}`) lets the
//! documented meaning of the status on that endpoint decide the kind; any other
//! body (HTML from a proxy, empty, not JSON) gives the generic kind of the status.
//! A 404 for a path that does not exist (the service's `route not found`, or a
//! 404 without the service's body) is `not_found` with a hint at the base URL,
//! never a missing room, role or code.

use crate::core::call::operation::Operation;
use crate::core::error::{Error, ErrorKind};
use crate::core::json::{once, Reader};
use crate::core::wire::http::{HttpResponse, LOCATION};
use std::time::Duration;

/// What a 404 for a path that does not exist adds to its message.
const BASE_URL_HINT: &str =
    " (no such path: is the base URL right? The service's ends in /v2, as in https://api.100ms.live/v2)";

/// The longest service message copied into an error.
const MAX_MESSAGE_CHARS: usize = 500;

/// The error for `response` (any non-2xx status) of `operation`, which the
/// caller called as `name` (e.g. `list` for the pages of a listing).
pub fn classify(
    operation: Operation,
    name: &str,
    response: &HttpResponse,
    retry_after: Option<Duration>,
) -> Error {
    let status = response.status;
    let service = ServiceError::parse(&response.body);
    let kind = kind_for(operation, status, service.as_ref());
    let mut message = match &service {
        Some(s) if !s.message.is_empty() => format!("{name}: {}", s.message),
        _ => generic_message(name, response),
    };
    if status == 404 && service.as_ref().is_none_or(ServiceError::is_missing_route) {
        message.push_str(BASE_URL_HINT);
    }
    let details = service.map(|s| s.details).unwrap_or_default();
    Error::new(kind, message)
        .with_status(status)
        .with_details(details)
        .with_retry_after(retry_after)
}

/// The kind for a status on an operation, given the service's body if it sent one.
pub fn kind_for(operation: Operation, status: u16, service: Option<&ServiceError>) -> ErrorKind {
    match (status, service) {
        (400, _) => ErrorKind::BadRequest,
        (401, _) => ErrorKind::Unauthorized,
        (403, Some(s)) if operation.forbidden_means_room_disabled() && !s.mentions("code") => {
            ErrorKind::RoomDisabled
        }
        (403, _) => ErrorKind::Forbidden,
        (404, Some(s)) if s.is_missing_route() => ErrorKind::NotFound,
        (404, Some(s)) => not_found_kind(operation, s),
        (404, None) => ErrorKind::NotFound,
        (429, _) => ErrorKind::RateLimited,
        (500..=599, _) => ErrorKind::Server,
        _ => ErrorKind::UnexpectedStatus,
    }
}

/// Which thing was not found, by endpoint and message.
fn not_found_kind(operation: Operation, service: &ServiceError) -> ErrorKind {
    match operation {
        Operation::Create => ErrorKind::RoomNotFound,
        Operation::CreateForRole | Operation::ListPage if service.mentions("role") => {
            ErrorKind::RoleNotFound
        }
        Operation::CreateForRole | Operation::ListPage if service.mentions("room") => {
            ErrorKind::RoomNotFound
        }
        Operation::CreateForRole | Operation::ListPage => ErrorKind::NotFound,
        Operation::SetEnabled | Operation::AuthTokenForCode => ErrorKind::CodeNotFound,
    }
}

fn generic_message(name: &str, response: &HttpResponse) -> String {
    let status = response.status;
    match response.read_header(LOCATION) {
        Some(_) if (300..400).contains(&status) => {
            format!("{name} answered HTTP {status}, a redirect; redirects are never followed")
        }
        _ => format!("{name} answered HTTP {status} without a service error body"),
    }
}

/// The service's error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// `message`, cut to a sane length.
    pub message: String,
    /// `details` (and the older `data.description`), as strings.
    pub details: Vec<String>,
}

impl ServiceError {
    /// Reads the service's error shape from `body`: an object whose
    /// `message` is a string, with optional `details` (a list, or one value)
    /// and the older `data.description`. Anything else is `None`.
    pub fn parse(body: &[u8]) -> Option<ServiceError> {
        let mut reader = Reader::new(std::str::from_utf8(body).ok()?);
        let (mut message, mut details, mut description) = (None, None, None);
        reader
            .object(|r, key| match key {
                "message" => once(&mut message, r.string()?, r, key),
                "details" => once(&mut details, r.nullable(Reader::raw)?, r, key),
                "data" => once(&mut description, r.nullable(description_of)?, r, key),
                _ => r.skip(),
            })
            .ok()?;
        reader.end().ok()?;
        let mut details: Vec<String> = match details.flatten() {
            Some(raw) if raw.starts_with('[') => {
                let mut texts = Vec::new();
                Reader::new(raw)
                    .array(|r| r.raw().map(|item| texts.push(text_of(item))))
                    .ok()?;
                texts
            }
            Some(raw) => vec![text_of(raw)],
            None => Vec::new(),
        };
        if let Some(description) = description.flatten().flatten() {
            details.push(text_of(description));
        }
        Some(ServiceError {
            message: message?.as_str().chars().take(MAX_MESSAGE_CHARS).collect(),
            details,
        })
    }

    /// Whether the service says the path itself does not exist.
    fn is_missing_route(&self) -> bool {
        self.mentions("route")
    }

    fn mentions(&self, word: &str) -> bool {
        self.message.to_ascii_lowercase().contains(word)
    }
}

/// The older error shape's `data`: its `description` as raw JSON, if any.
fn description_of<'a>(reader: &mut Reader<'a>) -> crate::core::json::Read<Option<&'a str>> {
    let mut description = None;
    reader.object(|r, key| match key {
        "description" => once(&mut description, r.nullable(Reader::raw)?, r, key),
        _ => r.skip(),
    })?;
    Ok(description.flatten())
}

/// A JSON string's text, or any other JSON value as written. `raw` is one
/// whole JSON value (the reader's `raw`), so a string read from
/// its start is all of it.
fn text_of(raw: &str) -> String {
    let text = match Reader::new(raw).string() {
        Ok(text) => text.0.into_owned(),
        Err(_) => raw.to_owned(),
    };
    text.chars().take(MAX_MESSAGE_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Operation::*;

    fn response(status: u16, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        }
    }

    fn service(message: &str) -> String {
        format!(r#"{{"code":0,"message":"{message}","details":["d1"]}}"#)
    }

    #[test]
    fn every_status_on_every_operation() {
        use ErrorKind::*;
        let table: &[(u16, &str, [ErrorKind; 5])] = &[
            // status, body: kinds for Create, CreateForRole, ListPage, SetEnabled, AuthTokenForCode
            (400, "invalid", [BadRequest; 5]),
            (401, "invalid token", [Unauthorized; 5]),
            (
                403,
                "room is disabled",
                [
                    RoomDisabled,
                    RoomDisabled,
                    RoomDisabled,
                    Forbidden,
                    RoomDisabled,
                ],
            ),
            (403, "room code is disabled", [Forbidden; 5]),
            (
                404,
                "room not found",
                [
                    RoomNotFound,
                    RoomNotFound,
                    RoomNotFound,
                    CodeNotFound,
                    CodeNotFound,
                ],
            ),
            (
                404,
                "role not found",
                [
                    RoomNotFound,
                    RoleNotFound,
                    RoleNotFound,
                    CodeNotFound,
                    CodeNotFound,
                ],
            ),
            (
                404,
                "room code not found",
                [
                    RoomNotFound,
                    RoomNotFound,
                    RoomNotFound,
                    CodeNotFound,
                    CodeNotFound,
                ],
            ),
            (
                404,
                "no such thing",
                [RoomNotFound, NotFound, NotFound, CodeNotFound, CodeNotFound],
            ),
            (429, "slow down", [RateLimited; 5]),
            (500, "boom", [Server; 5]),
            (503, "boom", [Server; 5]),
            (302, "moved", [UnexpectedStatus; 5]),
            (418, "teapot", [UnexpectedStatus; 5]),
        ];
        for (status, message, kinds) in table {
            for (op, want) in Operation::ALL.into_iter().zip(kinds) {
                let err = classify(op, op.as_str(), &response(*status, &service(message)), None);
                assert_eq!(err.kind(), *want, "{status} {message:?} on {op:?}");
                assert_eq!(err.status(), Some(*status));
                assert_eq!(err.message(), format!("{}: {message}", op.as_str()));
                assert_eq!(err.details(), ["d1"]);
            }
        }
    }

    #[test]
    fn bodies_not_from_the_service_give_the_generic_kind() {
        for body in [
            "",
            "<html><body>403 Forbidden</body></html>",
            "not json",
            "{}",
            r#"{"message":1}"#,
            "[]",
        ] {
            for op in Operation::ALL {
                assert_eq!(
                    classify(op, op.as_str(), &response(403, body), None).kind(),
                    ErrorKind::Forbidden
                );
                assert_eq!(
                    classify(op, op.as_str(), &response(404, body), None).kind(),
                    ErrorKind::NotFound
                );
                assert_eq!(
                    classify(op, op.as_str(), &response(502, body), None).kind(),
                    ErrorKind::Server
                );
                assert_eq!(
                    classify(op, op.as_str(), &response(401, body), None).kind(),
                    ErrorKind::Unauthorized
                );
                let err = classify(
                    op,
                    op.as_str(),
                    &response(429, body),
                    Some(Duration::from_secs(3)),
                );
                assert_eq!(err.kind(), ErrorKind::RateLimited);
                assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
                assert!(err.message().contains(op.as_str()));
            }
        }
    }

    #[test]
    fn old_error_shape_and_odd_details_are_kept() {
        let body = r#"{"code":404,"message":"Room not found","data":{"description":"no room r1"}}"#;
        let err = classify(
            CreateForRole,
            CreateForRole.as_str(),
            &response(404, body),
            None,
        );
        assert_eq!(err.kind(), ErrorKind::RoomNotFound);
        assert_eq!(err.details(), ["no room r1"]);
        let odd = r#"{"message":"bad","details":[1,{"a":true}]}"#;
        assert_eq!(
            classify(ListPage, ListPage.as_str(), &response(400, odd), None).details(),
            ["1", r#"{"a":true}"#]
        );
        let long = format!(r#"{{"message":"{}"}}"#, "x".repeat(10_000));
        assert_eq!(
            classify(ListPage, "list", &response(400, &long), None)
                .message()
                .len(),
            "list: ".len() + MAX_MESSAGE_CHARS
        );
    }

    #[test]
    fn a_missing_route_is_no_missing_room_and_hints_at_the_base_url() {
        for op in Operation::ALL {
            let err = classify(
                op,
                "call",
                &response(404, &service("route not found")),
                None,
            );
            assert_eq!(err.kind(), ErrorKind::NotFound, "{op:?}");
            assert_eq!(
                err.message(),
                format!("call: route not found{BASE_URL_HINT}")
            );
            let room = classify(op, "call", &response(404, &service("room not found")), None);
            assert!(!room.message().contains("base URL"), "{op:?}: {room}");
            let other = classify(op, "call", &response(400, "<html>route</html>"), None);
            assert!(!other.message().contains("base URL"), "{op:?}: {other}");
        }
    }

    #[test]
    fn redirects_say_they_were_not_followed() {
        let mut r = response(307, "");
        r.headers
            .push(("Location".into(), "https://elsewhere/".into()));
        let err = classify(ListPage, ListPage.as_str(), &r, None);
        assert_eq!(err.kind(), ErrorKind::UnexpectedStatus);
        assert!(err.message().contains("never followed"));
    }

    #[test]
    fn details_as_a_string_or_null() {
        let text = r#"{"message":"bad","details":"one detail"}"#;
        let err = classify(ListPage, "list", &response(400, text), None);
        assert_eq!(err.details(), ["one detail"]);
        let null = r#"{"message":"bad","details":null}"#;
        assert!(classify(ListPage, "list", &response(400, null), None)
            .details()
            .is_empty());
        let old = r#"{"message":"bad","data":{"description":"why"}}"#;
        assert_eq!(
            classify(ListPage, "list", &response(400, old), None).details(),
            ["why"]
        );
    }

    #[test]
    fn fallback_messages_name_the_operation_and_the_status() {
        let empty = r#"{"message":""}"#;
        let err = classify(Create, "create", &response(503, empty), None);
        assert_eq!(
            err.message(),
            "create answered HTTP 503 without a service error body"
        );
        // A Location on a status that is no redirect is not called one.
        let mut located = response(404, "");
        located.headers.push(("Location".into(), "/x".into()));
        let err = classify(SetEnabled, "set_enabled", &located, None);
        assert_eq!(
            err.message(),
            format!("set_enabled answered HTTP 404 without a service error body{BASE_URL_HINT}")
        );
        let mut redirect = response(399, "");
        redirect.headers.push(("location".into(), "/x".into()));
        assert!(classify(Create, "create", &redirect, None)
            .message()
            .contains("a redirect"));
        let mut not_redirect = response(400, "");
        not_redirect.headers.push(("location".into(), "/x".into()));
        assert!(!classify(Create, "create", &not_redirect, None)
            .message()
            .contains("redirect"));
        let plain = classify(Create, "create", &response(300, ""), None);
        assert!(!plain.message().contains("redirect"), "{plain}");
    }
}
