#!/usr/bin/env bash
# The Go module as a user gets it: a consumer module in a scratch directory,
# with no Rust toolchain on PATH and fresh module and build caches, requires
# the module through the file-based proxy in dist/ and builds the quickstart,
# which runs against the emulator; the same consumer cross-compiles for
# linux/arm64 with zig as the C compiler and runs under qemu-aarch64. With cgo
# off, or for a platform without a prebuilt library, the build fails with the
# package's own message; roomcodestest's example tests run with the shipped emulator.
# Runs inside scripts/with-emulator.sh, zig on PATH, after `make dist`.
# Usage: test-go.sh DIST_DIR VERSION EMU_ROOM   (EMU_ROOM prints a new room's id)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 DIST_DIR VERSION EMU_ROOM" >&2; exit 2; }
dist=$(cd "$1" && pwd) version=$2 emu_room=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
module=$(sed -n 's/^module //p' "$root/bindings/go/go.mod")
zig=$(command -v zig)
work=$(mktemp -d) && trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
passed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
run() { HMS_ROOM_ID=$("$emu_room") "$@" >"$work/run.out" 2>&1 || { cat "$work/run.out"; return 1; }; }
# Fails unless the build fails with the expected message.
build_fails_with() {
  local message=$1; shift
  if env "$@" go build -o /dev/null . >"$work/build.out" 2>&1; then
    echo "the build succeeded, expected: $message" >&2; return 1
  fi
  grep -q "$message" "$work/build.out" || { cat "$work/build.out"; return 1; }
}

# PATH without any directory that holds cargo or rustc.
path=""
IFS=: read -ra dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [ -x "$dir/cargo" ] || [ -x "$dir/rustc" ] || path="${path:+$path:}$dir"
done
export PATH="$path"
if command -v cargo || command -v rustc; then echo "a Rust toolchain is still on PATH" >&2; exit 1; fi

export GOPROXY="file://$dist/go-proxy" GOSUMDB=off GOFLAGS=-mod=mod GOTOOLCHAIN=local
export GOPATH="$work/gopath" GOMODCACHE="$work/modcache" GOCACHE="$work/gocache"
mkdir "$work/consumer" && cd "$work/consumer"
cp "$root/bindings/go/examples/quickstart/main.go" .
printf 'module example.com/consumer\n\ngo 1.19\n\nrequire %s v%s\n' "$module" "$version" >go.mod

start=$(date +%s%N)
CGO_ENABLED=1 go build -o quickstart .
ms=$((($(date +%s%N) - start) / 1000000))
run ./quickstart
ok "linux/amd64: the consumer gets $module v$version from the proxy, builds (${ms} ms, cold caches) and runs"

CGO_ENABLED=1 GOARCH=arm64 CC="$zig cc -target aarch64-linux-gnu.2.17" go build -o quickstart_arm64 .
run qemu-aarch64 -L /usr/aarch64-linux-gnu ./quickstart_arm64
ok "linux/arm64: cross-compiles with zig cc and runs under qemu-aarch64"

build_fails_with "roomcodes_needs_cgo" CGO_ENABLED=0
ok "with cgo off the build fails, saying cgo is needed"
build_fails_with "roomcodes_has_no_prebuilt_library" CGO_ENABLED=1 GOARCH=riscv64 CC="$zig cc -target riscv64-linux-gnu"
ok "on linux/riscv64 the build fails, naming the platforms it has libraries for"
# roomcodestest with the shipped emulator, still without Rust: its example tests in the consumer.
tar -C "$work" -xzf "$dist/hms-emulator-$version-x86_64-unknown-linux-musl.tar.gz"
sed 's/^package roomcodestest_test$/package main_test/' \
  "$root/bindings/go/roomcodestest/testing_your_code_test.go" >testing_your_code_test.go
HMS_EMULATOR="$work/hms-emulator-$version-x86_64-unknown-linux-musl/hms-emulator" CGO_ENABLED=1 \
  go test -count=1 . >"$work/test.out" 2>&1 || { cat "$work/test.out"; exit 1; }
ok "roomcodestest from the proxy starts the shipped emulator and its example tests pass"
echo "dist Go module: $passed passed, 0 failed"
