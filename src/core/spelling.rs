//! How each binding spells the names its messages mention: the operation the
//! user called and the setting or argument at fault. The core writes every
//! message with its own (Rust) names; [`Spelling::name`] turns each into the
//! name the user wrote in their binding (`create_for_role` is `createForRole`
//! in JavaScript). A binding is known by the name it gives
//! `ConfigBuilder::binding`; one with no table of its own keeps the Rust names.

/// The names of one binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// The Rust crate's names, which the core uses (also the C and Go default).
    Rust,
    /// The npm package's camelCase names.
    Js,
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

impl Spelling {
    /// The spelling of the binding named `binding` (`"js"` for the npm package).
    pub fn of_binding(binding: &str) -> Spelling {
        match binding {
            "js" => Spelling::Js,
            _ => Spelling::Rust,
        }
    }

    /// `name` (a Rust name) as this binding spells it.
    pub fn name(self, name: &'static str) -> &'static str {
        let table: &[(&str, &str)] = match self {
            Spelling::Rust => &[],
            Spelling::Js => &JS,
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

    #[test]
    fn js_names_are_camel_case_and_rust_names_stay() {
        assert_eq!(Spelling::of_binding("js"), Spelling::Js);
        for binding in ["rust", "c", "go"] {
            assert_eq!(Spelling::of_binding(binding), Spelling::Rust);
        }
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
    fn a_core_names_operations_and_arguments_in_its_bindings_spelling() {
        let core = |binding: &str| {
            let config = Config::builder().binding(binding).max_retries(0);
            Core::new(config.build().unwrap())
        };
        let message = |result: Result<_>| match result {
            Err(error) => Error::message(&error).to_owned(),
            Ok(_) => panic!("expected an error"),
        };
        let (js, c) = (core("js"), core("c"));
        assert_eq!(
            message(js.create_for_role("", "host").map(|_| ())),
            "createForRole: roomId must not be empty"
        );
        assert_eq!(
            message(c.create_for_role("", "host").map(|_| ())),
            "create_for_role: room_id must not be empty"
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
