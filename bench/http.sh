#!/bin/bash
# http.sh: HTTP server throughput of gonode against node 24 and node 20,
# side by side in one run. For each case a server runs under each runtime
# in turn and wrk drives it (one thread, CONNS keep-alive connections,
# SECS seconds); the script prints requests/s, the server's CPU time per
# request (user+sys from /proc/<pid>/stat: the machine may be shared, so
# this is steadier than req/s) and gonode's ratio to node 24. A plain Go
# net/http server answering the same cases (bench/cmd/gohttp, no
# JavaScript) runs too, as the reference for what a compiled server gets
# on the same machine.
#   hello  http.createServer((req, res) => res.end('hello'))
#   json   POST a small JSON body; the server parses it and answers
#          JSON.stringify of an object built from it
#   stream a 1 MiB response written as 16 chunks of 64 KiB with
#          res.write (backpressure respected), then res.end
# Usage: bench/http.sh [SECS] [CONNS]   (needs wrk: apt-get install wrk;
# env: GONODE=prebuilt binary, NODE24, NODE20)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/wrk.sh
secs=${1:-10}
conns=${2:-50}
go build -o "$tmp/gohttp" ./bench/cmd/gohttp

cat > "$tmp/hello.js" <<'JS'
const http = require('http');
http.createServer((req, res) => res.end('hello')).listen(+process.env.PORT, '127.0.0.1');
JS
cat > "$tmp/json.js" <<'JS'
const http = require('http');
http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    const o = JSON.parse(body);
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ id: o.id, name: o.name.toUpperCase(), tags: o.tags.length, ok: true }));
  });
}).listen(+process.env.PORT, '127.0.0.1');
JS
cat > "$tmp/stream.js" <<'JS'
const http = require('http');
const chunk = Buffer.alloc(64 * 1024, 'x');
http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/octet-stream');
  let n = 0;
  const more = () => {
    while (n < 16) {
      n++;
      if (!res.write(chunk)) return res.once('drain', more);
    }
    res.end();
  };
  more();
}).listen(+process.env.PORT, '127.0.0.1');
JS
cat > "$tmp/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"id":42,"name":"gonode","tags":["a","b","c"],"nested":{"x":1,"y":[1,2,3]}}'
wrk.headers["Content-Type"] = "application/json"
LUA

port=18480
run() { # runtime case -> "reqs_per_s cpu_us_per_req"
  local bin=$1 case=$2 extra=()
  port=$((port + 1))
  [[ $case == json ]] && extra=(-s "$tmp/post.lua")
  if [[ $bin == "$tmp/gohttp" ]]; then
    "$bin" -addr "127.0.0.1:$port" -case "$case" & local pid=$!
  else
    PORT=$port "$bin" "$tmp/$case.js" & local pid=$!
  fi
  pids+=("$pid")
  wrk_measure "$pid" "$port" "${extra[@]}"
}

printf '%-6s %-8s %10s %12s\n' case runtime req_per_s cpu_us_per_req
for case in hello json stream; do
  declare -A rps=() cpu=()
  for rt in node24 node20 gonode go; do
    case $rt in
      node24) bin=$node24 ;;
      node20) bin=$node20 ;;
      gonode) bin=$gonode ;;
      go) bin=$tmp/gohttp ;;
    esac
    [[ -x $bin ]] || { printf '%-6s %-8s %10s\n' "$case" "$rt" missing; continue; }
    read -r r c < <(run "$bin" "$case")
    rps[$rt]=$r
    cpu[$rt]=$c
    printf '%-6s %-8s %10.0f %12.1f\n' "$case" "$rt" "$r" "$c"
  done
  if [[ -n ${rps[node24]:-} && -n ${rps[gonode]:-} ]]; then
    printf '%-6s gonode/node24: x%.2f req/s, x%.2f CPU per request\n' "$case" \
      "$(echo "${rps[gonode]} / ${rps[node24]}" | bc -l)" "$(echo "${cpu[gonode]} / ${cpu[node24]}" | bc -l)"
  fi
  if [[ -n ${rps[node24]:-} && -n ${rps[go]:-} ]]; then
    printf '%-6s go net/http/node24: x%.2f req/s\n' "$case" "$(echo "${rps[go]} / ${rps[node24]}" | bc -l)"
  fi
  unset rps cpu
done
