'use strict';
// Helpers shared by the library: deprecation, promisify, system error
// names, small utilities that Node keeps in internal/util.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_FALSY_VALUE_REJECTION, ERR_OUT_OF_RANGE },
} = require('internal/errors');

const kEmptyObject = Object.freeze({ __proto__: null });
const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

// ---- deprecation ----------------------------------------------------------------

const codesWarned = new Set();

// Wraps fn so that its first call emits a DeprecationWarning; a warning
// with a code is emitted once per process whatever function carries it.
function deprecate(fn, msg, code, useEmitSync) {
  validateFunction(fn, 'fn');
  if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (process.noDeprecation === true) return fn;
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          codesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // util.deprecate(fn, msg, code, { modifyPrototype }): false keeps the
  // wrapper's own prototype chain.
  const modifyPrototype = useEmitSync !== null && typeof useEmitSync === 'object' ?
    useEmitSync.modifyPrototype !== false : true;
  if (modifyPrototype) {
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
  }
  // As in node, the wrapper keeps fn's length but is named 'deprecated'.
  Object.defineProperty(deprecated, 'length', { value: fn.length, configurable: true });
  return deprecated;
}

// pendingDeprecate: like deprecate, but the warning is only emitted under
// --pending-deprecation.
function pendingDeprecate(fn, msg, code) {
  const { getOptionValue } = require('internal/options');
  if (!getOptionValue('--pending-deprecation')) {
    validateFunction(fn, 'fn');
    function pending(...args) {
      if (new.target) return Reflect.construct(fn, args, new.target);
      return Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(pending, fn);
    if (fn.prototype) pending.prototype = fn.prototype;
    Object.defineProperty(pending, 'length', { value: fn.length, configurable: true });
    Object.defineProperty(pending, 'name', { value: fn.name, configurable: true });
    return pending;
  }
  return deprecate(fn, msg, code);
}

// ---- promisify / callbackify ------------------------------------------------------

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  // Functions whose callback gets several values name them, e.g. dns.lookup.
  const names = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        if (names !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < names.length; i++) obj[names[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  return Object.defineProperties(fn, descriptors);
}
promisify.custom = kCustomPromisifiedSymbol;

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason cannot be told apart from success by the
  // callback, so it is wrapped.
  if (!reason) {
    const wrapped = new ERR_FALSY_VALUE_REJECTION();
    wrapped.reason = reason;
    reason = wrapped;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (descriptors.name && typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const proto = Object.getPrototypeOf(original);
  if (proto !== null) Object.setPrototypeOf(callbackified, proto);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// ---- system errors ----------------------------------------------------------------

let errorMap;
function lazyErrorMap() {
  if (errorMap === undefined) {
    errorMap = new Map();
    for (const [errno, name, desc] of require('internal/util/uv_errors')) errorMap.set(errno, [name, desc]);
  }
  return errorMap;
}

function validateErrno(err) {
  if (typeof err !== 'number') throw new ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
}

function getSystemErrorName(err) {
  validateErrno(err);
  const entry = lazyErrorMap().get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

function getSystemErrorMessage(err) {
  validateErrno(err);
  const entry = lazyErrorMap().get(err);
  return entry ? entry[1] : `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  return new Map(lazyErrorMap());
}

// ---- small helpers ----------------------------------------------------------------

function once(callback) {
  let called = false;
  return function(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(callback, this, args);
  };
}

function getConstructorOf(obj) {
  while (obj) {
    const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
      return desc.value;
    }
    obj = Object.getPrototypeOf(obj);
  }
  return null;
}

function isError(e) {
  return require('internal/util/types').isNativeError(e) || e instanceof Error;
}

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  list.pop();
}

const experimentalWarnings = new Set();
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  process.emitWarning(`${feature} is an experimental feature and might change at any time`, 'ExperimentalWarning');
}

function toUSVString(str) {
  str = `${str}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function defineLazyProperties(target, id, keys, enumerable = true) {
  let mod;
  for (const key of keys) {
    let value;
    let set = false;
    Object.defineProperty(target, key, {
      enumerable,
      configurable: true,
      get() {
        if (set) return value;
        mod ??= require(id);
        return mod[key];
      },
      set(v) {
        value = v;
        set = true;
      },
    });
  }
}

// sleep(ms): blocks the thread for ms milliseconds.
function sleep(ms) {
  internalBinding('util').sleep(ms);
}

// normalizeEncoding(enc): Node's canonical name of a Buffer encoding
// ('utf8', 'utf16le', 'latin1', ...), 'utf8' when enc is empty, or
// undefined when it is unknown.
function normalizeEncoding(enc) {
  return require('internal/buffer').normalizeEncoding(enc);
}

// isInsideNodeModules reports whether the nearest caller outside node's own
// library (frames named node:...) lives under a node_modules directory. With
// no such caller among the first 100 frames it answers true, as node does.
function isInsideNodeModules() {
  // Read the plain frames: a user Error.prepareStackTrace must not run here.
  const { stackTraceLimit, prepareStackTrace } = Error;
  const hasPrepare = prepareStackTrace !== undefined;
  Error.stackTraceLimit = 100;
  if (hasPrepare) Error.prepareStackTrace = undefined;
  let stack;
  try {
    stack = `${new Error().stack}`;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    if (hasPrepare) Error.prepareStackTrace = prepareStackTrace;
  }
  const lines = stack.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const m = /^\s*at (?:.*? \()?(.*?):\d+:\d+\)?$/.exec(lines[i]);
    if (m === null) continue;
    const file = m[1];
    if (file === '' || file.startsWith('node:')) continue;
    return /[\\/]node_modules[\\/]/.test(file);
  }
  return true;
}

module.exports = {
  sleep,
  isInsideNodeModules,
  normalizeEncoding,
  kEmptyObject,
  customInspectSymbol,
  kCustomPromisifiedSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  deprecate,
  pendingDeprecate,
  promisify,
  callbackify,
  getSystemErrorName,
  getSystemErrorMessage,
  getSystemErrorMap,
  once,
  getConstructorOf,
  isError,
  spliceOne,
  emitExperimentalWarning,
  toUSVString,
  defineLazyProperties,
};
