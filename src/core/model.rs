//! The values the service returns and the filters a caller passes.

use serde::{Deserialize, Serialize};

/// One room code, as the service sends it. Timestamps stay the RFC 3339
/// strings the service wrote (checked to be RFC 3339: anything else is a
/// `decode` error naming the field), `None` when absent or null; unknown
/// fields are ignored. The serde impls are for callers' own use (the clients
/// read the service's answers with the core's own JSON reader).
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
