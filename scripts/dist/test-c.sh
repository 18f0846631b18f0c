#!/usr/bin/env bash
# The C SDK archive as a user gets it: unpacked in a scratch directory, it must
# build the quickstarts through pkg-config (shared; they run, the C++ one
# under valgrind), the documented static line, and CMake's find_package, from
# C and C++; and link next to a second Rust static library. The aarch64
# archive's quickstart cross-links with zig (its unwinder as -lgcc_s) and runs
# under qemu-aarch64.
# Runs inside scripts/with-emulator.sh, zig on PATH.
# Usage: test-c.sh DIST_DIR VERSION EMU_ROOM   (EMU_ROOM prints a new room's id)
set -euo pipefail
. "$(dirname "$0")/test-common.sh"
examples="$root/bindings/c/examples"
# Succeeds when the program loads libhms_room_codes.so.0 from the SDK (by SONAME).
loads_sdk_so() {
  local so; so=$(ldd "$1" | awk '$1 == "libhms_room_codes.so.0" { print $3 }')
  [ -n "$so" ] && [ "$(realpath "$so")" = "$(realpath "$sdk/lib/libhms_room_codes.so.0")" ] \
    || { echo "$1 does not load the SDK's libhms_room_codes.so.0:" >&2; ldd "$1" >&2; return 1; }
}

tar -C "$work" -xzf "$dist/hms-room-codes-$version-x86_64-unknown-linux-gnu.tar.gz"
sdk="$work/hms-room-codes-$version-x86_64-unknown-linux-gnu"
export PKG_CONFIG_PATH="$sdk/lib/pkgconfig"
cd "$work"
# Every file the archive's README names is in the archive.
for named in $(grep -o '`[A-Za-z_./-]*\.\(md\|h\|hpp\|a\|pc\)`' "$sdk/README.md" | tr -d '`' | sort -u); do
  [ -e "$sdk/$named" ] || { echo "the archive's README names $named, which the archive lacks" >&2; exit 1; }
done

cc -std=c11 -Wall -Wextra -Werror "$examples/quickstart.c" $(pkg-config --cflags --libs hms_room_codes) -o qs_shared
loads_sdk_so qs_shared
run ./qs_shared
ok "pkg-config, shared, C: links libhms_room_codes.so.0 from the SDK through its rpath and runs"

c++ -std=c++17 -Wall -Wextra -Werror "$examples/quickstart.cpp" $(pkg-config --cflags --libs hms_room_codes) -o qs_cpp
run valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
  --suppressions="$root/bindings/c/tests/valgrind.supp" ./qs_cpp
grep -q "ERROR SUMMARY: 0 errors" "$work/run.out"
ok "pkg-config, shared, C++: the RAII example runs under valgrind with no errors"

cc -std=c11 "$examples/quickstart.c" -I"$sdk/include" "$sdk/lib/libhms_room_codes.a" -lm -ldl -lpthread -o qs_static
if ldd qs_static | grep -q hms_room_codes; then echo "qs_static needs a shared hms_room_codes" >&2; exit 1; fi
run ./qs_static
c++ -std=c++17 "$examples/quickstart.cpp" -I"$sdk/include" "$sdk/lib/libhms_room_codes.a" -lm -ldl -lpthread -o qs_static_cpp
run ./qs_static_cpp
ok "static link line, C and C++: builds and runs"

cmake -S "$root/bindings/c/tests/cmake-consumer" -B cmake -DCMAKE_PREFIX_PATH="$sdk" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build cmake >/dev/null
for exe in quickstart_shared quickstart_static quickstart_cpp; do run "cmake/$exe"; done
loads_sdk_so cmake/quickstart_shared
ok "CMake find_package: shared and static from C, static from C++, all run"

# A second Rust static library, built with LTO as a release would be, is one
# object with its own copy of Rust's standard library and allocator shims
# (cargo's own libhms_room_codes.a next to it fails: multiple definition of
# rust_eh_personality…). With only hms_* global in ours, the two link.
cat >other.rs <<'RS'
#[no_mangle]
pub extern "C" fn other_sum(n: u32) -> u64 {
    (1..=n as u64).collect::<Vec<u64>>().iter().sum()
}
RS
rustc --edition 2021 --crate-type staticlib -O -C lto other.rs -o libother.a
cat >two.c <<'C'
#include <stdio.h>
#include <string.h>
#include "hms_room_codes.h"
unsigned long long other_sum(unsigned n);
int main(void) {
  printf("%s %llu\n", hms_version(), other_sum(100));
  return strcmp(hms_version(), HMS_ROOM_CODES_VERSION) != 0;
}
C
cc -std=c11 two.c -I"$sdk/include" "$sdk/lib/libhms_room_codes.a" libother.a -lm -ldl -lpthread -o two
[ "$(./two)" = "$version 5050" ]
ok "links and runs next to a second Rust static library"

tar -C "$work" -xzf "$dist/hms-room-codes-$version-aarch64-unknown-linux-gnu.tar.gz"
arm="$work/hms-room-codes-$version-aarch64-unknown-linux-gnu"
readelf -h "$arm/lib/libhms_room_codes.so.0" | grep -q AArch64
readelf -d "$arm/lib/libhms_room_codes.so.0" | grep -q 'SONAME.*libhms_room_codes\.so\.0'
zig cc -target "aarch64-linux-gnu.2.17" -std=c11 "$examples/quickstart.c" -I"$arm/include" \
  "$arm/lib/libhms_room_codes.a" -lm -ldl -lpthread -lgcc_s -o qs_arm64
# Debian's qemu-user and libc6-arm64-cross (scripts/setup.sh) run it.
run qemu-aarch64 -L /usr/aarch64-linux-gnu ./qs_arm64
ok "aarch64: the static library cross-links with zig and the quickstart runs under qemu-aarch64"
echo "dist C SDK: $passed passed, 0 failed"
