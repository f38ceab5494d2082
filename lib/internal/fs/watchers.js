'use strict';
// fs.watchFile / fs.unwatchFile (stat polling) and fs.watch.

const binding = internalBinding('fs');
const EventEmitter = require('events');
const { notImplemented, AbortError } = require('internal/errors');
const { validateFunction, validateObject, validateBoolean } = require('internal/validators');
const { getValidatedPath, getStatsFromBinding, Stats, encodeString, assertEncoding } = require('internal/fs/utils');

const watchers = new Map();

function emptyStats() {
  return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

function statOrEmpty(path, bigint) {
  try {
    return getStatsFromBinding(binding.stat(path, bigint));
  } catch {
    return emptyStats();
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

  start(interval, persistent) {
    this.#prev = statOrEmpty(this.#path, this.#bigint);
    this.#timer = setInterval(() => this.#poll(), interval);
    if (!persistent) this.#timer.unref();
  }

  #poll() {
    const curr = statOrEmpty(this.#path, this.#bigint);
    const prev = this.#prev;
    if (curr.mtimeMs !== prev.mtimeMs || curr.ctimeMs !== prev.ctimeMs ||
        curr.size !== prev.size || curr.ino !== prev.ino || curr.nlink !== prev.nlink) {
      this.#prev = curr;
      this.emit('change', curr, prev);
    }
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.emit('stop');
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

  start(filename, persistent, encoding) {
    this.#encoding = encoding;
    this.#id = binding.watchStart(filename, (eventType, name) => {
      this.emit('change', eventType, encodeString(name, this.#encoding));
    });
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
  if (options.recursive) throw notImplemented('fs.watch with recursive: true');
  return options;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  filename = getValidatedPath(filename, 'filename');
  options = watchOptions(options);
  const w = new FSWatcher();
  w.start(filename, options.persistent, options.encoding);
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
  w.start(filename, options.persistent, options.encoding);
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
