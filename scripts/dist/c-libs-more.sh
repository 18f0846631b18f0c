#!/usr/bin/env bash
# The C SDK's libraries for the targets beyond linux glibc: the crate with the
# blocking client (feature ffi; ring's C code compiled by zig through
# cargo-zigbuild), one target per run, into OUT_DIR:
#   *-linux-musl         libhms_room_codes.a (one object, only hms_* global, Rust's
#                        libunwind inside: link with -lc) and libhms_room_codes.so.<v>
#                        (SONAME libhms_room_codes.so.<major>) with its links
#   *-apple-darwin       libhms_room_codes.a and libhms_room_codes.dylib
#   x86_64-pc-windows-gnu libhms_room_codes.a (static), hms_room_codes.dll and its
#                        import library libhms_room_codes.dll.a
# Usage: c-libs-more.sh RUST_TARGET VERSION OUT_DIR   (zig and cargo-zigbuild on PATH)
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 RUST_TARGET VERSION OUT_DIR" >&2; exit 2; }
target=$1 version=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
sysroot=$(rustc --print sysroot)
major=${version%%.*}
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
rm -rf "$out" && mkdir -p "$out"
built="$root/target/$target/release"

case $target in
  *-linux-musl)
    nice cargo-zigbuild rustc --quiet --release --lib -p hms-room-codes --features ffi --target "$target" \
      --crate-type staticlib --manifest-path "$root/Cargo.toml"
    bash "$root/scripts/dist/pack-elf.sh" "$built/libhms_room_codes.a" "$out/libhms_room_codes.a" \
      "$sysroot/lib/rustlib/$target/lib/self-contained/libunwind.a"
    soname="libhms_room_codes.so.$major"
    zig cc -target "${target%%-*}-linux-musl" -shared -o "$out/$soname.${version#*.}" \
      -Wl,--whole-archive "$out/libhms_room_codes.a" -Wl,--no-whole-archive \
      -Wl,-soname,"$soname" -Wl,--version-script="$root/bindings/c/hms_room_codes.map" \
      -Wl,--gc-sections -Wl,-z,defs -lc
    ln -s "$soname.${version#*.}" "$out/$soname"
    ln -s "$soname" "$out/libhms_room_codes.so" ;;
  *-apple-darwin)
    stubs=$(mktemp -d) && trap 'rm -rf "$stubs"' EXIT
    bash "$root/scripts/dist/macos-stubs.sh" "$stubs"
    # The system trust store (part of `ffi`) links the Security and CoreFoundation
    # frameworks, which only a Mac has: here the .dylib links against their empty
    # stubs and leaves their symbols to dynamic lookup (a Mac resolves them at load).
    RUSTFLAGS="-L $stubs -L framework=$stubs -C link-arg=-Wl,-undefined,dynamic_lookup" nice cargo-zigbuild rustc --quiet --release --lib -p hms-room-codes --features ffi \
      --target "$target" --crate-type staticlib --crate-type cdylib --manifest-path "$root/Cargo.toml"
    cp "$built/libhms_room_codes.a" "$built/libhms_room_codes.dylib" "$out/" ;;
  *-windows-gnu)
    nice cargo-zigbuild rustc --quiet --release --lib -p hms-room-codes --features ffi --target "$target" \
      --crate-type staticlib --crate-type cdylib --manifest-path "$root/Cargo.toml"
    cp "$built/libhms_room_codes.a" "$built/hms_room_codes.dll" "$built/libhms_room_codes.dll.a" "$out/" ;;
  *) echo "c-libs-more: no recipe for $target" >&2; exit 2 ;;
esac
ls -la "$out"
