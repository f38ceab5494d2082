'use strict';
// process.nextTick and the drain Node runs after every callback: the tick
// queue, then promise jobs, repeated until both are empty, then unhandled
// rejections.

const binding = internalBinding('task_queue');
const { validateFunction } = require('internal/validators');
const { processPromiseRejections, hasRejectionToWarn } = require('internal/process/promises');
const frames = require('internal/async_context_frame');

const slot = frames.slot;
const rootFrame = frames.root;

// Shared with Go: tickInfo[0] = a tick is queued, tickInfo[1] = a rejection
// is waiting to be processed.
const tickInfo = new Int32Array(2);
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// The queue is one flat array of four slots per tick: callback, argument
// count, then the arguments (the first two in place; with three or more,
// an array of them in the first slot). Ticks are read from head on;
// the array is replaced by a fresh one whenever it has been drained, so
// a chain of ticks that each queue the next keeps it short. (No object
// per tick: on this engine an array push is much cheaper than an object
// literal.)
let queue = [];
let head = 0;

function setHasTickScheduled(v) { tickInfo[kHasTickScheduled] = v ? 1 : 0; }

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') validateFunction(callback, 'callback');
  if (process._exiting) return;
  // node:domain: a tick queued inside a domain runs in it.
  if (process.domain) callback = process.domain.bind(callback);
  // A tick runs in the async context frame it was queued in.
  if (slot[0] !== rootFrame) callback = frames.bindCurrent(callback);
  // (A rest parameter: on this engine `arguments` costs a lot more.)
  const n = args.length;
  if (queue.length === head) {
    tickInfo[kHasTickScheduled] = 1;
  } else if (head > 16384 && head * 2 > queue.length) {
    // Ticks that keep queueing more never let the queue drain (and be
    // replaced): drop the run part.
    queue = queue.slice(head);
    head = 0;
  }
  if (n <= 2) queue.push(callback, n, args[0], args[1]);
  else queue.push(callback, n, args, undefined);
}
// As node's: process.nextTick.length is 1.
Object.defineProperty(nextTick, 'length', { value: 1 });

function runMicrotasks() { binding.runMicrotasks(); }

let triggerUncaught;

function runTicksUnguarded() {
  let q = queue;
  while (head < q.length) {
    const i = head;
    const callback = q[i];
    const n = q[i + 1];
    const a = q[i + 2];
    const b = q[i + 3];
    head = i + 4;
    if (head === q.length) {
      queue = q = [];
      head = 0;
    } else {
      q[i] = undefined;
      q[i + 2] = undefined;
      q[i + 3] = undefined;
    }
    if (n === 0) callback();
    else if (n === 1) callback(a);
    else if (n === 2) callback(a, b);
    else Reflect.apply(callback, undefined, a);
    // A callback may have queued ticks into a fresh array.
    q = queue;
  }
}

// Runs queued ticks until the queue is empty (a callback that throws is
// reported and the rest still run: one try block per batch, not per
// tick), then promise jobs, until both are empty; then unhandled
// rejections. tickInfo[kHasRejectionToWarn] is set whenever a rejection
// is queued (internal/process/promises), so while it is 0 there is
// nothing to ask hasRejectionToWarn().
function processTicksAndRejections() {
  do {
    while (head < queue.length) {
      try {
        runTicksUnguarded();
      } catch (err) {
        triggerUncaught(err);
      }
    }
    binding.runMicrotasks();
  } while (head < queue.length ||
           (tickInfo[kHasRejectionToWarn] !== 0 && hasRejectionToWarn() && processRejections()));
  tickInfo[kHasTickScheduled] = 0;
  if (tickInfo[kHasRejectionToWarn] !== 0 && !hasRejectionToWarn()) tickInfo[kHasRejectionToWarn] = 0;
}

function processRejections() {
  const more = processPromiseRejections();
  tickInfo[kHasRejectionToWarn] = hasRejectionToWarn() ? 1 : 0;
  return more;
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      triggerUncaught(err);
    }
  });
}

function setUncaughtHandler(fn) { triggerUncaught = fn; }

module.exports = {
  tickInfo,
  nextTick,
  runMicrotasks,
  processTicksAndRejections,
  queueMicrotask,
  setUncaughtHandler,
  setHasRejectionToWarn(v) { tickInfo[kHasRejectionToWarn] = v ? 1 : 0; },
  // hasPendingTicks reports whether ticks are queued that have not run
  // yet (the http server runs a response's 'close' step at once when it
  // would be the next tick anyway).
  hasPendingTicks() { return head < queue.length; },
};
