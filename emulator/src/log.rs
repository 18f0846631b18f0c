//! The log of requests received on `/v2/...`, for tests to inspect.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use crate::http::Request;

/// The most entries kept; older ones are dropped first, so that long benchmarks stay bounded.
const MAX_ENTRIES: usize = 100_000;

/// One logged request, as received (what `GET /_emulator/requests` lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LoggedRequest {
    /// `GET`, `POST` ...
    pub method: String,
    /// Still percent-encoded, e.g. `/v2/room-codes/room/R/role/a%20b`.
    pub path: String,
    /// Still encoded, without `?`; empty when absent.
    pub query: String,
    /// Lowercase names; repeated headers joined with ", ".
    pub headers: BTreeMap<String, String>,
    /// The body as text (invalid UTF-8 replaced).
    pub body: String,
}

impl LoggedRequest {
    /// The log entry of a request.
    pub fn of(request: &Request) -> Self {
        let mut headers = BTreeMap::<String, String>::new();
        for (name, value) in &request.headers {
            headers
                .entry(name.clone())
                .and_modify(|v| {
                    v.push_str(", ");
                    v.push_str(value);
                })
                .or_insert_with(|| value.clone());
        }
        LoggedRequest {
            method: request.method.clone(),
            path: request.path.clone(),
            query: request.query.clone(),
            headers,
            body: String::from_utf8_lossy(&request.body).into_owned(),
        }
    }
}

/// The logged requests, oldest first.
#[derive(Debug, Default, Serialize)]
#[serde(transparent)]
pub struct RequestLog(VecDeque<LoggedRequest>);

impl RequestLog {
    /// Appends an entry, dropping the oldest one when full.
    pub fn push(&mut self, entry: LoggedRequest) {
        if self.0.len() == MAX_ENTRIES {
            self.0.pop_front();
        }
        self.0.push_back(entry);
    }

    /// A copy of every entry, oldest first.
    pub fn entries(&self) -> Vec<LoggedRequest> {
        self.0.iter().cloned().collect()
    }

    /// Forgets every entry.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}
