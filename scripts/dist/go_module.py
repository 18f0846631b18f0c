#!/usr/bin/env python3
"""Publishes the Go module (bindings/go) with its prebuilt libraries as a
file-based module proxy, the layout GOPROXY=file://DIR reads:

    DIR/<module path>/@v/list             the versions, one a line
    DIR/<module path>/@v/<version>.info   {"Version", "Time"}
    DIR/<module path>/@v/<version>.mod    the go.mod
    DIR/<module path>/@v/<version>.zip    <module path>@<version>/... files

The zip holds the package's tracked files (symlinks such as include/ resolved
to the files they name), the licence files, and lib/<GOOS>_<GOARCH>/libhms_room_codes.a
for each platform given, where the package's #cgo lines look.

Usage: go_module.py VERSION OUT_DIR GOOS_GOARCH=LIBRARY...
  e.g. go_module.py v0.1.0 dist/go-proxy linux_amd64=build/dist/x86_64/libhms_room_codes.a
"""

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PACKAGE_DIR = os.path.join(ROOT, "bindings", "go")
LICENSES = ("LICENSE-MIT", "LICENSE-APACHE")
# Every zip entry gets this time, so the same sources make the same zip.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def module_path():
    """The module path from bindings/go/go.mod's module line."""
    with open(os.path.join(PACKAGE_DIR, "go.mod")) as f:
        for line in f:
            if line.startswith("module "):
                return line.split()[1]
    sys.exit("bindings/go/go.mod has no module line")


def escape(path):
    """The proxy protocol's case encoding: each capital letter as ! and its lower case."""
    return "".join("!" + c.lower() if c.isupper() else c for c in path)


def tracked_files():
    """The package's files as git tracks them, relative to bindings/go."""
    out = subprocess.run(["git", "ls-files", "-z", "."], cwd=PACKAGE_DIR, check=True,
                         capture_output=True).stdout.decode()
    return sorted(name for name in out.split("\0") if name)


def commit_time():
    """The checkout's last commit time in UTC, as the .info file's Time."""
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    return datetime.fromtimestamp(int(out), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def add(zf, name, source):
    """Adds the file at source (symlinks followed) as name."""
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    with open(source, "rb") as f:
        zf.writestr(info, f.read())


def main(argv):
    if len(argv) < 3 or not argv[0].startswith("v"):
        sys.exit(__doc__)
    version, out_dir, libraries = argv[0], argv[1], argv[2:]
    path = module_path()
    prefix = f"{path}@{version}/"
    version_dir = os.path.join(out_dir, escape(path), "@v")
    os.makedirs(version_dir, exist_ok=True)

    with zipfile.ZipFile(os.path.join(version_dir, version + ".zip"), "w") as zf:
        for name in tracked_files():
            add(zf, prefix + name, os.path.join(PACKAGE_DIR, name))
        for name in LICENSES:
            add(zf, prefix + name, os.path.join(ROOT, name))
        for spec in libraries:
            platform, _, library = spec.partition("=")
            add(zf, f"{prefix}lib/{platform}/libhms_room_codes.a", library)

    with open(os.path.join(PACKAGE_DIR, "go.mod"), "rb") as src, \
            open(os.path.join(version_dir, version + ".mod"), "wb") as dst:
        dst.write(src.read())
    with open(os.path.join(version_dir, version + ".info"), "w") as f:
        json.dump({"Version": version, "Time": commit_time()}, f)
    with open(os.path.join(version_dir, "list"), "w") as f:
        f.write(version + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
