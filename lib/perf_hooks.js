'use strict';
// node:perf_hooks: the performance object with high-resolution time and
// user timing (marks and measures), performance observers and timerify.
// Histograms and event-loop utilization are not implemented yet.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS,
  },
  notImplemented,
} = require('internal/errors');
const { EventTarget } = require('internal/event_target');
const {
  validateObject, validateFunction, validateArray, validateString,
} = require('internal/validators');

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

const binding = internalBinding('performance');

// performance.now(): milliseconds since the process started.
const now = binding.now;
const timeOrigin = binding.timeOrigin;

const kInternal = Symbol('kInternal');

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, name);
}

// An entry's fields live under one symbol so that performance.mark can
// build entries without running constructors (a hot path).
const kData = Symbol('kData');

function entryData(self) {
  const d = self?.[kData];
  if (d === undefined) throw new ERR_INVALID_THIS('PerformanceEntry');
  return d;
}

// makeEntry builds an entry of class C without running its constructor.
function makeEntry(C, name, type, start, duration, detail) {
  const e = Object.create(C.prototype);
  Object.defineProperty(e, kData, { value: { name, type, start, duration, detail } });
  return e;
}

class PerformanceEntry {
  constructor(key, name, type, start, duration, detail) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    Object.defineProperty(this, kData, { value: { name, type, start, duration, detail } });
  }

  get name() { return entryData(this).name; }
  get entryType() { return entryData(this).type; }
  get startTime() { return entryData(this).start; }
  get duration() { return entryData(this).duration; }
  get detail() { return entryData(this).detail; }

  [inspectSymbol](depth, opts, inspect) {
    if (depth < 0) return this;
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `${this.constructor.name} ${inspect(this.toJSON(), { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }

  toJSON() {
    const d = entryData(this);
    return {
      name: d.name,
      entryType: d.type,
      startTime: d.start,
      duration: d.duration,
      detail: d.detail,
    };
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) {
      throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
    }
    name = `${name}`;
    if (options != null) validateObject(options, 'options');
    const startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    }
    if (startTime < 0) {
      throw lazyDOMException(`${name} cannot have a negative start time.`, 'TypeError');
    }
    let detail = options?.detail;
    detail = detail != null ? structuredClone(detail) : null;
    super(kInternal, name, 'mark', startTime, 0, detail);
  }

  get [Symbol.toStringTag]() { return 'PerformanceMark'; }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(key, name, start, duration, detail) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kInternal, name, 'measure', start, duration, detail);
  }

  get [Symbol.toStringTag]() { return 'PerformanceMeasure'; }
}

let marks = [];
let measures = [];

function markTime(name) {
  if (typeof name === 'number') return name;
  for (let i = marks.length - 1; i >= 0; i--) {
    if (marks[i].name === name) return marks[i].startTime;
  }
  throw lazyDOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function sortEntries(list) {
  return list.sort((a, b) => a.startTime - b.startTime);
}

function filterEntries(list, name, type) {
  return list.filter((e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type));
}

class Performance extends EventTarget {
  constructor(key) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  now() { return now(); }

  get timeOrigin() { return timeOrigin; }

  mark(name, options) {
    // Fast path for the common mark(name): no constructor call.
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const m = options === undefined ?
      makeEntry(PerformanceMark, `${name}`, 'mark', now(), 0, null) :
      new PerformanceMark(name, options);
    marks.push(m);
    if (observers.size > 0) enqueue(m);
    return m;
  }

  measure(name, startOrOptions, endMark) {
    name = `${name}`;
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      const { start: s, end: e, duration, detail: d } = startOrOptions;
      if (s !== undefined && e !== undefined && duration !== undefined) {
        throw new ERR_INVALID_ARG_TYPE('options', 'a valid combination', startOrOptions);
      }
      start = s !== undefined ? markTime(s) : (e !== undefined && duration !== undefined ? markTime(e) - duration : 0);
      end = e !== undefined ? markTime(e) : (duration !== undefined ? start + duration : now());
      if (d != null) detail = structuredClone(d);
    } else {
      start = startOrOptions !== undefined ? markTime(startOrOptions) : 0;
      end = endMark !== undefined ? markTime(endMark) : now();
    }
    const m = new PerformanceMeasure(kInternal, name, start, end - start, detail);
    measures.push(m);
    if (observers.size > 0) enqueue(m);
    return m;
  }

  clearMarks(name) {
    marks = remove(marks, name === undefined ? undefined : `${name}`);
  }

  clearMeasures(name) {
    measures = remove(measures, name === undefined ? undefined : `${name}`);
  }

  clearResourceTimings() {}

  getEntries() {
    return sortEntries([...marks, ...measures]);
  }

  getEntriesByName(name, type) {
    return sortEntries(filterEntries([...marks, ...measures], `${name}`, type));
  }

  getEntriesByType(type) {
    return sortEntries(filterEntries([...marks, ...measures], undefined, `${type}`));
  }

  timerify(fn, options = undefined) { return timerify(fn, options); }

  eventLoopUtilization() { throw notImplemented('performance.eventLoopUtilization'); }

  markResourceTiming() { throw notImplemented('performance.markResourceTiming'); }

  setResourceTimingBufferSize() {}

  toJSON() {
    return { timeOrigin, eventLoopUtilization: undefined };
  }

  get [Symbol.toStringTag]() { return 'Performance'; }
}

// The entries of list not named name (none when name is undefined).
function remove(list, name) {
  return name === undefined ? [] : list.filter((e) => e.name !== name);
}

const performance = new Performance(kInternal);

// Entry types an observer may ask for. Only mark, measure and function
// entries are ever produced here; the others are accepted and stay silent.
const supportedEntryTypes = ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];

// Native entry types: how many observers watch each is counted in the
// binding's observerCounts (what would-be producers check).
const { observerCounts } = binding;
const nativeEntryTypes = {
  __proto__: null,
  gc: binding.constants.NODE_PERFORMANCE_ENTRY_TYPE_GC,
  http: binding.constants.NODE_PERFORMANCE_ENTRY_TYPE_HTTP,
  http2: binding.constants.NODE_PERFORMANCE_ENTRY_TYPE_HTTP2,
  net: binding.constants.NODE_PERFORMANCE_ENTRY_TYPE_NET,
  dns: binding.constants.NODE_PERFORMANCE_ENTRY_TYPE_DNS,
};

function countObserver(types, delta) {
  for (const t of types) {
    const i = nativeEntryTypes[t];
    if (i !== undefined) observerCounts[i] += delta;
  }
}

// Connected observers, and those with entries waiting for delivery.
const observers = new Set();
const pendingObservers = new Set();
let deliveryScheduled = false;

function scheduleDelivery() {
  if (deliveryScheduled) return;
  deliveryScheduled = true;
  setImmediate(() => {
    deliveryScheduled = false;
    const list = [...pendingObservers];
    pendingObservers.clear();
    for (const obs of list) obs[kDispatch]();
  });
}

// Hands a new entry to every observer watching its type.
function enqueue(entry) {
  for (const obs of observers) obs[kMaybeBuffer](entry);
}

// Entries of node's own modules (http) come through internal/perf/observe.
require('internal/perf/observe').setEnqueue((name, type, start, duration, detail) => {
  enqueue(new PerformanceEntry(kInternal, name, type, start, duration, detail));
});

const kDispatch = Symbol('kDispatch');
const kMaybeBuffer = Symbol('kMaybeBuffer');

class PerformanceObserverEntryList {
  #entries;

  constructor(key, entries) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = sortEntries(entries);
  }

  getEntries() { return this.#entries.slice(); }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterEntries(this.#entries, undefined, `${type}`);
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(this.#entries, `${name}`, type === undefined ? undefined : `${type}`);
  }

  get [Symbol.toStringTag]() { return 'PerformanceObserverEntryList'; }

  [inspectSymbol](depth, opts, inspect) {
    if (depth < 0) return this;
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `PerformanceObserverEntryList ${inspect(this.#entries, { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }
}

class PerformanceObserver {
  #callback;
  #buffer = [];
  #entryTypes = new Set();
  #type = undefined; // 'single' (observe({ type })) or 'multiple' (observe({ entryTypes }))

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                      'options.entryTypes can not set with options.type together');
    }
    if (entryTypes !== undefined) {
      if (this.#type === 'single') {
        throw lazyDOMException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
      }
      validateArray(entryTypes, 'options.entryTypes');
      this.#type = 'multiple';
      if (observers.delete(this)) countObserver(this.#entryTypes, -1);
      this.#entryTypes.clear();
      for (const t of entryTypes) {
        if (supportedEntryTypes.includes(t)) this.#entryTypes.add(t);
      }
    } else {
      if (this.#type === 'multiple') {
        throw lazyDOMException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
      }
      validateString(type, 'options.type');
      if (!supportedEntryTypes.includes(type)) return;
      this.#type = 'single';
      if (observers.delete(this)) countObserver(this.#entryTypes, -1);
      this.#entryTypes.add(type);
      if (buffered) {
        const existing = filterEntries([...marks, ...measures], undefined, type);
        if (existing.length > 0) {
          this.#buffer.push(...existing);
          pendingObservers.add(this);
          scheduleDelivery();
        }
      }
    }
    if (this.#entryTypes.size > 0) {
      observers.add(this);
      countObserver(this.#entryTypes, 1);
    } else {
      this.disconnect();
    }
  }

  disconnect() {
    if (observers.delete(this)) countObserver(this.#entryTypes, -1);
    pendingObservers.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#type = undefined;
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  [kMaybeBuffer](entry) {
    if (!this.#entryTypes.has(entry.entryType)) return;
    this.#buffer.push(entry);
    pendingObservers.add(this);
    scheduleDelivery();
  }

  [kDispatch]() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    this.#callback.call(this, new PerformanceObserverEntryList(kInternal, entries), this);
  }

  static get supportedEntryTypes() { return supportedEntryTypes.slice(); }

  get [Symbol.toStringTag]() { return 'PerformanceObserver'; }

  [inspectSymbol](depth, opts, inspect) {
    if (depth < 0) return this;
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pendingObservers.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }
}

// performance.timerify(fn[, options]): a wrapper that records a 'function'
// entry (and an optional histogram sample) for every call.
function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined &&
      (histogram === null || typeof histogram !== 'object' || typeof histogram.record !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  const finish = (start, args) => {
    const duration = now() - start;
    if (histogram !== undefined) histogram.record(Math.max(1, Math.ceil(duration * 1e6)));
    enqueue(new PerformanceEntry(kInternal, fn.name, 'function', start, duration, args));
  };
  function timerified(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    if (!new.target && result != null && typeof result.finally === 'function') {
      return result.finally(() => finish(start, args));
    }
    finish(start, args);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { configurable: false, enumerable: true, value: fn.length },
    name: { configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

function monitorEventLoopDelay() { throw notImplemented('perf_hooks.monitorEventLoopDelay'); }
function createHistogram() { throw notImplemented('perf_hooks.createHistogram'); }

const constants = binding.constants;

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming: class PerformanceResourceTiming {
    constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  },
  monitorEventLoopDelay,
  createHistogram,
  timerify,
  performance,
  constants,
};
