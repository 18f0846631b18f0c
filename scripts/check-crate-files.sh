#!/usr/bin/env bash
# What `cargo package` ships: only what a Rust user builds from (src/, build.rs,
# the manifest and lockfile) and the licences; fails on anything else and
# prints the file count.
set -euo pipefail
cd "$(dirname "$0")/.."
files="$(cargo package --quiet --list --allow-dirty -p hms-room-codes)"
allowed='^(src/.*|build\.rs|Cargo\.toml|Cargo\.toml\.orig|Cargo\.lock|LICENSE-MIT|LICENSE-APACHE|\.cargo_vcs_info\.json)$'
extra="$(grep -Ev "$allowed" <<<"$files" || true)"
if [ -n "$extra" ]; then
  echo "cargo package ships files a Rust user does not need:"; echo "$extra"; exit 1
fi
for needed in src/lib.rs src/README.md build.rs LICENSE-MIT LICENSE-APACHE; do
  grep -qx "$needed" <<<"$files" || { echo "cargo package lacks $needed"; exit 1; }
done
echo "cargo package: $(grep -c . <<<"$files") files"
