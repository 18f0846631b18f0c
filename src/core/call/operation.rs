//! The API's operations and what the core needs to know about each.

/// One operation of the Room Codes API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// Codes for every role of a room.
    Create,
    /// A new code for one role.
    CreateForRole,
    /// One page of a room's codes.
    ListPage,
    /// Enable or disable a code.
    SetEnabled,
    /// Exchange a room code for a client auth token.
    AuthTokenForCode,
}

impl Operation {
    /// Every operation.
    pub const ALL: [Operation; 5] = [
        Operation::Create,
        Operation::CreateForRole,
        Operation::ListPage,
        Operation::SetEnabled,
        Operation::AuthTokenForCode,
    ];

    /// Whether a repeat could mint extra codes (so 5xx and timeouts are not retried).
    pub fn mints_codes(self) -> bool {
        matches!(self, Operation::Create | Operation::CreateForRole)
    }

    /// Whether the call carries the management token (the token exchange does not).
    pub fn uses_management_auth(self) -> bool {
        self != Operation::AuthTokenForCode
    }

    /// Whether a 403 here means the room is disabled (else it is `forbidden`).
    pub(crate) fn forbidden_means_room_disabled(self) -> bool {
        self != Operation::SetEnabled
    }

    /// The name used in messages, e.g. `"create_for_role"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::CreateForRole => "create_for_role",
            Operation::ListPage => "list_page",
            Operation::SetEnabled => "set_enabled",
            Operation::AuthTokenForCode => "auth_token_for_code",
        }
    }
}
