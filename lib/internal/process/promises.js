'use strict';
// Unhandled promise rejections, as Node's default --unhandled-rejections=throw:
// a rejection still unhandled after the microtask queue drains is raised as
// an uncaught exception (emitting 'unhandledRejection' first, if listened).

const maybeUnhandled = new WeakMap();
let pending = [];
const asyncHandledRejections = [];
let lastId = 0;

let setFlag = () => {};
let triggerUncaught;
let emitWarning;

const kPromiseRejectWithNoHandler = 0;
const kPromiseHandlerAddedAfterReject = 1;

function promiseRejectHandler(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    maybeUnhandled.set(promise, { reason, uid: ++lastId, warned: false });
    pending.push(promise);
    setFlag(true);
  } else if (type === kPromiseHandlerAddedAfterReject) {
    const info = maybeUnhandled.get(promise);
    if (info === undefined) return;
    maybeUnhandled.delete(promise);
    if (info.warned) {
      asyncHandledRejections.push({ promise, warning: info });
      setFlag(true);
    }
  }
}

function hasRejectionToWarn() {
  return pending.length > 0 || asyncHandledRejections.length > 0;
}

function unhandledRejectionsMode() {
  const opt = process.execArgv.find((a) => a.startsWith('--unhandled-rejections='));
  return opt ? opt.slice('--unhandled-rejections='.length) : 'throw';
}

// Returns true if it may have queued more work (ticks or microtasks).
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise } = asyncHandledRejections.shift();
    if (!process.emit('rejectionHandled', promise)) {
      // Node warns only with --unhandled-rejections=warn; nothing to do here.
    }
  }
  let len = pending.length;
  while (len--) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    const mode = unhandledRejectionsMode();
    const handled = process.emit('unhandledRejection', reason, promise);
    if (mode === 'strict') {
      triggerUncaught(reason, true);
    } else if (!handled) {
      if (mode === 'throw') {
        triggerUncaught(reason, true);
      } else if (mode === 'warn' || mode === 'warn-with-error-code') {
        emitUnhandledWarning(reason);
        if (mode === 'warn-with-error-code') process.exitCode = 1;
      }
    }
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks || pending.length !== 0;
}

function emitUnhandledWarning(reason) {
  const msg = reason instanceof Error ? (reason.stack || String(reason)) : String(reason);
  process.emitWarning(`Unhandled promise rejection: ${msg}`, 'UnhandledPromiseRejectionWarning');
}

function setup({ setHasRejectionToWarn, triggerUncaughtException }) {
  setFlag = setHasRejectionToWarn;
  triggerUncaught = triggerUncaughtException;
}

module.exports = {
  promiseRejectHandler,
  processPromiseRejections,
  hasRejectionToWarn,
  setup,
};
