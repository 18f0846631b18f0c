# Helpers of tests/cli/run.sh and other-platforms.sh (sourced): a scratch directory $work
# and an emulator both cleaned up on exit, counted checks, a command's status and output,
# and the emulator started from a binary and driven over HTTP with python3.
work=$(mktemp -d)
emulator_pid=
cleanup() { [ -z "$emulator_pid" ] || kill "$emulator_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
checks=0 failed=0

# check DESCRIPTION COMMAND...: counts a check, and a failure when COMMAND fails.
check() {
  local what=$1; shift
  checks=$((checks + 1))
  "$@" || { echo "FAIL: $what"; failed=$((failed + 1)); }
}

# expect_status N COMMAND...: runs COMMAND (stdout to $work/out, stderr to $work/err,
# $STATUS_SECONDS, 60 by default, at most) and checks that it exits N.
expect_status() {
  local want=$1; shift
  local got=0
  timeout "${STATUS_SECONDS:-60}" "$@" >"$work/out" 2>"$work/err" || got=$?
  checks=$((checks + 1))
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got, not $want: $*"; sed 's/^/  stderr: /' "$work/err" | head -n 5
    failed=$((failed + 1))
  fi
}

# table_rows N: the last output is a table with a header and N rows.
table_rows() {
  [ "$(head -n1 "$work/out" | tr -s ' ')" = "CODE ROLE ROOM ENABLED" ] &&
    [ "$(($(wc -l <"$work/out") - 1))" -eq "$1" ]
}

# json_is EXPR: the last output is one JSON document `d` for which the Python EXPR holds.
json_is() {
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' \
    "$work/out" "$1"
}

# json_get EXPR: prints the Python EXPR of the last output's document `d`.
json_get() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/out" "$1"; }

# progress_bar_on_a_terminal CLI ROOMS_FILE: `list --rooms-from` under script(1), whose
# pseudo-terminal is stderr, draws a bar.
progress_bar_on_a_terminal() {
  timeout 60 script -qec "$1 list --rooms-from $2 >/dev/null" /dev/null | grep -q 'list \['
}

# stops_quietly_when_the_reader_is_gone CLI ROOMS_FILE: `list --rooms-from` into a reader
# that exits at once (true), and long before the output (the first listing is held 300 ms),
# exits 0 with nothing on stderr.
stops_quietly_when_the_reader_is_gone() {
  control POST /_emulator/faults '{"path": "/v2/room-codes", "delay_ms": 300}' >/dev/null
  { timeout 60 "$1" list --rooms-from "$2" 2>"$work/pipe.err"; echo $? >"$work/pipe.status"; } | true
  [ "$(cat "$work/pipe.status")" -eq 0 ] && [ ! -s "$work/pipe.err" ]
}

not_grep() { ! grep -q "$@"; }
not_dynamic() { ! readelf -l "$1" | grep -q INTERP; }

# control METHOD PATH [BODY]: one call to the emulator at $url; prints the body.
control() {
  python3 - "$url" "$@" <<'PY'
import sys, urllib.request
url, method, path = sys.argv[1:4]
body = sys.argv[4].encode() if len(sys.argv) > 4 else None
request = urllib.request.Request(url + path, data=body, method=method,
                                 headers={"Authorization": "Bearer emulator-management-token"})
print(urllib.request.urlopen(request, timeout=10).read().decode())
PY
}

# create_room NAME: a room of the default template (host, guest, viewer); prints its id.
create_room() {
  control POST /v2/rooms "{\"name\": \"$1\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}

# start_emulator COMMAND...: starts the emulator (COMMAND is its binary, or a runner and
# the binary) on a free port; sets $url, $emulator_pid and $start_ms (from the start to the
# URL on stdout; $START_SECONDS, 10 by default, at most).
start_emulator() {
  local out=$work/emulator.out begin
  begin=$(date +%s%N)
  "$@" --port 0 >"$out" 2>"$work/emulator.err" &
  emulator_pid=$!
  for _ in $(seq 1 $((${START_SECONDS:-10} * 100))); do
    url=$(head -n1 "$out" 2>/dev/null) || true  # the file may not be there yet
    [ -z "$url" ] || break
    sleep 0.01
  done
  start_ms=$((($(date +%s%N) - begin) / 1000000))
  case "$url" in http://127.0.0.1:*) ;; *) echo "the emulator did not start" >&2; exit 1 ;; esac
}

# report: the count of checks; fails when any did.
report() {
  echo "cli tests: $((checks - failed)) passed, $failed failed"
  [ "$failed" -eq 0 ]
}
