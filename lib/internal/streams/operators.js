'use strict';
// The iterator-style operators of Readable (map, filter, take, toArray...).
// Each runs over the stream as an async iterable; the stream-returning ones
// are wrapped in Readable.from by node:stream.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE },
  AbortError,
} = require('internal/errors');
const { validateAbortSignal, validateInteger, validateObject } = require('internal/validators');

const kEmpty = Symbol('kEmpty');

function validateFn(fn) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
}

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function throwIfAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

function toIntegerOrInfinity(n) {
  n = Number(n);
  if (Number.isNaN(n)) return 0;
  return Math.trunc(n);
}

function map(fn, options) {
  validateFn(fn);
  validateOptions(options);
  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  validateInteger(concurrency, 'options.concurrency', 1);
  const signal = options?.signal;
  const stream = this;
  return (async function* mapped() {
    throwIfAborted(signal);
    const pending = [];
    try {
      for await (const value of stream) {
        throwIfAborted(signal);
        const p = Promise.resolve().then(() => fn(value, { signal }));
        p.catch(() => {});  // reported when awaited below
        pending.push(p);
        if (pending.length >= concurrency) {
          const out = await pending.shift();
          throwIfAborted(signal);
          if (out !== kEmpty) yield out;
        }
      }
      while (pending.length) {
        const out = await pending.shift();
        throwIfAborted(signal);
        if (out !== kEmpty) yield out;
      }
    } finally {
      pending.length = 0;
    }
  })();
}

function filter(fn, options) {
  validateFn(fn);
  async function filterFn(value, opts) {
    return (await fn(value, opts)) ? value : kEmpty;
  }
  return map.call(this, filterFn, options);
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return (async function* flattened() {
    for await (const val of values) yield* val;
  })();
}

function take(number, options) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  const signal = options?.signal;
  const stream = this;
  return (async function* taken() {
    throwIfAborted(signal);
    if (number <= 0) return;
    for await (const val of stream) {
      throwIfAborted(signal);
      yield val;
      if (--number <= 0) return;
    }
  })();
}

function drop(number, options) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  if (number < 0) throw new ERR_OUT_OF_RANGE('number', '>= 0', number);
  const signal = options?.signal;
  const stream = this;
  return (async function* dropped() {
    throwIfAborted(signal);
    for await (const val of stream) {
      throwIfAborted(signal);
      if (number > 0) number--;
      else yield val;
    }
  })();
}

async function forEach(fn, options) {
  validateFn(fn);
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  // eslint-disable-next-line no-unused-vars
  for await (const unused of map.call(this, forEachFn, options));
}

async function toArray(options) {
  validateOptions(options);
  const signal = options?.signal;
  const result = [];
  for await (const val of this) {
    throwIfAborted(signal);
    result.push(val);
  }
  return result;
}

async function some(fn, options) {
  validateFn(fn);
  for await (const unused of filter.call(this, fn, options)) {  // eslint-disable-line no-unused-vars
    return true;
  }
  return false;
}

async function every(fn, options) {
  validateFn(fn);
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  validateFn(fn);
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('reducer', 'Function', reducer);
  }
  validateOptions(options);
  const signal = options?.signal;
  let hasInitialValue = arguments.length > 1;
  throwIfAborted(signal);
  let gotAnyItem = false;
  for await (const value of this) {
    throwIfAborted(signal);
    gotAnyItem = true;
    if (!hasInitialValue) {
      initialValue = value;
      hasInitialValue = true;
    } else {
      initialValue = await reducer(initialValue, value, { signal });
    }
  }
  if (!gotAnyItem && !hasInitialValue) {
    const err = new ERR_MISSING_ARGS('reduce');
    err.message = 'Reduce of an empty stream requires an initial value';
    throw err;
  }
  return initialValue;
}

module.exports = {
  streamReturningOperators: { drop, filter, flatMap, map, take },
  promiseReturningOperators: { every, forEach, reduce, toArray, some, find },
};
