'use strict';
// V8's error stack conventions over QuickJS.
//
// QuickJS gives every error an own `stack` holding only the "    at" frames.
// Node programs expect V8's form: a "Name: message" header, then the frames,
// with the header computed when the stack is first read (so a subclass that
// sets this.name in its constructor is named correctly). Errors created by
// JS code go through the wrapped constructors below and get that form;
// errors thrown by the engine itself (a TypeError from `null.x`) keep the
// engine's form, and the printers (util.inspect, the uncaught-exception
// report) add the header for them.
//
// Also: Error.captureStackTrace and Error.stackTraceLimit, and the column
// fix for line 1 of CommonJS modules, which share their first line with the
// module wrapper.

// filename -> columns the wrapper adds to line 1.
const firstLineOffsets = new Map();

function setFirstLineOffset(filename, offset) {
  firstLineOffsets.set(filename, offset);
}

// Records a file compiled by contextify.compileFunction, whose wrapper,
// "(function (<params>) {", precedes the source on line 1.
function noteWrapped(filename, params) {
  setFirstLineOffset(filename, '(function ('.length + params.join(', ').length + ') {'.length);
}

// Rewrites ":1:col" positions of wrapped files in a frames string.
function fixFrames(frames) {
  if (firstLineOffsets.size === 0 || !frames.includes(':1:')) return frames;
  return frames.replace(/([^\s(]+):1:(\d+)(\)?)$/gm, (m, file, col, paren) => {
    const off = firstLineOffsets.get(file);
    if (off === undefined) return m;
    return `${file}:1:${Math.max(1, col - off)}${paren}`;
  });
}

function limitFrames(frames, skip) {
  const limit = Error.stackTraceLimit;
  const lines = frames.split('\n');
  let start = skip;
  const out = [];
  for (let i = start; i < lines.length; i++) {
    if (lines[i] === '') continue;
    if (typeof limit === 'number' && out.length >= limit) break;
    out.push(lines[i]);
  }
  return out.join('\n');
}

function headerOf(err) {
  let name;
  let message;
  try {
    name = err.name;
    message = err.message;
  } catch {
    return 'Error';
  }
  name = name === undefined ? 'Error' : String(name);
  message = message === undefined ? '' : String(message);
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// A V8-style structured call site parsed from one "    at ..." frame line,
// handed to a user's Error.prepareStackTrace(error, callSites).
class CallSite {
  constructor(line) {
    let text = line.trim();
    if (text.startsWith('at ')) text = text.slice(3);
    this._text = text;
    let name = null;
    let loc = text;
    const m = /^(.*?) \((.*)\)$/.exec(text);
    if (m) {
      name = m[1];
      loc = m[2];
    }
    this._constructor = false;
    if (name !== null && name.startsWith('new ')) {
      this._constructor = true;
      name = name.slice(4);
    }
    this._type = null;
    if (name === 'Object.<anonymous>') {
      // A module's top level: V8 reports the receiver's type only.
      name = null;
      this._type = 'Object';
    }
    if (name === '<anonymous>' || name === '<eval>' || name === '') name = null;
    this._name = name;
    this._native = loc === 'native';
    this._file = null;
    this._line = null;
    this._column = null;
    if (!this._native) {
      const l = /^(.*?):(\d+)(?::(\d+))?$/.exec(loc);
      if (l) {
        this._file = l[1];
        this._line = Number(l[2]);
        this._column = l[3] === undefined ? null : Number(l[3]);
      } else {
        this._file = loc;
      }
    }
  }

  getThis() { return undefined; }
  getTypeName() { return this._type; }
  getFunction() { return undefined; }
  getFunctionName() { return this._name; }
  getMethodName() { return null; }
  getFileName() { return this._file ?? undefined; }
  getLineNumber() { return this._line; }
  getColumnNumber() { return this._column; }
  getEnclosingLineNumber() { return null; }
  getEnclosingColumnNumber() { return null; }
  getEvalOrigin() { return undefined; }
  getScriptNameOrSourceURL() { return this._file ?? undefined; }
  getScriptHash() { return ''; }
  getPosition() { return 0; }
  getPromiseIndex() { return null; }
  isToplevel() { return this._name === null && this._type === null; }
  isEval() { return false; }
  isNative() { return this._native; }
  isConstructor() { return this._constructor; }
  isAsync() { return false; }
  isPromiseAll() { return false; }
  toString() { return this._text; }
}

function callSitesOf(frames) {
  if (!frames) return [];
  return frames.split('\n').filter((l) => l.trim() !== '').map((l) => new CallSite(l));
}

// Replaces the engine's frames-only stack with a lazy V8-style one. The
// stack is computed when first read: through g.Error.prepareStackTrace when
// that is a function (as V8 does), else as "Name: message" plus the frames.
// Set once transformed code (TypeScript, or a file with a source map under
// --enable-source-maps) has been loaded: stacks are then mapped back to
// the original files when first read.
let stackMapping = false;
function enableStackMapping() { stackMapping = true; }

function installStack(err, frames, g = globalThis) {
  let value;
  let computed = false;
  Object.defineProperty(err, 'stack', {
    get() {
      if (!computed) {
        computed = true;
        if (!stackMapping && frames) stackMapping = internalBinding('module_wrap').hasLineMaps();
        if (stackMapping && frames) frames = internalBinding('module_wrap').mapStack(frames);
        const prepare = g.Error?.prepareStackTrace;
        if (typeof prepare === 'function') {
          value = prepare(err, callSitesOf(frames));
        } else {
          value = frames ? `${headerOf(err)}\n${frames}` : headerOf(err);
        }
      }
      return value;
    },
    set(v) {
      computed = true;
      value = v;
    },
    enumerable: false,
    configurable: true,
  });
}

function wrapErrorConstructor(Orig, Base, g) {
  const Wrapped = {
    [Orig.name]: function(...args) {
      const err = Reflect.construct(Orig, args, new.target ?? Wrapped);
      const raw = Object.getOwnPropertyDescriptor(err, "stack");
      if (raw && typeof raw.value === 'string') {
        // Drop the frames of Reflect.construct and of this wrapper.
        installStack(err, fixFrames(limitFrames(raw.value, 2)), g);
      }
      return err;
    },
  }[Orig.name];
  Object.defineProperty(Wrapped, 'length', { value: Orig.length });
  Wrapped.prototype = Orig.prototype;
  Object.defineProperty(Orig.prototype, 'constructor', {
    value: Wrapped, writable: true, enumerable: false, configurable: true,
  });
  Object.setPrototypeOf(Wrapped, Base ?? Object.getPrototypeOf(Orig));
  for (const key of Reflect.ownKeys(Orig)) {
    if (key === 'prototype' || key === 'length' || key === 'name') continue;
    const d = Object.getOwnPropertyDescriptor(Orig, key);
    Object.defineProperty(Wrapped, key, d);
  }
  return Wrapped;
}

// install(g) wraps the error constructors of the realm whose global object
// is g (this realm by default; vm contexts pass theirs).
function install(g = globalThis) {
  if (typeof g.Error.captureStackTrace === 'function') return;
  const NewError = wrapErrorConstructor(g.Error, null, g);
  g.Error = NewError;
  for (const name of ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']) {
    const Orig = g[name];
    if (typeof Orig !== 'function') continue;
    Object.defineProperty(g, name, {
      value: wrapErrorConstructor(Orig, NewError, g), writable: true, enumerable: false, configurable: true,
    });
  }
  Object.defineProperty(NewError, 'stackTraceLimit', { value: 10, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(NewError, 'captureStackTrace', {
    value: function captureStackTrace(obj, constructorOpt) {
      if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
        throw new TypeError('Invalid argument');
      }
      const probe = {};
      const frames = (new OrigErrorForProbe().stack || '').split('\n').filter(Boolean);
      void probe;
      // Drop our own frame, then everything up to constructorOpt.
      let start = 1;
      if (typeof constructorOpt === 'function' && constructorOpt.name) {
        const n = constructorOpt.name;
        const i = frames.findLastIndex((l) => l.includes(`at ${n} `) || l.includes(`at new ${n} `));
        if (i >= 0) start = i + 1;
      }
      installStack(obj, fixFrames(limitFrames(frames.join('\n'), start)), g);
    },
    writable: true, configurable: true, enumerable: false,
  });
}

const OrigErrorForProbe = Error;

module.exports = { enableStackMapping, install, setFirstLineOffset, noteWrapped, fixFrames, headerOf };
