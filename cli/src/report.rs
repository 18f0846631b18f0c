//! What a command did: the codes it returned or changed and the items that failed, printed
//! as a table (stdout) with the failures on stderr, or as one JSON document.

use std::fmt::Write as _;

use hms_room_codes::{Error, ErrorKind, RoomCode};
use serde_json::{json, Value};

/// One item (a room or a code) whose operation failed.
#[derive(Debug)]
pub struct Failure {
    /// What the item is: `"room_id"` or `"code"`.
    pub field: &'static str,
    /// The room id or the code.
    pub id: String,
    /// Why.
    pub error: Error,
}

/// The codes a command returned or changed, and its failures.
#[derive(Debug, Default)]
pub struct Report {
    /// In input order.
    pub codes: Vec<RoomCode>,
    /// In input order.
    pub failures: Vec<Failure>,
}

impl Report {
    /// The kinds of the failures, for the exit status.
    pub fn failure_kinds(&self) -> impl Iterator<Item = ErrorKind> + '_ {
        self.failures.iter().map(|f| f.error.kind())
    }

    /// `{"codes": [...], "failures": [{"room_id" | "code", "kind", "message", ...}]}`.
    pub fn to_json(&self) -> Value {
        json!({
            "codes": self.codes,
            "failures": self.failures.iter().map(|f| {
                let mut value = error_json(&f.error);
                value[f.field] = json!(f.id);
                value
            }).collect::<Vec<_>>(),
        })
    }

    /// The codes as an aligned table with a header line.
    pub fn table(&self) -> String {
        let header = ["CODE", "ROLE", "ROOM", "ENABLED"];
        let rows: Vec<[String; 4]> = self
            .codes
            .iter()
            .map(|c| {
                [
                    c.code.clone(),
                    c.role.clone(),
                    c.room_id.clone(),
                    if c.enabled { "yes" } else { "no" }.to_owned(),
                ]
            })
            .collect();
        let mut widths = header.map(str::len);
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        let header = header.map(str::to_owned);
        for row in std::iter::once(&header).chain(&rows) {
            let line: Vec<String> = row
                .iter()
                .zip(widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            let _ = writeln!(out, "{}", line.join("  ").trim_end());
        }
        out
    }

    /// The failures, one line each, then a count when more than one item was worked on.
    pub fn failure_lines(&self, items: usize, noun: &str) -> String {
        let mut out = String::new();
        for failure in &self.failures {
            let what = if failure.field == "code" {
                "code"
            } else {
                "room"
            };
            let _ = writeln!(
                out,
                "hms-room-codes: {what} {}: {}",
                failure.id,
                describe(&failure.error)
            );
        }
        if items > 1 && !self.failures.is_empty() {
            let _ = writeln!(
                out,
                "hms-room-codes: {} of {items} {noun} failed",
                self.failures.len()
            );
        }
        out
    }
}

/// An error as JSON: kind, message, and the HTTP status, details and `Retry-After` wait
/// when there are any.
pub fn error_json(error: &Error) -> Value {
    let mut value = json!({ "kind": error.kind().as_str(), "message": error.message() });
    if let Some(status) = error.status() {
        value["status"] = json!(status);
    }
    if !error.details().is_empty() {
        value["details"] = json!(error.details());
    }
    if let Some(wait) = error.retry_after() {
        value["retry_after_ms"] = json!(u64::try_from(wait.as_millis()).unwrap_or(u64::MAX));
    }
    value
}

/// An error in words: `kind: message (HTTP n)`, then the service's details.
pub fn describe(error: &Error) -> String {
    let mut text = error.to_string();
    for detail in error.details() {
        let _ = write!(text, "; {detail}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(code: &str, enabled: bool) -> RoomCode {
        serde_json::from_value(json!({
            "code": code, "room_id": "room-1", "role": "guest", "enabled": enabled
        }))
        .unwrap()
    }

    #[test]
    fn the_table_aligns_columns_under_a_header() {
        let report = Report {
            codes: vec![code("abc-defg-hij", true), code("x", false)],
            failures: vec![],
        };
        assert_eq!(
            report.table(),
            "CODE          ROLE   ROOM    ENABLED\n\
             abc-defg-hij  guest  room-1  yes\n\
             x             guest  room-1  no\n"
        );
    }

    #[test]
    fn failures_name_the_item_and_the_kind_in_json_and_words() {
        let error = Error::new(ErrorKind::RoomNotFound, "room not found").with_status(404);
        let report = Report {
            codes: vec![],
            failures: vec![Failure {
                field: "room_id",
                id: "r9".into(),
                error,
            }],
        };
        let value = report.to_json();
        assert_eq!(value["failures"][0]["room_id"], "r9");
        assert_eq!(value["failures"][0]["kind"], "room_not_found");
        assert_eq!(value["failures"][0]["status"], 404);
        assert_eq!(
            report.failure_lines(3, "rooms"),
            "hms-room-codes: room r9: room_not_found: room not found (HTTP 404)\n\
             hms-room-codes: 1 of 3 rooms failed\n"
        );
    }
}
