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

async function* setInterval(after, value, options = {}) {
  if (after !== undefined) validateNumber(after, 'delay');
  const { signal, ref } = validateOptions(options);
  if (signal?.aborted) throw abortError(signal);
  let onAbort;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = timers.setInterval(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after);
    if (!ref) interval.unref?.();
    if (signal) {
      onAbort = () => {
        timers.clearInterval(interval);
        if (callback) {
          callback(abortError(signal));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        const err = await new Promise((resolve) => { callback = resolve; });
        if (err) throw err;
      }
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    timers.clearInterval(interval);
    signal?.removeEventListener('abort', onAbort);
  }
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
