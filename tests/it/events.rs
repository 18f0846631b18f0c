//! The event stream at its most verbose (a hook and a `tracing` subscriber at
//! TRACE) in both clients: what it tells, and that it holds no secret; errors
//! name the request; a call may set its own `max_retries`.

use crate::clients::Flavor;
use crate::support::{Env, ACCESS_KEY};
use hms_room_codes::{CallOptions, ErrorKind, ListFilter};
use serde_json::json;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

const APP_SECRET: &str = "ev3nts-app-secret-value-41b7";

/// Writes every span and event, with all their fields, into one text.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<String>>);

impl Visit for Recorder {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0.lock().unwrap(), " {}={value:?}", field.name());
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        self.0.lock().unwrap().push_str("\nspan");
        span.record(&mut self.clone());
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        values.record(&mut self.clone());
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let _ = write!(self.0.lock().unwrap(), "\n{}", event.metadata().level());
        event.record(&mut self.clone());
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[test]
fn both_clients_tell_each_step_with_the_request_id_and_no_secret() {
    let env = Env::start();
    for flavor in Flavor::ALL {
        let lines = Arc::new(Mutex::new(String::new()));
        let sink = lines.clone();
        let config = env
            .config()
            .app_keys(ACCESS_KEY, APP_SECRET)
            .on_event(move |event| {
                let _ = writeln!(sink.lock().unwrap(), "{event} {event:?}");
            });
        let client = env.client_of(flavor, config);
        let traced = Recorder::default();
        let room = env.room(None);
        let path = format!("/v2/room-codes/room/{room}");
        env.clear_requests();
        env.fault(json!({ "path": path, "status": 503 }));
        let none = CallOptions::new();
        tracing::subscriber::with_default(traced.clone(), || {
            let page = client.list_page(&room, &ListFilter::default(), &none);
            let err = page.unwrap_err();
            // The app keys are not the emulator's: each call ends unauthorized.
            assert_eq!(err.kind(), ErrorKind::Unauthorized, "{flavor:?}");
            assert!(err.request_id().unwrap().starts_with("emu-"), "{err:?}");
        });
        let lines = lines.lock().unwrap().clone();
        let traced = traced.0.lock().unwrap().clone();
        for (what, text) in [("hook", &lines), ("tracing", &traced)] {
            for step in ["attempt_started", "response", "retry_wait", "call_ended"] {
                assert!(
                    text.contains(step),
                    "{flavor:?} {what}: no {step} in\n{text}"
                );
            }
            let mut secrets = vec![APP_SECRET.to_string(), "eyJ".into(), "Bearer".into()];
            secrets.extend(env.bearer_tokens());
            for secret in &secrets {
                assert!(
                    !text.contains(secret.as_str()),
                    "{flavor:?} {what}: {secret} in\n{text}"
                );
            }
        }
        assert!(lines.contains("reason=server_error"), "{lines}");
        assert!(lines.contains("result=unauthorized"), "{lines}");
        assert!(traced.contains("span operation=\"list_page\""), "{traced}");
        assert!(
            traced.contains("WARN message=call_ended result=\"unauthorized\""),
            "{traced}"
        );
    }
}

#[test]
fn a_call_may_allow_fewer_retries_than_its_client() {
    let env = Env::start();
    for flavor in Flavor::ALL {
        let client = env.client_of(
            flavor,
            env.config()
                .management_token(crate::support::TOKEN)
                .max_retries(3),
        );
        let room = env.room(None);
        let path = format!("/v2/room-codes/room/{room}");
        env.clear_requests();
        env.fault(json!({ "path": path, "status": 503, "count": 5 }));
        let one = CallOptions::new().max_retries(1);
        let err = client
            .list_page(&room, &ListFilter::default(), &one)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Server, "{flavor:?}");
        assert_eq!(env.count("GET", &path), 2, "{flavor:?}");
        env.clear_faults();
    }
}
