//! What a test does with a running emulator, in-process: the credentials and base URLs a
//! client needs, rooms and templates, fault rules and the request log. Each does what the
//! control API's call of the same name does over HTTP.

use std::path::Path;

use crate::faults::Rule;
use crate::log::LoggedRequest;
use crate::server::lock;
use crate::state::{NewRoom, State};
use crate::Emulator;

impl Emulator {
    /// The fixed management token it accepts (`emulator-management-token` by default), if
    /// it accepts one.
    pub fn management_token(&self) -> Option<&str> {
        self.shared.config.management_token.as_deref()
    }

    /// The access key that signed management tokens must carry.
    pub fn access_key(&self) -> &str {
        &self.shared.config.access_key
    }

    /// The secret that signs management tokens.
    pub fn app_secret(&self) -> &str {
        &self.shared.config.app_secret
    }

    /// The environment variables every binding's `from_env` reads, set for this emulator:
    /// `HMS_API_BASE_URL` and `HMS_AUTH_BASE_URL` (both [`Emulator::base_url`]) and the
    /// management token (or, when it accepts none, the access key and secret).
    pub fn client_env(&self) -> Vec<(&'static str, String)> {
        let mut env = vec![
            ("HMS_API_BASE_URL", self.base_url()),
            ("HMS_AUTH_BASE_URL", self.base_url()),
        ];
        match self.management_token() {
            Some(token) => env.push(("HMS_MANAGEMENT_TOKEN", token.to_owned())),
            None => {
                env.push(("HMS_ACCESS_KEY", self.access_key().to_owned()));
                env.push(("HMS_SECRET", self.app_secret().to_owned()));
            }
        }
        env
    }

    /// Creates a room with the default template (roles `host`, `guest`, `viewer`) and
    /// returns its id.
    pub fn create_room(&self) -> String {
        self.create_room_with_template("default")
            .expect("the default template always exists")
    }

    /// Creates a room whose roles are those of the template `template_id` (see
    /// [`Emulator::define_template`]) and returns its id; an unknown template is an error.
    pub fn create_room_with_template(&self, template_id: &str) -> Result<String, String> {
        let new = NewRoom {
            template_id: Some(template_id.to_owned()),
            ..NewRoom::default()
        };
        let mut state = lock(&self.shared.state);
        state
            .create_room(new)
            .map(|room| room.id().to_owned())
            .map_err(|e| format!("{}: {}", e.message, e.details.join("; ")))
    }

    /// Disables (or enables again) a room: its codes then answer 403 `room is disabled`.
    pub fn set_room_enabled(&self, room_id: &str, enabled: bool) -> Result<(), String> {
        let mut state = lock(&self.shared.state);
        state
            .update_room(room_id, Some(enabled), None)
            .map(|_| ())
            .map_err(|e| e.message.to_owned())
    }

    /// Defines (or replaces) a template with these roles, for
    /// [`Emulator::create_room_with_template`].
    pub fn define_template(&self, id: &str, roles: &[&str]) {
        let roles = roles.iter().map(|r| (*r).to_owned()).collect();
        lock(&self.shared.state).define_template(id.to_owned(), roles);
    }

    /// Queues a fault rule, given as the JSON object `POST /_emulator/faults` takes, e.g.
    /// `{"path": "/v2/room-codes", "status": 429, "retry_after": "1"}`. Returns how many
    /// rules are queued; a malformed rule is an error that says why.
    pub fn inject_fault(&self, rule_json: &str) -> Result<usize, String> {
        let rule: Rule = serde_json::from_str(rule_json).map_err(|e| e.to_string())?;
        let rule = rule
            .validate()
            .map_err(|e| format!("{}: {}", e.message, e.details.join("; ")))?;
        Ok(lock(&self.shared.faults).add(rule))
    }

    /// Drops every queued fault rule.
    pub fn clear_faults(&self) {
        lock(&self.shared.faults).clear();
    }

    /// The requests received on `/v2` so far, oldest first.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        lock(&self.shared.log).entries()
    }

    /// Forgets the request log.
    pub fn clear_requests(&self) {
        lock(&self.shared.log).clear();
    }

    /// Forgets every room, code, template, fault rule and logged request.
    pub fn reset(&self) {
        *lock(&self.shared.state) = State::new();
        self.clear_faults();
        self.clear_requests();
    }

    /// What the `hms-emulator` binary prints on stderr at start: the base URLs, the
    /// credentials, how to create a room, and the control API. `ca_path` is where the CA
    /// certificate was written, in HTTPS mode.
    pub fn guide(&self, ca_path: Option<&Path>) -> String {
        let url = self.url();
        let token = self
            .management_token()
            .unwrap_or("<sign one with the access key>");
        let mut guide = format!(
            "hms-emulator {version}: the 100ms Room Codes API on {url}\n\
             Point a client at it (both base URLs end in /v2):\n",
            version = env!("CARGO_PKG_VERSION"),
        );
        for (name, value) in self.client_env() {
            guide.push_str(&format!("  export {name}={value}\n"));
        }
        guide.push_str(&format!(
            "  (or sign management tokens with HMS_ACCESS_KEY={} HMS_SECRET={})\n",
            self.access_key(),
            self.app_secret()
        ));
        if let Some(path) = ca_path {
            guide.push_str(&format!(
                "  trust the CA certificate in {}\n",
                path.display()
            ));
        }
        guide.push_str(&format!(
            "Create a room first, then its codes:\n  \
             curl -s -X POST {url}/v2/rooms -H 'Authorization: Bearer {token}' -d '{{}}'\n\
             Control API (v1, no auth): {url}/_emulator/templates, /faults, /requests, /reset\n"
        ));
        guide
    }
}
