//! The command line, declared with clap: global connection flags and one subcommand per
//! operation.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

/// Create, list, enable and disable 100ms room codes, exchange a code for an auth token and
/// build room links.
///
/// Credentials and base URLs come from HMS_MANAGEMENT_TOKEN (or HMS_ACCESS_KEY and
/// HMS_SECRET), HMS_API_BASE_URL and HMS_AUTH_BASE_URL; the flags below override them.
/// Exit status: 0 success, 1 failures of different kinds, 2 usage error, 10 + the error
/// kind's number otherwise (see `hms-room-codes exit-codes`).
#[derive(Debug, Parser)]
#[command(name = "hms-room-codes", version, propagate_version = true)]
pub struct Cli {
    /// Connection settings.
    #[command(flatten)]
    pub connection: Connection,
    /// Print one JSON document on stdout instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the service is and who we are; each flag overrides its environment variable.
#[derive(Debug, Args)]
pub struct Connection {
    /// A management token (overrides HMS_MANAGEMENT_TOKEN; visible to other local users
    /// while the command runs: prefer the variable).
    #[arg(long, global = true, value_name = "TOKEN")]
    pub management_token: Option<String>,
    /// The app's access key, with --secret (overrides HMS_ACCESS_KEY).
    #[arg(long, global = true, value_name = "KEY", requires = "secret")]
    pub access_key: Option<String>,
    /// The app's secret, with --access-key (overrides HMS_SECRET; prefer the variable).
    #[arg(long, global = true, value_name = "SECRET", requires = "access_key")]
    pub secret: Option<String>,
    /// The management API's base URL (overrides HMS_API_BASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    pub api_base_url: Option<String>,
    /// The token exchange's base URL (overrides HMS_AUTH_BASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    pub auth_base_url: Option<String>,
}

/// The operations.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create room codes: one per role of the room, or one for --role.
    Create {
        /// The room.
        #[command(flatten)]
        rooms: Rooms,
        /// Create one code for this role only.
        #[arg(long)]
        role: Option<String>,
    },
    /// List a room's codes (every page).
    List {
        /// The room.
        #[command(flatten)]
        rooms: Rooms,
        /// Only the codes of this role.
        #[arg(long)]
        role: Option<String>,
        /// Only enabled codes.
        #[arg(long, conflicts_with = "disabled")]
        enabled: bool,
        /// Only disabled codes.
        #[arg(long)]
        disabled: bool,
    },
    /// Enable room codes.
    Enable {
        /// The codes.
        #[arg(required = true, value_name = "CODE")]
        codes: Vec<String>,
        /// Codes changed at the same time.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
    },
    /// Disable room codes: the CODEs given, or every enabled code of a room (--room) or of
    /// the rooms in a file (--rooms-from), optionally of one --role.
    Disable(Disable),
    /// Exchange a room code for an auth token (printed alone on stdout).
    Token {
        /// The room code.
        code: String,
        /// The user id the token is for.
        #[arg(long, value_name = "ID")]
        user_id: Option<String>,
    },
    /// Print the link a person opens to join with a room code.
    Link {
        /// The room code.
        code: String,
        /// The app's 100ms subdomain: https://NAME.app.100ms.live/meeting/CODE.
        #[arg(
            long,
            value_name = "NAME",
            required_unless_present = "domain",
            conflicts_with = "domain"
        )]
        subdomain: Option<String>,
        /// A custom domain (with an optional port): https://HOST/CODE.
        #[arg(long, value_name = "HOST")]
        domain: Option<String>,
        /// The name shown for the person.
        #[arg(long)]
        name: Option<String>,
        /// The userId to put in the link.
        #[arg(long, value_name = "ID")]
        user_id: Option<String>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: Shell,
    },
    /// Print the exit status of each error kind.
    ExitCodes,
}

/// `disable`'s arguments: codes, or a room, or a rooms file.
#[derive(Debug, Args)]
pub struct Disable {
    /// The codes to disable.
    #[arg(value_name = "CODE", required_unless_present_any = ["room", "rooms_from"], conflicts_with_all = ["room", "rooms_from", "role"])]
    pub codes: Vec<String>,
    /// Disable every enabled code of this room.
    #[arg(long, value_name = "ROOM_ID", conflicts_with = "rooms_from")]
    pub room: Option<String>,
    /// Every enabled code of the rooms in FILE (one room id a line; `-` is stdin).
    #[arg(long, value_name = "FILE")]
    pub rooms_from: Option<PathBuf>,
    /// Only the codes of this role (with --room or --rooms-from).
    #[arg(long)]
    pub role: Option<String>,
    /// Rooms (or codes) worked on at the same time.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

/// One room, or a file of rooms worked on concurrently.
#[derive(Debug, Args)]
pub struct Rooms {
    /// The room's id.
    #[arg(
        value_name = "ROOM_ID",
        required_unless_present = "rooms_from",
        conflicts_with = "rooms_from"
    )]
    pub room_id: Option<String>,
    /// Every room in FILE instead (one room id a line; blank lines and `#` comments are
    /// skipped; `-` is stdin). One room's failure never stops the others.
    #[arg(long, value_name = "FILE")]
    pub rooms_from: Option<PathBuf>,
    /// Rooms worked on at the same time.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}
