//! The core's own cost per call, without any I/O: building a signed request
//! and parsing a response (`cargo bench --bench core`).

use criterion::{criterion_group, criterion_main, Criterion};
use hms_room_codes::{Config, Core, HttpResponse, ListFilter, Step};
use std::hint::black_box;

const NOW_MS: u64 = 1_700_000_000_000;

fn code_json(i: usize) -> String {
    format!(
        r#"{{"code":"abc-defg-{i:03}","room_id":"65f1c2a9e4b0a1b2c3d4e5f6","role":"guest","enabled":true,"created_at":"2024-03-13T10:11:12.123Z","updated_at":"2024-03-13T10:11:12.123Z","customer_id":"c"}}"#
    )
}

fn response(body: String) -> HttpResponse {
    HttpResponse {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.into_bytes(),
    }
}

fn core_benches(c: &mut Criterion) {
    let core = Core::new(
        Config::builder()
            .app_keys("access-key", "app-secret")
            .build()
            .unwrap(),
    );
    let one = response(code_json(1));
    let page = response(format!(
        r#"{{"limit":100,"data":[{}],"last":"next"}}"#,
        (0..100).map(code_json).collect::<Vec<_>>().join(",")
    ));

    c.bench_function("create_for_role: build the signed request", |b| {
        b.iter(|| {
            let mut call = core
                .create_for_role(black_box("65f1c2a9e4b0a1b2c3d4e5f6"), black_box("guest"))
                .unwrap();
            black_box(call.request(NOW_MS));
            call
        })
    });
    c.bench_function("create_for_role: parse one code", |b| {
        let mut call = core.create_for_role("room", "guest").unwrap();
        b.iter(|| match call.on_response(black_box(&one), NOW_MS) {
            Step::Done(result) => black_box(result.unwrap()),
            Step::RetryAfter(_) => unreachable!(),
        })
    });
    // Events off (the default), then on with a hook that does nothing: the
    // cost of building each event.
    let quiet = Core::new(
        Config::builder()
            .app_keys("access-key", "app-secret")
            .on_event(|event| {
                black_box(event);
            })
            .build()
            .unwrap(),
    );
    for (name, core) in [
        ("create_for_role: build + parse", &core),
        (
            "create_for_role: build + parse, events to a no-op hook",
            &quiet,
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut call = core
                    .create_for_role(black_box("65f1c2a9e4b0a1b2c3d4e5f6"), black_box("guest"))
                    .unwrap();
                black_box(call.request(NOW_MS));
                match call.on_response(black_box(&one), NOW_MS) {
                    Step::Done(result) => black_box(result.unwrap()),
                    Step::RetryAfter(_) => unreachable!(),
                }
            })
        });
    }
    c.bench_function("list_page: build + parse a page of 100", |b| {
        let filter = ListFilter::new().limit(100);
        b.iter(|| {
            let mut call = core
                .list_page(black_box("65f1c2a9e4b0a1b2c3d4e5f6"), &filter)
                .unwrap();
            black_box(call.request(NOW_MS));
            match call.on_response(black_box(&page), NOW_MS) {
                Step::Done(result) => black_box(result.unwrap()),
                Step::RetryAfter(_) => unreachable!(),
            }
        })
    });
}

criterion_group!(benches, core_benches);
criterion_main!(benches);
