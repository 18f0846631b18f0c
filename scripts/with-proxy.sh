#!/usr/bin/env bash
# Runs a command with a fresh tinyproxy (scripts/setup.sh installs it) on a free
# loopback port, then stops it. The command sees HMS_TEST_PROXY_URL
# (http://127.0.0.1:PORT) and HMS_TEST_PROXY_LOG, the proxy's log, where each
# request it forwards shows as "Request (file descriptor N): CONNECT host:port".
set -euo pipefail
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >"$dir/conf" <<CONF
Port $port
Listen 127.0.0.1
Timeout 30
MaxClients 32
Allow 127.0.0.1
LogLevel Info
LogFile "$dir/log"
CONF
tinyproxy -d -c "$dir/conf" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 200); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "tinyproxy did not start" >&2; exit 1; }
  sleep 0.05
done
export HMS_TEST_PROXY_URL="http://127.0.0.1:$port"
export HMS_TEST_PROXY_LOG="$dir/log"
"$@"
