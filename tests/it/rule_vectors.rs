//! Runs `tests/vectors/config.json` (settings the core accepts or refuses) and
//! `tests/vectors/listing.json` (a listing always ends), which every binding shares.

use crate::support::{Env, TOKEN};
use hms_room_codes::{Config, ConfigBuilder, ListFilter};
use serde_json::{json, Value};

fn vectors(text: &str) -> Value {
    serde_json::from_str(text).expect("vectors are JSON")
}

/// `builder` with the vector's snake_case `options` applied as they are.
fn with_options(mut builder: ConfigBuilder, options: &Value) -> ConfigBuilder {
    let text = |key: &str| options[key].as_str().map(String::from);
    let number = |key: &str| options[key].as_u64().map(|n| n as u32);
    if let Some(token) = text("management_token") {
        builder = builder.management_token(token);
    }
    if text("access_key").is_some() || text("app_secret").is_some() {
        builder = builder.app_keys(
            text("access_key").unwrap_or_default(),
            text("app_secret").unwrap_or_default(),
        );
    }
    if let Some(retries) = number("max_retries") {
        builder = builder.max_retries(retries);
    }
    if let Some(pages) = number("max_pages") {
        builder = builder.max_pages(pages);
    }
    if let Some(url) = text("base_url") {
        builder = builder.base_url(url);
    }
    builder
}

#[test]
fn config_vectors() {
    let table = vectors(include_str!("../vectors/config.json"));
    for case in table["cases"].as_array().unwrap() {
        let builder = with_options(
            Config::builder()
                .base_url("http://127.0.0.1:9/v2")
                .auth_base_url("http://127.0.0.1:9/v2"),
            &case["options"],
        );
        let kind = builder.build().err().map(|e| e.kind().as_str().to_string());
        assert_eq!(kind.as_deref(), case["kind"].as_str(), "{}", case["name"]);
    }
}

#[test]
fn listing_vectors() {
    let table = vectors(include_str!("../vectors/listing.json"));
    let env = Env::start();
    for case in table["cases"].as_array().unwrap() {
        let name = &case["name"];
        let room = env.room(None);
        let path = format!("/v2/room-codes/room/{room}");
        env.clear_faults();
        env.clear_requests();
        if !case["fault"].is_null() {
            let mut rule = case["fault"].clone();
            rule["method"] = json!("GET");
            rule["path"] = json!(path);
            rule["match"] = json!("exact");
            env.fault(rule);
        }
        let client = env.client_with(with_options(
            env.config().management_token(TOKEN),
            &case["client"],
        ));
        let mut items_left = 100_000; // a loop bound: a listing that never ends fails here
        let (mut outcome, mut codes) = (None, 0);
        for item in client.list(&room, &ListFilter::default()) {
            items_left -= 1;
            assert!(items_left > 0, "{name}: the listing did not end");
            match item {
                Ok(_) => codes += 1,
                Err(error) => outcome = Some(error),
            }
        }
        assert_eq!(
            codes,
            case["codes"].as_u64().unwrap(),
            "{name}: codes handed out"
        );
        let kind = outcome.as_ref().map(|e| e.kind().as_str());
        assert_eq!(kind, case["kind"].as_str(), "{name}: {outcome:?}");
        let requests = env
            .requests()
            .iter()
            .filter(|r| r["method"] == "GET" && r["path"] == path.as_str())
            .count();
        assert_eq!(
            requests as u64,
            case["requests"].as_u64().unwrap(),
            "{name}"
        );
    }
}
