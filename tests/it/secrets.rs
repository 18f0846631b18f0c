//! Secret hygiene: the management token, the app secret and the JWTs the client
//! signed appear in no error (Display or Debug) and in no Debug output.

use crate::support::{Env, ACCESS_KEY};
use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{Config, ListFilter};
use serde_json::json;
use std::time::Duration;

const APP_SECRET: &str = "s3cr3t-app-secret-value-7f1c";
const TOKEN: &str = "m4n4gement-token-value-9d2e";

/// Every way a call of `client` can fail here, each as Display, Debug and pretty Debug.
fn failures(env: &Env, client: &RoomCodesClient) -> String {
    let room = env.room(None);
    let path = format!("/v2/room-codes/room/{room}");
    let mut shown = String::new();
    for fault in [
        None,
        Some(json!({ "status": 500 })),
        Some(json!({ "status": 429, "retry_after": "60" })),
        Some(json!({ "action": "not_json" })),
        Some(json!({ "action": "reset" })),
        Some(json!({ "action": "redirect" })),
        Some(json!({ "delay_ms": 700 })),
    ] {
        env.clear_faults();
        if let Some(mut rule) = fault {
            rule["path"] = json!(path);
            env.fault(rule);
        }
        let err = client.list_page(&room, &ListFilter::default()).unwrap_err();
        shown.push_str(&format!("{err} {err:?} {err:#?}\n"));
    }
    shown
}

fn assert_hidden(shown: &str, secrets: &[String]) {
    assert!(!secrets.is_empty());
    for secret in secrets {
        assert!(
            !shown.contains(secret.as_str()),
            "{secret} leaked into:\n{shown}"
        );
    }
}

#[test]
fn no_secret_or_sent_token_reaches_errors_or_debug_output() {
    let env = Env::start();
    let fast = |builder: hms_room_codes::ConfigBuilder| {
        builder.timeout(Duration::from_millis(300)).max_retries(0)
    };
    let signed_config = fast(env.config().app_keys(ACCESS_KEY, APP_SECRET));
    let fixed_config = fast(env.config().management_token(TOKEN));
    let signed = env.client_with(signed_config.clone());
    let fixed = env.client_with(fixed_config.clone());
    let mut shown = format!("{signed_config:?} {fixed_config:#?} {signed:?} {fixed:#?}\n");
    shown.push_str(&failures(&env, &signed));
    shown.push_str(&failures(&env, &fixed));
    let mut call = fixed.core().create("room").unwrap();
    let request = call.request(0).clone();
    shown.push_str(&format!(
        "{call:?} {request:?} {:?}\n",
        fixed.core().config()
    ));
    for bad in [
        Config::builder().management_token(format!("{TOKEN}\n")),
        Config::builder().app_keys("", APP_SECRET),
        Config::builder().app_keys(ACCESS_KEY, format!("{APP_SECRET}\u{7}")),
    ] {
        let err = bad.build().unwrap_err();
        shown.push_str(&format!("{err} {err:?}\n"));
    }

    let sent: Vec<String> = env
        .bearer_tokens()
        .iter()
        .map(|t| t.trim_start_matches("Bearer ").to_string())
        .collect();
    assert!(
        sent.iter().any(|t| t.starts_with("ey")),
        "JWTs were signed and sent"
    );
    assert!(sent.iter().any(|t| t == TOKEN), "the fixed token was sent");
    let secrets: Vec<String> = sent.into_iter().chain([APP_SECRET.into()]).collect();
    assert_hidden(&shown, &secrets);
}
