#!/usr/bin/env bash
# The C SDK archives beyond linux glibc, as a user gets them (unpacked in a
# scratch directory), built with zig as the C compiler:
#   musl x86_64 and aarch64: the quickstart linked statically (-lc only) runs
#     against the emulator (aarch64 under qemu), and links the shared library
#   windows x86_64 (.zip): the quickstart linked with the static library and with
#     the DLL's import library both run under wine64 against the emulator
#   macOS x86_64 and aarch64: the quickstart links into Mach-O against the
#     static library (stub .tbd files for libiconv), and the .dylib is Mach-O;
#     nothing Mach-O runs here
# Runs inside scripts/with-emulator.sh, zig on PATH.
# Usage: test-c-more.sh DIST_DIR VERSION EMU_ROOM
set -euo pipefail
. "$(dirname "$0")/test-common.sh"
quickstart="$root/bindings/c/examples/quickstart.c"
sdk() { echo "$work/hms-room-codes-$version-$1"; }
cd "$work"

for arch in x86_64 aarch64; do
  tar -xzf "$dist/hms-room-codes-$version-$arch-unknown-linux-musl.tar.gz"
  s=$(sdk "$arch-unknown-linux-musl")
  zig cc -target "$arch-linux-musl" -static "$quickstart" -I"$s/include" "$s/lib/libhms_room_codes.a" -lc \
    -o "qs_musl_$arch"
  zig cc -target "$arch-linux-musl" "$quickstart" -I"$s/include" -L"$s/lib" -lhms_room_codes -o "qs_musl_so_$arch"
  if [ $arch = x86_64 ]; then run "./qs_musl_$arch"; else run qemu-aarch64 "./qs_musl_$arch"; fi
done
ok "musl x86_64 and aarch64: the static quickstart (-lc only) runs (aarch64 under qemu); the shared library links"

python3 -m zipfile -e "$dist/hms-room-codes-$version-x86_64-pc-windows-gnu.zip" .
s=$(sdk x86_64-pc-windows-gnu)
winlibs=(-lbcrypt -ladvapi32 -lkernel32 -lntdll -luserenv -lws2_32 -ldbghelp -lunwind)
zig cc -target x86_64-windows-gnu "$quickstart" -I"$s/include" "$s/lib/libhms_room_codes.a" "${winlibs[@]}" -o qs_static.exe
zig cc -target x86_64-windows-gnu "$quickstart" -I"$s/include" "$s/lib/libhms_room_codes.dll.a" -o qs_dll.exe
cp "$s/lib/hms_room_codes.dll" .
. "$root/scripts/dist/wine/env.sh"
wine_env "$work"
for exe in qs_static.exe qs_dll.exe; do
  run timeout 300 "$wine" "./$exe"
  grep -q "room link" "$work/run.out" || { cat "$work/run.out"; exit 1; }
done
ok "windows x86_64 (.zip): the quickstart, static and through the DLL's import library, runs under wine64"

bash "$root/scripts/dist/macos-stubs.sh" "$work/macos-stubs"
for arch in x86_64 aarch64; do
  tar -xzf "$dist/hms-room-codes-$version-$arch-apple-darwin.tar.gz"
  s=$(sdk "$arch-apple-darwin")
  zig cc -target "$arch-macos" "$quickstart" -I"$s/include" "$s/lib/libhms_room_codes.a" \
    -L"$work/macos-stubs" -F"$work/macos-stubs" -framework Security -framework CoreFoundation \
    -Wl,-undefined,dynamic_lookup -liconv -lm -o "qs_darwin_$arch"
  file "qs_darwin_$arch" | grep -q 'Mach-O 64-bit' || { file "qs_darwin_$arch"; exit 1; }
  file "$s/lib/libhms_room_codes.dylib" | grep -q 'Mach-O 64-bit.*dynamically linked shared library' \
    || { file "$s/lib/libhms_room_codes.dylib"; exit 1; }
done
ok "macOS x86_64 and aarch64: the quickstart links into Mach-O with the static library; the .dylib is Mach-O (not run)"
echo "dist C SDK, other platforms: $passed passed, 0 failed"
