#!/usr/bin/env bash
# Packs one target's C SDK archive from the libraries c-libs.sh made:
#   hms-room-codes-<version>-<target>/{include,lib,lib/pkgconfig,lib/cmake/hms_room_codes,
#   LICENSE-MIT,LICENSE-APACHE,README.md,API.md}
# The pkg-config and CMake files are bindings/c's templates, filled in to be
# relative to where the archive is unpacked.
# Usage: c-archive.sh VERSION TARGET LIB_DIR OUT_DIR   (writes OUT_DIR/hms-room-codes-VERSION-TARGET.tar.gz,
#        or .zip for a windows target)
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 VERSION TARGET LIB_DIR OUT_DIR" >&2; exit 2; }
version=$1 target=$2 libs=$3 out=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
name="hms-room-codes-$version-$target"
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
sdk="$work/$name"

mkdir -p "$sdk/include" "$sdk/lib/pkgconfig" "$sdk/lib/cmake/hms_room_codes"
cp "$root"/bindings/c/include/* "$sdk/include/"
cp -P "$libs"/* "$sdk/lib/"
# ${pcfiledir} is the .pc file's own directory, wherever the SDK is unpacked.
sed -e 's|@PREFIX@|${pcfiledir}/../..|' -e "s|@VERSION@|$version|" -e 's|@RPATH@|-Wl,-rpath,${libdir}|' \
  "$root/bindings/c/hms_room_codes.pc.in" >"$sdk/lib/pkgconfig/hms_room_codes.pc"
for f in hms_room_codesConfig hms_room_codesConfigVersion; do
  sed "s|@VERSION@|$version|" "$root/bindings/c/cmake/$f.cmake.in" >"$sdk/lib/cmake/hms_room_codes/$f.cmake"
done
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$sdk/"
cp "$root/bindings/c/SDK-README.md" "$sdk/README.md"
cp "$root/bindings/c/README.md" "$sdk/API.md"

mkdir -p "$out"
out=$(cd "$out" && pwd)
case $target in
  *windows*) rm -f "$out/$name.zip" && (cd "$work" && python3 -m zipfile -c "$out/$name.zip" "$name") ;;
  *) tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name -czf "$out/$name.tar.gz" "$name" ;;
esac
