//! HTTPS against the emulator's own CA: refused by default with a clear,
//! unretried `network` error; accepted once that CA is trusted.

use crate::support::{Env, TOKEN};
use hms_room_codes::blocking::{RoomCodesClient, Transport};
use hms_room_codes::{ErrorKind, ListFilter, Step, TransportFailureKind};
use std::time::Duration;

fn client(env: &Env, ca_pem: Option<&str>) -> RoomCodesClient {
    let builder = env.config().management_token(TOKEN);
    env.client_with(match ca_pem {
        Some(pem) => builder.ca_certificates_pem(pem),
        None => builder,
    })
}

#[test]
fn the_default_roots_refuse_the_emulators_certificate() {
    let env = Env::start_tls();
    assert!(env.emulator.base_url().starts_with("https://127.0.0.1:"));
    let client = client(&env, None);
    let err = client
        .list_page("room", &ListFilter::default())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    let message = err.message();
    assert!(message.contains("certificate is not trusted"), "{message}");
    assert!(message.contains("ca_certificates_pem"), "{message}");
    assert!(!message.contains(TOKEN), "{message}");
}

#[test]
fn a_refused_handshake_is_not_retried() {
    let env = Env::start_tls();
    let client = client(&env, None);
    let mut call = client
        .core()
        .list_page("room", &ListFilter::default())
        .unwrap();
    let transport = Transport::new(client.core().config());
    let failure = transport
        .send(&call.request(0), Duration::from_secs(5))
        .unwrap_err();
    assert_eq!(failure.kind, TransportFailureKind::TlsHandshake);
    assert!(matches!(call.on_failure(&failure), Step::Done(Err(_))));
    assert_eq!(call.retries_done(), 0);
}

#[test]
fn trusting_the_emulators_ca_works() {
    let env = Env::start_tls();
    let client = client(&env, env.emulator.ca_pem());
    let listed = client.list_page("no-such-room", &ListFilter::default());
    assert_eq!(listed.unwrap_err().kind(), ErrorKind::RoomNotFound);
    let token = client.auth_token_for_code("no-such-code", None);
    assert_eq!(token.unwrap_err().kind(), ErrorKind::CodeNotFound);
}

#[test]
fn only_the_given_cas_are_trusted() {
    let env = Env::start_tls();
    let stranger = Env::start_tls();
    let client = client(&env, stranger.emulator.ca_pem());
    let err = client
        .list_page("room", &ListFilter::default())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    assert!(err.message().contains("not trusted"), "{err}");
}
