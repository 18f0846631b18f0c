#!/usr/bin/env bash
# Packs a Rust static library for an ELF target into a one-object archive whose
# only global symbols are the C API's (hms_*), debug info and LLVM bitcode
# dropped; further archives given (Rust's musl libunwind) go into the object too.
# Usage: pack-elf.sh RUST_STATICLIB OUT_ARCHIVE [EXTRA_ARCHIVE...]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RUST_STATICLIB OUT_ARCHIVE [EXTRA_ARCHIVE...]" >&2; exit 2; }
staticlib=$1 out=$2; shift 2
sysroot=$(rustc --print sysroot)
llvm_bin="$sysroot/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin"
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
"$llvm_bin/rust-lld" -flavor gnu -r --whole-archive "$staticlib" "$@" -o "$work/hms_room_codes.o"
LD_LIBRARY_PATH="$sysroot/lib" "$llvm_bin/rust-objcopy" --wildcard --keep-global-symbol='hms_*' \
  --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd "$work/hms_room_codes.o"
rm -f "$out"
ar rcs "$out" "$work/hms_room_codes.o"
