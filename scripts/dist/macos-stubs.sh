#!/usr/bin/env bash
# Writes stub .tbd files into DIR for the macOS libraries a link needs that zig
# does not ship (it has libSystem only): libresolv (every Go darwin link),
# libiconv (Rust's std asks for it), and the CoreFoundation and Security
# frameworks (Go's crypto/x509) as empty stubs under DIR (-F DIR), whose
# symbols a link must then leave to dynamic lookup. They let
# `zig cc -target <arch>-macos` link a Mach-O here to check it; a Mac has the
# real ones. Never shipped.
# Usage: macos-stubs.sh DIR
set -euo pipefail
dir=$1
mkdir -p "$dir"
stub() { # NAME INSTALL_NAME SYMBOL...
  local name=$1 install=$2; shift 2
  local symbols; symbols=$(printf '_%s, ' "$@"); symbols=${symbols%, }
  cat >"$dir/$name.tbd" <<TBD
--- !tapi-tbd
tbd-version:     4
targets:         [ x86_64-macos, arm64-macos ]
install-name:    '$install'
exports:
  - targets:         [ x86_64-macos, arm64-macos ]
    symbols:         [ $symbols ]
...
TBD
}
stub libresolv /usr/lib/libresolv.9.dylib res_9_ninit res_9_nclose res_9_nsearch res_9_nquery res_9_ndestroy
stub libiconv /usr/lib/libiconv.2.dylib iconv iconv_open iconv_close
for framework in CoreFoundation Security; do
  mkdir -p "$dir/$framework.framework"
  cat >"$dir/$framework.framework/$framework.tbd" <<TBD
--- !tapi-tbd
tbd-version:     4
targets:         [ x86_64-macos, arm64-macos ]
install-name:    '/System/Library/Frameworks/$framework.framework/Versions/A/$framework'
...
TBD
done
