'use strict';
// Shared helpers of the WHATWG streams implementation: promise plumbing,
// queue-with-sizes, strategy extraction and error constructors.

const {
  codes: { ERR_INVALID_STATE, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
} = require('internal/errors');

const kState = Symbol('kState');
const kType = Symbol('kType');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function noop() {}

// A promise with its settle functions exposed; `settled` tells whether
// resolve or reject already ran.
function deferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  d.promise = new Promise((res, rej) => {
    d.resolve = (v) => { d.settled = true; res(v); };
    d.reject = (e) => { d.settled = true; rej(e); };
  });
  return d;
}

function resolvedDeferred(v) {
  const d = deferred();
  d.resolve(v);
  return d;
}

function rejectedDeferred(e) {
  const d = deferred();
  d.reject(e);
  d.promise.then(undefined, noop);
  return d;
}

function setPromiseHandled(p) {
  p.then(undefined, noop);
}

// Calls method on obj with args, turning a throw or a non-promise result
// into a promise.
function promiseCall(fn, thisArg, ...args) {
  try {
    return Promise.resolve(fn.call(thisArg, ...args));
  } catch (e) {
    return Promise.reject(e);
  }
}

function invalidState(msg) {
  return new ERR_INVALID_STATE.TypeError(msg);
}

function invalidThis(name) {
  return new ERR_INVALID_THIS(name);
}

// Throws ERR_INVALID_ARG_TYPE unless value is an object (or function), or
// undefined; null passes only when nullable.
function validateDictionary(value, name, nullable) {
  if (value === undefined || (nullable && value === null)) return;
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function extractHighWaterMark(strategy, defaultHWM) {
  if (strategy == null) return defaultHWM;
  const hwm = strategy.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = Number(hwm);
  if (Number.isNaN(n) || n < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  }
  return n;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy == null ? undefined : strategy.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

// Queue-with-sizes over an object with queue and queueTotalSize.
function enqueueValueWithSize(c, value, size) {
  size = +size;
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  c.queue.push({ value, size });
  c.queueTotalSize += size;
}

function dequeueValue(c) {
  const { value, size } = c.queue.shift();
  c.queueTotalSize = Math.max(0, c.queueTotalSize - size);
  return value;
}

function peekQueueValue(c) {
  return c.queue[0].value;
}

function resetQueue(c) {
  c.queue = [];
  c.queueTotalSize = 0;
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function transferArrayBuffer(buffer) {
  if (buffer.detached) throw invalidState('The ArrayBuffer is detached');
  return buffer.transfer();
}

// Whether promise is a pending promise (false for anything else).
function isPromisePending(promise) {
  if (!(promise instanceof Promise)) return false;
  const details = internalBinding('util').getPromiseDetails(promise);
  return details !== undefined && details[0] === 0;
}

function lazyInspect() {
  return require('internal/util/inspect');
}

// Formats `Name { key: value, ... }` for util.inspect, as node does.
function inspectObject(self, name, props, depth, options) {
  if (depth < 0) return self;
  const inspect = lazyInspect().inspect;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(props, opts)}`;
}

module.exports = {
  kState, kType, customInspect, noop, deferred, resolvedDeferred, rejectedDeferred,
  setPromiseHandled, promiseCall, invalidState, invalidThis, extractHighWaterMark,
  extractSizeAlgorithm, enqueueValueWithSize, dequeueValue, peekQueueValue, resetQueue,
  isArrayBufferView, transferArrayBuffer, inspectObject, isPromisePending, validateDictionary,
};
