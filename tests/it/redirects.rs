//! A redirect is never followed: a 3xx pointing at another host (here a second
//! emulator on another port) ends the call in `unexpected_status`, and that host
//! receives nothing at all, so never the Authorization header.

use crate::clients::Flavor;
use crate::fault_matrix::matrix;
use crate::support::{run_operation, Env, TOKEN};
use hms_room_codes::{ErrorKind, Operation};
use serde_json::json;

#[test]
fn a_redirect_to_another_host_is_not_followed() {
    let env = Env::start();
    let other = Env::start();
    let room = env.room(None);
    let code = env.client().create_for_role(&room, "guest").unwrap().code;
    let operations = &matrix()["operations"];
    for (flavor, status) in Flavor::ALL
        .into_iter()
        .flat_map(|f| [301, 302, 303, 307, 308].map(|s| (f, s)))
    {
        let client = env.client_of(flavor, env.config().management_token(TOKEN));
        for operation in Operation::ALL {
            let path = operations[operation.as_str()]["path"]
                .as_str()
                .unwrap()
                .replace("{room}", &room);
            env.fault(json!({
                "path": path,
                "match": "exact",
                "action": "redirect",
                "status": status,
                "location": format!("{}{path}", other.emulator.url()),
            }));
            let err = run_operation(client.as_ref(), operation, &room, &code).unwrap_err();
            let name = operation.as_str();
            assert_eq!(
                err.kind(),
                ErrorKind::UnexpectedStatus,
                "{name} {status} ({flavor:?}): {err}"
            );
            assert_eq!(err.status(), Some(status), "{name}");
        }
    }
    assert!(other.requests().is_empty(), "the other host saw nothing");
}
