//! HTTPS against the emulator's own CA, through both clients: refused by
//! default with a clear, unretried `network` error; accepted once that CA is
//! trusted; handshakes that cannot succeed are never repeated.

use crate::clients::{Client, Flavor};
use crate::support::{Env, TOKEN};
use hms_room_codes::{
    async_client, blocking, CallOptions, Config, ErrorKind, HttpRequest, HttpResponse, ListFilter,
    Step, TransportFailure, TransportFailureKind,
};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn client(env: &Env, flavor: Flavor, ca_pem: Option<&str>) -> Box<dyn Client> {
    let builder = env.config().management_token(TOKEN);
    env.client_of(
        flavor,
        match ca_pem {
            Some(pem) => builder.ca_certificates_pem(pem),
            None => builder,
        },
    )
}

/// One attempt of `request` through the bare transport of `flavor`.
fn send_once(
    flavor: Flavor,
    config: &Config,
    request: &HttpRequest,
) -> Result<HttpResponse, TransportFailure> {
    let timeout = Duration::from_secs(5);
    match flavor {
        Flavor::Blocking => blocking::Transport::new(config).send(request, timeout),
        Flavor::Async => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async {
                async_client::Transport::new(config)
                    .send(request, timeout)
                    .await
            }),
    }
}

#[test]
fn the_default_roots_refuse_the_emulators_certificate() {
    let env = Env::start_tls();
    assert!(env.emulator.base_url().starts_with("https://127.0.0.1:"));
    for flavor in Flavor::ALL {
        let err = client(&env, flavor, None)
            .list_page("room", &ListFilter::default(), &CallOptions::default())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Network, "{flavor:?}: {err}");
        let message = err.message();
        assert!(
            message.contains("certificate is not trusted"),
            "{flavor:?}: {message}"
        );
        assert!(
            message.contains("ca_certificates_pem"),
            "{flavor:?}: {message}"
        );
        assert!(!message.contains(TOKEN), "{message}");
    }
}

#[test]
fn a_refused_handshake_is_not_retried() {
    let env = Env::start_tls();
    let config = env.config().management_token(TOKEN).build().unwrap();
    let core = hms_room_codes::Core::new(config.clone());
    for flavor in Flavor::ALL {
        let mut call = core.list_page("room", &ListFilter::default()).unwrap();
        let failure = send_once(flavor, &config, call.request(0)).unwrap_err();
        assert_eq!(
            failure.kind,
            TransportFailureKind::TlsHandshake,
            "{flavor:?}"
        );
        assert!(matches!(call.on_failure(&failure), Step::Done(Err(_))));
        assert_eq!(call.retries_done(), 0);
    }
}

#[test]
fn trusting_the_emulators_ca_works() {
    let env = Env::start_tls();
    let none = &CallOptions::default();
    for flavor in Flavor::ALL {
        let client = client(&env, flavor, env.emulator.ca_pem());
        let listed = client.list_page("no-such-room", &ListFilter::default(), none);
        assert_eq!(
            listed.unwrap_err().kind(),
            ErrorKind::RoomNotFound,
            "{flavor:?}"
        );
        let token = client.auth_token_for_code("no-such-code", None, none);
        assert_eq!(
            token.unwrap_err().kind(),
            ErrorKind::CodeNotFound,
            "{flavor:?}"
        );
    }
}

#[test]
fn only_the_given_cas_are_trusted() {
    let env = Env::start_tls();
    let stranger = Env::start_tls();
    for flavor in Flavor::ALL {
        let err = client(&env, flavor, stranger.emulator.ca_pem())
            .list_page("room", &ListFilter::default(), &CallOptions::default())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Network, "{flavor:?}");
        assert!(err.message().contains("not trusted"), "{flavor:?}: {err}");
        assert!(
            err.message().contains("none of the configured CA"),
            "{flavor:?}: {err}"
        );
    }
}

/// A server that answers whatever a connection sends with `reply` and closes
/// it; returns an `https` base URL for it and the count of connections made.
fn answering(reply: &'static [u8]) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("https://{}/v2", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = connections.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut hello = [0; 512];
            let _ = stream.read(&mut hello);
            let _ = stream.write_all(reply);
        }
    });
    (url, connections)
}

/// A permanent handshake failure: a `network` error after one connection
/// although listing is retried, in the project's words, from both clients.
fn refused_once(reply: &'static [u8], says: &str) {
    for flavor in Flavor::ALL {
        let (url, connections) = answering(reply);
        let config = Config::builder()
            .base_url(&url)
            .auth_base_url(&url)
            .management_token(TOKEN)
            .max_retries(2)
            .backoff(Duration::from_millis(1), Duration::from_millis(10))
            .build()
            .unwrap();
        let err = flavor
            .client(config)
            .list_page("room", &ListFilter::default(), &CallOptions::default())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Network, "{flavor:?}: {err}");
        assert!(err.message().contains(says), "{flavor:?}: {err}");
        for internal in ["rustls", "InvalidContentType", "io:", "alert"] {
            assert!(!err.message().contains(internal), "{flavor:?}: {err}");
        }
        assert_eq!(connections.load(Ordering::SeqCst), 1, "{flavor:?}: {err}");
    }
}

#[test]
fn https_to_a_plain_http_server_is_not_retried() {
    refused_once(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        "did not answer in TLS",
    );
}

#[test]
fn no_common_tls_version_is_not_retried() {
    // A fatal protocol_version alert, as a TLS 1.0-only server sends.
    refused_once(
        &[0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46],
        "no TLS version",
    );
}

#[test]
fn the_system_trust_store_adds_the_operating_systems_cas_to_those_given() {
    let env = Env::start_tls();
    let ca = env.emulator.ca_pem();
    for flavor in Flavor::ALL {
        let with = |builder: hms_room_codes::ConfigBuilder| {
            let client = env.client_of(flavor, builder.management_token(TOKEN).max_retries(0));
            client
                .list_page("no-such-room", &ListFilter::default(), &CallOptions::new())
                .unwrap_err()
        };
        // The system's CAs do not include the emulator's own: refused, and said so.
        let refused = with(env.config().system_trust_store(true));
        assert_eq!(refused.kind(), ErrorKind::Network, "{flavor:?}");
        assert!(
            refused.message().contains("not trusted"),
            "{flavor:?}: {refused}"
        );
        // With its CA given as well, the service answers (an unknown room).
        let trusted = with(
            env.config()
                .system_trust_store(true)
                .ca_certificates_pem(ca.unwrap()),
        );
        assert_eq!(
            trusted.kind(),
            ErrorKind::RoomNotFound,
            "{flavor:?}: {trusted}"
        );
    }
}
