#!/usr/bin/env bash
# The CLI part of `make demo`: a few hms-room-codes commands against the emulator that
# scripts/with-emulator.sh started (it exports HMS_EMULATOR_URL and the HMS_* variables).
# Usage: examples/cli-demo.sh PATH_TO_hms-room-codes
set -euo pipefail
cli=$1
# A room to work in: the emulator's rooms API (the real service's is the same call).
room=$(python3 -c '
import json, os, urllib.request
request = urllib.request.Request(os.environ["HMS_API_BASE_URL"] + "/rooms", data=b"{\"name\": \"cli-demo\"}",
    headers={"Authorization": "Bearer " + os.environ["HMS_MANAGEMENT_TOKEN"]}, method="POST")
print(json.load(urllib.request.urlopen(request, timeout=10))["id"])')
show() { echo "\$ hms-room-codes $*"; "$cli" "$@"; echo; }
show create "$room"
show create "$room" --role guest --json
show disable --room "$room" --role guest
show list "$room" --enabled
code=$("$cli" list "$room" --role host --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["codes"][0]["code"])')
show link "$code" --subdomain myapp --name "Ada Lovelace"
echo "\$ hms-room-codes create $room --role nobody"
"$cli" create "$room" --role nobody || echo "(exit status $?: role_not_found)"
