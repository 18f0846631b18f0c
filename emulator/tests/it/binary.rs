//! The `hms-emulator` binary: flags, and the URL on the first line of stdout.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// Starts the binary with `args`; the child and the first line it printed.
fn start<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hms-emulator"))
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line.trim_end().to_owned())
}

#[test]
fn prints_its_url_and_serves_with_the_given_token() {
    let (mut child, url) = start([
        "--port",
        "0",
        "--management-token=tok",
        "--access-key",
        "K",
        "--app-secret",
        "S",
    ]);
    let host = url.strip_prefix("http://127.0.0.1:").expect(&url);
    let port: u16 = host.parse().unwrap();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .write_all(
            b"POST /v2/rooms HTTP/1.1\r\nAuthorization: Bearer tok\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
}

#[test]
fn rejects_unknown_flags() {
    let out = Command::new(env!("CARGO_BIN_EXE_hms-emulator"))
        .arg("--bogus=1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("'--bogus'") && stderr.contains("Usage:"),
        "{stderr}"
    );
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    for (flag, expected) in [("--help", "URL/v2"), ("--version", "hms-emulator 0.1.0")] {
        let out = Command::new(env!("CARGO_BIN_EXE_hms-emulator"))
            .arg(flag)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(expected), "{flag}: {stdout}");
    }
}

#[test]
fn tls_writes_the_ca_and_prints_an_https_url() {
    let ca = std::env::temp_dir().join(format!("hms-emulator-ca-{}.pem", std::process::id()));
    let (mut child, line) = start([OsStr::new("--tls"), OsStr::new("--ca-out"), ca.as_os_str()]);
    child.kill().unwrap();
    child.wait().unwrap();
    let pem = std::fs::read_to_string(&ca).unwrap();
    std::fs::remove_file(&ca).unwrap();
    assert!(line.starts_with("https://127.0.0.1:"), "{line}");
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");
}

#[test]
fn ca_out_needs_tls() {
    let out = Command::new(env!("CARGO_BIN_EXE_hms-emulator"))
        .args(["--ca-out", "/nonexistent/ca.pem"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--tls"), "{stderr}");
}

#[test]
fn the_guide_names_both_base_urls_the_credentials_and_the_first_room() {
    let emulator = hms_emulator::start(hms_emulator::EmulatorConfig::default()).unwrap();
    let guide = emulator.guide(None);
    let base = emulator.base_url();
    assert!(
        guide.contains(&format!("HMS_API_BASE_URL={base}\n")),
        "{guide}"
    );
    assert!(
        guide.contains(&format!("HMS_AUTH_BASE_URL={base}\n")),
        "{guide}"
    );
    assert!(
        guide.contains("HMS_MANAGEMENT_TOKEN=emulator-management-token"),
        "{guide}"
    );
    assert!(
        guide.contains(&format!("curl -s -X POST {base}/rooms")),
        "{guide}"
    );
    assert!(guide.contains("/_emulator/"), "{guide}");
}
