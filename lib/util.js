'use strict';
// node:util

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  notImplemented,
  ErrnoException,
} = require('internal/errors');
const {
  inspect,
  format,
  formatWithOptions,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const {
  deprecate,
  promisify,
  callbackify,
  getSystemErrorName,
  getSystemErrorMessage,
  getSystemErrorMap,
  toUSVString,
} = require('internal/util');
const types = require('util/types');

let comparisons;
function isDeepStrictEqual(a, b, skipPrototype = false) {
  comparisons ??= require('internal/util/comparisons');
  return comparisons.isDeepStrictEqual(a, b, skipPrototype);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// ---- debuglog ------------------------------------------------------------------

let debugPattern;
function debugEnabled(set) {
  if (debugPattern === undefined) {
    const env = process.env.NODE_DEBUG;
    if (env) {
      const source = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replace(/,/g, '$|^');
      debugPattern = new RegExp(`^${source}$`, 'i');
    } else {
      debugPattern = null;
    }
  }
  return debugPattern !== null && debugPattern.test(set);
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return true;
  return !!(stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

// The sets whose "sensitive data" warning was emitted (once per process).
const debugWarned = new Set();

function debuglog(set, cb) {
  set = `${set}`.toUpperCase();
  let impl;
  const init = () => {
    if (impl !== undefined) return;
    if (debugEnabled(set)) {
      const pid = process.pid;
      if ((set === 'HTTP' || set === 'HTTP2') && !debugWarned.has(set)) {
        debugWarned.add(set);
        process.emitWarning(`Setting the NODE_DEBUG environment variable to '${set.toLowerCase()}' can expose ` +
          'sensitive data (such as passwords, tokens and authentication headers) in the resulting log.');
      }
      impl = function debug(...args) {
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      impl = () => {};
    }
    if (typeof cb === 'function') cb(impl);
  };
  function logger(...args) {
    init();
    return Reflect.apply(impl, this, args);
  }
  Object.defineProperty(logger, 'enabled', {
    get() { return debugEnabled(set); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// ---- styleText ----------------------------------------------------------------

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  if (typeof text !== 'string') throw new ERR_INVALID_ARG_TYPE('text', 'string', text);
  if (typeof validateStream !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.validateStream', 'boolean', validateStream);
  let skip = false;
  if (validateStream) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skip = !shouldColorize(stream);
  }
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  const codes = [];
  for (const key of formats) {
    if (key === 'none') continue;
    const code = inspect.colors[key];
    if (code === undefined) {
      const allowed = Object.keys(inspect.colors).map((k) => `'${k}'`).join(', ');
      throw new ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${allowed}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
    codes.push(code);
  }
  if (skip) return text;
  // Nested styles: where inner text resets one of our styles (other than at
  // its very end), switch ours back on.
  for (const [open, close] of codes) {
    const openSeq = `\u001b[${open}m`;
    const closeSeq = `\u001b[${close}m`;
    if (!text.includes(closeSeq)) continue;
    const again = close === 39 || close === 49 ? openSeq : closeSeq + openSeq;
    const atEnd = text.endsWith(closeSeq);
    const body = atEnd ? text.slice(0, text.length - closeSeq.length) : text;
    text = body.split(closeSeq).join(again) + (atEnd ? closeSeq : '');
  }
  return `${left}${text}${right}`;
}

// ---- parseEnv -----------------------------------------------------------------

function parseEnv(content) {
  if (typeof content !== 'string') throw new ERR_INVALID_ARG_TYPE('content', 'string', content);
  const out = {};
  const src = content.replace(/\r\n?/g, '\n');
  let pos = 0;
  while (pos < src.length) {
    let nl = src.indexOf('\n', pos);
    if (nl === -1) nl = src.length;
    const line = src.slice(pos, nl).trim();
    if (line === '' || line[0] === '#') {
      pos = nl + 1;
      continue;
    }
    const eq = src.indexOf('=', pos);
    if (eq === -1 || eq > nl) {
      pos = nl + 1;
      continue;
    }
    let key = src.slice(pos, eq).trim();
    if (key.startsWith('export ')) key = key.slice(7).trim();
    let vstart = eq + 1;
    while (vstart < src.length && (src[vstart] === ' ' || src[vstart] === '\t')) vstart++;
    const q = src[vstart];
    let value;
    if (q === '"' || q === "'" || q === '`') {
      const close = src.indexOf(q, vstart + 1);
      if (close !== -1) {
        value = src.slice(vstart + 1, close);
        if (q === '"') value = value.replace(/\\n/g, '\n');
        let end = src.indexOf('\n', close);
        if (end === -1) end = src.length;
        pos = end + 1;
        if (key !== '') out[key] = value;
        continue;
      }
    }
    value = src.slice(vstart, nl);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    value = value.trim();
    if (key !== '') out[key] = value;
    pos = nl + 1;
  }
  return out;
}

// ---- misc ---------------------------------------------------------------------

function aborted(signal, resource) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function pad(n) {
  return n.toString().padStart(2, '0');
}
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function timestamp() {
  const d = new Date();
  const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}

function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

function _errnoException(err, syscall, original) {
  return new ErrnoException(err, syscall, original);
}

function _exceptionWithHostPort(err, syscall, address, port, additional) {
  const e = new ErrnoException(err, syscall, additional);
  e.address = address;
  if (port) e.port = port;
  return e;
}

// getCallSites([frameCount][, options]) describes the callers of the
// function that calls it, parsed from the engine's stack frames.
function getCallSites(frameCount = 10, options) {
  if (typeof frameCount === 'object' && frameCount !== null) {
    options = frameCount;
    frameCount = 10;
  }
  const { validateNumber, validateObject } = require('internal/validators');
  validateNumber(frameCount, 'frameCount', 1, 200);
  if (options !== undefined) validateObject(options, 'options');
  // Read the frames as the engine has them: neither a user's
  // Error.prepareStackTrace nor Error.stackTraceLimit applies.
  const raw = {};
  const hasPrepare = Object.prototype.hasOwnProperty.call(Error, 'prepareStackTrace');
  const { prepareStackTrace, stackTraceLimit } = Error;
  let stack;
  const setLimit = (value) => {
    try {
      Error.stackTraceLimit = value;
    } catch {
      // A read-only limit (frozen, a getter) stays as the program set it.
    }
  };
  try {
    if (hasPrepare) Error.prepareStackTrace = undefined;
    setLimit(Infinity);
    Error.captureStackTrace(raw, getCallSites);
    stack = String(raw.stack);
  } finally {
    if (hasPrepare) Error.prepareStackTrace = prepareStackTrace;
    setLimit(stackTraceLimit);
  }
  const out = [];
  for (const line of stack.split('\n')) {
    const m = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    const functionName = m[1] === undefined || m[1] === '<anonymous>' || m[1] === '<eval>' ? '' : m[1];
    out.push({
      functionName,
      scriptId: '0',
      scriptName: m[2],
      lineNumber: Number(m[3]),
      column: Number(m[4]),
      columnNumber: Number(m[4]),
    });
    if (out.length >= frameCount) break;
  }
  return out;
}

// diff(actual, expected): the edit script between two strings (as
// characters) or arrays of strings, as [op, value] entries: 0 common,
// 1 only in actual, -1 only in expected (actual's first in each change).
function diff(actual, expected) {
  const { validateString } = require('internal/validators');
  const check = (value, name) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
    } else {
      validateString(value, name);
    }
  };
  check(actual, 'actual');
  check(expected, 'expected');
  if (actual === expected) return [];
  const { myersDiff } = require('internal/assert/myers_diff');
  const ops = { ' ': 0, '+': 1, '-': -1 };
  // Strings split into UTF-16 code units, as node does.
  const units = (v) => (typeof v === 'string' ? v.split('') : v);
  return myersDiff(units(actual), units(expected)).map((e) => [ops[e.op], e.line]);
}

// convertProcessSignalToExitCode(signalCode): the exit code a shell
// reports for a process killed by that signal, 128 + its number.
function convertProcessSignalToExitCode(signalCode) {
  const { signals } = require('os').constants;
  const { validateOneOf } = require('internal/validators');
  validateOneOf(signalCode, 'signalCode', Object.keys(signals));
  return 128 + signals[signalCode];
}

const isPrimitive = (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function');

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  convertProcessSignalToExitCode,
  debug: debuglog,
  diff,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getCallSites,
  getSystemErrorMap,
  getSystemErrorName,
  getSystemErrorMessage,
  inherits,
  inspect,
  isArray: deprecate(Array.isArray,
    'The `util.isArray` API is deprecated. Please use `Array.isArray()` instead.', 'DEP0044'),
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => globalThis.Buffer !== undefined && globalThis.Buffer.isBuffer(arg),
  isDeepStrictEqual,
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  isRegExp: types.isRegExp,
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isDate: types.isDate,
  isError: (e) => types.isNativeError(e) || e instanceof Error,
  isFunction: (arg) => typeof arg === 'function',
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
  aborted,
  types,
  parseEnv,
};

Object.defineProperties(module.exports, {
  parseArgs: {
    get() { return require('internal/util/parse_args').parseArgs; },
    enumerable: true, configurable: true,
  },
  MIMEType: {
    get() { return require('internal/util/mime').MIMEType; },
    enumerable: true, configurable: true,
  },
  MIMEParams: {
    get() { return require('internal/util/mime').MIMEParams; },
    enumerable: true, configurable: true,
  },
  TextEncoder: {
    get() { return globalThis.TextEncoder; },
    enumerable: true, configurable: true,
  },
  TextDecoder: {
    get() { return globalThis.TextDecoder; },
    enumerable: true, configurable: true,
  },
  transferableAbortSignal: {
    get() { return () => { throw notImplemented('util.transferableAbortSignal'); }; },
    enumerable: true, configurable: true,
  },
  transferableAbortController: {
    get() { return () => { throw notImplemented('util.transferableAbortController'); }; },
    enumerable: true, configurable: true,
  },
});
