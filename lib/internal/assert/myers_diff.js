'use strict';
// Line diff for assertion messages: the shortest edit script between the
// inspected lines of `actual` and `expected` (Myers' O(ND) algorithm), and
// its printing in Node's "+ actual - expected" form.

const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const { myersDiff: myersDiffOps } = internalBinding('util');

// Lines equal but for a trailing comma count as the same.
function sameLine(x, y) {
  if (x === y) return true;
  return (x.endsWith(',') ? x.slice(0, -1) : x) === (y.endsWith(',') ? y.slice(0, -1) : y);
}

// The line printed for two equal lines: the one with the trailing comma
// when they differ by it (the value continues below).
function commonLine(x, y) {
  return x === y || !y.endsWith(',') ? x : y;
}

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
  for (let i = 0; i < start; i++) out.push({ op: ' ', line: commonLine(a[i], b[i]) });
  for (let i = start; i < endA; i++) out.push({ op: '+', line: a[i] });
  for (let i = start; i < endB; i++) out.push({ op: '-', line: b[i] });
  for (let i = endA; i < a.length; i++) out.push({ op: ' ', line: commonLine(a[i], b[i - endA + endB]) });
  return out;
}

// diffLines(a, b) returns [{ op: ' ' | '+' | '-', line }] turning a into b:
// '+' lines exist only in a (actual), '-' lines only in b (expected). The
// edit script comes from the util binding (Myers' algorithm in Go) over
// line ids; a diff too large to compute exactly falls back to trimming the
// common head and tail.
function diffLines(a, b, areEqual = sameLine) {
  const total = a.length + b.length;
  if (total > 2 ** 31 - 1) {
    throw new ERR_OUT_OF_RANGE('myersDiff input size', '< 2^31', total);
  }
  // Equal lines get equal ids (lines differing by a trailing comma too,
  // with sameLine).
  const key = areEqual === sameLine ? (l) => (l.endsWith(',') ? l.slice(0, -1) : l) : (l) => l;
  const idOf = new Map();
  const toIds = (lines) => {
    const ids = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const k = key(lines[i]);
      let id = idOf.get(k);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(k, id);
      }
      ids[i] = id;
    }
    return ids;
  };
  const ops = myersDiffOps(toIds(a), toIds(b));
  if (ops === null) return coarseDiff(a, b, areEqual);
  const out = [];
  let ai = 0;
  let bi = 0;
  for (let n = 0; n < ops.length; n++) {
    if (ops[n] === 0) {
      out.push({ op: ' ', line: commonLine(a[ai++], b[bi++]) });
    } else if (ops[n] === 1) {
      out.push({ op: '+', line: a[ai++] });
    } else {
      out.push({ op: '-', line: b[bi++] });
    }
  }
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

// printDiff renders a diff: "+ " actual, "- " expected, "  " common lines.
// A run of common lines before a change keeps its first five and last
// line around a "..." (then skipped is true) when more than one would go;
// the run after the last change keeps its first five lines.
// Returns { text, skipped }.
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
      for (const e of run.slice(0, kContextAfter)) lines.push(`  ${e.line}`);
    } else if (run.length > kContextAfter + kContextBefore + 1) {
      skipped = true;
      for (const e of run.slice(0, kContextAfter)) lines.push(`  ${e.line}`);
      lines.push('...');
      for (const e of run.slice(run.length - kContextBefore)) lines.push(`  ${e.line}`);
    } else {
      for (const e of run) lines.push(`  ${e.line}`);
    }
    i = j;
  }
  return { text: lines.join('\n').trimEnd(), skipped };
}

function strictLine(x, y) {
  return x === y;
}

// myersDiff(actual, expected, checkCommaDisparity) diffs two arrays of
// lines; with checkCommaDisparity lines differing only by a trailing comma
// (the last property of an object) count as equal.
function myersDiff(actual, expected, checkCommaDisparity = false) {
  return diffLines(actual, expected, checkCommaDisparity ? sameLine : strictLine);
}

// printMyersDiff renders a diff for an assertion message:
// { message, skipped, changed } where message starts with a newline and
// changed is false when the two sides had no differing line.
function printMyersDiff(diff) {
  const { text, skipped } = printDiff(diff);
  return { message: `\n${text}`, skipped, changed: diff.some((e) => e.op !== ' ') };
}

module.exports = { diffLines, printDiff, myersDiff, printMyersDiff };
