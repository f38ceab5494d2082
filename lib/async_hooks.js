'use strict';
// node:async_hooks without engine promise hooks. AsyncLocalStorage keeps
// its store in the async context frame (internal/async_context_frame):
// through synchronous calls made inside run(), timers, immediates,
// process.nextTick, promise reactions and `await` (followed by the engine
// side, internal/qjs/asyncctx.go), and AsyncResource scopes and bound
// functions. createHook() returns a hook whose enable/disable do nothing:
// no init/before/after events are emitted.

const {
  codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID },
} = require('internal/errors');
const { validateFunction, validateString, validateObject } = require('internal/validators');
const frames = require('internal/async_context_frame');

const slot = frames.slot;
let nextAsyncId = 2;
let executionAsyncIdValue = 1;
let triggerAsyncIdValue = 0;

const withFrame = frames.run;

class AsyncLocalStorage {
  #enabled = false;
  #defaultValue = undefined;
  #name = undefined;

  constructor(options = {}) {
    validateObject(options, 'options');
    this.#defaultValue = options.defaultValue;
    if (options.name !== undefined) this.#name = `${options.name}`;
  }

  static bind(fn) {
    validateFunction(fn, 'fn');
    const frame = slot[0];
    return function bound(...args) {
      return withFrame(frame, fn, this, args);
    };
  }

  static snapshot() {
    const frame = slot[0];
    return function runInAsyncScope(fn, ...args) {
      return withFrame(frame, fn, this, args);
    };
  }

  disable() {
    this.#enabled = false;
    if (slot[0].has(this)) {
      const next = new Map(slot[0]);
      next.delete(this);
      frames.leave(next);
    }
  }

  getStore() {
    if (!this.#enabled) return this.#defaultValue;
    const frame = slot[0];
    return frame.has(this) ? frame.get(this) : this.#defaultValue;
  }

  enterWith(store) {
    this.#enabled = true;
    frames.enable();
    const next = new Map(slot[0]);
    next.set(this, store);
    frames.leave(next);
  }

  run(store, callback, ...args) {
    this.#enabled = true;
    frames.enable();
    const next = new Map(slot[0]);
    next.set(this, store);
    return withFrame(next, callback, undefined, args);
  }

  exit(callback, ...args) {
    if (!this.#enabled) return Reflect.apply(callback, undefined, args);
    const next = new Map(slot[0]);
    next.delete(this);
    return withFrame(next, callback, undefined, args);
  }

  get name() { return this.#name ?? ''; }
}

class AsyncResource {
  #frame;
  #asyncId;
  #triggerAsyncId;
  #type;

  constructor(type, opts = {}) {
    validateString(type, 'type');
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    let triggerAsyncId = opts;
    if (typeof opts === 'object' && opts !== null) {
      triggerAsyncId = opts.triggerAsyncId;
    }
    if (triggerAsyncId === undefined) triggerAsyncId = executionAsyncIdValue;
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    this.#type = type;
    this.#frame = slot[0];
    this.#asyncId = nextAsyncId++;
    this.#triggerAsyncId = triggerAsyncId;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const prevExec = executionAsyncIdValue;
    const prevTrigger = triggerAsyncIdValue;
    executionAsyncIdValue = this.#asyncId;
    triggerAsyncIdValue = this.#triggerAsyncId;
    try {
      return withFrame(this.#frame, fn, thisArg, args);
    } finally {
      executionAsyncIdValue = prevExec;
      triggerAsyncIdValue = prevTrigger;
    }
  }

  emitDestroy() {
    return this;
  }

  asyncId() { return this.#asyncId; }

  triggerAsyncId() { return this.#triggerAsyncId; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const self = this;
    const bound = thisArg === undefined ?
      function(...args) { return self.runInAsyncScope(fn, this, ...args); } :
      (...args) => self.runInAsyncScope(fn, thisArg, ...args);
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: { configurable: true, enumerable: true, value: this, writable: true },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return (new AsyncResource(type)).bind(fn, thisArg);
  }
}

class AsyncHook {
  constructor(callbacks) {
    for (const name of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
      const cb = callbacks[name];
      if (cb !== undefined && typeof cb !== 'function') {
        throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      }
    }
  }

  enable() { return this; }

  disable() { return this; }
}

function createHook(callbacks) {
  validateObject(callbacks, 'callbacks', { nullable: false });
  return new AsyncHook(callbacks);
}

function executionAsyncId() { return executionAsyncIdValue; }
function triggerAsyncId() { return triggerAsyncIdValue; }
function executionAsyncResource() { return {}; }

const asyncWrapProviders = Object.freeze({
  __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4,
  FILEHANDLECLOSEREQ: 5, FSEVENTWRAP: 7, FSREQCALLBACK: 8, FSREQPROMISE: 9,
  GETADDRINFOREQWRAP: 10, GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12,
  HTTP2SESSION: 13, HTTP2STREAM: 14, HTTP2PING: 15, HTTP2SETTINGS: 16,
  HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19, JSUDPWRAP: 20,
  MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23, PIPEWRAP: 24,
  PROCESSWRAP: 25, PROMISE: 26, QUERYWRAP: 27, SHUTDOWNWRAP: 34, SIGNALWRAP: 35,
  STATWATCHER: 36, STREAMPIPE: 37, TCPCONNECTWRAP: 38, TCPSERVERWRAP: 39,
  TCPWRAP: 40, TTYWRAP: 41, UDPSENDWRAP: 42, UDPWRAP: 43, SIGINTWATCHDOG: 44,
  WORKER: 45, WORKERHEAPSNAPSHOT: 46, WRITEWRAP: 47, ZLIB: 48,
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
