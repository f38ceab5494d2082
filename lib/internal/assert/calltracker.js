'use strict';
// assert.CallTracker (deprecated in node, DEP0173): wrappers that count
// their calls, and a check that each was called the expected number of
// times.

const { AssertionError } = require('internal/assert/assertion_error');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');

// The default tracked function, nameless (reported as 'calls').
const noop = [() => {}][0];

// The calls of one tracked function.
class CallTrackerContext {
  #expected;
  #calls = [];
  #name;
  #stackTrace;

  constructor({ expected, stackTrace, name }) {
    this.#expected = expected;
    this.#stackTrace = stackTrace;
    this.#name = name;
  }

  track(thisArg, args) {
    this.#calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args) }));
  }

  get delta() {
    return this.#calls.length - this.#expected;
  }

  reset() {
    this.#calls = [];
  }

  getCalls() {
    return Object.freeze(this.#calls.slice());
  }

  report() {
    if (this.delta === 0) return undefined;
    const actual = this.#calls.length;
    return {
      message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) but was ` +
        `executed ${actual} time(s).`,
      actual,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

class CallTracker {
  #callChecks = new Set();
  #trackedFunctions = new WeakMap();

  #getTrackedFunction(tracked) {
    if (!this.#trackedFunctions.has(tracked)) {
      throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    }
    return this.#trackedFunctions.get(tracked);
  }

  reset(tracked) {
    if (tracked === undefined) {
      for (const context of this.#callChecks) context.reset();
      return;
    }
    this.#getTrackedFunction(tracked).reset();
  }

  getCalls(tracked) {
    return this.#getTrackedFunction(tracked).getCalls();
  }

  // calls([fn][, exact]) returns a function that behaves as fn and must
  // be called exactly `exact` times (default 1) before verify().
  calls(fn, expected = 1) {
    const stackTrace = new Error();
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    const context = new CallTrackerContext({ expected, stackTrace, name: fn.name || 'calls' });
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        context.track(thisArg, args);
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#callChecks.add(context);
    this.#trackedFunctions.set(tracked, context);
    return tracked;
  }

  report() {
    const errors = [];
    for (const context of this.#callChecks) {
      const message = context.report();
      if (message !== undefined) errors.push(message);
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = CallTracker;
