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
// gonode: a module's evaluation promise was rejected (the module threw).
// The engine has just rejected the module body's own promise with the same
// reason; neither is visible to the program, so neither is reported.
const kModuleEvaluationRejected = 2;

function promiseRejectHandler(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    maybeUnhandled.set(promise, { reason, uid: ++lastId, warned: false });
    pending.push(promise);
    setFlag(true);
  } else if (type === kModuleEvaluationRejected) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const info = maybeUnhandled.get(pending[i]);
      if (info !== undefined && Object.is(info.reason, reason)) {
        maybeUnhandled.delete(pending[i]);
        pending.splice(i, 1);
        break;
      }
    }
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
  return require('internal/options').getOptionValue('--unhandled-rejections') || 'throw';
}

// Returns true if it may have queued more work (ticks or microtasks).
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise, warning } = asyncHandledRejections.shift();
    if (!process.emit('rejectionHandled', promise)) {
      const mode = unhandledRejectionsMode();
      if (mode === 'warn' || mode === 'warn-with-error-code') {
        process.emitWarning(`Promise rejection was handled asynchronously (rejection id: ${warning.uid})`,
          'PromiseRejectionHandledWarning');
      }
    }
  }
  let len = pending.length;
  while (len--) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason, uid } = info;
    const mode = unhandledRejectionsMode();
    if (mode === 'strict') {
      // The exception path first; 'unhandledRejection' only if it was
      // handled there (otherwise the process is gone).
      triggerUncaught(asError(reason), true);
      process.emit('unhandledRejection', reason, promise);
    } else {
      const handled = process.emit('unhandledRejection', reason, promise);
      if (!handled) {
        if (mode === 'throw') {
          triggerUncaught(asError(reason), true);
        } else if (mode === 'warn' || mode === 'warn-with-error-code') {
          emitUnhandledWarning(uid, reason);
          if (mode === 'warn-with-error-code') process.exitCode = 1;
        }
      }
    }
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks || pending.length !== 0;
}

// What the exception path receives for a rejection: the reason itself if
// it looks like an error (has an own stack), else node's
// UnhandledPromiseRejection wrapping it.
function asError(reason) {
  if (reason !== null && typeof reason === 'object' && Object.hasOwn(reason, 'stack')) return reason;
  const { inspect } = require('internal/util/inspect');
  const { codes: { ERR_UNHANDLED_REJECTION } } = require('internal/errors');
  const err = new ERR_UNHANDLED_REJECTION(inspect(reason));
  // node's class is UnhandledPromiseRejection, not the generic Error [code].
  Object.defineProperty(err, 'name', {
    value: 'UnhandledPromiseRejection', writable: true, enumerable: false, configurable: true,
  });
  const frames = typeof err.stack === 'string' ? err.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  Object.defineProperty(err, 'stack', {
    value: [`UnhandledPromiseRejection: ${err.message}`, ...frames].join('\n'),
    writable: true, enumerable: false, configurable: true,
  });
  return err;
}

// The two warnings node prints for an unhandled rejection in warn modes:
// the reason (its stack for errors), then the explanation.
function emitUnhandledWarning(uid, reason) {
  let text;
  if (reason !== null && typeof reason === 'object' && typeof reason.stack === 'string') {
    text = stackWithHeader(reason);
  } else {
    text = require('internal/util/inspect').inspect(reason);
  }
  process.emitWarning(text, 'UnhandledPromiseRejectionWarning');
  process.emitWarning('Unhandled promise rejection. This error originated either by throwing ' +
    'inside of an async function without a catch block, or by rejecting a promise which was ' +
    'not handled with .catch(). To terminate the node process on unhandled promise ' +
    'rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`, 'UnhandledPromiseRejectionWarning');
}

// V8's stack starts with "Name: message"; the engine's may hold only the
// frames.
function stackWithHeader(err) {
  const stack = err.stack;
  if (/^\s+at /.test(stack) || stack === '') {
    let header;
    try {
      header = Error.prototype.toString.call(err);
    } catch {
      header = 'Error';
    }
    return stack ? `${header}\n${stack.replace(/\n$/, '')}` : header;
  }
  return stack;
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
