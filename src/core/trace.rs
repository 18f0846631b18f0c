//! The `tracing` feature: one span per call (`hms_call`, with its
//! operation), and each of the call's [`Event`]s as a `tracing` event inside
//! it, target `hms_room_codes`: attempts and responses at `DEBUG`, failures
//! and waits at `INFO`, the end at `INFO` (`WARN` when the call failed).
//! The fields are the event's own; nothing secret is among them.

use crate::core::events::Event;
use tracing::{debug, info, warn, Span};

/// The span of one call of `operation`.
pub(crate) fn call_span(operation: &'static str) -> Span {
    tracing::info_span!(target: "hms_room_codes", "hms_call", operation)
}

/// Records `event` inside `span`.
pub(crate) fn record(span: &Span, event: &Event<'_>) {
    const T: &str = "hms_room_codes";
    match *event {
        Event::AttemptStarted {
            attempt,
            method,
            path,
            ..
        } => debug!(target: T, parent: span, attempt, method, path, "attempt_started"),
        Event::Response {
            attempt,
            status,
            elapsed,
            request_id,
            body_bytes,
            ..
        } => debug!(
            target: T,
            parent: span,
            attempt,
            status,
            elapsed_ms = elapsed.as_millis() as u64,
            request_id,
            body_bytes,
            "response"
        ),
        Event::TransportFailure {
            attempt,
            kind,
            elapsed,
            ..
        } => info!(
            target: T,
            parent: span,
            attempt,
            kind = kind.as_str(),
            elapsed_ms = elapsed.as_millis() as u64,
            "transport_failure"
        ),
        Event::RetryWait {
            next_attempt,
            wait,
            reason,
            ..
        } => info!(
            target: T,
            parent: span,
            next_attempt,
            wait_ms = wait.as_millis() as u64,
            reason = reason.as_str(),
            "retry_wait"
        ),
        Event::CallEnded {
            error: None,
            elapsed,
            attempts,
            ..
        } => info!(
            target: T,
            parent: span,
            result = "ok",
            elapsed_ms = elapsed.as_millis() as u64,
            attempts,
            "call_ended"
        ),
        Event::CallEnded {
            error: Some(kind),
            elapsed,
            attempts,
            ..
        } => warn!(
            target: T,
            parent: span,
            result = kind.as_str(),
            elapsed_ms = elapsed.as_millis() as u64,
            attempts,
            "call_ended"
        ),
    }
}
