'use strict';
// Line diff for assertion messages: the shortest edit script between the
// inspected lines of `actual` and `expected` (Myers' O(ND) algorithm), and
// its printing in Node's "+ actual - expected" form.

// Lines equal but for a trailing comma count as the same.
function sameLine(x, y) {
  if (x === y) return true;
  return (x.endsWith(',') ? x.slice(0, -1) : x) === (y.endsWith(',') ? y.slice(0, -1) : y);
}

// Above this many lines the diff only trims the common head and tail.
const kMaxDiffLines = 4000;

function coarseDiff(a, b, areEqual) {
  let start = 0;
  while (start < a.length && start < b.length && areEqual(a[start], b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && areEqual(a[endA - 1], b[endB - 1])) {
    endA--;
    endB--;
  }
  const out = [];
  for (let i = 0; i < start; i++) out.push({ op: ' ', line: b[i] });
  for (let i = start; i < endA; i++) out.push({ op: '+', line: a[i] });
  for (let i = start; i < endB; i++) out.push({ op: '-', line: b[i] });
  for (let i = endB; i < b.length; i++) out.push({ op: ' ', line: b[i] });
  return out;
}

// diffLines(a, b) returns [{ op: ' ' | '+' | '-', line }] turning a into b:
// '+' lines exist only in a (actual), '-' lines only in b (expected).
function diffLines(a, b, areEqual = sameLine) {
  if (a.length + b.length > kMaxDiffLines) return coarseDiff(a, b, areEqual);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1];
      } else {
        x = v[offset + k - 1] + 1;
      }
      let y = x - k;
      while (x < n && y < m && areEqual(a[x], b[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const out = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    let prevK;
    if (k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1])) {
      prevK = k + 1;
    } else {
      prevK = k - 1;
    }
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: ' ', line: b[y - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push({ op: '-', line: b[y - 1] });
      else out.push({ op: '+', line: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  out.reverse();
  // Within each changed block, put the actual ('+') lines first.
  const sorted = [];
  for (let i = 0; i < out.length;) {
    if (out[i].op === ' ') {
      sorted.push(out[i++]);
      continue;
    }
    const plus = [];
    const minus = [];
    while (i < out.length && out[i].op !== ' ') {
      (out[i].op === '+' ? plus : minus).push(out[i]);
      i++;
    }
    sorted.push(...plus, ...minus);
  }
  return sorted;
}

// Lines of context kept after a change, and before the next one.
const kContextAfter = 5;
const kContextBefore = 1;

// printDiff renders a diff: "+ " actual, "- " expected, "  " common lines;
// long runs of common lines collapse to "...". Returns { text, skipped }.
function printDiff(diff) {
  const lines = [];
  let skipped = false;
  let i = 0;
  const lastChange = diff.findLastIndex((e) => e.op !== ' ');
  while (i < diff.length) {
    if (diff[i].op !== ' ') {
      lines.push(`${diff[i].op} ${diff[i].line}`);
      i++;
      continue;
    }
    let j = i;
    while (j < diff.length && diff[j].op === ' ') j++;
    const run = diff.slice(i, j);
    if (i > lastChange) {
      // Trailing context: only the first lines after the last change.
      if (run.length > kContextAfter) skipped = true;
      for (const e of run.slice(0, kContextAfter)) lines.push(`  ${e.line}`);
    } else if (run.length > kContextAfter + kContextBefore) {
      skipped = true;
      for (const e of run.slice(0, kContextAfter)) lines.push(`  ${e.line}`);
      lines.push('...');
      for (const e of run.slice(run.length - kContextBefore)) lines.push(`  ${e.line}`);
    } else {
      for (const e of run) lines.push(`  ${e.line}`);
    }
    i = j;
  }
  return { text: lines.join('\n'), skipped };
}

module.exports = { diffLines, printDiff };
