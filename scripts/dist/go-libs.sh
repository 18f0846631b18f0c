#!/usr/bin/env bash
# Builds the Go module's libraries: the crate's sans-IO C API (feature
# ffi-sans-io: no HTTP client, no TLS, no C code) as a static library for each
# Rust target given, with plain cargo and `rustup target add` only (no C
# compiler, no zig). Each goes to OUT_DIR/<GOOS>_<GOARCH>[_musl]/libhms_room_codes.a:
#   ELF targets: one object (ld -r) with only the C API's symbols (hms_*) global,
#                debug info dropped; musl ones carry Rust's own libunwind, so a
#                consumer links them with -lc alone
#   Mach-O:      cargo's archive with debug info dropped (lld cannot link
#                Mach-O relocatably)
#   COFF:        cargo's archive as it is
# The one tool beyond rustup: Rust's windows-gnu target makes import libraries
# (getrandom's raw-dylib) with x86_64-w64-mingw32-dlltool; zig's llvm-dlltool
# stands in for it when binutils-mingw-w64 is not installed.
# Usage: go-libs.sh OUT_DIR RUST_TARGET...
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OUT_DIR RUST_TARGET..." >&2; exit 2; }
out=$1; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
sysroot=$(rustc --print sysroot)
llvm_bin="$sysroot/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin"
objcopy() { LD_LIBRARY_PATH="$sysroot/lib" "$llvm_bin/rust-objcopy" "$@"; }  # Mach-O archives

# The Go platform directory of a Rust target.
platform() {
  case $1 in
    x86_64-unknown-linux-gnu) echo linux_amd64 ;;
    aarch64-unknown-linux-gnu) echo linux_arm64 ;;
    x86_64-unknown-linux-musl) echo linux_amd64_musl ;;
    aarch64-unknown-linux-musl) echo linux_arm64_musl ;;
    x86_64-apple-darwin) echo darwin_amd64 ;;
    aarch64-apple-darwin) echo darwin_arm64 ;;
    x86_64-pc-windows-gnu) echo windows_amd64 ;;
    *) echo "go-libs: no Go platform for $1" >&2; return 1 ;;
  esac
}

tools=$(mktemp -d) && trap 'rm -rf "$tools"' EXIT
if ! command -v x86_64-w64-mingw32-dlltool >/dev/null; then
  zig_bin=$(bash "$root/scripts/dist/tools.sh")
  printf '#!/bin/sh\nexec "%s/zig" dlltool "$@"\n' "$zig_bin" >"$tools/x86_64-w64-mingw32-dlltool"
  chmod +x "$tools/x86_64-w64-mingw32-dlltool"
  export PATH="$PATH:$tools"
fi

for target in "$@"; do
  dir="$out/$(platform "$target")"
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
  nice cargo rustc --quiet --release --manifest-path "$root/Cargo.toml" -p hms-room-codes --lib \
    --no-default-features --features ffi-sans-io --crate-type staticlib --target "$target" \
    --target-dir "$root/target/go-lib"
  built="$root/target/go-lib/$target/release/libhms_room_codes.a"
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    *-linux-*)
      # Rust's musl targets ship their unwinder beside std (self-contained).
      unwinder=()
      [[ $target == *musl ]] && unwinder=("$sysroot/lib/rustlib/$target/lib/self-contained/libunwind.a")
      bash "$root/scripts/dist/pack-elf.sh" "$built" "$dir/libhms_room_codes.a" "${unwinder[@]}" ;;
    *-apple-*)
      objcopy --strip-debug "$built" "$dir/libhms_room_codes.a" ;;
    *) # rust-objcopy cannot read the import-library members of a windows-gnu archive
      cp "$built" "$dir/libhms_room_codes.a" ;;
  esac
  echo "go-libs: $target -> $dir/libhms_room_codes.a ($(stat -c %s "$dir/libhms_room_codes.a") bytes)"
done
