//! `hms-emulator`: serves the emulator on 127.0.0.1 until killed, printing its URL as the
//! first line of stdout and, on stderr when it is a terminal, how to point a client at it.
//! See `--help`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use hms_emulator::EmulatorConfig;

/// A local emulator of the 100ms Room Codes API, for testing code that uses it.
///
/// Prints its URL (`http://127.0.0.1:PORT`) as the first line of stdout, then serves until
/// killed. Point a client at URL/v2 for both the API base URL and the auth base URL, with the
/// management token (or access key and secret) below, and create a room first
/// (`POST URL/v2/rooms`). Faults, templates and the request log are under URL/_emulator
/// (the control API, version 1; see the README).
#[derive(Debug, Parser)]
#[command(name = "hms-emulator", version)]
struct Args {
    /// The loopback port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The access key that signed management tokens must carry.
    #[arg(long, value_name = "KEY", default_value = "emulator-access-key")]
    access_key: String,
    /// The secret that signs management tokens and the app tokens the emulator issues.
    #[arg(long, value_name = "SECRET", default_value = "emulator-app-secret")]
    app_secret: String,
    /// A fixed management token accepted as is, besides signed ones.
    #[arg(
        long,
        value_name = "TOKEN",
        default_value = "emulator-management-token"
    )]
    management_token: String,
    /// Serve HTTPS, with a certificate signed by a CA made at start.
    #[arg(long)]
    tls: bool,
    /// With --tls, write the CA certificate (PEM) here before printing the URL.
    #[arg(long, value_name = "PATH", requires = "tls")]
    ca_out: Option<PathBuf>,
    /// Print only the URL: no guide on stderr (which is printed only to a terminal anyway).
    #[arg(long, short)]
    quiet: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let config = EmulatorConfig {
        port: args.port,
        access_key: args.access_key,
        app_secret: args.app_secret,
        management_token: Some(args.management_token),
        tls: args.tls,
    };
    let emulator = match hms_emulator::start(config) {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("hms-emulator: cannot listen: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let (Some(path), Some(pem)) = (&args.ca_out, emulator.ca_pem()) {
        if let Err(error) = std::fs::write(path, pem) {
            eprintln!("hms-emulator: cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", emulator.url());
    let _ = stdout.flush();
    if !args.quiet && std::io::stderr().is_terminal() {
        eprint!("{}", emulator.guide(args.ca_out.as_deref()));
    }
    // Serve until the process is killed (SIGTERM and SIGINT end it by default).
    loop {
        std::thread::park();
    }
}
