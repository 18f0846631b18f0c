//! HTTPS mode: the certificate is valid for 127.0.0.1 and localhost under the emulator's own
//! CA, and faults still apply.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;

use hms_emulator::{Emulator, EmulatorConfig};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

fn tls_emulator() -> Emulator {
    hms_emulator::start(EmulatorConfig {
        tls: true,
        ..EmulatorConfig::default()
    })
    .unwrap()
}

/// Sends `request` over TLS to `server_name`, trusting only `ca_pem`; the whole answer.
fn exchange(emulator: &Emulator, ca_pem: &str, server_name: &str, request: &str) -> String {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from_pem_slice(ca_pem.as_bytes()).unwrap())
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = ServerName::try_from(server_name.to_owned()).unwrap();
    let connection = ClientConnection::new(Arc::new(config), name).unwrap();
    let tcp = TcpStream::connect(("127.0.0.1", emulator.port())).unwrap();
    let mut stream = StreamOwned::new(connection, tcp);
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

const CREATE_ROOM: &str = "POST /v2/rooms HTTP/1.1\r\nHost: localhost\r\n\
                           Authorization: Bearer emulator-management-token\r\n\
                           Connection: close\r\n\r\n";

#[test]
fn serves_https_for_127_0_0_1_and_localhost() {
    let emulator = tls_emulator();
    assert!(emulator.url().starts_with("https://127.0.0.1:"));
    let ca = emulator.ca_pem().unwrap();
    for name in ["127.0.0.1", "localhost"] {
        let answer = exchange(&emulator, ca, name, CREATE_ROOM);
        assert!(
            answer.starts_with("HTTP/1.1 200 OK\r\n"),
            "{name}: {answer}"
        );
    }
}

#[test]
fn a_plain_emulator_has_no_ca() {
    let emulator = hms_emulator::start(EmulatorConfig::default()).unwrap();
    assert!(emulator.ca_pem().is_none());
    assert!(emulator.url().starts_with("http://"));
}

#[test]
fn each_start_makes_a_new_ca() {
    let (a, b) = (tls_emulator(), tls_emulator());
    assert_ne!(a.ca_pem(), b.ca_pem());
}

#[test]
fn a_redirect_fault_points_at_https() {
    let emulator = tls_emulator();
    let rule = r#"{"path":"/v2/rooms","action":"redirect"}"#;
    let queue = format!(
        "POST /_emulator/faults HTTP/1.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{rule}",
        rule.len()
    );
    let ca = emulator.ca_pem().unwrap();
    assert!(exchange(&emulator, ca, "localhost", &queue).starts_with("HTTP/1.1 200 OK"));
    let answer = exchange(&emulator, ca, "localhost", CREATE_ROOM);
    assert!(answer.starts_with("HTTP/1.1 307 "), "{answer}");
    assert!(
        answer.contains("Location: https://localhost/v2/rooms\r\n"),
        "{answer}"
    );
}
