# The npm package (wasm-bindgen over the Rust core): build, tests, the Node demo.
#   npm-package  target/npm/hms-room-codes/ and target/npm/hms-room-codes-<version>.tgz
#   test-wasm    wasm-bindgen-test of the wasm layer, in Node and headless Chromium
#   test-npm     node:test against the emulator, and the packed tarball in Node,
#                npm publish --dry-run and tsc --strict
#   test-runtimes the tarball in Node 18/20/22, Deno, Bun, workerd, server and
#                browser bundles (tests/runtimes), a table of results
#   demo-node    the Node quickstart, from the packed tarball
.PHONY: lint-wasm npm-package test-wasm test-npm test-runtimes demo-node

JS_TOOLS := tools/js/node_modules/.package-lock.json
WASM_TEST := cargo test --target wasm32-unknown-unknown --features wasm --test wasm

$(JS_TOOLS): tools/js/package.json tools/js/package-lock.json
	cd tools/js && npm ci --no-audit --no-fund --loglevel=error

lint-wasm:
	cargo clippy --target wasm32-unknown-unknown --features wasm --lib --test wasm -- -D warnings

npm-package: $(JS_TOOLS)
	cargo rustc --quiet --profile wasm-release --target wasm32-unknown-unknown --lib --features wasm \
	  --crate-type cdylib
	node tools/js/build-package.mjs

RUNTIME_TOOLS := tests/runtimes/node_modules/.package-lock.json

$(RUNTIME_TOOLS): tests/runtimes/package.json tests/runtimes/package-lock.json
	cd tests/runtimes && npm ci --no-audit --no-fund --loglevel=error

# Node through the runner; Chromium through Playwright (scripts/wasm-browser-test.sh).
test-wasm: $(RUNTIME_TOOLS)
	bash scripts/with-emulator.sh $(WASM_TEST)
	bash scripts/with-emulator.sh bash scripts/wasm-browser-test.sh

test-npm: npm-package
	bash scripts/with-emulator.sh bash scripts/with-proxy.sh node --test --test-concurrency=1 tests/js/

demo-node: npm-package
	cd examples/node && npm install --no-save --no-audit --no-fund --loglevel=error ../../target/npm/hms-room-codes-*.tgz
	node examples/node/quickstart.mjs

# The packed tarball in every runtime and bundler of the README's "Runs on"
# table (tests/runtimes/matrix.mjs), each with a hard timeout; prints the table.
test-runtimes: npm-package $(RUNTIME_TOOLS)
	bash scripts/with-emulator.sh node tests/runtimes/matrix.mjs
