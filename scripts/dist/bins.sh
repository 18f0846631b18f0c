#!/usr/bin/env bash
# Builds the two shipped programs for one target, static (musl) with cargo-zigbuild, and
# packs each with its README and the licences:
#   DIST/hms-emulator-<version>-<target>.tar.gz          hms-emulator
#   DIST/hms-room-codes-cli-<version>-<target>.tar.gz    hms-room-codes, completions/ for
#                                                        bash, zsh and fish
# The completions come from the built binary itself (under qemu for another architecture).
# Usage: bins.sh TARGET VERSION DIST   (cargo-zigbuild and zig on PATH)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 TARGET VERSION DIST" >&2; exit 2; }
target=$1 version=$2 dist=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
nice cargo zigbuild --quiet --profile dist-bin --target "$target" \
  -p hms-emulator -p hms-room-codes-cli --manifest-path "$root/Cargo.toml"
built="$root/target/$target/dist-bin"
arch=${target%%-*}
run() { if [ "$arch" = "$(uname -m)" ]; then "$@"; else "qemu-$arch" "$@"; fi; }

work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"
# pack NAME BINARY README: DIST/NAME-<version>-<target>.tar.gz from $work/NAME-...
pack() {
  local dir="$work/$1-$version-$target"
  mkdir -p "$dir"
  install -m 755 "$built/$2" "$dir/"
  cp "$3" "$dir/README.md"
  cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$dir/"
  tar -C "$work" --owner=0 --group=0 --sort=name -czf "$dist/$1-$version-$target.tar.gz" "$(basename "$dir")"
}
mkdir -p "$work/hms-room-codes-cli-$version-$target/completions"
for shell in bash zsh fish; do
  run "$built/hms-room-codes" completions "$shell" \
    >"$work/hms-room-codes-cli-$version-$target/completions/hms-room-codes.$shell"
done
pack hms-emulator hms-emulator "$root/emulator/README.md"
pack hms-room-codes-cli hms-room-codes "$root/cli/README.md"
