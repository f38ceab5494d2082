'use strict';
// node:timers/promises: promise-returning timers with AbortSignal support.

const timers = require('timers');
const { AbortError, codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } } = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateObject, validateNumber,
} = require('internal/validators');

function validateOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function schedule(start, cancel, value, options) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = validateOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = start(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) handle.unref?.();
    if (signal) {
      onAbort = () => {
        cancel(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(after, value, options = {}) {
  try {
    if (after !== undefined) validateNumber(after, 'delay');
  } catch (err) {
    return Promise.reject(err);
  }
  return schedule((cb) => timers.setTimeout(cb, after), timers.clearTimeout, value, options);
}

function setImmediate(value, options = {}) {
  return schedule((cb) => timers.setImmediate(cb), timers.clearImmediate, value, options);
}

// setInterval returns an async iterator that yields value every `after`
// ms. It behaves as an async generator would (nothing is validated or
// started before the first next()), but is written out by hand so that
// return() (a `break` out of `for await`) detaches from the signal at
// once: the engine does not wait for return() to settle on a break.
const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function setInterval(after, value, options = {}) {
  let started = false;
  let done = false;
  let signal;
  let interval;
  let notYielded = 0;
  const waiting = [];

  const doneResult = () => ({ value: undefined, done: true });
  function onAbort() {
    timers.clearInterval(interval);
    const w = waiting.shift();
    if (w !== undefined) {
      finish();
      w.reject(abortError(signal));
    }
  }
  function finish() {
    done = true;
    timers.clearInterval(interval);
    signal?.removeEventListener('abort', onAbort);
    while (waiting.length > 0) waiting.shift().resolve(doneResult());
  }
  function start() {
    started = true;
    if (after !== undefined) validateNumber(after, 'delay');
    let ref;
    ({ signal, ref } = validateOptions(options));
    if (signal?.aborted) throw abortError(signal);
    interval = timers.setInterval(() => {
      notYielded++;
      const w = waiting.shift();
      if (w !== undefined) {
        notYielded--;
        w.resolve({ value, done: false });
      }
    }, after);
    if (!ref) interval.unref?.();
    signal?.addEventListener('abort', onAbort, { once: true });
  }

  return Object.setPrototypeOf({
    next() {
      if (done) return Promise.resolve(doneResult());
      if (!started) {
        try {
          start();
        } catch (err) {
          finish();
          return Promise.reject(err);
        }
      }
      if (notYielded > 0) {
        notYielded--;
        return Promise.resolve({ value, done: false });
      }
      if (signal?.aborted) {
        finish();
        return Promise.reject(abortError(signal));
      }
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return(v) {
      finish();
      return Promise.resolve({ value: v, done: true });
    },
    throw(err) {
      finish();
      return Promise.reject(err);
    },
    [Symbol.asyncIterator]() { return this; },
  }, AsyncIteratorPrototype);
}

const kScheduler = Symbol('kScheduler');

class Scheduler {
  constructor(key = undefined) {
    if (key !== kScheduler) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kScheduler] = true;
  }

  yield() {
    if (!this?.[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options = undefined) {
    if (!this?.[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options ?? {});
  }
}

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler: new Scheduler(kScheduler),
};
