//! `hms-emulator [--port 0] [--access-key K] [--app-secret S] [--management-token T]
//! [--tls [--ca-out PATH]]`: serves the emulator on 127.0.0.1, printing its URL as the first
//! line of stdout, until killed. With `--tls` it serves HTTPS (`https://127.0.0.1:PORT`) and
//! writes the PEM of its CA to `--ca-out` before printing the URL.

use std::io::Write;
use std::process::ExitCode;

use hms_emulator::EmulatorConfig;

const USAGE: &str = "usage: hms-emulator [--port N] [--access-key K] [--app-secret S] \
                     [--management-token T] [--tls [--ca-out PATH]]";

/// What the command line asks for.
struct Args {
    config: EmulatorConfig,
    /// Where to write the CA certificate in HTTPS mode.
    ca_out: Option<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut config = EmulatorConfig::default();
    let mut ca_out = None;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_owned());
        }
        if flag == "--tls" && inline.is_none() {
            config.tls = true;
            continue;
        }
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--port" => {
                config.port = value
                    .parse()
                    .map_err(|_| format!("--port: not a port number: {value}"))?
            }
            "--access-key" => config.access_key = value,
            "--app-secret" => config.app_secret = value,
            "--management-token" => config.management_token = Some(value),
            "--ca-out" => ca_out = Some(value),
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    if ca_out.is_some() && !config.tls {
        return Err(format!("--ca-out needs --tls\n{USAGE}"));
    }
    Ok(Args { config, ca_out })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let emulator = match hms_emulator::start(args.config) {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("hms-emulator: cannot listen: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let (Some(path), Some(pem)) = (&args.ca_out, emulator.ca_pem()) {
        if let Err(error) = std::fs::write(path, pem) {
            eprintln!("hms-emulator: cannot write {path}: {error}");
            return ExitCode::FAILURE;
        }
    }
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{}", emulator.url());
    let _ = stdout.flush();
    // Serve until the process is killed (SIGTERM and SIGINT end it by default).
    loop {
        std::thread::park();
    }
}
