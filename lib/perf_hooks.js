'use strict';
// node:perf_hooks: the performance object with high-resolution time and
// user timing (marks and measures). Observers, histograms, timerify and
// event-loop utilization are not implemented yet.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_ILLEGAL_CONSTRUCTOR },
  notImplemented,
} = require('internal/errors');
const { EventTarget } = require('internal/event_target');
const { validateObject } = require('internal/validators');

const binding = internalBinding('process_methods');

function hrMillis() {
  const [sec, nsec] = binding.hrtime();
  return sec * 1e3 + nsec / 1e6;
}

// performance.now() counts from the process start, like Node's.
const startOffset = binding.uptime() * 1e3 - hrMillis();
const timeOrigin = Date.now() - binding.uptime() * 1e3;

function now() {
  return hrMillis() + startOffset;
}

const kInternal = Symbol('kInternal');

function lazyDOMException(message, name) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, name);
}

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;

  constructor(key, name, type, start, duration, detail) {
    if (key !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }

  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }
  get detail() { return this.#detail; }

  toJSON() {
    return {
      name: this.#name,
      entryType: this.#type,
      startTime: this.#start,
      duration: this.#duration,
      detail: this.#detail,
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
    const m = new PerformanceMark(name, options);
    marks.push(m);
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

  timerify() { throw notImplemented('performance.timerify'); }

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

class PerformanceObserver {
  constructor() { throw notImplemented('PerformanceObserver'); }

  static get supportedEntryTypes() { return ['mark', 'measure']; }
}

function monitorEventLoopDelay() { throw notImplemented('perf_hooks.monitorEventLoopDelay'); }
function createHistogram() { throw notImplemented('perf_hooks.createHistogram'); }

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4,
  NODE_PERFORMANCE_GC_MINOR: 1,
  NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16,
  NODE_PERFORMANCE_GC_FLAGS_NO: 0,
  NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
  NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
  NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList: class PerformanceObserverEntryList {
    constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  },
  PerformanceResourceTiming: class PerformanceResourceTiming {
    constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  },
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants,
};
