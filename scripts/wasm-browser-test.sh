#!/usr/bin/env bash
# The wasm layer's tests (tests/wasm.rs) in headless Chromium: cargo builds
# them and wasm-bindgen-test-runner serves them (NO_HEADLESS, on a free port),
# and tests/runtimes/wasm-page.mjs runs the page with Playwright, bounded in
# time. Run under scripts/with-emulator.sh (the tests are built against it).
set -euo pipefail
log=$(mktemp)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$port" NO_HEADLESS=1 WASM_BINDGEN_USE_BROWSER=1 \
  setsid cargo test --target wasm32-unknown-unknown --features wasm --test wasm >"$log" 2>&1 &
server=$!
trap 'kill -- -"$server" 2>/dev/null || true; rm -f "$log"' EXIT
# The build comes first: wait for the server's address (at most 10 minutes).
for _ in $(seq 1200); do
  grep -q "http://127.0.0.1:$port" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; echo "wasm-browser-test: the test server did not start" >&2; exit 1; }
  sleep 0.5
done
grep -q "http://127.0.0.1:$port" "$log" || { cat "$log"; echo "wasm-browser-test: no test server after 10 minutes" >&2; exit 1; }
node tests/runtimes/wasm-page.mjs "http://127.0.0.1:$port/"
