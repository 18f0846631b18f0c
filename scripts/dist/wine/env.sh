# Sourced by tests that run Windows builds under wine64 here. wine_env DIR: builds the
# ProcessPrng shim (process_prng.c; Wine 8.0 lacks it, Rust 1.78+ and Go 1.22+ programs
# need it) as DIR/bcryptprimitives.dll, to sit beside the .exe files run from DIR; exports
# the project's own Wine prefix (under ~/.cache) and WINEDEBUG=-all; sets $wine to wine64.
# The shim is for tests only, never shipped. Needs zig on PATH.
wine_env() {
  zig cc -target x86_64-windows-gnu -shared -o "$1/bcryptprimitives.dll" \
    "$(dirname "${BASH_SOURCE[0]}")/process_prng.c" -ladvapi32
  export WINEPREFIX="${XDG_CACHE_HOME:-$HOME/.cache}/hms-room-codes/wine-prefix" WINEDEBUG=-all
  wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
}
