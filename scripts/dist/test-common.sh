# Sourced by the dist tests (test-c.sh, test-c-more.sh, test-go.sh) with their arguments,
# DIST_DIR VERSION EMU_ROOM (EMU_ROOM prints a new room's id), after `set -euo pipefail`.
# Sets dist, version, emu_room, root (the checkout) and work (a scratch directory removed
# on exit, read-only files and all); `ok WHAT` counts a passed check in $passed; `run
# COMMAND...` runs COMMAND with a new room as HMS_ROOM_ID, its output in $work/run.out,
# shown when it fails.
[ $# -eq 3 ] || { echo "usage: $0 DIST_DIR VERSION EMU_ROOM" >&2; exit 2; }
dist=$(cd "$1" && pwd) version=$2 emu_room=$3
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d) && trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
passed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
run() { HMS_ROOM_ID=$("$emu_room") "$@" >"$work/run.out" 2>&1 || { cat "$work/run.out"; return 1; }; }
