'use strict';

// The producer side of performance observers for node's own modules (http
// records 'http' entries): whether anyone observes an entry type, and
// timing an operation into an entry. perf_hooks installs the function that
// hands entries to the observers when it loads; no observer exists before.

const binding = internalBinding('performance');
const { observerCounts, constants } = binding;
const now = binding.now;

const typeIndex = {
  __proto__: null,
  gc: constants.NODE_PERFORMANCE_ENTRY_TYPE_GC,
  http: constants.NODE_PERFORMANCE_ENTRY_TYPE_HTTP,
  http2: constants.NODE_PERFORMANCE_ENTRY_TYPE_HTTP2,
  net: constants.NODE_PERFORMANCE_ENTRY_TYPE_NET,
  dns: constants.NODE_PERFORMANCE_ENTRY_TYPE_DNS,
};

let enqueueEntry = null;

// setEnqueue is called by perf_hooks with fn(name, type, start, duration,
// detail), which delivers one entry to the observers.
function setEnqueue(fn) {
  enqueueEntry = fn;
}

// hasObserver reports whether some observer watches entries of type.
function hasObserver(type) {
  const i = typeIndex[type];
  return i !== undefined && observerCounts[i] > 0;
}

// startPerf starts timing an operation of target: context holds the
// entry's type, name and detail.
function startPerf(target, key, context) {
  target[key] = { ...context, startTime: now() };
}

// stopPerf records the entry started by startPerf, its detail extended
// with context.detail.
function stopPerf(target, key, context) {
  const ctx = target[key];
  if (!ctx) return;
  target[key] = null;
  if (enqueueEntry === null) return;
  const detail = context && context.detail ? { ...ctx.detail, ...context.detail } : ctx.detail;
  enqueueEntry(ctx.name, ctx.type, ctx.startTime, now() - ctx.startTime, detail);
}

module.exports = {
  hasObserver,
  startPerf,
  stopPerf,
  setEnqueue,
};
