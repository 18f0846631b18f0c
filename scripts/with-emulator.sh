#!/usr/bin/env bash
# Runs a command with a fresh emulator on a free loopback port, then stops it.
# The command sees HMS_EMULATOR_URL, HMS_API_BASE_URL, HMS_AUTH_BASE_URL, the
# emulator's credentials: its fixed token as HMS_MANAGEMENT_TOKEN (what from_env
# reads, so the quickstarts and demos run as a user's would) and its app keys as
# HMS_EMULATOR_ACCESS_KEY and HMS_EMULATOR_SECRET (from_env refuses a token
# together with HMS_ACCESS_KEY / HMS_SECRET, so the keys are not exported under
# those names), and
# HMS_EMULATOR_BIN, the binary, for tests that start more emulators (an HTTPS
# one, a second host).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${HMS_EMULATOR_BIN:-}" ]; then
  emulator="$HMS_EMULATOR_BIN"
else
  # Always brought up to date (a no-op when it is): tests use its newest flags.
  cargo build --quiet --release -p hms-emulator --manifest-path "$root/Cargo.toml"
  emulator="$root/target/release/hms-emulator"
fi

out="$(mktemp)"
"$emulator" --port 0 >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do
  url="$(head -n1 "$out" 2>/dev/null || true)"
  case "$url" in http://*) break ;; esac
  kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; exit 1; }
  sleep 0.05
done
case "$url" in http://*) ;; *) echo "the emulator did not start" >&2; exit 1 ;; esac

export HMS_EMULATOR_BIN="$emulator"
# What the bindings' test helpers (Go roomcodestest, the npm package's testing entry) start.
export HMS_EMULATOR="$emulator"
export HMS_EMULATOR_URL="$url"
export HMS_API_BASE_URL="$url/v2"
export HMS_AUTH_BASE_URL="$url/v2"
export HMS_MANAGEMENT_TOKEN="emulator-management-token"
export HMS_EMULATOR_ACCESS_KEY="emulator-access-key"
export HMS_EMULATOR_SECRET="emulator-app-secret"
"$@"
