//! The values the service returns and the filters a caller passes.

use crate::core::secret::Secret;
use serde::{Deserialize, Serialize};

/// One room code, as the service sends it. Timestamps stay the RFC 3339
/// strings the service wrote (checked to be RFC 3339: anything else is a
/// `decode` error naming the field), `None` when absent or null; unknown
/// fields are ignored. The serde impls are for callers' own use (the clients
/// read the service's answers with the crate's own JSON reader).
///
/// More fields may come, so a `RoomCode` is built with [`RoomCode::new`]
/// (for a test double, say) rather than with a struct literal:
///
/// ```
/// use hms_room_codes::RoomCode;
/// let mut code = RoomCode::new("wpi-srjb-wer", "room-id", "host", true);
/// code.created_at = Some("2024-01-02T03:04:05Z".into());
/// assert_eq!(code.updated_at, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoomCode {
    /// The code itself, e.g. `wpi-srjb-wer`.
    pub code: String,
    /// The room the code belongs to.
    pub room_id: String,
    /// The role a person joining with this code gets.
    pub role: String,
    /// Whether the code can be used to join.
    pub enabled: bool,
    /// When the code was created (RFC 3339), if the service said.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the code was last changed (RFC 3339), if the service said.
    #[serde(default)]
    pub updated_at: Option<String>,
}

impl RoomCode {
    /// A code with these fields and no timestamps.
    pub fn new(
        code: impl Into<String>,
        room_id: impl Into<String>,
        role: impl Into<String>,
        enabled: bool,
    ) -> RoomCode {
        RoomCode {
            code: code.into(),
            room_id: room_id.into(),
            role: role.into(),
            enabled,
            created_at: None,
            updated_at: None,
        }
    }
}

/// A client auth token from `auth_token_for_code`: the token a 100ms client
/// SDK joins with, and when it expires. Its `Debug` prints the token as
/// `<redacted>`; [`Secret::expose`] gives the token itself.
///
/// ```
/// use hms_room_codes::AuthToken;
/// let token = AuthToken::new("eyJ.payload.sig", Some("2030-01-01T00:00:00Z".into()));
/// assert_eq!(token.token.expose(), "eyJ.payload.sig");
/// assert!(!format!("{token:?}").contains("eyJ"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthToken {
    /// The token (a JWT); printed as `<redacted>`.
    pub token: Secret,
    /// When the token expires (RFC 3339), if the service said.
    pub expires_at: Option<String>,
}

impl AuthToken {
    /// A token with this value and expiry.
    pub fn new(token: impl Into<String>, expires_at: Option<String>) -> AuthToken {
        AuthToken {
            token: Secret::new(token),
            expires_at,
        }
    }
}

/// One page of a room's codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoomCodePage {
    /// The page size the service used, if it said.
    #[serde(default)]
    pub limit: Option<u32>,
    /// The codes on this page.
    #[serde(default)]
    pub data: Vec<RoomCode>,
    /// The cursor of the next page; `None` when this is the last page (an
    /// empty cursor from the service is `None` too).
    #[serde(default)]
    pub last: Option<String>,
}

/// Which codes to list. Only the fields that are set go into the query.
/// Build one with [`ListFilter::new`] and its setters (more fields may come):
///
/// ```
/// use hms_room_codes::ListFilter;
/// let hosts = ListFilter::new().role("host").enabled(true).limit(50);
/// assert_eq!(hosts.role.as_deref(), Some("host"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListFilter {
    /// Only codes of this role.
    #[serde(default)]
    pub role: Option<String>,
    /// Only enabled (`true`) or disabled (`false`) codes.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Page size (the service accepts 10 to 100 in its docs).
    #[serde(default)]
    pub limit: Option<u32>,
    /// The cursor to start from: a previous page's `last`.
    #[serde(default)]
    pub start: Option<String>,
}

impl ListFilter {
    /// Every code of the room (nothing set).
    pub fn new() -> ListFilter {
        ListFilter::default()
    }

    /// Only codes of `role`.
    pub fn role(mut self, role: impl Into<String>) -> ListFilter {
        self.role = Some(role.into());
        self
    }

    /// Only enabled (`true`) or disabled (`false`) codes.
    pub fn enabled(mut self, enabled: bool) -> ListFilter {
        self.enabled = Some(enabled);
        self
    }

    /// Pages of `limit` codes.
    pub fn limit(mut self, limit: u32) -> ListFilter {
        self.limit = Some(limit);
        self
    }

    /// Starts at `cursor`, a previous page's `last`.
    pub fn start(mut self, cursor: impl Into<String>) -> ListFilter {
        self.start = Some(cursor.into());
        self
    }
}
