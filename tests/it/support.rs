//! A fresh emulator per test, clients for it, and its control API.

use crate::clients::{Client, Flavor};
use hms_emulator::{Emulator, EmulatorConfig};
use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{CallOptions, Config, ConfigBuilder, ListFilter, Operation};
use serde_json::{json, Value};
use std::time::Duration;

/// The emulator's default fixed token.
pub const TOKEN: &str = "emulator-management-token";
/// The emulator's default app credentials.
pub const ACCESS_KEY: &str = "emulator-access-key";
pub const APP_SECRET: &str = "emulator-app-secret";

/// A running emulator and helpers to drive it.
pub struct Env {
    pub emulator: Emulator,
}

impl Env {
    pub fn start() -> Env {
        Env {
            emulator: hms_emulator::start(EmulatorConfig::default()).expect("emulator starts"),
        }
    }

    /// An emulator serving HTTPS with a CA of its own (its control API is then out of
    /// reach of these helpers, which speak plain HTTP).
    pub fn start_tls() -> Env {
        let config = EmulatorConfig {
            tls: true,
            ..EmulatorConfig::default()
        };
        Env {
            emulator: hms_emulator::start(config).expect("emulator starts"),
        }
    }

    /// A config builder aimed at this emulator, with fast backoff.
    pub fn config(&self) -> ConfigBuilder {
        Config::builder()
            .base_url(self.emulator.base_url())
            .auth_base_url(self.emulator.base_url())
            .backoff(Duration::from_millis(5), Duration::from_secs(3))
    }

    /// A client with the fixed management token.
    pub fn client(&self) -> RoomCodesClient {
        self.client_with(self.config().management_token(TOKEN))
    }

    pub fn client_with(&self, builder: ConfigBuilder) -> RoomCodesClient {
        RoomCodesClient::new(builder.build().expect("valid config"))
    }

    /// A client of `flavor` for `builder`'s config.
    pub fn client_of(&self, flavor: Flavor, builder: ConfigBuilder) -> Box<dyn Client> {
        flavor.client(builder.build().expect("valid config"))
    }

    /// A new room with the default template (host, guest, viewer), or `template`.
    pub fn room(&self, template: Option<&str>) -> String {
        let name = format!("room-{}", uuid_like());
        let body = match template {
            Some(t) => json!({ "name": name, "template_id": t }),
            None => json!({ "name": name }),
        };
        let room = self.post("/v2/rooms", &body, true);
        room["id"].as_str().expect("room id").to_string()
    }

    pub fn disable_room(&self, room_id: &str) {
        self.post(
            &format!("/v2/rooms/{room_id}"),
            &json!({ "enabled": false }),
            true,
        );
    }

    pub fn template(&self, id: &str, roles: &[&str]) {
        self.post(
            "/_emulator/templates",
            &json!({ "id": id, "roles": roles }),
            false,
        );
    }

    /// Queues a fault (see the emulator's control API).
    pub fn fault(&self, rule: Value) {
        self.post("/_emulator/faults", &rule, false);
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        ureq::delete(format!("{}/_emulator/faults", self.emulator.url()))
            .call()
            .unwrap();
    }

    /// Empties the request log.
    pub fn clear_requests(&self) {
        ureq::delete(format!("{}/_emulator/requests", self.emulator.url()))
            .call()
            .unwrap();
    }

    /// The request log.
    pub fn requests(&self) -> Vec<Value> {
        let mut response = ureq::get(format!("{}/_emulator/requests", self.emulator.url()))
            .call()
            .unwrap();
        serde_json::from_slice(&response.body_mut().read_to_vec().unwrap()).unwrap()
    }

    /// The `Authorization` headers of the logged requests, in order.
    pub fn bearer_tokens(&self) -> Vec<String> {
        self.requests()
            .iter()
            .filter_map(|r| r["headers"]["authorization"].as_str().map(String::from))
            .collect()
    }

    /// How many logged requests have this method and a path starting with `prefix`.
    pub fn count(&self, method: &str, prefix: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| {
                r["method"] == method && r["path"].as_str().unwrap_or("").starts_with(prefix)
            })
            .count()
    }

    fn post(&self, path: &str, body: &Value, auth: bool) -> Value {
        let mut request = ureq::post(format!("{}{path}", self.emulator.url()))
            .header("content-type", "application/json");
        if auth {
            request = request.header("authorization", format!("Bearer {TOKEN}"));
        }
        let mut response = request
            .send(body.to_string())
            .expect("control call succeeds");
        let bytes = response.body_mut().read_to_vec().unwrap();
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    }
}

/// Runs `operation` once as the shared vectors do: role `host`, disabling `code`.
pub fn run_operation(
    client: &dyn Client,
    operation: Operation,
    room: &str,
    code: &str,
) -> hms_room_codes::Result<()> {
    let none = &CallOptions::default();
    match operation {
        Operation::Create => client.create(room, none).map(drop),
        Operation::CreateForRole => client.create_for_role(room, "host", none).map(drop),
        Operation::ListPage => client
            .list_page(room, &ListFilter::default(), none)
            .map(drop),
        Operation::SetEnabled => client.set_enabled(code, false, none).map(drop),
        Operation::AuthTokenForCode => client.auth_token_for_code(code, None, none).map(drop),
        other => panic!("no vector runs {other:?}"),
    }
}

/// A unique-enough suffix for names.
pub fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}
