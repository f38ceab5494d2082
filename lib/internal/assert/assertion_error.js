'use strict';
// AssertionError and the messages Node's assert builds for failed
// comparisons: a one-line "a !== b" for short primitives, else a line diff
// of both values inspected one property a line.

const { inspect } = require('internal/util/inspect');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { diffLines, printDiff } = require('internal/assert/myers_diff');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
};

// Short primitives up to this many characters together print on one line.
const kMaxShortLength = 16;

function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    maxStringLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
    breakLength: Infinity,
  });
}

function isPrimitiveLike(v) {
  return (typeof v !== 'object' || v === null) && typeof v !== 'function';
}

// createErrDiff builds the message of a failed strictEqual or
// deepStrictEqual (header is the custom message, when given).
function createErrDiff(actual, expected, operator, customMessage) {
  const a = inspectValue(actual);
  const b = inspectValue(expected);
  const aLines = a.split('\n');
  const bLines = b.split('\n');
  let header = kReadableOperator[operator];
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
    header = kReadableOperator.strictEqualObject;
  }
  if (aLines.length === 1 && bLines.length === 1 && a !== b &&
      a.length + b.length <= kMaxShortLength &&
      isPrimitiveLike(actual) && isPrimitiveLike(expected) &&
      !(actual == null && expected == null)) {
    return `${customMessage ?? header}\n\n${a} !== ${b}\n`;
  }
  if (a === b) {
    // Same inspection but not equal: identical structure.
    if (operator === 'strictEqualObject') {
      header = 'Values have same structure but are not reference-equal:';
    } else {
      header = kReadableOperator.notIdentical;
    }
    return `${customMessage ?? header}\n\n${a}\n`;
  }
  const { text, skipped } = printDiff(diffLines(aLines, bLines));
  const skippedNote = skipped ? '\n... Skipped lines' : '';
  return `${customMessage ?? header}\n+ actual - expected${skippedNote}\n\n${text}\n`;
}

function notMessage(actual, operator) {
  const a = inspectValue(actual);
  const lines = a.split('\n');
  if (operator === 'notStrictEqual' && (typeof actual === 'object' && actual !== null || typeof actual === 'function')) {
    return `${kReadableOperator.notStrictEqualObject}\n\n${a}\n`;
  }
  const header = kReadableOperator[operator];
  if (operator === 'notDeepEqual') return `${header}\n\n${a}`;
  if (lines.length === 1 && !(typeof actual === 'string' && actual.includes('\n'))) {
    return `${header} ${a}`;
  }
  if (operator === 'notStrictEqual') return `${header}\n\n${a}`;
  return `${header}\n\n${a}\n`;
}

function generateMessage(actual, expected, operator) {
  switch (operator) {
    case 'deepStrictEqual':
    case 'strictEqual':
    case 'partialDeepStrictEqual':
      return createErrDiff(actual, expected, operator);
    case 'notDeepStrictEqual':
    case 'notStrictEqual':
    case 'notDeepEqual':
      return notMessage(actual, operator);
    case 'deepEqual':
      return `${kReadableOperator.deepEqual}\n\n${inspectValue(actual)}\n\nshould loosely deep-equal\n\n${inspectValue(expected)}`;
    default:
      return `${inspectValue(actual)} ${operator} ${inspectValue(expected)}`;
  }
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { message, operator, stackStartFn, details, diff = 'simple' } = options;
    let { actual, expected } = options;
    let msg;
    if (message != null) {
      msg = String(message);
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        msg = createErrDiff(actual, expected, operator, msg);
      }
    } else if (details) {
      msg = details.map((d) => d.message ?? generateMessage(d.actual, d.expected, d.operator)).join('\n');
      actual = details[0]?.actual;
      expected = details[0]?.expected;
    } else {
      msg = generateMessage(actual, expected, operator);
    }
    super(msg);
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.generatedMessage = message == null;
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
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
    // Long strings in actual/expected are shortened when inspected.
    const shorten = (v) => (typeof v === 'string' && v.length > 512 ? `${v.slice(0, 509)}...` : v);
    const { actual, expected } = this;
    this.actual = shorten(actual);
    this.expected = shorten(expected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

Object.defineProperty(AssertionError.prototype, 'name', {
  value: 'AssertionError', enumerable: false, writable: true, configurable: true,
});

module.exports = { AssertionError, inspectValue, kReadableOperator };
