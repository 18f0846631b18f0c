//! The Authorization header of each attempt: a fixed token, a cached
//! self-signed one renewed before it expires, or none (proxy mode).

pub(crate) mod jwt;

use crate::core::config::Credentials;
use crate::core::random::Random;
use crate::core::secret::Secret;
use std::sync::Mutex;
use std::time::Duration;

/// A self-signed token is replaced once less than this much of its life is left.
pub const RENEW_BEFORE_EXPIRY: Duration = Duration::from_secs(60);

/// Hands out bearer tokens; shared by every thread or pending call of a client.
#[derive(Debug)]
pub struct Auth {
    credentials: Credentials,
    lifetime: Duration,
    cache: Mutex<Option<CachedToken>>,
}

#[derive(Debug, Clone)]
struct CachedToken {
    token: Secret,
    expires_at_secs: u64,
}

impl Auth {
    /// Auth from `credentials`; self-signed tokens live `lifetime`.
    pub fn new(credentials: Credentials, lifetime: Duration) -> Auth {
        Auth {
            credentials,
            lifetime,
            cache: Mutex::new(None),
        }
    }

    /// The token to send now (`None` in proxy mode); a new token's id comes
    /// from `random`.
    pub fn token(&self, now_unix_ms: u64, random: &Random) -> Option<Secret> {
        match &self.credentials {
            Credentials::None => None,
            Credentials::ManagementToken(token) => Some(token.clone()),
            Credentials::AppKeys {
                access_key,
                app_secret,
            } => {
                let now = now_unix_ms / 1000;
                let mut cache = self
                    .cache
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                let fresh = cache.as_ref().filter(|c| {
                    c.expires_at_secs.saturating_sub(now) > RENEW_BEFORE_EXPIRY.as_secs()
                        || self.lifetime <= RENEW_BEFORE_EXPIRY && c.expires_at_secs > now
                });
                if let Some(cached) = fresh {
                    return Some(cached.token.clone());
                }
                let lifetime = self.lifetime.as_secs();
                let token =
                    jwt::management_token(access_key, app_secret, now, lifetime, random.bytes16());
                *cache = Some(CachedToken {
                    token: token.clone(),
                    expires_at_secs: now + lifetime,
                });
                Some(token)
            }
        }
    }

    /// Whether a 401 can be cured by signing a new token.
    pub fn can_renew(&self) -> bool {
        matches!(self.credentials, Credentials::AppKeys { .. })
    }

    /// Forgets `rejected` so the next [`Auth::token`] signs a new one (a token
    /// another thread already replaced is left alone).
    pub fn forget(&self, rejected: &Secret) {
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if cache.as_ref().is_some_and(|c| &c.token == rejected) {
            *cache = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(86_400);

    static R: Random = Random::from_seed(1);

    fn keys(lifetime: Duration) -> Auth {
        Auth::new(
            Credentials::AppKeys {
                access_key: "k".into(),
                app_secret: Secret::new("s"),
            },
            lifetime,
        )
    }

    #[test]
    fn proxy_and_fixed_token_modes() {
        assert_eq!(Auth::new(Credentials::None, DAY).token(0, &R), None);
        let fixed = Auth::new(Credentials::ManagementToken(Secret::new("t")), DAY);
        assert_eq!(fixed.token(0, &R).unwrap().expose(), "t");
        assert!(!fixed.can_renew());
    }

    #[test]
    fn cached_until_sixty_seconds_are_left() {
        let auth = keys(DAY);
        let t0 = 1_000_000_000;
        let first = auth.token(t0, &R).unwrap();
        assert_eq!(auth.token(t0 + 3_600_000, &R).unwrap(), first);
        let almost = t0 + (DAY.as_millis() as u64) - 61_000;
        assert_eq!(auth.token(almost, &R).unwrap(), first);
        let renewed = auth.token(almost + 2_000, &R).unwrap();
        assert_ne!(renewed, first, "renewed before expiry, not after");
        // Exactly sixty seconds left is time to renew.
        let auth = keys(DAY);
        let first = auth.token(t0, &R).unwrap();
        let boundary = t0 + (DAY.as_millis() as u64) - 60_000;
        assert_eq!(auth.token(boundary - 1_000, &R).unwrap(), first);
        assert_ne!(auth.token(boundary, &R).unwrap(), first);
    }

    #[test]
    fn a_lifetime_of_exactly_sixty_seconds_is_kept_until_expiry() {
        let auth = keys(RENEW_BEFORE_EXPIRY);
        let first = auth.token(100_000, &R).unwrap();
        assert_eq!(auth.token(159_000, &R).unwrap(), first);
        assert_ne!(auth.token(160_000, &R).unwrap(), first);
    }

    #[test]
    fn short_lifetimes_are_renewed_at_expiry() {
        let auth = keys(Duration::from_secs(5));
        let first = auth.token(10_000, &R).unwrap();
        assert_eq!(auth.token(14_000, &R).unwrap(), first);
        assert_ne!(auth.token(15_000, &R).unwrap(), first);
    }

    #[test]
    fn forgetting_a_rejected_token_signs_a_new_one_once() {
        let auth = keys(DAY);
        let first = auth.token(0, &R).unwrap();
        auth.forget(&first);
        let second = auth.token(0, &R).unwrap();
        assert_ne!(first, second);
        auth.forget(&first); // stale: another caller already renewed
        assert_eq!(auth.token(0, &R).unwrap(), second);
        assert!(auth.can_renew());
    }
}
