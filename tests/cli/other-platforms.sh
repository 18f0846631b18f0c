#!/usr/bin/env bash
# The hms-emulator and hms-room-codes archives for Windows and macOS, as a user gets them
# from dist/. Windows x86_64 (.zip): both .exe files run under wine64 (with the test-only
# ProcessPrng shim, scripts/dist/wine/env.sh): the Windows emulator starts, the Linux CLI
# and the Windows CLI create and list codes against it on 127.0.0.1. macOS x86_64 and
# aarch64: both binaries are Mach-O executables of the right architecture; nothing Mach-O
# runs here, so they are not run.
# Usage: tests/cli/other-platforms.sh DIST_DIR VERSION   (zig, wine64 on PATH)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DIST_DIR VERSION" >&2; exit 2; }
dist=$(cd "$1" && pwd) version=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/../../scripts/dist/wine/env.sh"

tar -C "$work" -xzf "$dist/hms-room-codes-cli-$version-x86_64-unknown-linux-musl.tar.gz"
linux_cli=$work/hms-room-codes-cli-$version-x86_64-unknown-linux-musl/hms-room-codes

echo "== Windows x86_64 (.zip) under wine64"
win=$work/windows
mkdir -p "$win"
for name in hms-emulator hms-room-codes-cli; do
  python3 -m zipfile -e "$dist/$name-$version-x86_64-pc-windows-gnu.zip" "$work"
  cp "$work/$name-$version-x86_64-pc-windows-gnu"/*.exe "$win/"
done
check "the CLI's .zip carries the completions" \
  test -s "$work/hms-room-codes-cli-$version-x86_64-pc-windows-gnu/completions/hms-room-codes.bash"
wine_env "$win"
# The first Wine start of a fresh prefix sets it up (tens of seconds on a loaded machine).
STATUS_SECONDS=300
expect_status 0 "$wine" "$win/hms-emulator.exe" --version
check "hms-emulator.exe --version" grep -qx "hms-emulator $version" "$work/out"
expect_status 2 "$wine" "$win/hms-room-codes.exe" frobnicate
START_SECONDS=120 start_emulator "$wine" "$win/hms-emulator.exe"
echo "   hms-emulator.exe started in ${start_ms} ms at $url"
export HMS_API_BASE_URL=$url/v2 HMS_AUTH_BASE_URL=$url/v2 HMS_MANAGEMENT_TOKEN=emulator-management-token
unset HMS_ACCESS_KEY HMS_SECRET
room=$(create_room windows)
expect_status 0 "$linux_cli" --json create "$room" --role guest
check "the Linux CLI creates a code on the Windows emulator" \
  json_is 'len(d["codes"]) == 1 and d["codes"][0]["role"] == "guest"'
expect_status 0 "$wine" "$win/hms-room-codes.exe" --json create "$room" --role host
check "hms-room-codes.exe creates a code" json_is 'len(d["codes"]) == 1 and d["codes"][0]["role"] == "host"'
expect_status 0 "$wine" "$win/hms-room-codes.exe" list "$room" --json
check "hms-room-codes.exe lists both codes" json_is 'sorted(c["role"] for c in d["codes"]) == ["guest", "host"]'
expect_status 16 "$wine" "$win/hms-room-codes.exe" create "$room" --role nobody
check "hms-room-codes.exe names role_not_found" grep -q role_not_found "$work/err"

echo "== macOS x86_64 and aarch64 (Mach-O; not run: nothing Mach-O runs here)"
for arch in x86_64 aarch64; do
  [ $arch = aarch64 ] && macho=arm64 || macho=x86_64
  for name in hms-emulator:hms-emulator hms-room-codes-cli:hms-room-codes; do
    tar -C "$work" -xzf "$dist/${name%%:*}-$version-$arch-apple-darwin.tar.gz"
    bin=$work/${name%%:*}-$version-$arch-apple-darwin/${name#*:}
    check "${name#*:} ($arch-apple-darwin) is a Mach-O $macho executable" \
      grep -q "Mach-O 64-bit $macho executable" <(file "$bin")
  done
done
report
