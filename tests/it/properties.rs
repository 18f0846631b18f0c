//! Properties over generated input: parsers never panic, path segments
//! survive the trip to the service, and the retry policy keeps its promises.

use crate::support::Env;
use hms_room_codes::{
    Config, Core, ErrorKind, HttpResponse, Operation, Outcome, RetryPolicy, Step,
    TransportFailureKind,
};
use proptest::prelude::*;
use std::sync::OnceLock;
use std::time::Duration;

fn any_operation() -> impl Strategy<Value = Operation> {
    prop::sample::select(Operation::ALL.to_vec())
}

fn any_outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        (100u16..600).prop_map(Outcome::Status),
        prop::sample::select(vec![
            TransportFailureKind::NotSent,
            TransportFailureKind::Timeout,
            TransportFailureKind::Broken,
            TransportFailureKind::BodyTooLarge,
        ])
        .prop_map(Outcome::Failure),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_status_and_body_gives_a_typed_answer(
        operation in any_operation(),
        status in 100u16..600,
        body in prop::collection::vec(any::<u8>(), 0..512),
        retry_after in prop::option::of(".{0,40}"),
    ) {
        let core = Core::new(Config::builder().app_keys("k", "s").max_retries(0).build().unwrap());
        let headers = retry_after.map(|v| vec![("retry-after".to_string(), v)]).unwrap_or_default();
        let response = HttpResponse { status, headers, body };
        let step = match operation {
            Operation::Create => core.create("r").unwrap().on_response(&response, 0).map_done(),
            Operation::CreateForRole => core.create_for_role("r", "x").unwrap().on_response(&response, 0).map_done(),
            Operation::ListPage => core.list_page("r", &Default::default()).unwrap().on_response(&response, 0).map_done(),
            Operation::SetEnabled => core.set_enabled("c", true).unwrap().on_response(&response, 0).map_done(),
            Operation::AuthTokenForCode => core.auth_token_for_code("c", None).unwrap().on_response(&response, 0).map_done(),
            other => panic!("no case for {other:?}"),
        };
        if let Some(Err(err)) = step {
            prop_assert_ne!(err.kind(), ErrorKind::Internal);
            prop_assert_ne!(err.kind(), ErrorKind::InvalidArgument);
        }
    }

    #[test]
    fn the_policy_never_waits_past_its_cap_nor_repeats_a_create_after_5xx_or_timeout(
        operation in any_operation(),
        outcome in any_outcome(),
        retries_done in 0u32..10,
        retry_after_ms in prop::option::of(0u64..20_000),
        random in 0.0f64..1.0,
        base_ms in 1u64..1000,
        extra_ms in 0u64..10_000,
    ) {
        let cap = Duration::from_millis(base_ms + extra_ms);
        let policy = RetryPolicy { max_retries: 3, base: Duration::from_millis(base_ms), cap };
        let wait = policy.next_wait(operation, outcome, retries_done, retry_after_ms.map(Duration::from_millis), random);
        if let Some(wait) = wait {
            prop_assert!(wait <= cap);
            prop_assert!(retries_done < 3);
        }
        let five_xx_or_timeout = matches!(outcome, Outcome::Status(500..=599) | Outcome::Failure(TransportFailureKind::Timeout));
        if operation.mints_codes() && five_xx_or_timeout {
            prop_assert_eq!(wait, None);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_role_name_survives_the_trip_or_is_rejected(role in "\\PC{0,24}|[ -~]{0,24}|.{0,8}") {
        let env = shared_env();
        let client = env.client();
        let template = format!("t{}", crate::support::uuid_like());
        let sent_before = env.count("POST", "/v2/room-codes/room/any-room");
        let rejected = client.create_for_role("any-room", &role).err().map(|e| e.kind()) == Some(ErrorKind::InvalidArgument);
        if rejected {
            prop_assert_eq!(env.count("POST", "/v2/room-codes/room/any-room"), sent_before);
        } else {
            env.template(&template, &[role.as_str()]);
            let room = env.room(Some(&template));
            let code = client.create_for_role(&room, &role).unwrap();
            prop_assert_eq!(&code.role, &role);
        }
    }
}

/// One emulator for all the generated cases.
fn shared_env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(Env::start)
}

/// Turns a step into its result, if it is over.
trait DoneResult {
    fn map_done(self) -> Option<Result<(), hms_room_codes::Error>>;
}

impl<T> DoneResult for Step<T> {
    fn map_done(self) -> Option<Result<(), hms_room_codes::Error>> {
        match self {
            Step::Done(result) => Some(result.map(drop)),
            Step::RetryAfter(_) => None,
        }
    }
}
