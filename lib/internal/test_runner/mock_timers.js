'use strict';
// mock.timers: fake setTimeout/setInterval/setImmediate (global, node:timers
// and node:timers/promises), scheduler.wait and Date, driven by tick(),
// runAll() and setTime(). Pending timers run in order of their due time,
// then immediates first, then of creation; a tick first moves the clock, then runs every timer
// due by then (an interval runs again while it stays due).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE },
  AbortError,
} = require('internal/errors');
const {
  validateObject, validateAbortSignal, validateArray, validateString,
} = require('internal/validators');

const kTimeoutMax = 2 ** 31 - 1;
const kApis = ['setInterval', 'setTimeout', 'setImmediate', 'Date', 'scheduler.wait'];
const kTimerNames = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'];

// A pending fake timer, as mocked setTimeout & co. return it.
class MockTimeout {
  #timers;
  constructor(timers, id, callback, delay, args, interval) {
    this.#timers = timers;
    this.id = id;
    this.callback = callback;
    this.delay = delay;
    this.args = args;
    this.interval = interval;
    this.runAt = 0;
  }

  ref() { return this; }
  unref() { return this; }
  hasRef() { return true; }

  refresh() {
    this.#timers.reschedule(this);
    return this;
  }
}

function badTime(time) {
  // node's wording for a negative time or clock.
  return new ERR_INVALID_ARG_VALUE('time', 'positive integer', time);
}

// The run order: due time, then immediates before timeouts, then creation.
function before(a, b) {
  if (a.runAt !== b.runAt) return a.runAt < b.runAt;
  if (a.immediate !== b.immediate) return a.immediate;
  return a.id < b.id;
}

class MockTimers {
  #enabled = false;
  #apis = new Set();
  #now = 0;
  #queue = [];  // sorted by runAt, then id
  #nextId = 1;
  #saved = [];  // [object, key, original descriptor] to restore

  #assertEnabled() {
    if (!this.#enabled) {
      throw new ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function');
    }
  }

  #insert(timer) {
    const q = this.#queue;
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = q[mid];
      if (before(m, timer)) lo = mid + 1;
      else hi = mid;
    }
    q.splice(lo, 0, timer);
  }

  #remove(timer) {
    const i = this.#queue.indexOf(timer);
    if (i !== -1) this.#queue.splice(i, 1);
  }

  reschedule(timer) {
    this.#remove(timer);
    timer.runAt = this.#now + timer.delay;
    this.#insert(timer);
  }

  #create(callback, delay, args, interval, immediate = false) {
    // As node's timers: a delay out of range is 1ms (none at all is 0).
    delay = Number(delay);
    if (Number.isNaN(delay)) delay = 0;
    else if (delay < 0 || delay > kTimeoutMax) delay = 1;
    const timer = new MockTimeout(this, this.#nextId++, callback, delay, args, interval);
    timer.immediate = immediate;
    timer.runAt = this.#now + delay;
    this.#insert(timer);
    return timer;
  }

  #clear(original) {
    return (timer) => {
      if (timer instanceof MockTimeout) this.#remove(timer);
      else if (timer !== undefined && timer !== null) original(timer);
    };
  }

  #promiseTimer(makeTimer, value, options = {}) {
    try {
      validateObject(options, 'options');
      validateAbortSignal(options.signal, 'options.signal');
    } catch (err) {
      return Promise.reject(err);
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    return new Promise((resolve, reject) => {
      let onAbort;
      const timer = makeTimer(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (signal) {
        onAbort = () => {
          this.#remove(timer);
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  // The fake functions, by the name of the function they replace.
  #fakes() {
    const timers = require('timers');
    const fakeSetTimeout = (callback, delay, ...args) => this.#create(callback, delay, args, false);
    const fakeSetInterval = (callback, delay, ...args) => this.#create(callback, delay, args, true);
    const fakeSetImmediate = (callback, ...args) => this.#create(callback, 0, args, false, true);
    const self = this;
    return {
      setTimeout: fakeSetTimeout,
      clearTimeout: this.#clear(timers.clearTimeout),
      setInterval: fakeSetInterval,
      clearInterval: this.#clear(timers.clearInterval),
      setImmediate: fakeSetImmediate,
      clearImmediate: this.#clear(timers.clearImmediate),
      promiseSetTimeout(delay, value, options) {
        return self.#promiseTimer((cb) => fakeSetTimeout(cb, delay), value, options);
      },
      promiseSetImmediate(value, options) {
        return self.#promiseTimer((cb) => fakeSetImmediate(cb), value, options);
      },
      promiseSetInterval(delay, value, options = {}) {
        return fakeIntervalIterator(self, fakeSetInterval, delay, value, options);
      },
      schedulerWait(delay, options) {
        return self.#promiseTimer((cb) => fakeSetTimeout(cb, delay), undefined, options);
      },
    };
  }

  #replace(object, key, value) {
    this.#saved.push([object, key, Object.getOwnPropertyDescriptor(object, key)]);
    Object.defineProperty(object, key, { value, writable: true, configurable: true, enumerable: true });
  }

  enable(options = {}) {
    if (this.#enabled) throw new ERR_INVALID_STATE('MockTimers is already enabled!');
    validateObject(options, 'options');
    const apis = options.apis ?? kApis;
    validateArray(apis, 'options.apis');
    for (const api of apis) {
      validateString(api, 'options.apis');
      if (!kApis.includes(api)) {
        throw new ERR_INVALID_ARG_VALUE('options.apis', api, `option ${api} is not supported`);
      }
    }
    let now = options.now ?? 0;
    if (now instanceof Date) now = now.getTime();
    if (typeof now !== 'number') throw new ERR_INVALID_ARG_TYPE('initialTime', 'number', now);
    if (!(now >= 0)) throw badTime(now);
    if (apis.includes('Date') && globalThis.Date.isMock === true) {
      // Another tracker's mock.timers holds it.
      throw new ERR_INVALID_STATE('Date is already being mocked!');
    }
    this.#now = now;
    this.#apis = new Set(apis);
    this.#enabled = true;
    const fakes = this.#fakes();
    const timers = require('timers');
    const promises = require('timers/promises');
    const pairs = [['setTimeout', 'clearTimeout'], ['setInterval', 'clearInterval'], ['setImmediate', 'clearImmediate']];
    for (const [set, clear] of pairs) {
      if (!this.#apis.has(set)) continue;
      for (const target of [globalThis, timers]) {
        this.#replace(target, set, fakes[set]);
        this.#replace(target, clear, fakes[clear]);
      }
    }
    if (this.#apis.has('setTimeout')) this.#replace(promises, 'setTimeout', fakes.promiseSetTimeout);
    if (this.#apis.has('setImmediate')) this.#replace(promises, 'setImmediate', fakes.promiseSetImmediate);
    if (this.#apis.has('setInterval')) this.#replace(promises, 'setInterval', fakes.promiseSetInterval);
    if (this.#apis.has('scheduler.wait')) this.#replace(promises.scheduler, 'wait', fakes.schedulerWait);
    if (this.#apis.has('Date')) this.#replace(globalThis, 'Date', makeMockDate(globalThis.Date, () => this.#now));
  }

  // Moves the clock forward by time ms and runs the timers due by then.
  tick(time = 1) {
    this.#assertEnabled();
    if (typeof time !== 'number' || !(time >= 0)) throw badTime(time);
    this.#now += time;
    for (;;) {
      const timer = this.#queue[0];
      if (timer === undefined || timer.runAt > this.#now) break;
      this.#queue.shift();
      if (timer.interval) {
        timer.runAt += Math.max(timer.delay, 1);
        this.#insert(timer);
      }
      Reflect.apply(timer.callback, undefined, timer.args);
    }
  }

  // Runs every pending timer, moving the clock to the last one's time.
  runAll() {
    this.#assertEnabled();
    let last = this.#now;
    for (const t of this.#queue) if (t.runAt > last) last = t.runAt;
    this.tick(last - this.#now);
  }

  setTime(milliseconds = 0) {
    this.#assertEnabled();
    if (typeof milliseconds !== 'number' || milliseconds < 0) throw badTime(milliseconds);
    this.#now = milliseconds;
  }

  reset() {
    if (!this.#enabled) return;
    for (let i = this.#saved.length - 1; i >= 0; i--) {
      const [object, key, desc] = this.#saved[i];
      if (desc === undefined) delete object[key];
      else Object.defineProperty(object, key, desc);
    }
    this.#saved = [];
    this.#queue = [];
    this.#enabled = false;
    this.#now = 0;
  }

  [Symbol.dispose]() {
    this.reset();
  }
}

// timers/promises' setInterval on the fake clock: an async iterator that
// yields value once per elapsed interval (next() calls may be pending
// together; each elapsed interval settles the oldest).
function fakeIntervalIterator(timers, fakeSetInterval, delay, value, options) {
  validateObject(options, 'options');
  const { signal } = options;
  validateAbortSignal(signal, 'options.signal');
  let pending = 0;
  const waiters = [];  // [resolve, reject] of unsettled next() calls
  let done = false;
  let timer;
  const aborted = () => new AbortError(undefined, { cause: signal.reason });
  const stop = () => {
    if (done) return;
    done = true;
    if (timer !== undefined) require('timers').clearInterval(timer);
  };
  const onAbort = () => {
    stop();
    for (const [, reject] of waiters.splice(0)) reject(aborted());
  };
  if (!signal?.aborted) {
    timer = fakeSetInterval(() => {
      if (waiters.length > 0) waiters.shift()[0]({ value, done: false });
      else pending++;
    }, delay);
    signal?.addEventListener('abort', onAbort, { once: true });
  }
  return {
    next() {
      // Intervals that elapsed before an abort are still delivered.
      if (pending > 0) {
        pending--;
        return Promise.resolve({ value, done: false });
      }
      if (signal?.aborted) {
        stop();
        return Promise.reject(aborted());
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiters.push([resolve, reject]));
    },
    return() {
      stop();
      signal?.removeEventListener('abort', onAbort);
      for (const [resolve] of waiters.splice(0)) resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

// A Date whose clock is the fake one: `new Date()`, Date() and Date.now()
// read it; everything else is the real Date's.
function makeMockDate(RealDate, now) {
  function Date(...args) {
    if (new.target === undefined) return new RealDate(now()).toString();
    if (args.length === 0) args = [now()];
    return Reflect.construct(RealDate, args, new.target);
  }
  Object.setPrototypeOf(Date, RealDate);
  Object.defineProperty(Date, 'length', { value: 7 });
  Date.prototype = RealDate.prototype;
  Date.now = function now_() { return now(); };
  Object.defineProperty(Date.now, 'name', { value: 'now' });
  Object.defineProperty(Date, 'isMock', { value: true });
  Date.toString = function toString() { return 'function Date() { [native code] }'; };
  return Date;
}

module.exports = { MockTimers };
