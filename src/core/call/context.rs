//! What a call reads of its client: the auth state, the retry policy, the
//! random source, the binding's spelling, two limits and the event hook. `Core` lends these
//! to each `Call` it starts, so a call never reaches back into the client.

use crate::core::auth::Auth;
use crate::core::call::retry::RetryPolicy;
use crate::core::events::EventHook;
use crate::core::random::Random;
use crate::core::spelling::Spelling;
use std::time::Duration;

/// The client state one call uses, borrowed from its `Core`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CallContext<'a> {
    /// Signs requests and renews the token.
    pub auth: &'a Auth,
    /// Says what is retried and how long to wait.
    pub policy: &'a RetryPolicy,
    /// The jitter of the backoff and the token's nonces.
    pub random: &'a Random,
    /// How the binding spells the operation in messages.
    pub spelling: Spelling,
    /// The largest successful body read.
    pub max_response_bytes: usize,
    /// The attempt timeout unless the call overrides it.
    pub timeout: Duration,
    /// Where the call's events go; `None` (the default) costs one check per step.
    pub events: Option<&'a EventHook>,
}
