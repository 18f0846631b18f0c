//! The control API under `/_emulator` (no auth): templates, rooms, fault rules, the request
//! log and a full reset.

use serde::Deserialize;
use serde_json::json;

use crate::error::{parse_body, ApiError};
use crate::faults::Rule;
use crate::http::{Request, Response};
use crate::routes;
use crate::server::{lock, Shared};
use crate::state::State;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateBody {
    id: String,
    roles: Vec<String>,
}

/// Answers a request whose path is `/_emulator/` followed by `segments`.
pub fn handle(shared: &Shared, request: &Request, segments: &[&str]) -> Response {
    let allow = match segments {
        [] => "GET, OPTIONS",
        ["templates"] | ["rooms"] | ["reset"] => "POST, OPTIONS",
        ["faults"] => "GET, POST, DELETE, OPTIONS",
        ["requests"] => "GET, DELETE, OPTIONS",
        _ => return ApiError::route_not_found().into(),
    };
    let answer = match (request.method.as_str(), segments) {
        ("GET", []) => Ok(Response::json(
            200,
            &json!({
                "control_api": crate::CONTROL_API_VERSION,
                "emulator": env!("CARGO_PKG_VERSION"),
            }),
        )),
        ("POST", ["templates"]) => define_template(shared, &request.body),
        ("POST", ["rooms"]) => routes::create_room(shared, &request.body),
        ("POST", ["faults"]) => add_fault(shared, &request.body),
        ("GET", ["faults"]) => Ok(Response::json(200, &lock(&shared.faults).rules())),
        ("DELETE", ["faults"]) => {
            lock(&shared.faults).clear();
            Ok(ok())
        }
        ("GET", ["requests"]) => Ok(Response::json(200, &*lock(&shared.log))),
        ("DELETE", ["requests"]) => {
            lock(&shared.log).clear();
            Ok(ok())
        }
        ("POST", ["reset"]) => {
            *lock(&shared.state) = State::new();
            lock(&shared.faults).clear();
            lock(&shared.log).clear();
            Ok(ok())
        }
        _ => Ok(Response::method_not_allowed(allow)),
    };
    answer.unwrap_or_else(Response::from)
}

fn ok() -> Response {
    Response::json(200, &json!({ "ok": true }))
}

fn define_template(shared: &Shared, body: &[u8]) -> Result<Response, ApiError> {
    let body: TemplateBody = parse_body(body)?;
    if body.id.is_empty() {
        return Err(ApiError::invalid_body("id must not be empty"));
    }
    if body.roles.is_empty() || body.roles.iter().any(String::is_empty) {
        return Err(ApiError::invalid_body(
            "roles must be a non-empty list of non-empty names",
        ));
    }
    if (1..body.roles.len()).any(|i| body.roles[..i].contains(&body.roles[i])) {
        return Err(ApiError::invalid_body("roles must not repeat"));
    }
    let answer = json!({ "id": body.id, "roles": body.roles });
    lock(&shared.state).define_template(body.id, body.roles);
    Ok(Response::json(200, &answer))
}

fn add_fault(shared: &Shared, body: &[u8]) -> Result<Response, ApiError> {
    let rule = parse_body::<Rule>(body)?.validate()?;
    let queued = lock(&shared.faults).add(rule);
    Ok(Response::json(
        200,
        &json!({ "ok": true, "queued": queued }),
    ))
}
