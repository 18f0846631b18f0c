//! How each binding spells the names its messages mention: the operation the
//! user called and the setting or argument at fault. The core writes every
//! message with its own (Rust) names; [`Spelling::name`] turns each into the
//! name the user wrote in their binding (`create_for_role` is `createForRole`
//! in JavaScript). A binding is known by the name it gives
//! `ConfigBuilder::binding`; one with no table of its own keeps the Rust names.

/// The names of one binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// The Rust crate's names, which the core uses.
    Rust,
    /// The npm package's camelCase names.
    Js,
    /// The C header's function names and `hms_client_options_set_*` suffixes.
    C,
    /// The Go package's method and `Config` field names.
    Go,
}

/// Rust name → JavaScript name, for every name that differs.
const JS: [(&str, &str); 12] = [
    ("create_for_role", "createForRole"),
    ("list_page", "listPage"),
    ("set_enabled", "setEnabled"),
    ("auth_token_for_code", "authTokenForCode"),
    ("room_id", "roomId"),
    ("user_id", "userId"),
    ("base_url", "baseUrl"),
    ("auth_base_url", "authBaseUrl"),
    ("timeout", "timeoutMs"),
    ("max_retries", "maxRetries"),
    ("max_pages", "maxPages"),
    ("max_response_bytes", "maxResponseBytes"),
];

/// Rust name → C name, for every name that differs.
const C: [(&str, &str); 7] = [
    ("create", "hms_room_codes_create"),
    ("create_for_role", "hms_room_codes_create_for_role"),
    ("list", "hms_room_codes_list"),
    ("list_page", "hms_room_codes_list_page"),
    ("set_enabled", "hms_room_codes_set_enabled"),
    ("auth_token_for_code", "hms_auth_token_for_code"),
    ("timeout", "timeout_ms"),
];

/// Rust name → Go name, for every name that differs.
const GO: [(&str, &str); 15] = [
    ("create", "Create"),
    ("create_for_role", "CreateForRole"),
    ("list", "List"),
    ("list_page", "ListPage"),
    ("set_enabled", "SetEnabled"),
    ("auth_token_for_code", "AuthTokenForCode"),
    ("room_id", "roomID"),
    ("user_id", "userID"),
    ("base_url", "BaseURL"),
    ("auth_base_url", "AuthBaseURL"),
    ("timeout", "Timeout"),
    ("max_retries", "MaxRetries"),
    ("max_pages", "MaxPages"),
    ("max_response_bytes", "MaxResponseBytes"),
    ("proxy", "Proxy"),
];

impl Spelling {
    /// The spelling of the binding named `binding` (`"js"` for the npm
    /// package, `"c"` for the C header, `"go"` for the Go package).
    pub fn of_binding(binding: &str) -> Spelling {
        match binding {
            "js" => Spelling::Js,
            "c" => Spelling::C,
            "go" => Spelling::Go,
            _ => Spelling::Rust,
        }
    }

    /// `name` (a Rust name) as this binding spells it.
    pub fn name(self, name: &'static str) -> &'static str {
        let table: &[(&str, &str)] = match self {
            Spelling::Rust => &[],
            Spelling::Js => &JS,
            Spelling::C => &C,
            Spelling::Go => &GO,
        };
        table
            .iter()
            .find(|(rust, _)| *rust == name)
            .map_or(name, |(_, spelled)| spelled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::call::operation::Operation;
    use crate::core::call::Step;
    use crate::core::client::Core;
    use crate::core::config::Config;
    use crate::core::error::{Error, Result};
    use crate::core::wire::http::{TransportFailure, TransportFailureKind};
    use std::time::Duration;

    #[test]
    fn js_names_are_camel_case_and_rust_names_stay() {
        assert_eq!(Spelling::of_binding("js"), Spelling::Js);
        assert_eq!(Spelling::of_binding("rust"), Spelling::Rust);
        assert_eq!(Spelling::Js.name("create_for_role"), "createForRole");
        assert_eq!(Spelling::Js.name("timeout"), "timeoutMs");
        assert_eq!(Spelling::Js.name("role"), "role");
        assert_eq!(Spelling::Rust.name("user_id"), "user_id");
        for operation in Operation::ALL {
            let js = Spelling::Js.name(operation.as_str());
            assert!(!js.contains('_'), "{js}");
        }
    }

    #[test]
    fn c_names_functions_and_option_setters_and_go_names_methods_and_fields() {
        assert_eq!(Spelling::of_binding("c"), Spelling::C);
        assert_eq!(Spelling::of_binding("go"), Spelling::Go);
        for operation in Operation::ALL {
            let c = Spelling::C.name(operation.as_str());
            assert!(
                c.starts_with("hms_") && c.ends_with(operation.as_str()),
                "{c}"
            );
            let go = Spelling::Go.name(operation.as_str());
            assert!(
                go.starts_with(char::is_uppercase) && !go.contains('_'),
                "{go}"
            );
        }
        assert_eq!(Spelling::C.name("list"), "hms_room_codes_list");
        assert_eq!(Spelling::C.name("timeout"), "timeout_ms");
        assert_eq!(Spelling::C.name("max_pages"), "max_pages");
        assert_eq!(Spelling::Go.name("list"), "List");
        assert_eq!(Spelling::Go.name("base_url"), "BaseURL");
        assert_eq!(Spelling::Go.name("room_id"), "roomID");
        assert_eq!(Spelling::Go.name("max_pages"), "MaxPages");
        assert_eq!(Spelling::Go.name("proxy"), "Proxy");
    }

    #[test]
    fn a_core_names_operations_and_arguments_in_its_bindings_spelling() {
        let core = |binding: &str| {
            let config = Config::builder().binding(binding).max_retries(0);
            Core::new(config.build().unwrap())
        };
        let message = |result: Result<_>| match result {
            Err(error) => Error::message(&error).to_owned(),
            Ok(_) => panic!("expected an error"),
        };
        let (js, c, go) = (core("js"), core("c"), core("go"));
        assert_eq!(
            message(js.create_for_role("", "host").map(|_| ())),
            "createForRole: roomId must not be empty"
        );
        assert_eq!(
            message(c.create_for_role("", "host").map(|_| ())),
            "hms_room_codes_create_for_role: room_id must not be empty"
        );
        assert_eq!(
            message(go.create_for_role("", "host").map(|_| ())),
            "CreateForRole: roomID must not be empty"
        );
        assert_eq!(
            message(
                Config::builder()
                    .binding("c")
                    .timeout(Duration::ZERO)
                    .build()
                    .map(|_| ())
            ),
            "timeout_ms must be more than zero"
        );
        assert_eq!(
            message(
                Config::builder()
                    .binding("go")
                    .max_pages(0)
                    .build()
                    .map(|_| ())
            ),
            "MaxPages must be more than zero"
        );
        assert_eq!(
            message(js.auth_token_for_code("c", Some(" ")).map(|_| ())),
            "authTokenForCode: userId must not be empty"
        );
        let mut call = js.set_enabled("c", true).unwrap();
        let failure = TransportFailure::new(TransportFailureKind::Broken, "gone");
        match call.on_failure(&failure) {
            Step::Done(Err(error)) => {
                assert_eq!(
                    error.message(),
                    "setEnabled to api.100ms.live:443 failed: gone"
                )
            }
            other => panic!("{other:?}"),
        }
    }
}
