//! The operations: each turns its arguments into client calls and a [`Report`].

use hms_room_codes::blocking::RoomCodesClient;
use hms_room_codes::{ListFilter, Result, RoomCode};

use crate::bulk::run_all;
use crate::report::{Failure, Report};

/// Creates codes in every room: one per role, or one for `role`.
pub fn create(
    client: &RoomCodesClient,
    rooms: &[String],
    role: Option<&str>,
    concurrency: u16,
) -> Report {
    let results = run_all(rooms, concurrency, "create", |room| match role {
        Some(role) => client.create_for_role(room, role).map(|code| vec![code]),
        None => client.create(room),
    });
    collect("room_id", rooms, results)
}

/// Lists the codes of every room that pass `filter`.
pub fn list(
    client: &RoomCodesClient,
    rooms: &[String],
    filter: &ListFilter,
    concurrency: u16,
) -> Report {
    let results = run_all(rooms, concurrency, "list", |room| {
        client.list(room, filter).collect::<Result<Vec<RoomCode>>>()
    });
    collect("room_id", rooms, results)
}

/// Enables or disables each code.
pub fn set_enabled(
    client: &RoomCodesClient,
    codes: &[String],
    enabled: bool,
    concurrency: u16,
) -> Report {
    let label = if enabled { "enable" } else { "disable" };
    let results = run_all(codes, concurrency, label, |code| {
        client.set_enabled(code, enabled).map(|code| vec![code])
    });
    collect("code", codes, results)
}

/// Disables every enabled code (of `role`, when given) of every room: the listings first,
/// then the codes they found. A room whose listing fails is a failure; its codes are left.
pub fn disable_rooms(
    client: &RoomCodesClient,
    rooms: &[String],
    role: Option<&str>,
    concurrency: u16,
) -> Report {
    let mut filter = ListFilter::new().enabled(true);
    if let Some(role) = role {
        filter = filter.role(role);
    }
    let found = list(client, rooms, &filter, concurrency);
    let codes: Vec<String> = found.codes.into_iter().map(|c| c.code).collect();
    let mut report = set_enabled(client, &codes, false, concurrency);
    report.failures.splice(0..0, found.failures);
    report
}

/// Pairs each item with its result: codes in order, failures named by `field`.
fn collect(field: &'static str, items: &[String], results: Vec<Result<Vec<RoomCode>>>) -> Report {
    let mut report = Report::default();
    for (item, result) in items.iter().zip(results) {
        match result {
            Ok(codes) => report.codes.extend(codes),
            Err(error) => report.failures.push(Failure {
                field,
                id: item.clone(),
                error,
            }),
        }
    }
    report
}
