# Rust: formatting, lints, unit and integration tests, the Rust demo.
.PHONY: lint-rust test-rust demo-rust

lint-rust:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

test-rust:
	cargo test --workspace

demo-rust:
	cargo run --quiet --release --example demo
