#!/usr/bin/env bash
# The hms-room-codes CLI and the hms-emulator binary as a user gets them from dist/:
# unpacks both x86_64 archives, starts the emulator from its archive, and runs every CLI
# command with and without --json, the exit statuses, flags over variables, completions,
# and bulk runs over 20 rooms (one failing room never stops the others). Then the aarch64
# binaries under qemu-aarch64 against the same emulator. Prints the binaries' sizes and the
# emulator's start time.
# Usage: tests/cli/run.sh DIST_DIR VERSION
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DIST_DIR VERSION" >&2; exit 2; }
dist=$(cd "$1" && pwd) version=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

unpack() { # unpack NAME TRIPLE: the directory of the unpacked archive
  tar -C "$work" -xzf "$dist/$1-$version-$2.tar.gz" && echo "$work/$1-$version-$2"
}
triple=x86_64-unknown-linux-musl
emu_dir=$(unpack hms-emulator $triple)
cli_dir=$(unpack hms-room-codes-cli $triple)
emulator=$emu_dir/hms-emulator
cli=$cli_dir/hms-room-codes

echo "== static binaries ($triple)"
for bin in "$emulator" "$cli"; do
  check "$(basename "$bin") has no program interpreter (static)" not_dynamic "$bin"
done

echo "== hms-emulator's command line"
expect_status 0 "$emulator" --help;    check "emulator --help says URL/v2" grep -q 'URL/v2' "$work/out"
expect_status 0 "$emulator" --version; check "emulator --version" grep -qx "hms-emulator $version" "$work/out"
expect_status 2 "$emulator" --bogus;   check "emulator --bogus names it" grep -q "'--bogus'" "$work/err"

start_emulator "$emulator"
echo "== emulator from dist/ started in ${start_ms} ms at $url"
export HMS_API_BASE_URL=$url/v2 HMS_AUTH_BASE_URL=$url/v2 HMS_MANAGEMENT_TOKEN=emulator-management-token
unset HMS_ACCESS_KEY HMS_SECRET

echo "== every command, as a table and as --json"
room=$(create_room one)
expect_status 0 "$cli" create "$room"
check "create: a header and one row per role" table_rows 3
expect_status 0 "$cli" --json create "$room" --role guest
check "create --json --role: one code" json_is 'len(d["codes"]) == 1 and d["codes"][0]["role"] == "guest" and d["failures"] == []'
guest=$(json_get 'd["codes"][0]["code"]')
expect_status 0 "$cli" create "$room" --role viewer
check "create --role: one row" table_rows 1
expect_status 0 "$cli" list "$room"
check "list: every code" table_rows 5
expect_status 0 "$cli" list "$room" --json --role guest
check "list --json --role guest" json_is 'len(d["codes"]) == 2 and {c["role"] for c in d["codes"]} == {"guest"}'
expect_status 0 "$cli" disable "$guest"
check "disable CODE: the row says no" grep -Eq "^$guest +guest .* no$" "$work/out"
expect_status 0 "$cli" list "$room" --disabled
check "list --disabled: that code" table_rows 1
expect_status 0 "$cli" list "$room" --enabled --json
check "list --enabled --json" json_is 'len(d["codes"]) == 4 and all(c["enabled"] for c in d["codes"])'
expect_status 0 "$cli" enable "$guest" --json
check "enable --json" json_is 'd["codes"][0]["code"] == "'"$guest"'" and d["codes"][0]["enabled"] is True'
expect_status 0 "$cli" disable "$guest" --json
check "disable --json" json_is 'd["codes"][0]["enabled"] is False'
expect_status 0 "$cli" enable "$guest"
check "enable: the row says yes" grep -Eq "^$guest +guest .* yes$" "$work/out"
expect_status 0 "$cli" disable --room "$room" --role guest
check "disable --room --role: both guest codes" table_rows 2
expect_status 0 "$cli" --json disable --room "$room"
check "disable --room --json: the other three" json_is 'len(d["codes"]) == 3 and not any(c["enabled"] for c in d["codes"])'
expect_status 0 "$cli" list "$room" --enabled
check "no code left enabled" table_rows 0
expect_status 0 "$cli" enable "$guest"
expect_status 0 "$cli" token "$guest" --user-id user-1
check "token: a JWT alone" grep -Eqx '[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+' "$work/out"
expect_status 0 "$cli" token "$guest" --json
check "token --json" json_is 'd["token"].count(".") == 2'
expect_status 0 "$cli" link "$guest" --subdomain myapp --name "Ada L"
check "link --subdomain" grep -qx "https://myapp.app.100ms.live/meeting/$guest?name=Ada%20L" "$work/out"
expect_status 0 "$cli" link "$guest" --domain meet.example.com:8443 --json
check "link --domain --json" json_is 'd["link"] == "https://meet.example.com:8443/'"$guest"'"'
for shell in bash zsh fish; do
  expect_status 0 "$cli" completions $shell
  check "completions $shell name the commands" grep -q 'rooms-from' "$work/out"
done
expect_status 0 "$cli" completions bash; check "the bash completion parses" bash -n "$work/out"
expect_status 0 "$cli" exit-codes; check "exit-codes lists network" grep -qP '^24\tnetwork$' "$work/out"
for sub in create list enable disable token link completions; do
  expect_status 0 "$cli" $sub --help
done

echo "== exit statuses, errors on stderr"
expect_status 2 "$cli"
expect_status 2 "$cli" list
expect_status 2 "$cli" frobnicate
expect_status 2 "$cli" link "$guest"
expect_status 2 "$cli" disable "$guest" --room "$room"
expect_status 2 "$cli" list --rooms-from "$work/none.txt"
check "an unreadable rooms file is named" grep -q none.txt "$work/err"
expect_status 16 "$cli" create "$room" --role nobody
check "role_not_found is named on stderr" grep -q role_not_found "$work/err"
expect_status 16 "$cli" create "$room" --role nobody --json
check "--json errors are a document too" json_is 'd["failures"][0]["kind"] == "role_not_found" and d["failures"][0]["room_id"] == "'"$room"'"'
expect_status 15 "$cli" list no-such-room
expect_status 17 "$cli" enable nope-nope-nope
expect_status 12 env HMS_MANAGEMENT_TOKEN=wrong "$cli" list "$room"
check "unauthorized is named" grep -q unauthorized "$work/err"
expect_status 12 env -u HMS_MANAGEMENT_TOKEN "$cli" list "$room"
check "no credentials: the hint names the variables" grep -q HMS_MANAGEMENT_TOKEN "$work/err"
expect_status 11 "$cli" list " "
expect_status 11 "$cli" link "$guest" --subdomain "not a label"
expect_status 24 "$cli" --api-base-url http://127.0.0.1:1/v2 list "$room"
check "network is named" grep -q network "$work/err"
expect_status 1 "$cli" enable "$guest" nope-nope-nope " " --api-base-url "$url/v2"
check "mixed kinds: both named" grep -q invalid_argument "$work/err"
control POST /_emulator/faults '{"path": "/v2/room-codes", "status": 503, "count": 3}' >/dev/null
expect_status 21 "$cli" list "$room"
check "server is named with its status" grep -q 'server: .*(HTTP 503)' "$work/err"

echo "== flags over variables; app keys"
expect_status 0 env HMS_MANAGEMENT_TOKEN=wrong HMS_API_BASE_URL=http://127.0.0.1:1/v2 \
  "$cli" --management-token emulator-management-token --api-base-url "$url/v2" list "$room"
expect_status 0 env -u HMS_MANAGEMENT_TOKEN HMS_ACCESS_KEY=emulator-access-key HMS_SECRET=emulator-app-secret \
  "$cli" list "$room"
expect_status 0 env -u HMS_MANAGEMENT_TOKEN \
  "$cli" --access-key emulator-access-key --secret emulator-app-secret list "$room"
expect_status 2 "$cli" --access-key emulator-access-key list "$room"

echo "== bulk: 20 rooms, one missing and one answering 500"
: >"$work/rooms.txt"
for i in $(seq 1 20); do create_room "bulk-$i" >>"$work/rooms.txt"; done
{ echo "# a comment"; echo; echo no-such-room; } >>"$work/rooms.txt"
sick=$(sed -n 5p "$work/rooms.txt")
control POST /_emulator/faults '{"method": "POST", "path": "/v2/room-codes/room/'"$sick"'", "status": 500}' >/dev/null
expect_status 1 "$cli" create --rooms-from "$work/rooms.txt" --concurrency 4
check "create: 19 rooms x 3 roles" table_rows 57
check "the summary counts the failures" grep -qx 'hms-room-codes: 2 of 21 rooms failed' "$work/err"
check "each failed room is named" grep -q "room no-such-room: room_not_found" "$work/err"
check "the 500 is named" grep -q "room $sick: server" "$work/err"
check "no progress bar when stderr is not a terminal" not_grep '\[=' "$work/err"
expect_status 15 "$cli" create --rooms-from "$work/rooms.txt" --concurrency 8 --json
check "the rest again, sick room included" json_is 'len(d["codes"]) == 60 and [f["room_id"] for f in d["failures"]] == ["no-such-room"]'
expect_status 15 "$cli" list --rooms-from "$work/rooms.txt" --json
check "list --rooms-from --json: every code" json_is 'len(d["codes"]) == 60 and len({c["room_id"] for c in d["codes"]}) == 20'
expect_status 15 "$cli" disable --rooms-from "$work/rooms.txt" --role guest --concurrency 6
check "disable --rooms-from --role: one guest code a room" table_rows 20
grep -v no-such-room "$work/rooms.txt" >"$work/good.txt"
expect_status 0 "$cli" list --rooms-from - --enabled --json <"$work/good.txt"
check "list from stdin: only hosts and viewers left" json_is 'len(d["codes"]) == 40 and "guest" not in {c["role"] for c in d["codes"]}'

check "a reader that is gone (| true) is no panic" stops_quietly_when_the_reader_is_gone "$cli" "$work/good.txt"
control POST /_emulator/faults '{"path": "/v2/room-codes", "delay_ms": 50, "count": 20}' >/dev/null
check "a progress bar on stderr when it is a terminal" progress_bar_on_a_terminal "$cli" "$work/good.txt"

echo "== aarch64 binaries under qemu-aarch64"
a64=aarch64-unknown-linux-musl
a64_cli=$(unpack hms-room-codes-cli $a64)/hms-room-codes
a64_emu=$(unpack hms-emulator $a64)/hms-emulator
expect_status 0 qemu-aarch64 "$a64_emu" --version
expect_status 0 qemu-aarch64 "$a64_cli" list "$room" --json
check "aarch64 CLI lists the room" json_is 'len(d["codes"]) == 5'

echo "== sizes (bytes)"
for f in "$dist"/hms-emulator-* "$dist"/hms-room-codes-cli-*; do printf '%s\t%s\n' "$(stat -c %s "$f")" "$(basename "$f")"; done
printf '%s\thms-emulator (%s)\n%s\thms-room-codes (%s)\n' "$(stat -c %s "$emulator")" $triple "$(stat -c %s "$cli")" $triple
report
