#!/usr/bin/env bash
# Installs the release build's cross toolchain, pinned, once per version pair:
# zig (the ziglang wheel) as the C compiler and linker for both Linux targets
# at glibc 2.17, and cargo-zigbuild to drive cargo with it. They go into a
# virtualenv under ~/.cache (HMS_DIST_TOOLS overrides), shared by every
# checkout on the machine; a `zig` command is linked beside them.
# Prints the virtualenv's bin directory, for PATH.
set -euo pipefail

ziglang_version="0.15.2"
zigbuild_version="0.24.1"
venv="${HMS_DIST_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/hms-room-codes/dist-tools-zig$ziglang_version-zigbuild$zigbuild_version}"

if [ ! -x "$venv/bin/zig" ] || [ ! -x "$venv/bin/cargo-zigbuild" ]; then
  echo "dist: installing ziglang $ziglang_version and cargo-zigbuild $zigbuild_version into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "ziglang==$ziglang_version" "cargo-zigbuild==$zigbuild_version" >&2
  ln -s "$("$venv/bin/python" -c 'import os, ziglang; print(os.path.dirname(ziglang.__file__))')/zig" "$venv/bin/zig"
fi
echo "$venv/bin"
