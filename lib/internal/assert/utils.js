'use strict';
// assert.ok's failure message quotes the call that failed, as Node does:
// "The expression evaluated to a falsy value:\n\n  assert.ok(x)\n". The
// call site comes from the stack (QuickJS puts the column at the call's
// opening parenthesis) and the text from the source file.

const { AssertionError } = require('internal/assert/assertion_error');

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

// callSite parses the first frame of a stack: { file, line, col }.
function callSite(stack) {
  if (typeof stack !== 'string') return null;
  for (const l of stack.split('\n')) {
    const m = /^\s+at (?:.*?\()?(.+?):(\d+):(\d+)\)?$/.exec(l);
    if (m) return { file: m[1], line: Number(m[2]), col: Number(m[3]) };
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
  if (!site || site.file.startsWith('node:') || site.line < 2) return undefined;
  const src = readSource(site.file);
  if (src == null) return undefined;
  let pos = 0;
  for (let l = 1; l < site.line; l++) {
    pos = src.indexOf('\n', pos);
    if (pos < 0) return undefined;
    pos++;
  }
  const open = pos + site.col - 1;
  if (src[open] !== '(') return undefined;
  // The callee: identifiers, dots and optional chaining before '('.
  let start = open;
  while (start > 0 && /[\w$.?\s]/.test(src[start - 1]) && src[start - 1] !== '\n') start--;
  while (start < open && /\s/.test(src[start])) start++;
  const end = endOfCall(src, open);
  if (end < 0 || start === open) return undefined;
  const text = src.slice(start, end);
  const lines = text.split('\n');
  if (lines.length === 1) return text;
  // Re-indent continuation lines relative to the first one.
  const lineStart = src.lastIndexOf('\n', start) + 1;
  const baseIndent = /^\s*/.exec(src.slice(lineStart, start))[0].length;
  return lines.map((l, i) => {
    if (i === 0) return l;
    const indent = /^\s*/.exec(l)[0].length;
    return ' '.repeat(Math.max(0, indent - baseIndent)) + l.trimStart();
  }).join('\n  ');
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
    const probe = {};
    Error.captureStackTrace(probe, fn);
    const code = callExpression(callSite(probe.stack));
    if (code !== undefined) {
      message = `The expression evaluated to a falsy value:\n\n  ${code}\n`;
    }
  } else if (message instanceof Error) {
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
