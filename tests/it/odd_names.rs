//! Role names and ids with reserved characters reach the service intact.

use crate::support::Env;
use hms_room_codes::{ErrorKind, ListFilter};

const ODD_ROLES: [&str; 6] = [
    "a b/c?d#e%f",
    "ünïcødé",
    "x+y=z&w",
    "%41",
    "semi;colon,comma",
    "dot.dash-under_tilde~",
];

#[test]
fn odd_role_names_round_trip() {
    let env = Env::start();
    env.template("odd", &ODD_ROLES);
    let client = env.client();
    let room = env.room(Some("odd"));
    for role in ODD_ROLES {
        let code = client.create_for_role(&room, role).unwrap();
        assert_eq!(code.role, role);
        let listed: Vec<_> = client
            .list(&room, &ListFilter::new().role(role))
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(listed.len(), 1, "{role}");
        assert_eq!(listed[0].code, code.code);
    }
    let roles: std::collections::HashSet<String> = client
        .create(&room)
        .unwrap()
        .into_iter()
        .map(|c| c.role)
        .collect();
    assert_eq!(roles.len(), ODD_ROLES.len());
}

#[test]
fn a_role_that_would_change_the_path_is_not_another_endpoint() {
    let env = Env::start();
    let client = env.client();
    let room = env.room(None);
    // Pasted raw, "host/../guest" or "host?x" would reach another path.
    for role in ["host/../guest", "host?x=1", "guest#frag"] {
        assert_eq!(
            client.create_for_role(&room, role).unwrap_err().kind(),
            ErrorKind::RoleNotFound,
            "{role}"
        );
    }
}
