'use strict';
// Timeout and Immediate objects. Deadlines live in Go (one min-heap in the
// event loop, keyed by id); JS keeps the objects and runs the callbacks.

const binding = internalBinding('timers');
const { validateFunction, validateNumber } = require('internal/validators');
const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
const frames = require('internal/async_context_frame');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
// The timer's id (in node, its async id): what Symbol.toPrimitive returns
// and what the Go timer heap knows it by. A symbol keeps it out of keys.
const kId = Symbol('asyncId');
// The async context frame a timer or immediate was made in (undefined for
// the root frame), made current while its callback runs.
const kFrame = Symbol('kFrame');
const timerById = new Map();
let runningTimer = null;
require('internal/process/active').register(() => {
  const out = [];
  for (const t of timerById.values()) if (t[kRefed]) out.push({ type: 'Timeout', owner: t });
  // A timeout is active until its callback returns (unless it clears itself).
  if (runningTimer !== null && runningTimer[kRefed] && runningTimer._idleTimeout !== -1 &&
      !timerById.has(runningTimer[kId])) {
    out.push({ type: 'Timeout', owner: runningTimer });
  }
  for (let i = 0; i < immediateInfo[kRefCount]; i++) out.push({ type: 'Immediate' });
  return out;
});
let nextId = 1;
let warnedNegative = false;
let warnedNaN = false;
let triggerUncaught;
let runNextTicks;

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    const given = after;
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      } else if (after < 0 && after !== -Infinity) {
        // Negative and NaN durations warn once per process, as in Node.
        if (!warnedNegative) {
          warnedNegative = true;
          process.emitWarning(`${after} is a negative number.` +
            '\nTimeout duration was set to 1.', 'TimeoutNegativeWarning');
        }
      } else if (after !== after && given !== undefined && !warnedNaN) {
        warnedNaN = true;
        process.emitWarning(`${after} is not a number.` +
          '\nTimeout duration was set to 1.', 'TimeoutNaNWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = binding.now();
    // node:domain: a timer set inside a domain runs in it.
    if (process.domain) callback = process.domain.bind(callback);
    this._onTimeout = callback;
    this._timerArgs = args;
    this[kFrame] = frames.capture();
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[kId] = nextId++;
    timerById.set(this[kId], this);
    binding.start(this[kId], Math.trunc(after), isRefed);
  }

  // Restarts the countdown; a one-shot timer that already fired is armed
  // again (as in node), a cleared one stays cleared.
  refresh() {
    if (this._idleTimeout !== -1) {
      // Still scheduled: one cheap call moves the deadline.
      const now = binding.refresh(this[kId], Math.trunc(this._idleTimeout));
      if (now >= 0) {
        this._idleStart = now;
        return this;
      }
      this._idleStart = binding.now();
      timerById.set(this[kId], this);
      binding.start(this[kId], Math.trunc(this._idleTimeout), this[kRefed]);
    }
    return this;
  }

  unref() {
    this[kRefed] = false;
    binding.setRef(this[kId], false); // a no-op unless scheduled
    return this;
  }

  ref() {
    this[kRefed] = true;
    binding.setRef(this[kId], true);
    return this;
  }

  hasRef() { return this[kRefed]; }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    this[kHasPrimitive] = true;
    return this[kId];
  }

  [Symbol.dispose]() { clearTimeout(this); }
}

// Called by Go when timer id is due.
function processTimer(id) {
  const timer = timerById.get(id);
  if (timer === undefined || timer._idleTimeout === -1) return;
  const wasRepeat = timer._repeat !== null;
  if (!wasRepeat) {
    timer._destroyed = true;
    timerById.delete(id);
  }
  const start = binding.now();
  const outer = runningTimer;
  runningTimer = timer;
  const frame = timer[kFrame];
  const outerFrame = frame === undefined ? undefined : frames.enter(frame);
  try {
    const args = timer._timerArgs;
    if (args === undefined) timer._onTimeout();
    else Reflect.apply(timer._onTimeout, timer, args);
  } finally {
    if (frame !== undefined) frames.leave(outerFrame);
    runningTimer = outer;
    if (!wasRepeat && timer._repeat !== null && timer._idleTimeout !== -1 && !timerById.has(id)) {
      // A timeout that set its own _repeat becomes an interval.
      timer._destroyed = false;
      timerById.set(id, timer);
    }
    if (timer._repeat !== null && !timer._destroyed) {
      if (timer._idleTimeout === -1 || typeof timer._onTimeout !== 'function') {
        // Unenrolled from inside its own callback.
        timer._destroyed = true;
        timerById.delete(id);
      } else {
        // The next period counts from when this callback began.
        timer._idleStart = start;
        binding.start(id, Math.trunc(timer._repeat), timer[kRefed], start);
      }
    }
  }
}

function unenroll(timer) {
  if (timer == null || timer._idleTimeout === -1) return;
  timer._destroyed = true;
  timer._idleTimeout = -1;
  timerById.delete(timer[kId]);
  binding.stop(timer[kId]);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = timerById.get(Number(timer));
    if (t !== undefined) {
      t._onTimeout = null;
      unenroll(t);
    }
  }
}

// Immediates: a FIFO in JS; Go reads immediateInfo to know whether the
// check phase has work and whether it keeps the loop alive.
const immediateInfo = new Int32Array(2);
const kCount = 0;
const kRefCount = 1;
let immediateQueue = [];

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    // node:domain: an immediate set inside a domain runs in it.
    if (process.domain) callback = process.domain.bind(callback);
    this._onImmediate = callback;
    this._argv = args;
    this[kFrame] = frames.capture();
    this._destroyed = false;
    this[kRefed] = true;
    immediateInfo[kCount]++;
    immediateInfo[kRefCount]++;
    immediateQueue.push(this);
  }

  ref() {
    if (!this[kRefed] && !this._destroyed) {
      this[kRefed] = true;
      immediateInfo[kRefCount]++;
    }
    return this;
  }

  unref() {
    if (this[kRefed] && !this._destroyed) {
      this[kRefed] = false;
      immediateInfo[kRefCount]--;
    }
    return this;
  }

  hasRef() { return !!this[kRefed]; }

  [Symbol.dispose]() { clearImmediate(this); }
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed || !(immediate instanceof Immediate)) return;
  immediate._destroyed = true;
  immediateInfo[kCount]--;
  if (immediate[kRefed]) immediateInfo[kRefCount]--;
  immediate[kRefed] = null;
  immediate._onImmediate = null;
}

// The check phase: run the immediates queued before it began; ones queued
// meanwhile wait for the next loop iteration, as in Node.
function processImmediate() {
  const queue = immediateQueue;
  immediateQueue = [];
  for (let i = 0; i < queue.length; i++) {
    const imm = queue[i];
    if (imm._destroyed) continue;
    imm._destroyed = true;
    immediateInfo[kCount]--;
    if (imm[kRefed]) immediateInfo[kRefCount]--;
    imm[kRefed] = null;
    const frame = imm[kFrame];
    const outerFrame = frame === undefined ? undefined : frames.enter(frame);
    try {
      const argv = imm._argv;
      if (argv === undefined) imm._onImmediate();
      else Reflect.apply(imm._onImmediate, imm, argv);
    } catch (err) {
      triggerUncaught(err);
    } finally {
      if (frame !== undefined) frames.leave(outerFrame);
    }
    if (i < queue.length - 1) runNextTicks();
  }
}

// setUnrefTimeout(callback, after, ...args): an unrefed one-shot timer
// (internal callers that must not keep the loop alive).
function setUnrefTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, after, args.length ? args : undefined, false, false);
}

function setup(opts) {
  triggerUncaught = opts.triggerUncaught;
  runNextTicks = opts.runNextTicks;
}

// kTimeout is the key under which a net.Socket keeps its idle timer.
const kTimeout = Symbol('timeout');

module.exports = {
  kTimeout,
  TIMEOUT_MAX,
  Timeout,
  Immediate,
  immediateInfo,
  processTimer,
  processImmediate,
  clearTimeout,
  clearImmediate,
  unenroll,
  setUnrefTimeout,
  setup,
  kRefed,
  validateCallback: (cb) => validateFunction(cb, 'callback'),
  getTimerCount: () => timerById.size,
};
void validateNumber; void ERR_OUT_OF_RANGE;
