//! `hms-room-codes`: the 100ms Room Codes API from the command line, over the crate's
//! blocking client. See `hms-room-codes --help` and the crate's README.

mod args;
mod bulk;
mod commands;
mod connection;
mod exit;
mod report;
mod rooms;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{room_link, Error, ErrorKind, ListFilter, RoomLinkOptions};
use serde_json::{json, Value};

use args::{Cli, Command, Connection, Disable, Rooms};
use report::Report;

fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(run(cli))
}

/// Runs the command and returns the exit status.
fn run(cli: Cli) -> u8 {
    let Cli {
        connection,
        json,
        command,
    } = cli;
    match command {
        Command::Completions { shell } => {
            let stdout = &mut std::io::stdout();
            clap_complete::generate(shell, &mut Cli::command(), "hms-room-codes", stdout);
            0
        }
        Command::ExitCodes => {
            out(&exit::table());
            0
        }
        Command::Link {
            code,
            subdomain,
            domain,
            name,
            user_id,
        } => {
            let mut options = match (subdomain, domain) {
                (Some(subdomain), _) => RoomLinkOptions::on_subdomain(subdomain, code),
                (None, Some(domain)) => RoomLinkOptions::on_domain(domain, code),
                // clap requires one of the two.
                (None, None) => return usage("give --subdomain or --domain"),
            };
            if let Some(name) = name {
                options = options.name(name);
            }
            if let Some(id) = user_id {
                options = options.user_id(id);
            }
            single(room_link(&options), json, "link")
        }
        Command::Token { code, user_id } => with_client(&connection, json, |client, hint| {
            // The command is asked for the token itself: it prints it.
            let result = client
                .auth_token_for_code(&code, user_id.as_deref())
                .map(|token| token.token.expose().to_owned());
            single(result.map_err(|e| with_hint(e, hint)), json, "token")
        }),
        Command::Create { rooms, role } => with_rooms(&connection, json, &rooms, |client, ids| {
            commands::create(client, ids, role.as_deref(), rooms.concurrency)
        }),
        Command::List {
            rooms,
            role,
            enabled,
            disabled,
        } => {
            let mut filter = ListFilter::new();
            if let Some(role) = role {
                filter = filter.role(role);
            }
            if enabled || disabled {
                filter = filter.enabled(enabled);
            }
            with_rooms(&connection, json, &rooms, |client, ids| {
                commands::list(client, ids, &filter, rooms.concurrency)
            })
        }
        Command::Enable { codes, concurrency } => {
            set_enabled(&connection, json, &codes, true, concurrency)
        }
        Command::Disable(Disable {
            codes,
            room,
            rooms_from,
            role,
            concurrency,
        }) => {
            let ids = match (room, rooms_from) {
                (Some(room), _) => vec![room],
                (None, Some(path)) => match rooms::from_file(&path) {
                    Ok(ids) => ids,
                    Err(message) => return usage(&message),
                },
                (None, None) => return set_enabled(&connection, json, &codes, false, concurrency),
            };
            with_client(&connection, json, |client, hint| {
                let report = commands::disable_rooms(client, &ids, role.as_deref(), concurrency);
                finish(report, ids.len(), "rooms", json, hint)
            })
        }
    }
}

/// Runs `operate` with a client made from the flags and the environment (and whether no
/// credentials were given, for hints); a configuration error ends the command.
fn with_client(
    connection: &Connection,
    json: bool,
    operate: impl FnOnce(&RoomCodesClient, bool) -> u8,
) -> u8 {
    match connection::client(connection) {
        Ok(client) => operate(&client, !connection::has_credentials(connection)),
        Err(error) => fail(&error, json),
    }
}

/// Enables or disables `codes` and prints the report.
fn set_enabled(
    connection: &Connection,
    json: bool,
    codes: &[String],
    enabled: bool,
    concurrency: u16,
) -> u8 {
    with_client(connection, json, |client, hint| {
        let report = commands::set_enabled(client, codes, enabled, concurrency);
        finish(report, codes.len(), "codes", json, hint)
    })
}

/// Runs `operate` over the rooms of `rooms` and prints its report.
fn with_rooms(
    connection: &Connection,
    json: bool,
    rooms: &Rooms,
    operate: impl FnOnce(&RoomCodesClient, &[String]) -> Report,
) -> u8 {
    let ids = match rooms::room_ids(rooms) {
        Ok(ids) => ids,
        Err(message) => return usage(&message),
    };
    with_client(connection, json, |client, hint| {
        finish(operate(client, &ids), ids.len(), "rooms", json, hint)
    })
}

/// Prints a report (stdout) and its failures (stderr); returns the exit status.
fn finish(mut report: Report, items: usize, noun: &str, json: bool, hint: bool) -> u8 {
    for failure in &mut report.failures {
        failure.error = with_hint(failure.error.clone(), hint);
    }
    if json {
        print_json(&report.to_json());
    } else if !report.codes.is_empty() || report.failures.is_empty() {
        out(&report.table());
    }
    eprint!("{}", report.failure_lines(items, noun));
    exit::for_failures(report.failure_kinds())
}

/// Prints one value (the token or the link) alone, or as `{"<field>": value}`.
fn single(result: hms_room_codes::Result<String>, json: bool, field: &str) -> u8 {
    match result {
        Ok(value) if json => {
            print_json(&json!({ field: value }));
            0
        }
        Ok(value) => {
            out(&format!("{value}\n"));
            0
        }
        Err(error) => fail(&error, json),
    }
}

/// Reports an error that ended the command; returns its exit status.
fn fail(error: &Error, json: bool) -> u8 {
    if json {
        print_json(&json!({ "error": report::error_json(error) }));
    }
    eprintln!("hms-room-codes: {}", report::describe(error));
    exit::for_kind(error.kind())
}

/// A usage problem clap could not see (an unreadable rooms file).
fn usage(message: &str) -> u8 {
    eprintln!("hms-room-codes: {message}");
    exit::USAGE
}

/// Adds to an `unauthorized` error that no credentials were given, when none were.
fn with_hint(error: Error, no_credentials: bool) -> Error {
    if no_credentials && error.kind() == ErrorKind::Unauthorized {
        let message = format!(
            "{} (no credentials given: set HMS_MANAGEMENT_TOKEN, or HMS_ACCESS_KEY and HMS_SECRET)",
            error.message()
        );
        let mut hinted = Error::new(error.kind(), message).with_details(error.details().to_vec());
        if let Some(status) = error.status() {
            hinted = hinted.with_status(status);
        }
        hinted.with_retry_after(error.retry_after())
    } else {
        error
    }
}

fn print_json(value: &Value) {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    out(&text);
}

/// Writes to stdout; a reader that went away (`| head`) is no error worth a panic.
fn out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
