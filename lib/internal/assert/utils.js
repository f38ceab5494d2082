'use strict';
// assert.ok's failure message quotes the call that failed, as Node does:
// "The expression evaluated to a falsy value:\n\n  assert.ok(x)\n". The
// call site comes from the stack (QuickJS puts the column at the call's
// opening parenthesis) and the text from the source file.

const { AssertionError } = require('internal/assert/assertion_error');
const { isError } = require('internal/util/inspect');

// Call site text by "file:line:col", so a failing loop reads a file once.
const sourceCache = new Map();

function readSource(file) {
  if (sourceCache.has(file)) return sourceCache.get(file);
  let text = null;
  try {
    text = internalBinding('fs').readFileUtf8(file);
  } catch {
    text = null;
  }
  sourceCache.set(file, text);
  return text;
}

// callSite parses the first frame of a stack outside node's own modules
// (t.assert.ok calls assert.ok through the test runner): { file, line, col }.
function callSite(stack) {
  if (typeof stack !== 'string') return null;
  for (const l of stack.split('\n')) {
    const m = /^\s+at (?:.*?\()?(.+?):(\d+):(\d+)\)?$/.exec(l);
    if (m && !m[1].startsWith('node:')) return { file: m[1], line: Number(m[2]), col: Number(m[3]) };
  }
  return null;
}

// Index of the character after the call whose '(' is at open, or -1.
function endOfCall(src, open) {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '(' || c === '[' || c === '{') {
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === '\'' || c === '"' || c === '`') {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === '\\') i++;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      if (e < 0) return -1;
      i = e + 1;
    }
  }
  return -1;
}

// callExpression returns the source text of the call at site, or undefined.
function callExpression(site) {
  if (!site || site.file.startsWith('node:')) return undefined;
  let file = site.file;
  if (file.startsWith('file://')) {
    try {
      file = require('internal/url').fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  const src = readSource(file);
  if (src == null) return undefined;
  let pos = 0;
  for (let l = 1; l < site.line; l++) {
    pos = src.indexOf('\n', pos);
    if (pos < 0) return undefined;
    pos++;
  }
  const open = pos + site.col - 1;
  if (src[open] !== '(') return undefined;
  const start = calleeStart(src, open, pos);
  if (start === open) return undefined;
  // As node prints it: the call when it ends on its first line, else that
  // first line.
  let lineEnd = src.indexOf('\n', open);
  if (lineEnd === -1) lineEnd = src.length;
  const end = endOfCall(src, open);
  let text = src.slice(start, end >= 0 && end <= lineEnd ? end : lineEnd);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  // Control characters in the source are shown escaped.
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const calleeChar = /[\p{ID_Continue}$.?\u200c\u200d \t]/u;

// calleeStart returns where the callee of the call whose '(' is at open
// begins on its line (lineStart): identifiers, dots, optional chaining and
// bracketed member accesses, without a leading dot.
function calleeStart(src, open, lineStart) {
  let start = open;
  for (;;) {
    while (start > lineStart && calleeChar.test(src[start - 1])) start--;
    if (start > lineStart && src[start - 1] === ']') {
      const at = matchingOpenBracket(src, start - 1, lineStart);
      if (at < 0) break;
      start = at;
      continue;
    }
    break;
  }
  while (start < open && /[\s.]/.test(src[start])) start++;
  return start;
}

// Index of the '[' matching the ']' at close on the same line, or -1.
function matchingOpenBracket(src, close, lineStart) {
  let depth = 0;
  for (let i = close; i >= lineStart; i--) {
    const c = src[i];
    if (c === ']') {
      depth++;
    } else if (c === '[') {
      depth--;
      if (depth === 0) return i;
    } else if (c === '\'' || c === '"' || c === '`') {
      for (i--; i >= lineStart && src[i] !== c; i--);
    }
  }
  return -1;
}

// trySetStackTraceLimit sets Error.stackTraceLimit unless it is read-only
// (frozen, a getter, Error sealed); it reports whether it did.
function trySetStackTraceLimit(value) {
  try {
    Error.stackTraceLimit = value;
    return Error.stackTraceLimit === value;
  } catch {
    return false;
  }
}

// innerOk throws unless value is truthy; fn is the public function called.
function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    // The call site is wanted whatever Error.stackTraceLimit says (when
    // the program lets it be changed).
    const probe = {};
    const limit = Error.stackTraceLimit;
    const changed = trySetStackTraceLimit(Infinity);
    try {
      Error.captureStackTrace(probe, fn);
    } finally {
      if (changed) trySetStackTraceLimit(limit);
    }
    const code = callExpression(callSite(probe.stack));
    if (code !== undefined) {
      message = `The expression evaluated to a falsy value:\n\n  ${code}\n`;
    }
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({
    actual: value,
    expected: true,
    message,
    operator: '==',
    stackStartFn: fn,
  });
  err.generatedMessage = generatedMessage;
  throw err;
}

module.exports = { innerOk, callSite, callExpression };
