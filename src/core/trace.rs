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

#[cfg(test)]
mod tests {
    use crate::core::client::Core;
    use crate::core::config::Config;
    use crate::core::wire::http::HttpResponse;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    /// Counts the events it is given; listens to everything.
    struct Counting(Arc<AtomicUsize>);

    impl Subscriber for Counting {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(7)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, _: &Event<'_>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }

    #[test]
    fn a_listening_subscriber_and_a_hook_both_get_every_event() {
        let traced = Arc::new(AtomicUsize::new(0));
        let hooked = Arc::new(AtomicUsize::new(0));
        let seen = hooked.clone();
        let config = Config::builder()
            .management_token("tok")
            .base_url("https://api.test/v2")
            .on_event(move |_| {
                seen.fetch_add(1, Ordering::SeqCst);
            })
            .build()
            .unwrap();
        let core = Core::new(config);
        let subscriber = Counting(traced.clone());
        tracing::subscriber::with_default(subscriber, || {
            let mut call = core.set_enabled("abc-defg-hij", false).unwrap();
            call.request(0);
            let body = br#"{"code":"abc-defg-hij","room_id":"r","role":"host","enabled":false}"#;
            let ok = HttpResponse {
                status: 200,
                headers: Vec::new(),
                body: body.to_vec(),
            };
            let _ = call.on_response(&ok, 3);
        });
        // attempt_started, response, call_ended
        assert_eq!(hooked.load(Ordering::SeqCst), 3);
        assert_eq!(traced.load(Ordering::SeqCst), 3);
    }
}
