'use strict';
// AbortController and AbortSignal.

const {
  EventTarget, Event, kTrustEvent, defineEventHandler,
} = require('internal/event_target');
const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');
const { DOMException } = require('internal/per_context/domexception');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kDontThrowKey = Symbol('kDontThrowKey');
const kDependants = Symbol('kDependants');
// kSources: on a signal made by AbortSignal.any, the signals it follows.
const kSources = Symbol('kSources');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrowKey) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
    // Signals never warn about many listeners (getMaxListeners(signal) is 0).
    this[require('events').kMaxEventTargetListeners] = 0;
  }

  get aborted() {
    validateThisAbortSignal(this);
    return this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kDontThrowKey);
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kDontThrowKey);
    const timer = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer.unref?.();
    return signal;
  }

  static any(signals) {
    // signals is a WebIDL sequence: any iterable object.
    if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('signals', 'AbortSignal[]', signals);
    }
    const list = [...signals];
    for (let i = 0; i < list.length; i++) {
      if (list[i]?.[kAborted] === undefined) throw new ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', list[i]);
    }
    const result = new AbortSignal(kDontThrowKey);
    for (const s of list) {
      if (s[kAborted]) {
        result[kAborted] = true;
        result[kReason] = s[kReason];
        return result;
      }
    }
    // A composite signal depends directly on the sources of the signals it
    // is made from, never on another composite signal.
    const sources = new Set();
    for (const s of list) {
      if (s[kSources] !== undefined) {
        for (const src of s[kSources]) sources.add(src);
      } else {
        sources.add(s);
      }
    }
    result[kSources] = sources;
    for (const s of sources) {
      s[kDependants] ??= new Set();
      s[kDependants].add(result);
    }
    return result;
  }

  [inspectSymbol](depth, options, inspect) {
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `AbortSignal ${inspect({ aborted: this.aborted }, options)}`;
  }
}

for (const name of ['aborted', 'reason', 'throwIfAborted']) {
  const d = Object.getOwnPropertyDescriptor(AbortSignal.prototype, name);
  d.enumerable = true;
  Object.defineProperty(AbortSignal.prototype, name, d);
}
for (const name of ['abort', 'timeout', 'any']) {
  const d = Object.getOwnPropertyDescriptor(AbortSignal, name);
  d.enumerable = true;
  Object.defineProperty(AbortSignal, name, d);
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
defineEventHandler(AbortSignal.prototype, 'abort');

// abortSignal aborts signal with reason: every signal that depends on it
// (made by AbortSignal.any) takes the reason first, then the abort events
// fire, the signal's own first, the dependants' in the order they were made.
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const toAbort = [];
  const deps = signal[kDependants];
  if (deps !== undefined) {
    signal[kDependants] = undefined;
    for (const d of deps) {
      if (d[kAborted]) continue;
      d[kAborted] = true;
      d[kReason] = reason;
      toAbort.push(d);
    }
  }
  signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
  for (const d of toAbort) {
    for (const src of d[kSources]) src[kDependants]?.delete(d);
    d[kSources] = undefined;
    d.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
  }
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = new AbortSignal(kDontThrowKey);
  }

  get signal() {
    if (!(#signal in this)) throw new ERR_INVALID_THIS('AbortController');
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    if (!(#signal in this)) throw new ERR_INVALID_THIS('AbortController');
    abortSignal(this.#signal, reason);
  }

  [inspectSymbol](depth, options, inspect) {
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `AbortController { signal: ${this.#signal[inspectSymbol](depth, options, inspect)} }`;
  }
}
for (const name of ['signal', 'abort']) {
  const d = Object.getOwnPropertyDescriptor(AbortController.prototype, name);
  d.enumerable = true;
  Object.defineProperty(AbortController.prototype, name, d);
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

function newAbortSignal() { return new AbortSignal(kDontThrowKey); }

module.exports = {
  AbortController,
  AbortSignal,
  kAborted,
  kReason,
  abortSignal,
  newAbortSignal,
  transferableAbortSignal(signal) { return signal; },
  transferableAbortController() { return new AbortController(); },
};
