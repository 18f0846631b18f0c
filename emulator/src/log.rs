//! The log of requests received on `/v2/...`, for tests to inspect.

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use crate::http::Request;

/// The most entries kept; older ones are dropped first, so that long benchmarks stay bounded.
const MAX_ENTRIES: usize = 100_000;

/// One logged request, as received.
#[derive(Debug, Serialize)]
pub struct Entry {
    method: String,
    /// Still percent-encoded.
    path: String,
    /// Still encoded, without `?`; empty when absent.
    query: String,
    /// Lowercase names; repeated headers joined with ", ".
    headers: BTreeMap<String, String>,
    /// The body as text (invalid UTF-8 replaced).
    body: String,
}

impl Entry {
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
        Entry {
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
pub struct RequestLog(VecDeque<Entry>);

impl RequestLog {
    /// Appends an entry, dropping the oldest one when full.
    pub fn push(&mut self, entry: Entry) {
        if self.0.len() == MAX_ENTRIES {
            self.0.pop_front();
        }
        self.0.push_back(entry);
    }

    /// Forgets every entry.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}
