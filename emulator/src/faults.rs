//! Fault injection: rules that answer the next matching requests with an error status, a
//! delay, a reset connection, a truncated or non-JSON body, or a redirect.

use std::borrow::Cow;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::http::{Request, Response};

/// How a rule's `path` matches a request path (without query).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// The request path starts with it.
    #[default]
    Prefix,
    /// The request path is it.
    Exact,
}

/// A fault other than a plain status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Close the connection with a TCP reset, answering nothing.
    Reset,
    /// Run the real handler, then send only half of its body and close.
    Truncate,
    /// Answer 200 (or `status`) with an HTML body.
    NotJson,
    /// Answer 307 (or `status`) with a `Location` header.
    Redirect,
    /// Answer 200 with a listing page of one code and a next-page cursor
    /// that differs on every request (of `cursor_bytes` bytes): a service
    /// that pages without end.
    EndlessPages,
}

/// One fault rule, as posted to `/_emulator/faults` and listed back with its remaining count.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Only requests with this method; when absent, any method but `OPTIONS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    method: Option<String>,
    /// The request path (still percent-encoded) to match.
    path: String,
    /// Prefix or exact.
    #[serde(default, rename = "match")]
    matching: Match,
    /// How many more requests the rule answers.
    #[serde(default = "one")]
    count: u32,
    /// The status to answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    /// The raw body to answer, instead of the service's error JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    /// The Content-Type of `body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    content_type: Option<String>,
    /// A `Retry-After` header to add: seconds or an HTTP date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after: Option<String>,
    /// A pause before answering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    delay_ms: Option<u64>,
    /// A fault other than a status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    action: Option<Action>,
    /// The `Location` of a redirect; by default the same URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    location: Option<String>,
    /// The length of each cursor of `endless_pages` (default 16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cursor_bytes: Option<usize>,
}

fn one() -> u32 {
    1
}

impl Rule {
    /// Checks a posted rule, normalising its method to upper case.
    pub fn validate(mut self) -> Result<Rule, ApiError> {
        let invalid = |detail: &str| Err(ApiError::invalid_body(detail));
        if !self.path.starts_with('/') {
            return invalid("path must start with /");
        }
        if self.count == 0 {
            return invalid("count must be at least 1");
        }
        if self.status.is_some_and(|s| !(200..=599).contains(&s)) {
            return invalid("status must be from 200 to 599");
        }
        if self.status.is_none() && self.delay_ms.is_none() && self.action.is_none() {
            return invalid("a fault needs a status, a delay_ms or an action");
        }
        if let Some(method) = &mut self.method {
            method.make_ascii_uppercase();
        }
        Ok(self)
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = match &self.method {
            Some(m) => m == method,
            None => method != "OPTIONS",
        };
        method_ok
            && match self.matching {
                Match::Prefix => path.starts_with(&self.path),
                Match::Exact => path == self.path,
            }
    }

    /// Answers `request` as the rule says; `real` runs the real handler where the fault needs
    /// its answer (truncate, delay alone), and `origin` is this server's `scheme://host:port`.
    pub fn reply(self, request: &Request, origin: &str, real: impl FnOnce() -> Response) -> Reply {
        let Rule {
            count,
            status,
            body,
            content_type,
            retry_after,
            delay_ms,
            action,
            location,
            cursor_bytes,
            ..
        } = self;
        if let Some(ms) = delay_ms {
            std::thread::sleep(Duration::from_millis(ms));
        }
        let content_type = |default: &'static str| content_type.map_or(default.into(), Cow::from);
        let response = match action {
            Some(Action::Reset) => return Reply::Reset,
            Some(Action::Truncate) => return Reply::Truncate(real()),
            Some(Action::NotJson) => {
                let body = body.unwrap_or_else(|| "<html>not json</html>".to_owned());
                Response::raw(
                    status.unwrap_or(200),
                    content_type("text/html"),
                    body.into(),
                )
            }
            Some(Action::EndlessPages) => endless_page(count, cursor_bytes.unwrap_or(16)),
            Some(Action::Redirect) => {
                let location = location.unwrap_or_else(|| {
                    let query = if request.query.is_empty() { "" } else { "?" };
                    format!("{origin}{}{query}{}", request.path, request.query)
                });
                Response::empty(status.unwrap_or(307)).with_header("Location", location)
            }
            None => match (status, body) {
                (Some(status), Some(body)) => {
                    Response::raw(status, content_type("application/json"), body.into())
                }
                (Some(status), None) => ApiError::for_status(status).into(),
                (None, _) => real(),
            },
        };
        Reply::Send(match retry_after {
            Some(retry_after) => response.with_header("Retry-After", retry_after),
            None => response,
        })
    }
}

/// A listing page of one code whose `last` cursor is `remaining` (the rule's
/// count, different on each request) padded with zeros to `cursor_bytes`.
fn endless_page(remaining: u32, cursor_bytes: usize) -> Response {
    let page = serde_json::json!({
        "limit": 1,
        "data": [{
            "code": format!("end-less-{remaining}"),
            "room_id": "endless",
            "role": "host",
            "enabled": true,
            "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z",
        }],
        "last": format!("{remaining:0>cursor_bytes$}"),
    });
    Response::json(200, &page)
}

/// What the connection does with a request.
#[derive(Debug)]
pub enum Reply {
    /// Write this response.
    Send(Response),
    /// Write this response truncated, then close.
    Truncate(Response),
    /// Reset the connection.
    Reset,
}

/// The queued rules, first match wins.
#[derive(Debug, Default)]
pub struct Faults(Vec<Rule>);

impl Faults {
    /// Queues a rule; returns how many are queued.
    pub fn add(&mut self, rule: Rule) -> usize {
        self.0.push(rule);
        self.0.len()
    }

    /// The queued rules with their remaining counts.
    pub fn rules(&self) -> &[Rule] {
        &self.0
    }

    /// Forgets every rule.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Uses up one count of the first rule matching the request, if any.
    pub fn take(&mut self, method: &str, path: &str) -> Option<Rule> {
        let index = self.0.iter().position(|r| r.matches(method, path))?;
        let rule = &mut self.0[index];
        rule.count -= 1;
        if rule.count == 0 {
            Some(self.0.remove(index))
        } else {
            Some(rule.clone())
        }
    }
}
