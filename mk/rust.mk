# Rust: formatting, lints, unit and integration tests, the crate's dependency
# layers and package, the Rust demo.
#   make test-rust       every test of the workspace, with every feature (both clients, the C ABI)
#   make test-crate      a consumer with default-features = false pulls no HTTP, TLS or
#                        cbindgen crate (the default one gets ureq, `async` reqwest), and
#                        `cargo package` holds only what a Rust user needs
#   make crate-package   target/package/hms-room-codes-<version>.crate (what `cargo publish`
#                        uploads), checked to hold only src/, build.rs, Cargo.toml and licences
.PHONY: lint-rust test-rust test-crate crate-package demo-rust

lint-rust:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	cargo clippy -p hms-room-codes --lib --no-default-features -- -D warnings
	cargo clippy -p hms-room-codes --lib --no-default-features --features async -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p hms-room-codes
	RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps -p hms-room-codes --no-default-features --features async

test-rust: test-crate
	cargo test --workspace --all-features

test-crate:
	bash scripts/check-crate-deps.sh
	bash scripts/check-crate-files.sh

crate-package:
	cargo package --quiet -p hms-room-codes --allow-dirty
	bash scripts/check-crate-files.sh

demo-rust:
	cargo run --quiet --release --example demo
