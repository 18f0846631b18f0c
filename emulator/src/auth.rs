//! HS256 JWTs: checking management tokens, signing app tokens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

use crate::EmulatorConfig;

/// How far in the future a token's `nbf` may be, for clock skew.
const NBF_SKEW_SECS: u64 = 10;

fn mac(secret: &str) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length")
}

/// Signs claims into an HS256 JWT.
pub fn sign(claims: &Value, secret: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let signing_input = format!("{header}.{payload}");
    let mut mac = mac(secret);
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

/// Checks an `Authorization` header of a management call at Unix time `now`: the configured
/// fixed token, or an HS256 JWT for the configured access key. The error says why, without
/// the token.
pub fn check_management(
    authorization: Option<&str>,
    config: &EmulatorConfig,
    now: u64,
) -> Result<(), &'static str> {
    let authorization = authorization.ok_or("no Authorization header")?;
    let (scheme, token) = authorization
        .split_once(' ')
        .ok_or("Authorization is not a Bearer token")?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err("Authorization is not a Bearer token");
    }
    let token = token.trim();
    if config.management_token.as_deref() == Some(token) {
        return Ok(());
    }
    let claims = verify(token, &config.app_secret)?;
    let claim = |name: &str| claims.get(name);
    let seconds = |name: &str| claim(name).and_then(Value::as_f64);
    if claim("access_key").and_then(Value::as_str) != Some(config.access_key.as_str()) {
        return Err("claim access_key is not the app's access key");
    }
    if claim("type").and_then(Value::as_str) != Some("management") {
        return Err("claim type is not \"management\"");
    }
    if claim("version").and_then(Value::as_f64) != Some(2.0) {
        return Err("claim version is not 2");
    }
    if claim("jti").is_none_or(Value::is_null) {
        return Err("claim jti is missing");
    }
    let exp = seconds("exp").ok_or("claim exp is missing or not a number")?;
    if exp <= now as f64 {
        return Err("token expired");
    }
    if let Some(nbf) = claim("nbf") {
        let nbf = nbf.as_f64().ok_or("claim nbf is not a number")?;
        if nbf > (now + NBF_SKEW_SECS) as f64 {
            return Err("token not valid yet (nbf)");
        }
    }
    Ok(())
}

/// Checks an HS256 JWT's form and signature, and returns its claims.
fn verify(token: &str, secret: &str) -> Result<serde_json::Map<String, Value>, &'static str> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("token is not a JWT");
    };
    let decode_json = |part: &str| -> Option<serde_json::Map<String, Value>> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok()
    };
    let header = decode_json(header).ok_or("token is not a JWT")?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err("token is not signed with HS256");
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| "token is not a JWT")?;
    let signed_len = token.len() - token.rsplit('.').next().map_or(0, str::len) - 1;
    let mut mac = mac(secret);
    mac.update(&token.as_bytes()[..signed_len]);
    mac.verify_slice(&signature)
        .map_err(|_| "bad token signature")?;
    decode_json(payload).ok_or("token claims are not a JSON object")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config() -> EmulatorConfig {
        EmulatorConfig {
            management_token: None,
            ..EmulatorConfig::default()
        }
    }

    fn bearer(claims: Value, secret: &str) -> String {
        format!("Bearer {}", sign(&claims, secret))
    }

    fn claims(now: u64) -> Value {
        json!({"access_key": "emulator-access-key", "type": "management", "version": 2,
               "iat": now, "nbf": now, "exp": now + 60, "jti": "x"})
    }

    #[test]
    fn accepts_good_and_rejects_bad_tokens() {
        let (c, now) = (config(), 1_000_000);
        let good = bearer(claims(now), "emulator-app-secret");
        assert_eq!(check_management(Some(&good), &c, now), Ok(()));
        let check =
            |claims: Value, secret: &str| check_management(Some(&bearer(claims, secret)), &c, now);
        assert_eq!(check(claims(now), "other"), Err("bad token signature"));
        let mut expired = claims(now);
        expired["exp"] = json!(now);
        assert_eq!(check(expired, "emulator-app-secret"), Err("token expired"));
        let mut early = claims(now);
        early["nbf"] = json!(now + 11);
        assert!(check(early.clone(), "emulator-app-secret").is_err());
        early["nbf"] = json!(now + 10);
        assert!(check(early, "emulator-app-secret").is_ok());
        for (key, value) in [
            ("type", json!("app")),
            ("version", json!(1)),
            ("access_key", json!("k")),
        ] {
            let mut wrong = claims(now);
            wrong[key] = value;
            assert!(check(wrong, "emulator-app-secret").is_err(), "{key}");
        }
        let mut no_jti = claims(now);
        no_jti.as_object_mut().unwrap().remove("jti");
        assert_eq!(
            check(no_jti, "emulator-app-secret"),
            Err("claim jti is missing")
        );
        assert!(check_management(None, &c, now).is_err());
        assert!(check_management(Some("Basic abc"), &c, now).is_err());
        assert!(check_management(Some("Bearer emulator-management-token"), &c, now).is_err());
        let fixed = EmulatorConfig::default();
        assert!(check_management(Some("bearer emulator-management-token"), &fixed, now).is_ok());
    }
}
