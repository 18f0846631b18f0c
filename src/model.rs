//! The values the service returns and the filters a caller passes.

use serde::{Deserialize, Serialize};

/// One room code, as the service sends it. Timestamps stay the RFC 3339
/// strings the service wrote; unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomCode {
    /// The code itself, e.g. `wpi-srjb-wer`.
    pub code: String,
    /// The room the code belongs to.
    pub room_id: String,
    /// The role a person joining with this code gets.
    pub role: String,
    /// Whether the code can be used to join.
    pub enabled: bool,
    /// When the code was created (RFC 3339).
    #[serde(default)]
    pub created_at: String,
    /// When the code was last changed (RFC 3339).
    #[serde(default)]
    pub updated_at: String,
}

/// One page of a room's codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomCodePage {
    /// The page size the service used, if it said.
    #[serde(default)]
    pub limit: Option<u32>,
    /// The codes on this page.
    #[serde(default)]
    pub data: Vec<RoomCode>,
    /// The cursor of the next page; `None` when this is the last page.
    #[serde(default)]
    pub last: Option<String>,
}

/// Which codes to list. Only the fields that are set go into the query.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
