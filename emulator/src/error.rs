//! The service's error answers: `{"code": <status>, "message": "...", "details": [...]}`.

use serde::Serialize;

use crate::http::{reason, Response};

/// An error answer of the service.
#[derive(Debug, Serialize)]
pub struct ApiError {
    /// The HTTP status, repeated in the body as `code`.
    #[serde(rename = "code")]
    pub status: u16,
    /// A short fixed message that tells the case apart.
    pub message: &'static str,
    /// Specifics, omitted when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

impl ApiError {
    /// An error without details.
    pub fn new(status: u16, message: &'static str) -> Self {
        ApiError {
            status,
            message,
            details: Vec::new(),
        }
    }

    /// Adds one detail.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.details.push(detail.into());
        self
    }

    /// The generic error for a status, whose message is the status's reason phrase.
    pub fn for_status(status: u16) -> Self {
        ApiError::new(status, reason(status))
    }

    /// 400 for a request body that is not what the endpoint takes.
    pub fn invalid_body(detail: impl Into<String>) -> Self {
        ApiError::new(400, "invalid body").detail(detail)
    }

    /// 404 for a path that no endpoint has.
    pub fn route_not_found() -> Self {
        ApiError::new(404, "route not found")
    }

    /// 404 for an unknown room.
    pub fn room_not_found() -> Self {
        ApiError::new(404, "room not found")
    }

    /// 404 for a role that the room's template lacks.
    pub fn role_not_found() -> Self {
        ApiError::new(404, "role not found")
    }

    /// 404 for an unknown room code.
    pub fn code_not_found() -> Self {
        ApiError::new(404, "room code not found")
    }

    /// 403 for a room that is disabled.
    pub fn room_disabled() -> Self {
        ApiError::new(403, "room is disabled")
    }
}

impl From<ApiError> for Response {
    fn from(error: ApiError) -> Self {
        Response::json(error.status, &error)
    }
}

/// Parses a request body that must be a JSON object into `T`, or answers 400 "invalid body"
/// saying why.
pub fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::invalid_body(format!("body is not JSON: {e}")))?;
    if !value.is_object() {
        return Err(ApiError::invalid_body("body must be a JSON object"));
    }
    serde_json::from_value(value).map_err(|e| ApiError::invalid_body(e.to_string()))
}
