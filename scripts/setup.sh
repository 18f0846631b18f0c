#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian machine.
# Idempotent: each step is skipped when its tool is already there.
#   scripts/setup.sh         for the demo and the tests
#   scripts/setup.sh bench   only the C baseline's libraries of `make bench`
set -euo pipefail

# qemu-user and libc6-arm64-cross run the aarch64 builds of `make test-dist`; libcurl
# is the transport of the sans-IO C example (`make test-c`); wine64 runs the Go module's
# windows build (`make test-dist`); tinyproxy is the HTTP proxy the proxy tests go through.
apt_packages=(golang-go chromium chromium-driver valgrind cmake pkg-config qemu-user libc6-arm64-cross libcurl4-openssl-dev wine64 curl tinyproxy)
[ "${1:-}" = bench ] && apt_packages=(libcurl4-openssl-dev libcjson-dev pkg-config)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ "${1:-}" != bench ] || exit 0

rustup component add clippy rustfmt >/dev/null 2>&1 || true
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

want_bindgen="0.2.130"
if ! wasm-bindgen --version 2>/dev/null | grep -q "$want_bindgen"; then
  echo "setup: installing wasm-bindgen-cli $want_bindgen"
  # Not --locked: its lockfile asks for a dependency newer than the registry serves.
  cargo install wasm-bindgen-cli --version "$want_bindgen" --quiet
fi
echo "setup: ready"
