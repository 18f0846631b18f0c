#!/usr/bin/env bash
# Builds the two shipped programs for one target with cargo-zigbuild, and packs each with
# its README and the licences:
#   DIST/hms-emulator-<version>-<target>.tar.gz          hms-emulator
#   DIST/hms-room-codes-cli-<version>-<target>.tar.gz    hms-room-codes, completions/ for
#                                                        bash, zsh and fish
# (.zip holding the .exe files for a windows target). Linux targets are static (musl);
# macOS ones link against libSystem through zig, with stub .tbd files for what zig lacks
# (macos-stubs.sh, at a fixed path so a rebuild finds the same flags); Windows ones are
# built as the C SDK's Windows libraries are (zig's mingw).
# The completions come from the built binary itself (under qemu for another Linux
# architecture); for macOS and Windows, which cannot run here, from the x86_64 Linux one
# (build that target first: the completions name no target).
# Usage: bins.sh TARGET VERSION DIST   (cargo-zigbuild and zig on PATH)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 TARGET VERSION DIST" >&2; exit 2; }
target=$1 version=$2
mkdir -p "$3" && dist=$(cd "$3" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
exe=
case $target in
  *-apple-darwin)
    stubs="$root/build/dist/macos-stubs"
    bash "$root/scripts/dist/macos-stubs.sh" "$stubs"
    export RUSTFLAGS="-L $stubs" ;;
  *-windows-gnu) exe=.exe ;;
esac
nice cargo zigbuild --quiet --profile dist-bin --target "$target" \
  -p hms-emulator -p hms-room-codes-cli --manifest-path "$root/Cargo.toml"
built="$root/target/$target/dist-bin"
arch=${target%%-*}
completer="$built/hms-room-codes"
case $target in
  *-linux-*) ;;
  *) completer="$root/target/x86_64-unknown-linux-musl/dist-bin/hms-room-codes" arch=x86_64 ;;
esac
run() { if [ "$arch" = "$(uname -m)" ]; then "$@"; else "qemu-$arch" "$@"; fi; }

work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
# pack NAME BINARY README: DIST/NAME-<version>-<target>.tar.gz (.zip) from $work/NAME-...
pack() {
  local name="$1-$version-$target"
  mkdir -p "$work/$name"
  install -m 755 "$built/$2$exe" "$work/$name/"
  cp "$3" "$work/$name/README.md"
  cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$work/$name/"
  case $target in
    *-windows-*) rm -f "$dist/$name.zip" && (cd "$work" && python3 -m zipfile -c "$dist/$name.zip" "$name") ;;
    *) tar -C "$work" --owner=0 --group=0 --sort=name -czf "$dist/$name.tar.gz" "$name" ;;
  esac
}
mkdir -p "$work/hms-room-codes-cli-$version-$target/completions"
for shell in bash zsh fish; do
  run "$completer" completions "$shell" \
    >"$work/hms-room-codes-cli-$version-$target/completions/hms-room-codes.$shell"
done
pack hms-emulator hms-emulator "$root/emulator/README.md"
pack hms-room-codes-cli hms-room-codes "$root/cli/README.md"
