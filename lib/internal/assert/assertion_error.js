'use strict';
// AssertionError and the messages Node's assert builds for failed
// comparisons: "a !== b" for short single-line values, a stacked "+ a\n- b"
// (with a caret under the first difference) for longer single lines, else a
// line diff of both values inspected one property a line.

const { inspect, isError, kStacklessErrors } = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { myersDiff, printMyersDiff } = require('internal/assert/myers_diff');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
};

// Single-line values whose text (quotes of strings not counted) is at most
// this long print as "a !== b".
const kMaxShortStringLength = 12;
// In 'simple' diff mode, inspected values longer than this are cut.
const kMaxLongStringLength = 512;
// In 'simple' diff mode, "not" messages keep this many lines of the value.
const kMaxNotLines = 50;
const kKeptNotLines = 46;

// inspectValue prints a value as assert's messages show it: every property
// on its own line, keys sorted, getters evaluated. Errors in `stackless`
// print as "[Error: message]".
function inspectValue(val, stackless) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
    [kStacklessErrors]: stackless,
  });
}

// When both values are errors, they and the errors of their cause chains
// print without stacks: the stacks would differ on every line.
function stacklessErrorsOf(actual, expected) {
  if (!isError(actual) || !isError(expected)) return undefined;
  const set = new Set();
  for (const top of [actual, expected]) {
    let e = top;
    while (isError(e) && !set.has(e)) {
      set.add(e);
      let cause;
      try {
        cause = Object.prototype.hasOwnProperty.call(e, 'cause') ? e.cause : undefined;
      } catch {
        cause = undefined;
      }
      e = cause;
    }
  }
  return set;
}

function terminalWidth() {
  const stderr = process.stderr;
  return stderr && stderr.isTTY && stderr.columns ? stderr.columns : 80;
}

// The "+ a\n- b" form of two single-line values, with a caret under the
// first differing character when both fit on a terminal line.
function stackedDiff(a, b) {
  let message = `\n+ ${a}\n- ${b}`;
  if (a.length + b.length <= terminalWidth()) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        // Differences in the first characters are visible without help.
        if (i >= 3) message += `\n${' '.repeat(i + 2)}^`;
        break;
      }
    }
  }
  return message;
}

function isObjectLike(v) {
  return typeof v === 'object' && v !== null;
}

// createErrDiff builds the message of a failed strictEqual, deepStrictEqual
// or partialDeepStrictEqual (customMessage replaces the header line).
function createErrDiff(actual, expected, operator, customMessage, diff) {
  if (operator === 'strictEqual' &&
      ((isObjectLike(actual) && isObjectLike(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const stackless = stacklessErrorsOf(actual, expected);
  const a = inspectValue(actual, stackless);
  const b = inspectValue(expected, stackless);
  const aLines = a.split('\n');
  const bLines = b.split('\n');
  let header = '+ actual - expected';
  let message;
  let skipped = false;
  if (aLines.length === 1 && bLines.length === 1 &&
      (!isObjectLike(actual) || !isObjectLike(expected))) {
    let len = a.length + b.length;
    if (typeof actual === 'string') len -= 2;
    if (typeof expected === 'string') len -= 2;
    if (len <= kMaxShortStringLength && (actual !== 0 || expected !== 0)) {
      header = '';
      message = `${a} !== ${b}`;
    } else {
      message = stackedDiff(a, b);
    }
  } else {
    const lineDiff = myersDiff(aLines, bLines, isObjectLike(actual));
    const printed = printMyersDiff(lineDiff);
    if (!printed.changed) {
      // Nothing differs that inspection shows: print the value once, its
      // first lines only in 'simple' mode.
      const base = customMessage ?? kReadableOperator.notIdentical;
      if (diff !== 'full' && aLines.length > kMaxNotLines) {
        const last = aLines[aLines.length - 1];
        aLines.length = kMaxNotLines;
        return `${base}\n\n... Skipped lines\n${aLines.join('\n')}\n...${last}\n`;
      }
      return `${base}\n\n${aLines.join('\n')}\n`;
    }
    message = printed.message;
    skipped = printed.skipped;
  }
  const head = customMessage ?? kReadableOperator[operator];
  return `${head}\n${header}${skipped ? '\n... Skipped lines' : ''}\n${message}\n`;
}

// The message of a failed notStrictEqual / notDeepStrictEqual: the one
// value, its first lines only in 'simple' mode.
function notMessage(actual, expected, operator, diff) {
  let base = kReadableOperator[operator];
  const lines = inspectValue(actual, stacklessErrorsOf(actual, expected)).split('\n');
  if (operator === 'notStrictEqual' && (isObjectLike(actual) || typeof actual === 'function')) {
    base = kReadableOperator.notStrictEqualObject;
  }
  if (diff !== 'full' && lines.length > kMaxNotLines) {
    lines.length = kKeptNotLines;
    lines.push('...');
  }
  if (lines.length === 1) {
    return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  }
  return `${base}\n\n${lines.join('\n')}\n`;
}

// The message of the other operators: deepEqual, notDeepEqual, and any
// custom operator ("actual op expected").
function otherMessage(actual, expected, operator, diff) {
  const stackless = stacklessErrorsOf(actual, expected);
  let res = inspectValue(actual, stackless);
  let other = inspectValue(expected, stackless);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    if (diff !== 'full' && res.length > 2 * kMaxLongStringLength) {
      res = `${res.slice(0, 2 * kMaxLongStringLength - 3)}...`;
    }
    return res;
  }
  if (diff !== 'full') {
    if (res.length > kMaxLongStringLength) res = `${res.slice(0, kMaxLongStringLength - 3)}...`;
    if (other.length > kMaxLongStringLength) other = `${other.slice(0, kMaxLongStringLength - 3)}...`;
  }
  if (operator === 'deepEqual') {
    return `${known}\n\n${res}\n\nshould loosely deep-equal\n\n${other}`;
  }
  const unequal = kReadableOperator[`${operator}Unequal`];
  if (unequal) {
    return `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n${other}`;
  }
  return `${res} ${operator} ${other}`;
}

function generateMessage(actual, expected, operator, diff) {
  switch (operator) {
    case 'deepStrictEqual':
    case 'strictEqual':
    case 'partialDeepStrictEqual':
      return createErrDiff(actual, expected, operator, undefined, diff);
    case 'notDeepStrictEqual':
    case 'notStrictEqual':
      return notMessage(actual, expected, operator, diff);
    default:
      return otherMessage(actual, expected, operator, diff);
  }
}

// Long strings are cut when an AssertionError is inspected: more than ten
// lines keep the first ten, else more than 512 characters keep the text
// after the 512th (as node does).
function addEllipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  }
  if (string.length > kMaxLongStringLength) return `${string.slice(kMaxLongStringLength)}...`;
  return string;
}

function dataProperty(value, enumerable) {
  return { __proto__: null, value, enumerable, writable: true, configurable: true };
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details } = options;
    const diff = options.diff === undefined ? 'simple' : options.diff;
    // With details (one entry per failed check, from CallTracker), the
    // error has no actual/expected/operator of its own but numbered
    // copies of each entry's.
    const actual = details ? undefined : options.actual;
    const expected = details ? undefined : options.expected;
    const op = details ? undefined : operator;
    let msg;
    if (message != null) {
      msg = String(message);
      if (operator === 'deepStrictEqual' || operator === 'strictEqual' ||
          operator === 'partialDeepStrictEqual') {
        msg = createErrDiff(actual, expected, operator, msg, diff);
      }
    } else {
      msg = generateMessage(actual, expected, operator, diff);
    }
    super(msg);
    Object.defineProperty(this, 'name', dataProperty('AssertionError [ERR_ASSERTION]', false));
    this.generatedMessage = message == null;
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = op;
    if (details) {
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    }
    this.diff = diff;
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || options.stackStartFunction || new.target);
    }
    // Read the stack now, so that it carries the name with the code.
    void this.stack;
    delete this.name;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = addEllipsis(actual);
    if (typeof expected === 'string') this.expected = addEllipsis(expected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

Object.defineProperty(AssertionError.prototype, 'name', dataProperty('AssertionError', false));

module.exports = { AssertionError, inspectValue, kReadableOperator };
