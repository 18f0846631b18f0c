#!/usr/bin/env bash
# Reports what `make dist` made, and fails where the C libraries break the
# release's promises: each artifact's size; the highest GLIBC symbol version
# the x86_64 and aarch64 .so need (at most the floor); the global symbols
# defined in each .a and .so (nm -g --defined-only; readelf for aarch64),
# all of them hms_* (and the .so's version node); and the wall time of the build.
# Usage: report.sh DIST_DIR VERSION GLIBC_FLOOR SECONDS_FILE
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 DIST_DIR VERSION GLIBC_FLOOR SECONDS_FILE" >&2; exit 2; }
dist=$1 version=$2 floor=$3 seconds=$4
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
checks=0 failed=0
# check DESCRIPTION COMMAND...: counts a check, and a failure when COMMAND fails.
check() { local what=$1; shift; checks=$((checks + 1)); "$@" || { echo "FAIL: $what"; failed=$((failed + 1)); }; }
at_most() { [ "$(printf '%s\n' "$1" "$2" | sort -V | tail -n1)" = "$2" ]; }
only_hms() { ! grep -qv -e '^hms_' -e '^HMS_ROOM_CODES_0$' "$@"; }
exports_client_new() { grep -qx hms_client_new "$1" && grep -qx hms_client_new "$2"; }

echo "== dist/ (bytes)"
find "$dist" -maxdepth 1 -type f -printf '%s\t%f\n' | sort -k2
find "$dist/go-proxy" -name '*.zip' -printf '%s\tgo-proxy/%P\n'

# The global symbols a library defines, one a line, and the GLIBC versions it needs.
globals_x86() { nm -g --defined-only "$@" 2>/dev/null | awk 'NF == 3 { print $3 }'; }
globals_elf() { readelf -W "$@" 2>/dev/null \
  | awk '$5 ~ /^(GLOBAL|WEAK)$/ && $7 != "UND" { sub(/@.*/, "", $8); print $8 }'; }
glibc_of() { readelf -W --dyn-syms "$1" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1; }

for target in x86_64 aarch64; do
  tar -C "$work" -xzf "$dist/hms-room-codes-$version-$target-unknown-linux-gnu.tar.gz"
  lib="$work/hms-room-codes-$version-$target-unknown-linux-gnu/lib"
  if [ "$target" = x86_64 ]; then
    glibc=$(objdump -T "$lib/libhms_room_codes.so.0" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)
    globals_x86 "$lib/libhms_room_codes.a" >"$work/a.txt"
    nm -D --defined-only "$lib/libhms_room_codes.so.0" | awk '{ sub(/@.*/, "", $3); print $3 }' >"$work/so.txt"
  else
    glibc=$(glibc_of "$lib/libhms_room_codes.so.0")
    globals_elf -s "$lib/libhms_room_codes.a" >"$work/a.txt"
    globals_elf --dyn-syms "$lib/libhms_room_codes.so.0" >"$work/so.txt"
  fi
  echo "== $target: $(stat -c '%s' "$lib/libhms_room_codes.a") bytes libhms_room_codes.a," \
    "$(stat -L -c '%s' "$lib/libhms_room_codes.so.0") bytes libhms_room_codes.so.0"
  echo "== $target: libhms_room_codes.so.0 needs at most $glibc (floor GLIBC_$floor)"
  check "$target .so needs $glibc, above GLIBC_$floor" at_most "$glibc" "GLIBC_$floor"
  echo "== $target: global symbols defined: .a $(wc -l <"$work/a.txt"), .so $(wc -l <"$work/so.txt")"
  check "$target: globals other than hms_* in the .a or .so" only_hms "$work/a.txt" "$work/so.txt"
  check "$target: hms_client_new is not exported" exports_client_new "$work/a.txt" "$work/so.txt"
done

[ -s "$seconds" ] && echo "== make dist took $(cat "$seconds") s (wall)"
echo "dist report: $((checks - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
