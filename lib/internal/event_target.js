'use strict';
// EventTarget, Event and CustomEvent (the DOM standard, without a tree:
// dispatch reaches only the target), plus Node's NodeEventTarget.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_EVENT_RECURSION, ERR_MISSING_ARGS, ERR_INVALID_THIS },
} = require('internal/errors');
const { validateObject, validateAbortSignal } = require('internal/validators');

const kEvents = Symbol('kEvents');
const kTrustEvent = Symbol('kTrustEvent');
const kWeakHandler = Symbol('kWeak');
// A listener option: the listener still runs after stopImmediatePropagation
// (events.once and addAbortListener rely on it).
const kResistStopPropagation = Symbol('kResistStopPropagation');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kEventState = Symbol('kEventState');
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');

const isTrustedGetter = function isTrusted() { return this?.[kEventState]?.trusted === true; };

// now() is the event time stamp: performance.now() when perf_hooks exists.
const startTime = Date.now();
function now() {
  try {
    return globalThis.performance.now();
  } catch {
    return Date.now() - startTime;
  }
}

function state(self, name = 'Event') {
  const s = self?.[kEventState];
  if (s === undefined) throw new ERR_INVALID_THIS(name);
  return s;
}

class Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    Object.defineProperty(this, kEventState, {
      value: {
        type: `${type}`,
        bubbles: Boolean(options?.bubbles),
        cancelable: Boolean(options?.cancelable),
        composed: Boolean(options?.composed),
        defaultPrevented: false,
        timeStamp: now(),
        target: null,
        currentTarget: null,
        propagationStopped: false,
        immediateStopped: false,
        dispatching: false,
        passive: false,
        trusted: options?.[kTrustEvent] === true,
      },
    });
    // isTrusted is an own, unforgeable accessor.
    Object.defineProperty(this, 'isTrusted', { get: isTrustedGetter, enumerable: false, configurable: false });
  }

  get type() { return state(this).type; }
  get bubbles() { return state(this).bubbles; }
  get cancelable() { return state(this).cancelable; }
  get composed() { return state(this).composed; }
  get defaultPrevented() { const s = state(this); return s.cancelable && s.defaultPrevented; }
  get timeStamp() { return state(this).timeStamp; }
  get target() { return state(this).target; }
  get currentTarget() { return state(this).currentTarget; }
  get srcElement() { return state(this).target; }
  get eventPhase() { return state(this).dispatching ? Event.AT_TARGET : Event.NONE; }
  get returnValue() { const s = state(this); return !(s.cancelable && s.defaultPrevented); }
  set returnValue(v) { if (!v) this.preventDefault(); }
  get cancelBubble() { return state(this).propagationStopped; }
  set cancelBubble(v) { if (v) state(this).propagationStopped = true; }

  composedPath() {
    const s = state(this);
    return s.dispatching ? [s.currentTarget] : [];
  }

  preventDefault() {
    const s = state(this);
    if (s.cancelable && !s.passive) s.defaultPrevented = true;
  }

  stopPropagation() { state(this).propagationStopped = true; }

  stopImmediatePropagation() {
    const s = state(this);
    s.propagationStopped = true;
    s.immediateStopped = true;
  }

  [inspectSymbol](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `${name} ${inspect({
      type: this.type, defaultPrevented: this.defaultPrevented, cancelable: this.cancelable, timeStamp: this.timeStamp,
    }, options)}`;
  }
}

for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  const d = { value, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(Event, name, d);
  Object.defineProperty(Event.prototype, name, d);
}
for (const name of ['type', 'bubbles', 'cancelable', 'composed', 'defaultPrevented', 'timeStamp', 'target',
  'currentTarget', 'srcElement', 'eventPhase', 'returnValue', 'cancelBubble', 'composedPath', 'preventDefault',
  'stopPropagation', 'stopImmediatePropagation']) {
  const d = Object.getOwnPropertyDescriptor(Event.prototype, name);
  d.enumerable = true;
  Object.defineProperty(Event.prototype, name, d);
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }
  get detail() {
    if (!(#detail in this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });
Object.defineProperty(CustomEvent.prototype, 'detail', {
  ...Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail'), enumerable: true,
});

function initEventTarget(self) {
  Object.defineProperty(self, kEvents, { value: new Map(), configurable: true });
  self[kMaxEventTargetListeners()] = defaultMaxListeners();
  self[kMaxEventTargetListenersWarned()] = false;
}

let events;
function lazyEvents() {
  events ??= require('events');
  return events;
}
function kMaxEventTargetListeners() { return lazyEvents().kMaxEventTargetListeners; }
function kMaxEventTargetListenersWarned() { return lazyEvents().kMaxEventTargetListenersWarned; }
function defaultMaxListeners() { return lazyEvents().defaultMaxListeners; }

function validateListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent may be added later
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function normalizeOptions(options) {
  if (typeof options === 'boolean') {
    return { capture: options, once: false, passive: false, signal: undefined, nodeStyle: false, resist: false };
  }
  if (options == null) return { capture: false, once: false, passive: false, signal: undefined, nodeStyle: false, resist: false };
  validateObject(options, 'options', { allowArray: true, allowFunction: true });
  return {
    capture: Boolean(options.capture),
    once: Boolean(options.once),
    passive: Boolean(options.passive),
    signal: options.signal,
    [kWeakHandler]: options[kWeakHandler],
    nodeStyle: options[kIsNodeStyleListener] === true,
    resist: options[kResistStopPropagation] === true,
  };
}

function reportError(err) {
  process.nextTick(() => { throw err; });
}

// removeListener is removeEventListener's work on target, for a type
// already made a string.
function removeListener(target, type, listener, capture) {
  const list = target[kEvents].get(type);
  if (list === undefined) return;
  const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
  if (i === -1) return;
  list[i].removed = true;
  list.splice(i, 1);
  if (list.length === 0) target[kEvents].delete(type);
  target[kRemoveListener]?.(list.length, type, listener, capture);
}

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const { capture, once, passive, signal, nodeStyle, resist } = normalizeOptions(options);
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning?.(w);
      return;
    }
    type = `${type}`;
    if (signal !== undefined) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
    }
    const map = this[kEvents];
    let list = map.get(type);
    if (list === undefined) {
      list = newListenerList();
      map.set(type, list);
    }
    for (const l of list) {
      if (l.listener === listener && l.capture === capture) return;
    }
    const entry = { listener, capture, once, passive, nodeStyle, resist, removed: false };
    list.push(entry);
    const max = this[kMaxEventTargetListeners()];
    if (max > 0 && list.length > max && !this[kMaxEventTargetListenersWarned()]) {
      this[kMaxEventTargetListenersWarned()] = true;
      const w = new Error(`Possible EventTarget memory leak detected. ${list.length} ${type} listeners added to ${this.constructor.name === 'AbortSignal' ? '[AbortSignal]' : `[${this.constructor.name}]`}. MaxListeners is ${max}. Use events.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = list.length;
      process.emitWarning?.(w);
    }
    if (signal !== undefined) {
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, { capture });
      }, { once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }
    this[kNewListener]?.(list.length, type, listener, once, capture, passive);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    removeListener(this, `${type}`, listener, capture);
  }

  dispatchEvent(event) {

    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    const s = event[kEventState];
    if (s.dispatching) throw new ERR_EVENT_RECURSION(event.type);
    this[kHybridDispatch](event, s.type, event);
    return event.defaultPrevented !== true;
  }

  [kHybridDispatch](nodeValue, type, event) {
    let s;
    const fromEmit = event === undefined;
    if (event !== undefined) {
      s = event[kEventState];
      s.target = this;
      s.currentTarget = this;
      s.dispatching = true;
    }
    const list = this[kEvents].get(type);
    if (list !== undefined) {
      for (const entry of list.slice()) {
        if (entry.removed) continue;
        if (s?.immediateStopped && !entry.resist) continue;
        // As node: a once listener goes away internally, not through a
        // removeEventListener the program may have replaced.
        if (entry.once) removeListener(this, type, entry.listener, entry.capture);
        if (event === undefined) {
          event = this[kCreateEvent](nodeValue, type);
          s = event[kEventState];
          s.target = this;
          s.currentTarget = this;
          s.dispatching = true;
        }
        s.passive = entry.passive;
        try {
          const l = entry.listener;
          let result;
          if (entry.nodeStyle && fromEmit) result = l.call(this, nodeValue);
          else if (typeof l === 'function') result = l.call(this, event);
          else if (typeof l?.handleEvent === 'function') result = l.handleEvent(event);
          if (result !== undefined && result !== null && typeof result.then === 'function') {
            result.then(undefined, reportError);
          }
        } catch (err) {
          reportError(err);
        }
        s.passive = false;
      }
    }
    if (s !== undefined) {
      s.currentTarget = null;
      s.dispatching = false;
    }
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [inspectSymbol](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} {}`;
  }
}
for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  const d = Object.getOwnPropertyDescriptor(EventTarget.prototype, name);
  d.enumerable = true;
  Object.defineProperty(EventTarget.prototype, name, d);
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

// newListenerList makes the array holding one type's listeners in order;
// its size is its length (the name Node's internal list uses, which some
// callers read).
const sizeDescriptor = { get() { return this.length; }, configurable: true };
function newListenerList() {
  const list = [];
  Object.defineProperty(list, 'size', sizeDescriptor);
  return list;
}

function isEventTarget(obj) {
  return obj?.[kEvents] instanceof Map;
}

function getEventListenersForEventTarget(target, type) {
  const list = target[kEvents]?.get(`${type}`);
  if (list === undefined) return [];
  return list.map((l) => l.listener);
}

// NodeEventTarget adds a subset of the EventEmitter API.
class NodeEventTarget extends EventTarget {
  #isNodeEventTarget = true;

  static #check(self) {
    if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(#isNodeEventTarget in self)) {
      throw new ERR_INVALID_THIS('NodeEventTarget');
    }
  }

  setMaxListeners(n) {
    NodeEventTarget.#check(this);
    lazyEvents().setMaxListeners(n, this);
  }
  getMaxListeners() {
    NodeEventTarget.#check(this);
    return this[kMaxEventTargetListeners()];
  }
  eventNames() {
    NodeEventTarget.#check(this);
    return [...this[kEvents].keys()];
  }
  listenerCount(type) {
    NodeEventTarget.#check(this);
    return this[kEvents].get(`${type}`)?.length ?? 0;
  }
  off(type, listener, options) {
    NodeEventTarget.#check(this);
    this.removeEventListener(type, listener, options);
    return this;
  }
  removeListener(type, listener, options) {
    NodeEventTarget.#check(this);
    this.removeEventListener(type, listener, options);
    return this;
  }
  on(type, listener) {
    NodeEventTarget.#check(this);
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }
  addListener(type, listener) {
    NodeEventTarget.#check(this);
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }
  emit(type, arg) {
    NodeEventTarget.#check(this);
    if (typeof type !== 'string') throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
    const had = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return had;
  }
  once(type, listener) {
    NodeEventTarget.#check(this);
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }
  removeAllListeners(type = undefined) {
    NodeEventTarget.#check(this);
    if (type !== undefined) this[kEvents].delete(`${type}`);
    else this[kEvents].clear();
    return this;
  }
}

// defineEventHandler adds an `on<name>` attribute backed by a listener.
function defineEventHandler(emitter, name, event = name) {
  const key = Symbol(`on${name}`);
  Object.defineProperty(emitter, `on${name}`, {
    get() { return this[key]?.handler ?? null; },
    set(value) {
      if (!this[key]) {
        const wrapper = { handler: null };
        wrapper.fn = function(ev) { return wrapper.handler?.call(this, ev); };
        this[key] = wrapper;
      }
      const w = this[key];
      const had = typeof w.handler === 'function';
      w.handler = typeof value === 'function' || (typeof value === 'object' && value !== null) ? value : null;
      if (typeof w.handler === 'function' && !had) this.addEventListener(event, w.fn);
      else if (typeof w.handler !== 'function' && had) this.removeEventListener(event, w.fn);
    },
    configurable: true,
    enumerable: true,
  });
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  getEventListenersForEventTarget,
  initEventTarget,
  isEventTarget,
  kEvents,
  kTrustEvent,
  kHybridDispatch,
  kCreateEvent,
  kNewListener,
  kRemoveListener,
  kWeakHandler,
  kResistStopPropagation,
};
