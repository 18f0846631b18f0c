//! Signing of HS256 management tokens.

use crate::core::json::write::Object;
use crate::core::secret::Secret;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Seconds `iat` and `nbf` are back-dated, for clocks that run behind ours.
pub const CLOCK_SKEW_SECS: u64 = 10;

/// A management token for `access_key`, signed with `app_secret`, valid from
/// `now - 10 s` until `now + lifetime`, whose `jti` is the UUID (version 4)
/// made of `random` (the caller's random source decides it).
pub fn management_token(
    access_key: &str,
    app_secret: &Secret,
    now_secs: u64,
    lifetime_secs: u64,
    random: [u8; 16],
) -> Secret {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let issued = now_secs.saturating_sub(CLOCK_SKEW_SECS);
    let jti = uuid::Builder::from_random_bytes(random)
        .into_uuid()
        .to_string();
    let claims = Object::new()
        .string("access_key", access_key)
        .string("type", "management")
        .number("version", 2)
        .number("iat", issued)
        .number("nbf", issued)
        .number("exp", now_secs.saturating_add(lifetime_secs))
        .string("jti", &jti)
        .end();
    let payload = URL_SAFE_NO_PAD.encode(claims);
    let signing_input = format!("{header}.{payload}");
    let mut mac = Hmac::<Sha256>::new_from_slice(app_secret.expose().as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    Secret::new(format!("{signing_input}.{signature}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn decode_part(part: &str) -> Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    }

    #[test]
    fn claims_and_signature_are_as_documented() {
        let secret = Secret::new("app-secret");
        let token = management_token("key-1", &secret, 1_000_000, 3600, [7; 16]);
        let parts: Vec<&str> = token.expose().split('.').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(decode_part(parts[0]), json!({"alg": "HS256", "typ": "JWT"}));
        let claims = decode_part(parts[1]);
        assert_eq!(claims["access_key"], "key-1");
        assert_eq!(claims["type"], "management");
        assert_eq!(claims["version"], 2);
        assert_eq!(claims["iat"], 1_000_000 - 10);
        assert_eq!(claims["nbf"], 1_000_000 - 10);
        assert_eq!(claims["exp"], 1_000_000 + 3600);
        assert_eq!(claims["jti"], "07070707-0707-4707-8707-070707070707");
        let mut mac = Hmac::<Sha256>::new_from_slice(b"app-secret").unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap())
            .unwrap();
    }

    #[test]
    fn the_jti_and_nothing_else_comes_from_the_random_bytes() {
        let secret = Secret::new("s");
        let a = management_token("k", &secret, 5, 60, [1; 16]);
        assert_eq!(a, management_token("k", &secret, 5, 60, [1; 16]));
        assert_ne!(a, management_token("k", &secret, 5, 60, [2; 16]));
    }
}
