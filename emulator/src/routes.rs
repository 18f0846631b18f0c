//! The emulated service's endpoints under `/v2`: rooms, room codes and the token exchange.

use serde::Deserialize;
use serde_json::json;

use crate::auth;
use crate::error::{parse_body, ApiError};
use crate::http::{query_pairs, Request, Response};
use crate::server::{lock, Shared};
use crate::state::{ListQuery, NewRoom, MAX_CODES_PER_ROOM};
use crate::time::{now_secs, rfc3339_ms};

/// Lifetime of the app tokens the token exchange issues.
const APP_TOKEN_SECS: u64 = 24 * 60 * 60;
/// The page size when `limit` is absent.
const DEFAULT_LIMIT: usize = 10;

/// What a `/v2` path names (segments after `v2`, percent-decoded).
enum Resource<'a> {
    Rooms,
    Room(&'a str),
    RoomCodes(&'a str),
    RoleCodes(&'a str, &'a str),
    Code,
    Token,
}

impl<'a> Resource<'a> {
    fn parse(segments: &[&'a str]) -> Option<Self> {
        Some(match *segments {
            ["rooms"] => Resource::Rooms,
            ["rooms", room_id] => Resource::Room(room_id),
            ["room-codes", "room", room_id] => Resource::RoomCodes(room_id),
            ["room-codes", "room", room_id, "role", role] => Resource::RoleCodes(room_id, role),
            ["room-codes", "code"] => Resource::Code,
            ["token"] => Resource::Token,
            _ => return None,
        })
    }

    fn allow(&self) -> &'static str {
        match self {
            Resource::RoomCodes(_) => "GET, POST, OPTIONS",
            _ => "POST, OPTIONS",
        }
    }
}

/// Answers a request whose path is `/v2/` followed by `segments`.
pub fn handle(shared: &Shared, request: &Request, segments: &[&str]) -> Response {
    let Some(resource) = Resource::parse(segments) else {
        return ApiError::route_not_found().into();
    };
    let allow = resource.allow();
    if !allow.split(", ").any(|m| m == request.method) {
        return Response::method_not_allowed(allow);
    }
    if !matches!(resource, Resource::Token) {
        let authorization = request.header("authorization");
        if let Err(reason) = auth::check_management(authorization, &shared.config, now_secs()) {
            return ApiError::new(401, "invalid or expired management token")
                .detail(reason)
                .into();
        }
    }
    let get = request.method == "GET";
    let answer = match resource {
        Resource::Rooms => create_room(shared, &request.body),
        Resource::Room(room_id) => update_room(shared, room_id, &request.body),
        Resource::RoomCodes(room_id) if get => list(shared, room_id, &request.query),
        Resource::RoomCodes(room_id) => lock(&shared.state)
            .create_for_all_roles(room_id)
            .map(|data| Response::json(200, &json!({ "data": data }))),
        Resource::RoleCodes(room_id, role) => lock(&shared.state)
            .create_for_role(room_id, role)
            .map(|code| Response::json(200, code)),
        Resource::Code => set_enabled(shared, &request.body),
        Resource::Token => token(shared, &request.body),
    };
    answer.unwrap_or_else(Response::from)
}

#[derive(Deserialize)]
struct RoomBody {
    name: Option<String>,
    description: Option<String>,
    template_id: Option<String>,
    region: Option<String>,
}

/// `POST /v2/rooms`, and `POST /_emulator/rooms` (the same, without auth or a log entry).
pub fn create_room(shared: &Shared, body: &[u8]) -> Result<Response, ApiError> {
    let new = if body.iter().all(u8::is_ascii_whitespace) {
        NewRoom::default()
    } else {
        let body: RoomBody = parse_body(body)?;
        NewRoom {
            name: body.name,
            description: body.description,
            template_id: body.template_id,
            region: body.region,
        }
    };
    let mut state = lock(&shared.state);
    Ok(Response::json(200, state.create_room(new)?))
}

#[derive(Deserialize)]
struct RoomUpdateBody {
    enabled: Option<bool>,
    description: Option<String>,
}

fn update_room(shared: &Shared, room_id: &str, body: &[u8]) -> Result<Response, ApiError> {
    let body: RoomUpdateBody = parse_body(body)?;
    let mut state = lock(&shared.state);
    let room = state.update_room(room_id, body.enabled, body.description)?;
    Ok(Response::json(200, room))
}

fn invalid_query(detail: &str) -> ApiError {
    ApiError::new(400, "invalid query parameter").detail(detail)
}

fn parse_list_query(query: &str) -> Result<ListQuery, ApiError> {
    let pairs = query_pairs(query)
        .ok_or_else(|| invalid_query("the query is not valid percent-encoded UTF-8"))?;
    let mut parsed = ListQuery {
        role: None,
        enabled: None,
        limit: DEFAULT_LIMIT,
        start: None,
    };
    for (name, value) in pairs {
        match name.as_str() {
            "role" => parsed.role = Some(value),
            "enabled" => {
                parsed.enabled = Some(match value.as_str() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(invalid_query("enabled must be true or false")),
                })
            }
            "limit" => {
                parsed.limit = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_CODES_PER_ROOM).contains(n))
                    .ok_or_else(|| invalid_query("limit must be an integer from 1 to 100"))?
            }
            "start" if value.is_empty() => {
                return Err(invalid_query("start must be a cursor returned as last"))
            }
            "start" => parsed.start = Some(value),
            _ => {}
        }
    }
    Ok(parsed)
}

fn list(shared: &Shared, room_id: &str, query: &str) -> Result<Response, ApiError> {
    let query = parse_list_query(query)?;
    let state = lock(&shared.state);
    Ok(Response::json(200, &state.list(room_id, &query)?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetEnabledBody {
    code: String,
    enabled: bool,
}

fn set_enabled(shared: &Shared, body: &[u8]) -> Result<Response, ApiError> {
    let body: SetEnabledBody = parse_body(body)?;
    let mut state = lock(&shared.state);
    Ok(Response::json(
        200,
        state.set_code_enabled(&body.code, body.enabled)?,
    ))
}

#[derive(Deserialize)]
struct TokenBody {
    code: String,
    user_id: Option<String>,
}

fn token(shared: &Shared, body: &[u8]) -> Result<Response, ApiError> {
    let body: TokenBody = parse_body(body)?;
    let grant = lock(&shared.state).grant(&body.code, body.user_id)?;
    let now = now_secs();
    let exp = now + APP_TOKEN_SECS;
    let claims = json!({
        "access_key": shared.config.access_key,
        "room_id": grant.room_id,
        "user_id": grant.user_id,
        "role": grant.role,
        "type": "app",
        "version": 2,
        "iat": now,
        "nbf": now,
        "exp": exp,
        "jti": grant.jti,
    });
    let token = auth::sign(&claims, &shared.config.app_secret);
    Ok(Response::json(
        200,
        &json!({ "token": token, "expires_at": rfc3339_ms(exp * 1000) }),
    ))
}
