//! `from_env` of both Rust clients, with the process environment set. A test
//! binary of its own: nothing else runs in this process while the variables
//! change. The rule itself (which variables go together) is the core's
//! (`ConfigBuilder::from_lookup`, with its unit tests).

use hms_room_codes::{async_client, blocking, ErrorKind};

const NAMES: [&str; 5] = [
    "HMS_MANAGEMENT_TOKEN",
    "HMS_ACCESS_KEY",
    "HMS_SECRET",
    "HMS_API_BASE_URL",
    "HMS_AUTH_BASE_URL",
];

/// The kind each client's `from_env` gives with exactly `vars` set, and the message.
fn from_env_with(vars: &[(&str, &str)]) -> [Option<(ErrorKind, String)>; 2] {
    for name in NAMES {
        std::env::remove_var(name);
    }
    for (name, value) in vars {
        std::env::set_var(name, value);
    }
    let outcome = |err: hms_room_codes::Error| (err.kind(), err.message().to_string());
    [
        blocking::RoomCodesClient::from_env().err().map(outcome),
        async_client::RoomCodesClient::from_env().err().map(outcome),
    ]
}

#[test]
fn from_env_refuses_half_set_or_doubled_credentials() {
    let local = ("HMS_API_BASE_URL", "http://127.0.0.1:9/v2");
    for (vars, missing) in [
        (vec![local, ("HMS_ACCESS_KEY", "k")], "HMS_SECRET"),
        (vec![local, ("HMS_SECRET", "s")], "HMS_ACCESS_KEY"),
        (
            vec![
                local,
                ("HMS_MANAGEMENT_TOKEN", "t"),
                ("HMS_ACCESS_KEY", "k"),
                ("HMS_SECRET", "s"),
            ],
            "HMS_MANAGEMENT_TOKEN",
        ),
    ] {
        for outcome in from_env_with(&vars) {
            let (kind, message) = outcome.expect("from_env refuses");
            assert_eq!(kind, ErrorKind::InvalidArgument, "{vars:?}");
            assert!(message.contains(missing), "{vars:?}: {message}");
        }
    }
    for vars in [
        vec![local, ("HMS_ACCESS_KEY", "k"), ("HMS_SECRET", "s")],
        vec![local, ("HMS_MANAGEMENT_TOKEN", "t")],
        vec![local, ("HMS_MANAGEMENT_TOKEN", "t"), ("HMS_ACCESS_KEY", "")],
    ] {
        assert!(from_env_with(&vars).iter().all(Option::is_none), "{vars:?}");
    }
    for name in NAMES {
        std::env::remove_var(name);
    }
    // Proxies come from the environment unless the builder says otherwise
    // (here, in the one test that changes the environment).
    std::env::set_var("HTTPS_PROXY", "http://proxy.test:3128");
    let config = hms_room_codes::Config::builder()
        .management_token("t")
        .build()
        .unwrap();
    let proxy = config
        .proxies()
        .for_url("https://api.test/v2/rooms")
        .map(|proxy| proxy.host().to_string());
    std::env::remove_var("HTTPS_PROXY");
    assert_eq!(proxy.as_deref(), Some("proxy.test"));
}
