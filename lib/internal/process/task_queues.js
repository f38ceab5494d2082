'use strict';
// process.nextTick and the drain Node runs after every callback: the tick
// queue, then promise jobs, repeated until both are empty, then unhandled
// rejections.

const binding = internalBinding('task_queue');
const { validateFunction } = require('internal/validators');
const { processPromiseRejections, hasRejectionToWarn } = require('internal/process/promises');

// Shared with Go: tickInfo[0] = a tick is queued, tickInfo[1] = a rejection
// is waiting to be processed.
const tickInfo = new Int32Array(2);
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// A ring-buffer-free FIFO: arrays with a read index, swapped when drained.
let queue = [];
let head = 0;

function setHasTickScheduled(v) { tickInfo[kHasTickScheduled] = v ? 1 : 0; }

// Each entry is { callback, args }, args undefined when there are none:
// most ticks carry zero to three arguments, so no rest array is made.
function nextTick(callback) {
  if (typeof callback !== 'function') validateFunction(callback, 'callback');
  if (process._exiting) return;
  // node:domain: a tick queued inside a domain runs in it.
  if (process.domain) callback = process.domain.bind(callback);
  let args;
  switch (arguments.length) {
    case 1: break;
    case 2: args = [arguments[1]]; break;
    case 3: args = [arguments[1], arguments[2]]; break;
    default:
      args = new Array(arguments.length - 1);
      for (let i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
  }
  if (queue.length === head) tickInfo[kHasTickScheduled] = 1;
  queue.push({ callback, args });
}

function runMicrotasks() { binding.runMicrotasks(); }

let triggerUncaught;

function processTicksAndRejections() {
  do {
    while (head < queue.length) {
      const tock = queue[head];
      queue[head++] = undefined;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      try {
        const callback = tock.callback;
        const args = tock.args;
        if (args === undefined) callback();
        else if (args.length === 1) callback(args[0]);
        else if (args.length === 2) callback(args[0], args[1]);
        else Reflect.apply(callback, undefined, args);
      } catch (err) {
        triggerUncaught(err);
      }
    }
    binding.runMicrotasks();
    // processPromiseRejections has nothing to do unless a rejection waits.
  } while (head < queue.length || (hasRejectionToWarn() && processRejections()));
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = hasRejectionToWarn() ? 1 : 0;
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
};
