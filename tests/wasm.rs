//! The wasm layer against the emulator, through the exports the npm package
//! has: in Node (`cargo test --target wasm32-unknown-unknown --test wasm`) and
//! in headless Chromium (the same with `WASM_BINDGEN_USE_BROWSER=1`). Run under
//! `scripts/with-emulator.sh`, which sets `HMS_EMULATOR_URL` for the build.
#![cfg(target_arch = "wasm32")]

use hms_room_codes::wasm::{room_link, RoomCodesClient};
use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(inline_js = r#"
export async function control(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", authorization: "Bearer emulator-management-token" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status}`);
  return response.json();
}
export function abortedNow() { const c = new AbortController(); c.abort(); return c.signal; }
export function abortLater(ms) { const c = new AbortController(); setTimeout(() => c.abort(), ms); return c.signal; }
export function failedToFetch() { return () => Promise.reject(new TypeError("Failed to fetch")); }
"#)]
extern "C" {
    /// A JSON request to the emulator (control API or service), with its fixed token.
    #[wasm_bindgen(catch)]
    async fn control(method: &str, url: &str, body: JsValue) -> Result<JsValue, JsValue>;
    /// An `AbortSignal` that has already aborted.
    #[wasm_bindgen(js_name = abortedNow)]
    fn aborted_now() -> JsValue;
    /// An `AbortSignal` that aborts after `ms`.
    #[wasm_bindgen(js_name = abortLater)]
    fn abort_later(ms: u32) -> JsValue;
    /// A `fetch` that fails as a browser's does, whatever the cause.
    #[wasm_bindgen(js_name = failedToFetch)]
    fn failed_to_fetch() -> JsValue;
}

/// The emulator's URL, fixed when this file was built.
fn emulator() -> &'static str {
    match option_env!("HMS_EMULATOR_URL") {
        Some(url) => url,
        None => panic!("build and run these tests under scripts/with-emulator.sh"),
    }
}

/// A plain object of `pairs`.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    object.into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn is_browser_page() -> bool {
    !get(&js_sys::global(), "document").is_undefined()
}

/// A client of the emulator with a management token (allowed in the test page).
fn client(extra: &[(&str, JsValue)]) -> RoomCodesClient {
    let mut options = vec![
        ("managementToken", "emulator-management-token".into()),
        ("baseUrl", format!("{}/v2", emulator()).into()),
        ("authBaseUrl", format!("{}/v2", emulator()).into()),
        ("dangerouslyAllowBrowser", true.into()),
    ];
    options.extend(extra.iter().cloned());
    RoomCodesClient::new(object(&options)).unwrap()
}

async fn new_room() -> String {
    let room = control("POST", &format!("{}/v2/rooms", emulator()), object(&[]))
        .await
        .unwrap();
    get(&room, "id").as_string().unwrap()
}

async fn fault(rule: JsValue) {
    control("POST", &format!("{}/_emulator/faults", emulator()), rule)
        .await
        .unwrap();
}

async fn resolve(promise: Promise) -> JsValue {
    JsFuture::from(promise).await.expect("the call succeeds")
}

async fn reject(promise: Promise) -> JsValue {
    JsFuture::from(promise).await.expect_err("the call fails")
}

/// The kind of an `HmsError`, checking that it is a real `Error` named `HmsError`.
fn kind_of(error: &JsValue) -> String {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "{error:?} is an Error"
    );
    assert_eq!(get(error, "name").as_string().as_deref(), Some("HmsError"));
    assert!(get(error, "stack").is_string());
    get(error, "kind").as_string().unwrap()
}

#[wasm_bindgen_test]
async fn every_operation_round_trips() {
    let room = new_room().await;
    let client = client(&[]);
    let none = JsValue::UNDEFINED;
    let codes: Array = resolve(client.create(room.clone().into(), none.clone()))
        .await
        .into();
    assert_eq!(codes.length(), 3);
    let extra =
        resolve(client.create_for_role(room.clone().into(), "guest".into(), none.clone())).await;
    assert_eq!(get(&extra, "role").as_string().as_deref(), Some("guest"));
    assert_eq!(get(&extra, "room_id").as_string(), Some(room.clone()));

    let filter = object(&[("role", "guest".into())]);
    let page = resolve(client.list_page(room.clone().into(), filter, none.clone())).await;
    assert_eq!(Array::from(&get(&page, "data")).length(), 2);
    assert!(get(&page, "last").is_null());

    let list = client
        .list(
            room.clone().into(),
            object(&[("limit", 10.into())]),
            none.clone(),
        )
        .unwrap();
    let mut listed = 0;
    assert!(list.has_more());
    loop {
        let page = resolve(list.next_page()).await;
        if page.is_null() {
            break;
        }
        listed += Array::from(&page).length();
    }
    assert_eq!(listed, 4);
    assert!(!list.has_more());

    let code = get(&extra, "code");
    let disabled = resolve(client.set_enabled(code.clone(), false.into(), none.clone())).await;
    assert_eq!(get(&disabled, "enabled").as_bool(), Some(false));
    let host_code = get(&codes.get(0), "code");
    let token =
        resolve(client.auth_token_for_code(host_code, object(&[("userId", "u1".into())]), none))
            .await;
    assert_eq!(
        get(&token, "token").as_string().unwrap().split('.').count(),
        3
    );
    assert!(get(&token, "expires_at")
        .as_string()
        .unwrap()
        .ends_with('Z'));
}

#[wasm_bindgen_test]
async fn service_errors_are_hms_errors_with_their_kind() {
    let client = client(&[]);
    let error = reject(client.create("no-such-room".into(), JsValue::UNDEFINED)).await;
    assert_eq!(kind_of(&error), "room_not_found");
    assert_eq!(get(&error, "status").as_f64(), Some(404.0));
    assert!(Array::is_array(&get(&error, "details")));
}

#[wasm_bindgen_test]
async fn wrong_argument_types_are_invalid_argument() {
    let client = client(&[]);
    let none = JsValue::UNDEFINED;
    for promise in [
        client.create(5.into(), none.clone()),
        client.create(JsValue::UNDEFINED, none.clone()),
        client.create(object(&[]), none.clone()),
        client.set_enabled("abc".into(), "yes".into(), none.clone()),
        client.create("room".into(), object(&[("timeoutMs", "soon".into())])),
    ] {
        assert_eq!(kind_of(&reject(promise).await), "invalid_argument");
    }
    let bad_options = RoomCodesClient::new(5.into()).err().unwrap();
    assert_eq!(kind_of(&bad_options), "invalid_argument");
    let bad_link = room_link(object(&[("code", "abc".into())])).unwrap_err();
    assert_eq!(kind_of(&bad_link), "invalid_argument");
}

#[wasm_bindgen_test]
fn credentials_in_a_browser_page_need_the_opt_in() {
    let keys = object(&[("accessKey", "k".into()), ("appSecret", "s".into())]);
    match RoomCodesClient::new(keys) {
        Ok(_) => assert!(!is_browser_page(), "refused in a browser page"),
        Err(error) => {
            assert!(is_browser_page(), "allowed outside a browser page");
            assert_eq!(kind_of(&error), "invalid_argument");
        }
    }
    assert!(
        RoomCodesClient::new(object(&[("baseUrl", "https://proxy.example/v2".into())])).is_ok()
    );
    let link = room_link(object(&[
        ("subdomain", "app".into()),
        ("code", "a b".into()),
    ]))
    .unwrap();
    assert_eq!(link, "https://app.app.100ms.live/meeting/a%20b");
}

#[wasm_bindgen_test]
async fn a_429_is_retried_after_the_wait_it_asks_for() {
    let room = new_room().await;
    let path = format!("/v2/room-codes/room/{room}");
    fault(object(&[
        ("path", path.into()),
        ("status", 429.into()),
        ("retry_after", "1".into()),
    ]))
    .await;
    let started = js_sys::Date::now();
    resolve(client(&[]).list_page(room.into(), JsValue::UNDEFINED, JsValue::UNDEFINED)).await;
    assert!(js_sys::Date::now() - started >= 900.0);
}

#[wasm_bindgen_test]
async fn slow_answers_time_out_and_aborts_reject_with_the_reason() {
    let room = new_room().await;
    let path = format!("/v2/room-codes/room/{room}");
    let slow = |count: u32| {
        object(&[
            ("path", path.clone().into()),
            ("delay_ms", 1500.into()),
            ("count", count.into()),
        ])
    };
    fault(slow(1)).await;
    let quick = object(&[("timeoutMs", 200.into())]);
    let error = reject(client(&[("maxRetries", 0.into())]).list_page(
        room.clone().into(),
        JsValue::UNDEFINED,
        quick,
    ))
    .await;
    assert_eq!(kind_of(&error), "timeout");

    let client = client(&[]);
    let before = object(&[("signal", aborted_now())]);
    let error = reject(client.create(room.clone().into(), before)).await;
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("AbortError")
    );

    fault(slow(1)).await;
    let started = js_sys::Date::now();
    let during = object(&[("signal", abort_later(100))]);
    let error = reject(client.list_page(room.into(), JsValue::UNDEFINED, during)).await;
    assert_eq!(
        get(&error, "name").as_string().as_deref(),
        Some("AbortError")
    );
    assert!(
        js_sys::Date::now() - started < 1000.0,
        "rejected before the answer came"
    );
}

#[wasm_bindgen_test]
fn the_typescript_kinds_are_the_rust_kinds() {
    let types = include_str!("../src/wasm/types.d.ts");
    let union = &types[types.find("export type HmsErrorKind =").unwrap()..];
    let union = &union[..union.find(';').unwrap()];
    let declared: Vec<&str> = union.split('"').skip(1).step_by(2).collect();
    let kinds: Vec<&str> = hms_room_codes::ErrorKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(declared, kinds);
}

#[wasm_bindgen_test]
async fn a_bare_failed_to_fetch_names_the_likely_causes() {
    let client = client(&[("fetch", failed_to_fetch()), ("maxRetries", 0.into())]);
    let error = reject(client.create("room".into(), JsValue::UNDEFINED)).await;
    assert_eq!(kind_of(&error), "network");
    let message = get(&error, "message").as_string().unwrap();
    // A page may be held back by CORS; a server runtime (Node) is not.
    let page = js_sys::Reflect::has(&js_sys::global(), &"document".into()).unwrap_or(false);
    let causes: &[&str] = match page {
        true => &["Failed to fetch", "CORS", "network", "TLS certificate"],
        false => &["the connection failed", "Failed to fetch"],
    };
    for cause in causes {
        assert!(message.contains(cause), "{message}");
    }
    assert_eq!(message.contains("CORS"), page, "{message}");
}
