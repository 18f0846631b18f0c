# The npm package (wasm-bindgen over the Rust core): build, tests, the Node demo.
#   npm-package  target/npm/hms-room-codes/ and target/npm/hms-room-codes-<version>.tgz
#   test-wasm    wasm-bindgen-test of the wasm layer, in Node and headless Chromium
#   test-npm     node:test against the emulator, and the packed tarball in Node,
#                tsc --strict and a browser page
#   demo-node    the Node quickstart, from the packed tarball
.PHONY: lint-wasm npm-package test-wasm test-npm demo-node

JS_TOOLS := tools/js/node_modules/.package-lock.json
WASM_TEST := cargo test --target wasm32-unknown-unknown --test wasm

$(JS_TOOLS): tools/js/package.json tools/js/package-lock.json
	cd tools/js && npm ci --no-audit --no-fund --loglevel=error

lint-wasm:
	cargo clippy --target wasm32-unknown-unknown --lib --test wasm -- -D warnings

npm-package: $(JS_TOOLS)
	cargo build --quiet --profile wasm-release --target wasm32-unknown-unknown --lib
	node tools/js/build-package.mjs

test-wasm:
	bash scripts/with-emulator.sh $(WASM_TEST)
	WASM_BINDGEN_USE_BROWSER=1 bash scripts/with-emulator.sh $(WASM_TEST)

test-npm: npm-package
	bash scripts/with-emulator.sh node --test --test-concurrency=1 tests/js/

demo-node: npm-package
	cd examples/node && npm install --no-save --no-audit --no-fund --loglevel=error ../../target/npm/hms-room-codes-*.tgz
	node examples/node/quickstart.mjs
