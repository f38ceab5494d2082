#!/bin/bash
# net.sh: raw TCP socket throughput of gonode against node 24 (and node
# 20), side by side in one run. The server is plain net: each chunk read
# is answered with one fixed HTTP response, so wrk (one thread, CONNS
# keep-alive connections, SECS seconds) measures the cost of a socket read
# plus a socket write, with no HTTP parsing in the server. Printed per
# runtime: requests/s and the server's CPU time per request (user+sys from
# /proc/<pid>/stat, steadier than req/s on a shared machine), then
# gonode's ratio to node 24.
# Usage: bench/net.sh [SECS] [CONNS]   (needs wrk: apt-get install wrk;
# env: GONODE=prebuilt binary, NODE24, NODE20)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/wrk.sh
secs=${1:-5}
conns=${2:-50}
cat > "$tmp/raw.js" <<'JS'
const net = require('net');
const resp = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello';
net.createServer((s) => { s.on('data', (d) => { s.write(resp); }); s.on('error', () => {}); // wrk resets its connections at the end
}).listen(+process.env.PORT, '127.0.0.1');
JS

port=18580
run() { # binary -> "reqs_per_s cpu_us_per_req"
  local bin=$1
  port=$((port + 1))
  PORT=$port "$bin" "$tmp/raw.js" & local pid=$!
  pids+=("$pid")
  wrk_measure "$pid" "$port"
}

printf '%-8s %10s %12s\n' runtime req_per_s cpu_us_per_req
declare -A rps=() cpu=()
for rt in node24 node20 gonode; do
  case $rt in
    node24) bin=$node24 ;;
    node20) bin=$node20 ;;
    gonode) bin=$gonode ;;
  esac
  [[ -x $bin ]] || { printf '%-8s %10s\n' "$rt" missing; continue; }
  read -r r c < <(run "$bin")
  rps[$rt]=$r
  cpu[$rt]=$c
  printf '%-8s %10.0f %12.1f\n' "$rt" "$r" "$c"
done
if [[ -n ${rps[node24]:-} && -n ${rps[gonode]:-} ]]; then
  printf 'gonode/node24: x%.2f req/s, x%.2f CPU per request\n' \
    "$(echo "${rps[gonode]} / ${rps[node24]}" | bc -l)" "$(echo "${cpu[gonode]} / ${cpu[node24]}" | bc -l)"
fi
