//! Runs `tests/vectors/faults.json`, the fault matrix every binding shares,
//! through both clients: one test per operation and client, each on its own emulator.

use crate::clients::{Client, Flavor};
use crate::support::{run_operation, Env};
use hms_room_codes::Operation;
use serde_json::{json, Value};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// `tests/vectors/faults.json`.
pub fn matrix() -> Value {
    let text = include_str!("../vectors/faults.json");
    serde_json::from_str(text).expect("faults.json is JSON")
}

fn client(env: &Env, flavor: Flavor, settings: &Value) -> Box<dyn Client> {
    let ms = |key: &str| Duration::from_millis(settings[key].as_u64().unwrap());
    env.client_of(
        flavor,
        env.config()
            .management_token(crate::support::TOKEN)
            .timeout(ms("timeout_ms"))
            .max_retries(settings["max_retries"].as_u64().unwrap() as u32)
            .backoff(ms("backoff_base_ms"), ms("backoff_cap_ms"))
            .max_response_bytes(settings["max_response_bytes"].as_u64().unwrap() as usize),
    )
}

/// The emulator fault rule for one case and operation, placeholders filled in.
fn fault_rule(case: &Value, method: &str, path: &str) -> Value {
    let mut rule = case["fault"].clone();
    let fields = rule.as_object_mut().unwrap();
    if let Some(ms) = fields.remove("retry_after_in_ms").and_then(|v| v.as_u64()) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        fields.insert(
            "retry_after".into(),
            json!(hms_room_codes::retry_after::http_date(now + ms)),
        );
    }
    if let Some(n) = fields.remove("body_bytes").and_then(|v| v.as_u64()) {
        fields.insert("body".into(), json!("x".repeat(n as usize)));
    }
    fields.insert("method".into(), json!(method));
    fields.insert("path".into(), json!(path));
    fields.insert("match".into(), json!("exact"));
    rule
}

/// Runs `operation` once; returns the error kind's name, if any, and its retry-after.
fn run(
    client: &dyn Client,
    operation: Operation,
    room: &str,
    code: &str,
) -> (Option<String>, Option<Duration>) {
    match run_operation(client, operation, room, code) {
        Ok(()) => (None, None),
        Err(e) => (Some(e.kind().as_str().to_string()), e.retry_after()),
    }
}

fn run_matrix(operation: Operation, flavor: Flavor) {
    let matrix = matrix();
    let env = Env::start();
    let client = client(&env, flavor, &matrix["client"]);
    let target = &matrix["operations"][operation.as_str()];
    let method = target["method"].as_str().unwrap();
    let mut failures = Vec::new();
    for case in matrix["cases"].as_array().unwrap() {
        let room = env.room(None);
        let code = env.client().create_for_role(&room, "guest").unwrap().code;
        let path = target["path"].as_str().unwrap().replace("{room}", &room);
        env.clear_faults();
        env.clear_requests();
        env.fault(fault_rule(case, method, &path));
        let expect = case["expect"]
            .get(operation.as_str())
            .unwrap_or(&case["expect"]["*"]);
        let started = Instant::now();
        let (kind, retry_after) = run(client.as_ref(), operation, &room, &code);
        let took = started.elapsed();
        let requests = env
            .requests()
            .iter()
            .filter(|r| r["method"] == method && r["path"] == path.as_str())
            .count();
        let name = case["name"].as_str().unwrap();
        if kind.as_deref() != expect["kind"].as_str() {
            failures.push(format!(
                "{name}: kind {kind:?}, expected {}",
                expect["kind"]
            ));
        }
        if requests as u64 != expect["requests"].as_u64().unwrap() {
            failures.push(format!(
                "{name}: {requests} requests, expected {}",
                expect["requests"]
            ));
        }
        if let Some(min) = expect["min_ms"].as_u64() {
            if took < Duration::from_millis(min) {
                failures.push(format!("{name}: took {took:?}, expected at least {min} ms"));
            }
        }
        if let Some(wait) = expect["retry_after_ms"].as_u64() {
            if retry_after != Some(Duration::from_millis(wait)) {
                failures.push(format!(
                    "{name}: retry_after {retry_after:?}, expected {wait} ms"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{operation:?} ({flavor:?} client):\n{}",
        failures.join("\n")
    );
}

/// One test per operation and client.
macro_rules! matrix_tests {
    ($($name:ident: $operation:ident, $flavor:ident;)*) => {
        $(
            #[test]
            fn $name() {
                run_matrix(Operation::$operation, Flavor::$flavor);
            }
        )*
    };
}

matrix_tests! {
    create_blocking: Create, Blocking;
    create_async: Create, Async;
    create_for_role_blocking: CreateForRole, Blocking;
    create_for_role_async: CreateForRole, Async;
    list_page_blocking: ListPage, Blocking;
    list_page_async: ListPage, Async;
    set_enabled_blocking: SetEnabled, Blocking;
    set_enabled_async: SetEnabled, Async;
    auth_token_for_code_blocking: AuthTokenForCode, Blocking;
    auth_token_for_code_async: AuthTokenForCode, Async;
}
