'use strict';
// node:domain (deprecated in node, kept for old code). A domain is an
// EventEmitter that receives, as 'error' events, the errors thrown while it
// is entered and the unhandled 'error' events of emitters added to it.
//
// How errors reach a domain: internal/process/execution calls the hook set
// here first when an exception is uncaught; the hook hands it to the
// innermost entered domain that has an 'error' listener. Callbacks queued
// with timers, immediates and process.nextTick while a domain is entered
// are bound to it (lib/internal/timers.js and task_queues.js call
// process.domain.bind). Promise continuations are not followed.

const EventEmitter = require('events');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE,
    ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const execution = require('internal/process/execution');

if (process.hasUncaughtExceptionCaptureCallback()) {
  throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}

let stack = [];

function setActive(d) {
  exports.active = d;
  process.domain = d;
}

// The innermost domain on the stack, or null.
function top() {
  return stack.length > 0 ? stack[stack.length - 1] : null;
}

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
  }

  enter() {
    setActive(this);
    stack.push(this);
  }

  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    // As in node: undefined (not null) once the stack is empty.
    setActive(stack[stack.length - 1]);
  }

  add(ee) {
    if (ee.domain === this) return;
    if (ee.domain) ee.domain.remove(ee);
    // A domain added to one of its own children would make a cycle.
    if (this.domain && ee instanceof Domain) {
      for (let d = this.domain; d; d = d.domain) {
        if (ee === d) return;
      }
    }
    Object.defineProperty(ee, 'domain', {
      configurable: true, enumerable: false, value: this, writable: true,
    });
    this.members.push(ee);
  }

  remove(ee) {
    ee.domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  run(fn, ...args) {
    this.enter();
    const ret = Reflect.apply(fn, this, args);
    this.exit();
    return ret;
  }

  bind(cb) {
    const self = this;
    function runBound(...args) {
      self.enter();
      const ret = Reflect.apply(cb, this, args);
      self.exit();
      return ret;
    }
    Object.defineProperty(runBound, 'domain', {
      configurable: true, enumerable: false, value: this, writable: true,
    });
    return runBound;
  }

  intercept(cb) {
    const self = this;
    function runIntercepted(err, ...args) {
      if (err) {
        if (typeof err === 'object' || typeof err === 'function') {
          err.domainBound = cb;
          err.domainThrown = false;
          Object.defineProperty(err, 'domain', {
            configurable: true, enumerable: false, value: self, writable: true,
          });
        }
        self.emit('error', err);
        return;
      }
      self.enter();
      const ret = Reflect.apply(cb, this, args);
      self.exit();
      return ret;
    }
    Object.defineProperty(runIntercepted, 'domain', {
      configurable: true, enumerable: false, value: this, writable: true,
    });
    return runIntercepted;
  }

  // Hands an uncaught error to this domain; returns whether a listener took
  // it. Throws what the listener throws.
  _errorHandler(er) {
    if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
      Object.defineProperty(er, 'domain', {
        configurable: true, enumerable: false, value: this, writable: true,
      });
      er.domainThrown = true;
    }
    return this.emit('error', er);
  }
}

// The hook internal/process/execution runs on an uncaught exception:
// the innermost entered domain with an 'error' listener gets the error;
// if its listener throws, the next outer one gets that error. Returns
// { handled } and, when not handled, the error to report.
function onUncaught(er) {
  while (stack.length > 0) {
    const d = top();
    if (d.listenerCount('error') === 0) {
      d.exit();
      continue;
    }
    // The handler runs outside the failing domain.
    d.exit();
    try {
      d._errorHandler(er);
      // An uncaught exception ends the tick: no domain stays entered.
      stack.length = 0;
      setActive(null);
      return { handled: true };
    } catch (er2) {
      er = er2;
    }
  }
  setActive(null);
  return { handled: false, error: er };
}

execution.setDomainHook(onUncaught);

process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback() {
  throw new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
};

// Emitters made while a domain is entered belong to it; their unhandled
// 'error' events and their listeners run in it.
EventEmitter.usingDomains = true;
const eventInit = EventEmitter.init;
EventEmitter.init = function init(opts) {
  Object.defineProperty(this, 'domain', {
    configurable: true, enumerable: false, value: null, writable: true,
  });
  if (exports.active && !(this instanceof Domain)) this.domain = exports.active;
  return Reflect.apply(eventInit, this, [opts]);
};

const eventEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if (domain === null || domain === undefined || this === process ||
      (type === 'error' && this.listenerCount('error') > 0)) {
    return Reflect.apply(eventEmit, this, args);
  }
  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      Object.defineProperty(er, 'domain', {
        configurable: true, enumerable: false, value: domain, writable: true,
      });
      er.domainThrown = false;
    }
    // The domain's handler runs outside the domain (and its duplicates on
    // the stack), so that what it throws goes to an outer domain.
    const savedStack = stack.slice();
    const savedActive = process.domain;
    let idx = stack.length - 1;
    while (idx > -1 && process.domain === stack[idx]) idx--;
    stack.length = idx + 1;
    setActive(top());
    try {
      domain.emit('error', er);
    } finally {
      stack = savedStack;
      exports._stack = stack;
      setActive(savedActive);
    }
    return false;
  }
  domain.enter();
  const ret = Reflect.apply(eventEmit, this, args);
  domain.exit();
  return ret;
};

Domain.prototype.members = undefined;

function create() {
  return new Domain();
}

exports._stack = stack;
exports.Domain = Domain;
exports.createDomain = create;
exports.create = create;
exports.active = null;
process.domain = null;
