#!/usr/bin/env bash
# The Go module as a user gets it: a consumer module in a scratch directory,
# with no Rust toolchain on PATH and fresh module and build caches, requires
# the module through the file-based proxy in dist/ and builds the quickstart,
# which runs against the emulator; the same consumer cross-compiles for
# linux/arm64 with zig as the C compiler and runs under qemu-aarch64. With cgo
# off, or for a platform without a prebuilt library, the build fails with the
# package's own message; roomcodestest's example tests run with the shipped emulator.
# Then the other platforms: musl (Alpine) with -tags musl, static, linked by
# zig and run (arm64 under qemu), and without the tag the build names it;
# windows/amd64 cross-built with zig and run under wine64 against the
# emulator; darwin/amd64 and darwin/arm64 cross-linked by zig into Mach-O
# (nothing Mach-O runs here). The host build runs with the Go on PATH (the
# go.mod minimum) and with GO_CURRENT's (a current Go; the darwin link needs it).
# Runs inside scripts/with-emulator.sh, zig on PATH, after `make dist`.
# Usage: test-go.sh DIST_DIR VERSION EMU_ROOM   (EMU_ROOM prints a new room's id)
set -euo pipefail
. "$(dirname "$0")/test-common.sh"
: "${GO_CURRENT:?set GO_CURRENT to the bin directory of a current Go (scripts/dist/go-toolchain.sh)}"
module=$(sed -n 's/^module //p' "$root/bindings/go/go.mod")
zig=$(command -v zig)
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

# The other builds share a build cache kept between runs (the first run fills it).
export GOCACHE="${XDG_CACHE_HOME:-$HOME/.cache}/hms-room-codes/go-build-cache"
CGO_ENABLED=1 GOARCH=arm64 CC="$zig cc -target aarch64-linux-gnu.2.17" go build -o quickstart_arm64 .
run qemu-aarch64 -L /usr/aarch64-linux-gnu ./quickstart_arm64
ok "linux/arm64: cross-compiles with zig cc and runs under qemu-aarch64"

CGO_ENABLED=1 "$GO_CURRENT/go" build -o quickstart_current .
run ./quickstart_current
ok "linux/amd64 with $("$GO_CURRENT/go" env GOVERSION) too: builds and runs"

musl=(CGO_ENABLED=1 go build -tags musl -ldflags=-extldflags=-static)
env CC="$zig cc -target x86_64-linux-musl" "${musl[@]}" -o quickstart_musl .
file quickstart_musl | grep -q 'statically linked'
run ./quickstart_musl
env GOARCH=arm64 CC="$zig cc -target aarch64-linux-musl" "${musl[@]}" -o quickstart_musl_arm64 .
run qemu-aarch64 ./quickstart_musl_arm64
ok "linux musl amd64 and arm64 (-tags musl, static): link with zig and run (arm64 under qemu)"
build_fails_with "build with -tags musl" CGO_ENABLED=1 CC="$zig cc -target x86_64-linux-musl"
ok "linux musl without -tags musl: the build fails, naming the tag"

# zig's mingw has no libgcc: its libunwind stands in (MSYS2's gcc needs nothing more).
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$zig cc -target x86_64-windows-gnu" CGO_LDFLAGS=-lunwind \
  go build -o quickstart.exe .
# Wine's set-up and the ProcessPrng shim beside the program (scripts/dist/wine/env.sh).
. "$root/scripts/dist/wine/env.sh"
wine_env "$PWD"
run timeout 300 "$wine" ./quickstart.exe
grep -q "room link" "$work/run.out" || { cat "$work/run.out"; exit 1; }
ok "windows/amd64: cross-builds with zig and runs under wine64 against the emulator"

# Go 1.19's darwin objects are refused by zig's Mach-O linker ("bad
# relocation"): this link needs a current Go. Go's crypto/x509 needs the
# Security framework, which only a Mac has: its symbols are left to dynamic
# lookup, while the library's own needs are checked by a plain C link with none.
bash "$root/scripts/dist/macos-stubs.sh" "$work/macos-stubs"
modlib="$GOMODCACHE/$module@v$version/lib"
# Outside the consumer module: a .c file there would make it a cgo package.
printf '#include "hms_room_codes.h"\nint main(void) { hms_core *c = 0; return hms_core_new_from_env(&c, 0); }\n' \
  >"$work/darwin.c"
for arch in amd64 arm64; do
  target=$([ $arch = amd64 ] && echo x86_64-macos || echo aarch64-macos)
  "$zig" cc -target "$target" -I"$modlib/../include" "$work/darwin.c" "$modlib/darwin_$arch/libhms_room_codes.a" \
    -L"$work/macos-stubs" -liconv -lm -o "darwin_c_$arch"
  CGO_ENABLED=1 GOOS=darwin GOARCH=$arch CC="$zig cc -target $target" \
    CGO_LDFLAGS="-L$work/macos-stubs -F$work/macos-stubs -Wl,-undefined,dynamic_lookup" \
    "$GO_CURRENT/go" build -ldflags=-w -o "quickstart_darwin_$arch" .
  for exe in "darwin_c_$arch" "quickstart_darwin_$arch"; do
    file "$exe" | grep -q 'Mach-O 64-bit' || { file "$exe"; exit 1; }
  done
done
ok "darwin/amd64 and darwin/arm64: a C program and the Go quickstart cross-link with zig into Mach-O (not run: nothing Mach-O runs here)"

build_fails_with "roomcodes_needs_cgo" CGO_ENABLED=0
[ "$(grep -c 'undefined' "$work/build.out")" -eq 1 ] || { cat "$work/build.out"; exit 1; }
ok "with cgo off the build fails with one error, saying cgo is needed"
build_fails_with "roomcodes_has_no_prebuilt_library" CGO_ENABLED=1 GOARCH=riscv64 CC="$zig cc -target riscv64-linux-gnu"
[ "$(grep -c 'error\|undefined' "$work/build.out")" -eq 1 ] || { cat "$work/build.out"; exit 1; }
ok "on linux/riscv64 the build fails, naming the platforms it has libraries for"
# roomcodestest with the shipped emulator, still without Rust: its example tests in the consumer.
tar -C "$work" -xzf "$dist/hms-emulator-$version-x86_64-unknown-linux-musl.tar.gz"
sed 's/^package roomcodestest_test$/package main_test/' \
  "$root/bindings/go/roomcodestest/testing_your_code_test.go" >testing_your_code_test.go
HMS_EMULATOR="$work/hms-emulator-$version-x86_64-unknown-linux-musl/hms-emulator" CGO_ENABLED=1 \
  go test -count=1 . >"$work/test.out" 2>&1 || { cat "$work/test.out"; exit 1; }
ok "roomcodestest from the proxy starts the shipped emulator and its example tests pass"
echo "dist Go module: $passed passed, 0 failed"
