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
const kEof = Symbol('kEof');

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
  // How many results may wait, done or not, beyond the running ones.
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;
  const outerSignal = options?.signal;
  const stream = this;

  return (async function* mapped() {
    // fn sees a signal that also aborts when the iteration stops.
    const ac = new AbortController();
    let unlink;
    if (outerSignal) {
      if (outerSignal.aborted) ac.abort(outerSignal.reason);
      else unlink = require('events').addAbortListener(outerSignal, () => ac.abort(outerSignal.reason));
    }
    const signal = ac.signal;
    const fnOpts = { signal };
    const queue = [];  // result promises in input order, then kEof
    let running = 0;
    let done = false;
    let wakeConsumer = null;
    let wakeProducer = null;

    function maybeResume() {
      if (wakeProducer && !done && running < concurrency && queue.length < highWaterMark) {
        const w = wakeProducer;
        wakeProducer = null;
        w();
      }
    }
    function afterItem() {
      running--;
      maybeResume();
    }
    function onItemError() {
      done = true;
      afterItem();
    }
    function notifyConsumer() {
      if (wakeConsumer) {
        const w = wakeConsumer;
        wakeConsumer = null;
        w();
      }
    }

    async function produce() {
      try {
        for await (const value of stream) {
          if (done) return;
          throwIfAborted(signal);
          let result;
          try {
            result = fn(value, fnOpts);
            if (result === kEmpty) continue;
            result = Promise.resolve(result);
          } catch (err) {
            result = Promise.reject(err);
          }
          running++;
          result.then(afterItem, onItemError);
          queue.push(result);
          notifyConsumer();
          if (!done && (queue.length >= highWaterMark || running >= concurrency)) {
            await new Promise((resolve) => { wakeProducer = resolve; });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const result = Promise.reject(err);
        result.then(afterItem, onItemError);
        queue.push(result);
      } finally {
        done = true;
        notifyConsumer();
      }
    }

    produce();
    try {
      while (true) {
        while (queue.length > 0) {
          const value = await queue[0];
          if (value === kEof) return;
          throwIfAborted(signal);
          if (value !== kEmpty) yield value;
          queue.shift();
          maybeResume();
        }
        await new Promise((resolve) => { wakeConsumer = resolve; });
      }
    } finally {
      done = true;
      if (wakeProducer) {
        const w = wakeProducer;
        wakeProducer = null;
        w();
      }
      unlink?.[Symbol.dispose]();
      ac.abort();
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
  for await (const unused of filter.call(this, fn, options)) {
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
  let hasInitialValue = arguments.length > 1;
  const outerSignal = options?.signal;
  if (outerSignal?.aborted) {
    const err = new AbortError(undefined, { cause: outerSignal.reason });
    this.once('error', () => {});
    await require('internal/streams/end-of-stream').finished(this.destroy(err));
    throw err;
  }
  // The reducer's signal aborts with the outer one, or when reduce ends.
  const ac = new AbortController();
  let unlink;
  if (outerSignal) unlink = require('events').addAbortListener(outerSignal, () => ac.abort(outerSignal.reason));
  let gotAnyItem = false;
  try {
    for await (const value of this) {
      gotAnyItem = true;
      throwIfAborted(outerSignal);
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal: ac.signal });
      }
    }
    if (!gotAnyItem && !hasInitialValue) {
      const err = new ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    unlink?.[Symbol.dispose]();
    ac.abort();
  }
  return initialValue;
}

module.exports = {
  streamReturningOperators: { drop, filter, flatMap, map, take },
  promiseReturningOperators: { every, forEach, reduce, toArray, some, find },
};
