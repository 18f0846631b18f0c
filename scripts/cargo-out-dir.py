#!/usr/bin/env python3
"""Reads cargo's JSON messages (--message-format=json...) on stdin and prints
the OUT_DIR of the named package's build script; fails if there is none."""
import json
import re
import sys

package = sys.argv[1]
# Package ids look like "path+file:///…#name@1.2.3" (or "name 1.2.3 (path+file://…)").
own = re.compile(r"(^|#)" + re.escape(package) + r"[@ ]")
out_dir = None
for line in sys.stdin:
    try:
        message = json.loads(line)
    except ValueError:
        continue
    if message.get("reason") == "build-script-executed" and own.search(message["package_id"]):
        out_dir = message["out_dir"]
if out_dir is None:
    sys.exit(f"cargo-out-dir: no build script output for {package} (did the build fail?)")
print(out_dir)
