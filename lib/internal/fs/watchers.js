'use strict';
// fs.watchFile / fs.unwatchFile (stat polling) and fs.watch.

const binding = internalBinding('fs');
const EventEmitter = require('events');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const path = require('path');
const { validateFunction, validateObject, validateBoolean } = require('internal/validators');
const { getValidatedPath, getStatsFromBinding, Stats, encodeString, assertEncoding } = require('internal/fs/utils');

const watchers = new Map();

function emptyStats(bigint) {
  if (bigint) return getStatsFromBinding(new BigInt64Array(18));
  return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

function statOrEmpty(path, bigint) {
  try {
    return getStatsFromBinding(binding.stat(path, bigint));
  } catch {
    return null;
  }
}

// StatWatcher polls a path's stats and emits 'change' (curr, prev).
class StatWatcher extends EventEmitter {
  #timer = null;
  #prev;
  #path;
  #bigint;

  constructor(path, bigint) {
    super();
    this.#path = path;
    this.#bigint = bigint;
  }

  #missing = false;

  start(interval, persistent) {
    const st = statOrEmpty(this.#path, this.#bigint);
    // A path missing at the start is reported once, as a change from
    // empty stats to empty stats, as libuv's stat poller does.
    this.#missing = st === null;
    this.#prev = st ?? emptyStats(this.#bigint);
    this.#timer = setInterval(() => this.#poll(), interval);
    if (!persistent) this.#timer.unref();
  }

  #poll() {
    const st = statOrEmpty(this.#path, this.#bigint);
    const curr = st ?? emptyStats(this.#bigint);
    const prev = this.#prev;
    if (this.#missing) {
      this.#missing = false;
      if (st === null) {
        this.emit('change', curr, prev);
        return;
      }
    }
    if (curr.mtimeMs !== prev.mtimeMs || curr.ctimeMs !== prev.ctimeMs ||
        curr.size !== prev.size || curr.ino !== prev.ino || curr.nlink !== prev.nlink) {
      this.#prev = curr;
      this.emit('change', curr, prev);
    }
  }

  stop() {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() { this.#timer?.ref(); return this; }

  unref() { this.#timer?.unref(); return this; }
}

function watchFile(filename, options, listener) {
  filename = String(getValidatedPath(filename));
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  options = { interval: 5007, persistent: true, bigint: false, ...options };
  validateFunction(listener, 'listener');
  let w = watchers.get(filename);
  if (!w) {
    w = new StatWatcher(filename, !!options.bigint);
    w.start(options.interval, options.persistent);
    watchers.set(filename, w);
  }
  w.on('change', listener);
  return w;
}

function unwatchFile(filename, listener) {
  filename = String(getValidatedPath(filename));
  const w = watchers.get(filename);
  if (!w) return;
  if (typeof listener === 'function') {
    w.removeListener('change', listener);
  } else {
    w.removeAllListeners('change');
  }
  if (w.listenerCount('change') === 0) {
    w.stop();
    watchers.delete(filename);
  }
}

// FSWatcher reports changes under a path through inotify: 'change'
// (eventType, filename), then 'close'.
class FSWatcher extends EventEmitter {
  #id = 0;
  #encoding;

  start(filename, persistent, encoding, recursive = false, ignore = null) {
    this.#encoding = encoding;
    this.#id = binding.watchStart(String(filename), (eventType, name) => {
      if (ignore && ignore(name)) return;
      this.emit('change', eventType, encodeString(name, this.#encoding));
    }, recursive);
    if (!persistent) this.unref();
  }

  close() {
    if (this.#id === 0) return;
    binding.watchClose(this.#id);
    this.#id = 0;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this.#id) binding.watchRef(this.#id, true);
    return this;
  }

  unref() {
    if (this.#id) binding.watchRef(this.#id, false);
    return this;
  }
}

function watchOptions(options) {
  if (typeof options === 'string') options = { encoding: options };
  options = { persistent: true, recursive: false, encoding: 'utf8', ...options };
  validateBoolean(options.persistent, 'options.persistent');
  validateBoolean(options.recursive, 'options.recursive');
  assertEncoding(options.encoding);
  options.ignoreFn = ignoreMatcher(options.ignore);
  return options;
}

// ignoreMatcher turns the ignore option (a glob string, RegExp, function
// or an array of these) into a predicate on reported filenames, or null.
function ignoreMatcher(ignore) {
  if (ignore === undefined || ignore === null) return null;
  const list = Array.isArray(ignore) ? ignore : [ignore];
  const tests = list.map((item) => {
    if (typeof item === 'function') return item;
    if (item instanceof RegExp) return (name) => { item.lastIndex = 0; return item.test(name); };
    if (typeof item === 'string') {
      if (item === '') throw new ERR_INVALID_ARG_VALUE('options.ignore', item, 'must be a non-empty string');
      return (name) => path.matchesGlob(name, item) || path.matchesGlob(path.basename(name), item);
    }
    throw new ERR_INVALID_ARG_TYPE('options.ignore', ['string', 'RegExp', 'Function', 'Array'], item);
  });
  return (name) => {
    if (typeof name !== 'string') return false;
    return tests.some((t) => t(name));
  };
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  filename = getValidatedPath(filename, 'filename');
  options = watchOptions(options);
  const w = new FSWatcher();
  w.start(filename, options.persistent, options.encoding, options.recursive, options.ignoreFn);
  if (listener) w.on('change', listener);
  if (options.signal) {
    if (options.signal.aborted) {
      process.nextTick(() => w.close());
    } else {
      options.signal.addEventListener('abort', () => w.close(), { once: true });
    }
  }
  return w;
}

// watchAsync is fsPromises.watch: an async iterator of { eventType, filename }.
function watchAsync(filename, options) {
  filename = getValidatedPath(filename, 'filename');
  options = watchOptions(options);
  const queue = [];
  let wake = null;
  let done = false;
  const w = new FSWatcher();
  w.start(filename, options.persistent, options.encoding, options.recursive, options.ignoreFn);
  w.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    if (wake) {
      wake();
      wake = null;
    }
  });
  const finish = () => {
    done = true;
    w.close();
    if (wake) {
      wake();
      wake = null;
    }
  };
  const signal = options.signal;
  if (signal) {
    if (signal.aborted) finish();
    else signal.addEventListener('abort', finish, { once: true });
  }
  return {
    async next() {
      while (queue.length === 0 && !done) {
        await new Promise((resolve) => { wake = resolve; });
      }
      if (queue.length) return { value: queue.shift(), done: false };
      if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
      return { value: undefined, done: true };
    },
    async return() {
      finish();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

module.exports = { watchFile, unwatchFile, watch, watchAsync, StatWatcher, FSWatcher, validateObject };
