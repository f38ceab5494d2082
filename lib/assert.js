'use strict';
// node:assert. Deep equality comes from internal/util/comparisons, the
// failure messages from internal/assert/assertion_error.
//
// The assertion functions are the methods of Assert.prototype: called on
// an Assert instance they follow its options (diff, skipPrototype), called
// on the module or on nothing (destructured) they use the defaults.

const {
  codes: {
    ERR_AMBIGUOUS_ARGUMENT,
    ERR_CONSTRUCT_CALL_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { deprecate } = require('internal/util');
const { AssertionError } = require('internal/assert/assertion_error');
const { innerOk } = require('internal/assert/utils');
const { inspect } = require('internal/util/inspect');
const { isDeepEqual, isDeepStrictEqual, isPartialStrictEqual } = require('internal/util/comparisons');
const { validateOneOf } = require('internal/validators');

const isRegExp = (v) => Object.prototype.toString.call(v) === '[object RegExp]' && v instanceof RegExp;
const isError = (v) => v instanceof Error || Object.prototype.toString.call(v) === '[object Error]';

const kOptions = Symbol('options');

let warnedFail = false;

// The options of the Assert instance a method was called on, if any.
function optionsOf(self) {
  if ((typeof self !== 'object' && typeof self !== 'function') || self === null) return undefined;
  return self[kOptions];
}

function diffOf(self) {
  return optionsOf(self)?.diff;
}

function skipPrototypeOf(self) {
  return optionsOf(self)?.skipPrototype === true;
}

function innerFail(obj) {
  if (isError(obj.message)) throw obj.message;
  throw new AssertionError(obj);
}

function checkArgs(args) {
  if (args < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

// Assert(options) makes an assert whose methods use options: diff
// ('simple' or 'full'), strict (default true: equal/deepEqual and their
// negations are the strict ones) and skipPrototype (deep equality does not
// compare prototypes).
function Assert(options) {
  if (new.target === undefined) throw new ERR_CONSTRUCT_CALL_REQUIRED('Assert');
  const opts = { __proto__: null, strict: true, skipPrototype: false, ...options };
  if (opts.diff !== undefined) validateOneOf(opts.diff, 'options.diff', ['simple', 'full']);
  Object.defineProperty(this, kOptions, {
    __proto__: null, value: opts, writable: false, enumerable: false, configurable: false,
  });
  this.AssertionError = AssertionError;
  if (opts.strict) {
    this.equal = this.strictEqual;
    this.deepEqual = this.deepStrictEqual;
    this.notEqual = this.notStrictEqual;
    this.notDeepEqual = this.notDeepStrictEqual;
  }
}

const methods = {
  fail(actual, expected, message, operator, stackStartFn) {
    const argsLen = arguments.length;
    let internalMessage = false;
    if (argsLen === 0) {
      internalMessage = 'Failed';
    } else if (argsLen === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!warnedFail) {
        warnedFail = true;
        process.emitWarning(
          'assert.fail() with more than one argument is deprecated. ' +
            'Please use assert.strictEqual() instead or only pass a message.',
          'DeprecationWarning', 'DEP0094');
      }
      if (argsLen === 2) operator = '!=';
    }
    if (isError(message)) throw message;
    const errArgs = {
      actual,
      expected,
      operator: operator === undefined ? 'fail' : operator,
      stackStartFn: stackStartFn || fail,
      message: internalMessage || message,
      diff: diffOf(this),
    };
    if (argsLen >= 2 && message === undefined) {
      errArgs.message = `${inspect(actual)} ${errArgs.operator} ${inspect(expected)}`;
    }
    const err = new AssertionError(errArgs);
    if (internalMessage) err.generatedMessage = true;
    throw err;
  },

  ok(...args) {
    innerOk(protoOk, args.length, ...args);
  },

  equal(actual, expected, message) {
    checkArgs(arguments.length);
    // eslint-disable-next-line eqeqeq
    if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
      innerFail({ actual, expected, message, operator: '==', stackStartFn: equal, diff: diffOf(this) });
    }
  },

  notEqual(actual, expected, message) {
    checkArgs(arguments.length);
    // eslint-disable-next-line eqeqeq
    if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
      innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual, diff: diffOf(this) });
    }
  },

  deepEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (!isDeepEqual(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual, diff: diffOf(this) });
    }
  },

  notDeepEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (isDeepEqual(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual, diff: diffOf(this) });
    }
  },

  deepStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (!isDeepStrictEqual(actual, expected, skipPrototypeOf(this))) {
      innerFail({
        actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual, diff: diffOf(this),
      });
    }
  },

  notDeepStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (isDeepStrictEqual(actual, expected, skipPrototypeOf(this))) {
      innerFail({
        actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual, diff: diffOf(this),
      });
    }
  },

  strictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (!Object.is(actual, expected)) {
      innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual, diff: diffOf(this) });
    }
  },

  notStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (Object.is(actual, expected)) {
      innerFail({
        actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual, diff: diffOf(this),
      });
    }
  },

  partialDeepStrictEqual(actual, expected, message) {
    checkArgs(arguments.length);
    if (!isPartialStrictEqual(actual, expected)) {
      innerFail({
        actual,
        expected,
        message,
        operator: 'partialDeepStrictEqual',
        stackStartFn: partialDeepStrictEqual,
        diff: diffOf(this),
      });
    }
  },

  throws(promiseFn, ...args) {
    expectsError(throws, diffOf(this), getActual(promiseFn), ...args);
  },

  async rejects(promiseFn, ...args) {
    expectsError(rejects, diffOf(this), await waitForActual(promiseFn), ...args);
  },

  doesNotThrow(fn, ...args) {
    expectsNoError(doesNotThrow, diffOf(this), getActual(fn), ...args);
  },

  async doesNotReject(fn, ...args) {
    expectsNoError(doesNotReject, diffOf(this), await waitForActual(fn), ...args);
  },

  ifError(err) {
    if (err === null || err === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) {
        message += err.constructor.name;
      } else {
        message += err.message;
      }
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({
      actual: err,
      expected: null,
      operator: 'ifError',
      message,
      stackStartFn: ifError,
      diff: diffOf(this),
    });
    // Keep the frames of the original error below the assertion's own.
    const origStack = err && err.stack;
    if (typeof origStack === 'string') {
      const origFrames = origStack.split('\n').filter((l) => /^\s+at /.test(l));
      const ownLines = String(newErr.stack).split('\n');
      const firstFrame = ownLines.findIndex((l) => /^\s+at /.test(l));
      if (origFrames.length && firstFrame > 0) {
        newErr.stack = [...ownLines.slice(0, firstFrame), ...origFrames, ...ownLines.slice(firstFrame)].join('\n');
      }
    }
    throw newErr;
  },

  match(string, regexp, message) {
    internalMatch(string, regexp, message, match, diffOf(this));
  },

  doesNotMatch(string, regexp, message) {
    internalMatch(string, regexp, message, doesNotMatch, diffOf(this));
  },
};

for (const name of Object.keys(methods)) {
  Object.defineProperty(Assert.prototype, name, {
    __proto__: null, value: methods[name], writable: true, enumerable: false, configurable: true,
  });
}

const {
  fail, ok: protoOk, equal, notEqual, deepEqual, notDeepEqual, deepStrictEqual, notDeepStrictEqual,
  strictEqual, notStrictEqual, partialDeepStrictEqual, throws, rejects, doesNotThrow, doesNotReject,
  ifError, match, doesNotMatch,
} = methods;

// The function below an async assertion's frame: the stack of its error
// starts at the assertion (the engine has no async frames to show it).
function stackStartOf(fn) {
  if (fn === rejects) return expectsError;
  if (fn === doesNotReject) return expectsNoError;
  return fn;
}

// Comparison holds the keys of a validation object that a thrown error
// is checked against, so that the diff shows only those.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' &&
            isRegExp(obj[key]) && obj[key].exec(actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn, diff) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({
        actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: stackStartOf(fn), diff,
      });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: stackStartOf(fn), diff });
  }
}

function expectedException(actual, expected, message, fn, diff) {
  let generatedMessage = false;
  let throwError = false;
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({
        actual, expected, message, operator: 'deepStrictEqual', stackStartFn: stackStartOf(fn), diff,
      });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (isError(expected)) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            expected[key].exec(actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn, diff);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = 'The error is expected to be an instance of ' +
        `"${expected.name}". Received `;
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return` +
          ` "true". Received ${inspect(res)}`;
        if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
      }
      throwError = true;
    }
  }
  if (throwError) {
    const err = new AssertionError({
      actual, expected, message, operator: fn.name, stackStartFn: stackStartOf(fn), diff,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

const NO_EXCEPTION = Symbol('no exception');

function getActual(fn) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function checkIsPromise(obj) {
  return obj instanceof Promise ||
    (obj !== null && typeof obj === 'object' &&
     typeof obj.then === 'function' && typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function expectsError(stackStartFn, diff, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 5) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message', `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message', `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn: stackStartOf(stackStartFn),
      diff,
    });
  }
  if (!error) return;
  expectedException(actual, error, message, stackStartFn, diff);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return expected.exec(String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, diff, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\n` +
        `Actual message: "${actual && actual.message}"`,
      stackStartFn: stackStartOf(stackStartFn),
      diff,
    });
  }
  throw actual;
}

function internalMatch(string, regexp, message, fn, diff) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const isMatch = fn === match;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== isMatch) {
    if (isError(message)) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})` :
      (isMatch ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn, diff });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

// assert.CallTracker: deprecated (DEP0173).
const CallTracker = deprecate(require('internal/assert/calltracker'),
                              'assert.CallTracker is deprecated.', 'DEP0173');

// The module is assert.ok itself.
function ok(...args) {
  innerOk(ok, args.length, ...args);
}
const assert = ok;

Object.assign(assert, {
  AssertionError,
  CallTracker,
  ok,
  fail,
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  strictEqual,
  notStrictEqual,
  partialDeepStrictEqual,
  match,
  doesNotMatch,
  throws,
  rejects,
  doesNotThrow,
  doesNotReject,
  ifError,
});

function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: strictEqual,
  deepEqual: deepStrictEqual,
  notEqual: notStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
assert.Assert = Assert;
assert.strict.Assert = Assert;

module.exports = assert;
