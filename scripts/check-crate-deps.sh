#!/usr/bin/env bash
# The crate's layers as a Rust user sees them: `cargo tree` (normal and build
# dependencies) of a consumer crate that depends on this one by path, once per
# feature set. The sans-IO core alone (default-features = false) must pull no
# HTTP client, TLS, crypto-provider, async runtime or cbindgen crate.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src"
echo 'fn main() {}' >"$tmp/src/main.rs"
# The checkout's lockfile, so the consumer resolves the versions the tests use.
cp "$root/Cargo.lock" "$tmp/"

# Prints the package names in the consumer's tree with `$1` as the dependency's extra keys.
tree() {
  cat >"$tmp/Cargo.toml" <<TOML
[package]
name = "layer-check"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
hms-room-codes = { path = "$root"$1 }

[workspace]
TOML
  cargo tree --quiet --manifest-path "$tmp/Cargo.toml" -e normal,build --prefix none --format '{p}' \
    | cut -d' ' -f1 | sort -u
}

failed=0
# expect LAYER NAMES... : each NAME prefixed with ! must be absent, the others present.
expect() {
  local layer="$1" names="$2"
  shift 2
  for want in "$@"; do
    local name="${want#!}"
    if [ "$want" != "$name" ] && grep -qx "$name" <<<"$names"; then
      echo "FAIL $layer: pulls $name"; failed=1
    elif [ "$want" = "$name" ] && ! grep -qx "$name" <<<"$names"; then
      echo "FAIL $layer: lacks $name"; failed=1
    fi
  done
  echo "$layer: $(grep -c . <<<"$names") crates"
}

transport=(ureq rustls ring reqwest tokio hyper webpki-roots cbindgen wasm-bindgen)
negate() { printf '!%s\n' "$@"; }

core="$(tree ', default-features = false')"
# shellcheck disable=SC2046
expect "core (default-features = false)" "$core" serde !serde_json $(negate "${transport[@]}")

default="$(tree '')"
expect "default (blocking)" "$default" ureq rustls ring '!reqwest' '!tokio' '!cbindgen'

async="$(tree ', default-features = false, features = ["async"]')"
expect "async only" "$async" reqwest tokio rustls ring '!ureq' '!cbindgen' '!aws-lc-rs'

exit "$failed"
