//! The exit statuses: 0 success, 1 failures of several kinds, 2 a usage error, and one status
//! per error kind (10 + the kind's stable number, the C `hms_status`).

use hms_room_codes::ErrorKind;

/// Several items failed, not all of the same kind.
pub const MIXED_FAILURES: u8 = 1;
/// The command line was wrong (clap's own status for usage errors), or a rooms file could
/// not be read.
pub const USAGE: u8 = 2;
/// What is added to an error kind's number.
const KIND_BASE: u8 = 10;

/// The status of a failure of `kind`: `invalid_argument` is 11, `network` 24 ...
pub fn for_kind(kind: ErrorKind) -> u8 {
    // The kinds are numbered 1..=16, so this stays within 11..=26.
    KIND_BASE + u8::try_from(kind.code()).unwrap_or(u8::MAX - KIND_BASE)
}

/// The status of a run whose failed items had these kinds: 0 when none, the kind's status
/// when they share one, else [`MIXED_FAILURES`].
pub fn for_failures(kinds: impl IntoIterator<Item = ErrorKind>) -> u8 {
    let mut kinds = kinds.into_iter();
    match kinds.next() {
        None => 0,
        Some(first) if kinds.all(|k| k == first) => for_kind(first),
        Some(_) => MIXED_FAILURES,
    }
}

/// The table `hms-room-codes exit-codes` prints.
pub fn table() -> String {
    let mut out = format!(
        "0\tsuccess\n{MIXED_FAILURES}\tfailures of different kinds\n{USAGE}\tusage error\n"
    );
    for kind in ErrorKind::ALL {
        out.push_str(&format!("{}\t{}\n", for_kind(kind), kind.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_status_above_usage() {
        let statuses: Vec<u8> = ErrorKind::ALL.into_iter().map(for_kind).collect();
        assert_eq!(statuses.first(), Some(&11));
        assert_eq!(statuses.last(), Some(&26));
        assert!(statuses.windows(2).all(|w| w[0] + 1 == w[1]));
        assert_ne!(
            for_kind(ErrorKind::RoleNotFound),
            for_kind(ErrorKind::Network)
        );
    }

    #[test]
    fn failures_map_to_one_status() {
        assert_eq!(for_failures([]), 0);
        assert_eq!(
            for_failures([ErrorKind::RoomNotFound, ErrorKind::RoomNotFound]),
            for_kind(ErrorKind::RoomNotFound)
        );
        assert_eq!(
            for_failures([ErrorKind::RoomNotFound, ErrorKind::Network]),
            MIXED_FAILURES
        );
    }
}
