#!/usr/bin/env bash
# Turns the static library cargo built for one target into the SDK's two
# libraries, whose only global symbols are the C API's (hms_*):
#   <out>/libhms_room_codes.a        one object: the archive's members linked
#                                    together (ld -r), every other symbol made
#                                    local, debug info and LLVM bitcode dropped
#   <out>/libhms_room_codes.so.<v>   linked by zig from that object against the
#                                    target's glibc floor, SONAME
#                                    libhms_room_codes.so.<major>, exports from
#                                    bindings/c/hms_room_codes.map, with the
#                                    .so.<major> and .so links
# Usage: c-libs.sh RUST_STATICLIB ZIG_TARGET VERSION OUT_DIR   (zig on PATH)
#   e.g. c-libs.sh target/release/libhms_room_codes.a x86_64-linux-gnu.2.17 0.1.0 build/dist/x86_64
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 RUST_STATICLIB ZIG_TARGET VERSION OUT_DIR" >&2; exit 2; }
staticlib=$1 zig_target=$2 version=$3 out=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
sysroot=$(rustc --print sysroot)
llvm_bin="$sysroot/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin"
# rust-lld and rust-objcopy ship with rustc; they read every target's objects.
objcopy() { LD_LIBRARY_PATH="$sysroot/lib" "$llvm_bin/rust-objcopy" "$@"; }
major=${version%%.*}
soname="libhms_room_codes.so.$major"

rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT

"$llvm_bin/rust-lld" -flavor gnu -r --whole-archive "$staticlib" -o "$work/hms_room_codes.o"
objcopy --wildcard --keep-global-symbol='hms_*' --strip-debug \
  --remove-section=.llvmbc --remove-section=.llvmcmd "$work/hms_room_codes.o"
zig ar rcs "$out/libhms_room_codes.a" "$work/hms_room_codes.o"

# The system libraries are those `rustc --print native-static-libs` names for a
# gnu target, with zig's libunwind in place of libgcc_s. -z defs: every symbol
# resolves against the glibc floor's own symbol set, or the link fails.
zig cc -target "$zig_target" -shared -o "$out/$soname.${version#*.}" "$work/hms_room_codes.o" \
  -Wl,-soname,"$soname" -Wl,--version-script="$root/bindings/c/hms_room_codes.map" \
  -Wl,--gc-sections -Wl,--strip-debug -Wl,-z,defs -Wl,-z,relro,-z,now \
  -lunwind -lutil -lrt -lpthread -lm -ldl -lc
ln -s "$soname.${version#*.}" "$out/$soname"
ln -s "$soname" "$out/libhms_room_codes.so"
