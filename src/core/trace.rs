//! The `tracing` feature: one span per call (`hms_call`, with its
//! operation), and each of the call's [`Event`]s as a `tracing` event inside
//! it, target `hms_room_codes`: attempts and responses at `DEBUG`, failures
//! and waits at `INFO`, the end at `INFO` (`WARN` when the call failed): the
//! levels of `Event::level`, which the test below holds these to.
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
    use crate::core::events::EventLevel;
    use crate::core::wire::http::HttpResponse;
    use std::sync::{Arc, Mutex};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Level, Metadata, Subscriber};

    /// Keeps the level of each event it is given; listens to everything.
    struct Levels(Arc<Mutex<Vec<Level>>>);

    impl Subscriber for Levels {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(7)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            self.0.lock().unwrap().push(*event.metadata().level());
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }

    #[test]
    fn a_listening_subscriber_and_a_hook_both_get_every_event_at_the_same_level() {
        let traced = Arc::new(Mutex::new(Vec::new()));
        let hooked = Arc::new(Mutex::new(Vec::new()));
        let seen = hooked.clone();
        let config = Config::builder()
            .management_token("tok")
            .base_url("https://api.test/v2")
            .max_retries(0)
            .on_event(move |event| {
                seen.lock().unwrap().push(match event.level() {
                    EventLevel::Debug => Level::DEBUG,
                    EventLevel::Info => Level::INFO,
                    EventLevel::Warn => Level::WARN,
                });
            })
            .build()
            .unwrap();
        let core = Core::new(config);
        let subscriber = Levels(traced.clone());
        tracing::subscriber::with_default(subscriber, || {
            let body = br#"{"code":"abc-defg-hij","room_id":"r","role":"host","enabled":false}"#;
            for status in [200, 404] {
                let mut call = core.set_enabled("abc-defg-hij", false).unwrap();
                call.request(0);
                let answer = HttpResponse {
                    status,
                    headers: Vec::new(),
                    body: body.to_vec(),
                };
                let _ = call.on_response(&answer, 3);
            }
        });
        // attempt_started, response, call_ended: ok, then failed.
        let (debug, info, warn) = (Level::DEBUG, Level::INFO, Level::WARN);
        let want = [debug, debug, info, debug, debug, warn];
        assert_eq!(*hooked.lock().unwrap(), want);
        assert_eq!(*traced.lock().unwrap(), want);
    }
}
