'use strict';
// Worker threads. A Worker is a separate gonode instance (its own engine
// and event loop) running on its own goroutine; see internal/node/worker.go.
// This file has the Worker class (parent side) and the start-up of a
// worker thread (child side).

const EventEmitter = require('events');
const path = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_WORKER_PATH, ERR_WORKER_UNSERIALIZABLE_ERROR,
    ERR_WORKER_INVALID_EXEC_ARGV, ERR_WORKER_NOT_RUNNING, ERR_WORKER_OUT_OF_MEMORY, ERR_WORKER_INIT_FAILED,
  },
} = require('internal/errors');
const { validateObject, validateArray } = require('internal/validators');
const io = require('internal/worker/io');
const { serialize, deserialize } = require('internal/worker/clone');

const binding = internalBinding('worker');
const info = binding.info; // set in a worker thread

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

const environmentData = new Map();
if (info?.envData !== undefined) {
  for (const [k, v] of deserialize(info.envData).value) environmentData.set(k, v);
}

function getEnvironmentData(key) { return environmentData.get(key); }
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

const { untransferable } = io;
function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') untransferable.add(obj);
}
function isMarkedAsUntransferable(obj) {
  return (typeof obj === 'object' && obj !== null) || typeof obj === 'function' ? untransferable.has(obj) : false;
}

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kExitPromise = Symbol('kExitPromise');

function resolveFilename(filename, isEval) {
  if (isEval) {
    if (typeof filename !== 'string') throw new ERR_INVALID_ARG_VALUE('options.eval', true, 'must be false when \'filename\' is not a string');
    return filename;
  }
  if (filename instanceof URL || (filename !== null && typeof filename === 'object' && typeof filename.href === 'string')) {
    if (filename.protocol === 'data:') {
      const { notImplemented } = require('internal/errors');
      throw notImplemented('Worker with a data: URL');
    }
    return require('internal/url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) throw new ERR_WORKER_PATH(filename);
  return path.resolve(filename);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    validateObject(options, 'options');
    const isEval = !!options.eval;
    const file = resolveFilename(filename, isEval);
    let argv;
    if (options.argv !== undefined) {
      validateArray(options.argv, 'options.argv');
      argv = options.argv.map(String);
    }
    let execArgv;
    if (options.execArgv !== undefined) {
      validateArray(options.execArgv, 'options.execArgv');
      execArgv = options.execArgv.map(String);
      const bad = execArgv.filter((a) => !a.startsWith('-'));
      if (bad.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(bad);
    }
    let env;
    if (options.env === SHARE_ENV) {
      env = null;
    } else {
      const src = options.env ?? process.env;
      if (typeof src !== 'object') throw new ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null', 'symbol'], src);
      env = {};
      for (const k of Object.keys(src)) env[k] = `${src[k]}`;
    }
    const limits = options.resourceLimits ?? {};
    validateObject(limits, 'options.resourceLimits');
    const rl = [
      limits.maxYoungGenerationSizeMb, limits.maxOldGenerationSizeMb, limits.codeRangeSizeMb, limits.stackSizeMb,
    ].map((v) => (typeof v === 'number' && v > 0 ? v : 0));
    const transferList = options.transferList;
    io.checkTransferList(transferList);
    const data = serialize(options.workerData, transferList ?? undefined, { portOut: io.portOut });
    const envData = serialize(environmentData);
    const argvList = isEval ? ['[worker eval]', ...(argv ?? [])] : [file, ...(argv ?? [])];

    this[kExitPromise] = null;
    this.stdin = null;
    const { Readable } = require('stream');
    this.stdout = new Readable({ read() {} });
    this.stderr = new Readable({ read() {} });
    this.stdout[kPort] = !!options.stdout;
    this.stderr[kPort] = !!options.stderr;
    this.performance = { eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; } };

    const [threadId, portId] = binding.createWorker({
      filename: file, eval: isEval, argv: argvList, execArgv, env, data, envData,
      name: typeof options.name === 'string' ? options.name : '', resourceLimits: rl,
    }, (type, arg) => this.#onEvent(type, arg));
    this[kHandle] = { threadId, exited: false, exitCode: undefined, waiters: [], limits: rl };
    this.threadId = threadId;
    const port = io.remotePort(portId);
    port[io.kState].onMessage = (value) => this.emit('message', value);
    port.on('messageerror', (err) => this.emit('messageerror', err));
    port.start();
    port.unref();
    this[kPort] = port;
    this.threadName = typeof options.name === 'string' && options.name !== '' ? options.name : 'WorkerThread';
    process.emit('worker', this);
  }

  #onEvent(type, arg) {
    const h = this[kHandle];
    switch (type) {
      case 'online':
        this.emit('online');
        break;
      case 'stdout':
      case 'stderr': {
        const chunk = Buffer.from(arg);
        const stream = this[type];
        stream.push(chunk);
        if (!stream[kPort]) process[type].write(chunk);
        break;
      }
      case 'error': {
        let err;
        try {
          err = deserialize(arg).value;
          if (err?.kind === 'unserializable') err = new ERR_WORKER_UNSERIALIZABLE_ERROR();
          else err = err.error;
        } catch {
          err = new ERR_WORKER_UNSERIALIZABLE_ERROR();
        }
        this.emit('error', err);
        break;
      }
      case 'oom':
        this.emit('error', new ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
        break;
      case 'failed':
        this.emit('error', new ERR_WORKER_INIT_FAILED(arg));
        break;
      case 'exit': {
        // Messages sent before the exit are delivered first.
        const port = this[kPort];
        io.pull(port);
        io.deliver(port);
        port.close();
        h.exited = true;
        h.exitCode = arg;
        this.stdout.push(null);
        this.stderr.push(null);
        this.emit('exit', arg);
        for (const resolve of h.waiters) resolve(arg);
        h.waiters = [];
        this.removeAllListeners('message');
        this.removeAllListeners('messageerror');
        this.removeAllListeners('online');
        break;
      }
    }
  }

  postMessage(...args) {
    if (args.length === 0) {
      const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
      throw new ERR_MISSING_ARGS('message');
    }
    const h = this[kHandle];
    if (h.exited) return;
    this[kPort].postMessage(...args);
  }

  terminate(callback) {
    const h = this[kHandle];
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => callback(null, code));
    }
    if (h.exited) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      h.waiters.push(resolve);
      binding.terminate(h.threadId);
    });
  }

  ref() {
    const h = this[kHandle];
    if (!h.exited) binding.setRef(h.threadId, true);
  }

  unref() {
    const h = this[kHandle];
    if (!h.exited) binding.setRef(h.threadId, false);
  }

  get resourceLimits() {
    const h = this[kHandle];
    if (h.exited) return {};
    return {
      maxYoungGenerationSizeMb: h.limits[0] || 48,
      maxOldGenerationSizeMb: h.limits[1] || 2048,
      codeRangeSizeMb: h.limits[2] || 0,
      stackSizeMb: h.limits[3] || 4,
    };
  }

  getHeapSnapshot() {
    const { notImplemented } = require('internal/errors');
    return Promise.reject(notImplemented('worker.getHeapSnapshot'));
  }

  [Symbol.asyncDispose]() { return this.terminate(); }
}

void ERR_WORKER_NOT_RUNNING;

// --- the worker side ---

let parentPort = null;
let workerData;
if (info !== undefined) {
  parentPort = io.remotePort(info.port);
  workerData = info.data === undefined ? undefined : deserialize(info.data, { portIn: io.remotePort }).value;
}

function resourceLimits() {
  if (info === undefined) return {};
  const rl = info.resourceLimits;
  return {
    maxYoungGenerationSizeMb: rl[0] || 48,
    maxOldGenerationSizeMb: rl[1] || 2048,
    codeRangeSizeMb: rl[2] || 0,
    stackSizeMb: rl[3] || 4,
  };
}

// reportUncaught sends an uncaught exception to the parent, where it is
// emitted as 'error' on the Worker object.
function reportUncaught(err) {
  let bytes;
  try {
    bytes = serialize({ error: err });
  } catch {
    try {
      bytes = serialize({ error: require('util').inspect(err) });
    } catch {
      bytes = serialize({ kind: 'unserializable' });
    }
  }
  binding.reportError(bytes);
}

function stdioStream(fd) {
  const { Writable } = require('stream');
  const s = new Writable({
    write(chunk, encoding, cb) {
      binding.writeStdio(fd, typeof chunk === 'string' ? chunk : chunk);
      cb();
    },
    writev(chunks, cb) {
      for (const { chunk } of chunks) binding.writeStdio(fd, chunk);
      cb();
    },
  });
  s.fd = fd;
  s._isStdio = true;
  s.isTTY = false;
  s._destroy = function _destroy(err, cb) { cb(err); };
  return s;
}

// runWorkerThread is the worker's main: called by the bootstrap's
// runWorker hook.
function runWorkerThread() {
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    let stream;
    Object.defineProperty(process, name, {
      configurable: true, enumerable: true,
      get() { stream ??= stdioStream(fd); return stream; },
      set(v) { stream = v; },
    });
  }
  require('internal/process/execution').setUncaughtReporter(reportUncaught);
  if (info.eval) {
    require('internal/process/execution').evalScript('[worker eval]', info.filename, false);
    return;
  }
  require('internal/process/pre_execution').prepareMainThreadExecution();
  require('internal/modules/run_main').runMain(info.filename);
}

module.exports = {
  Worker,
  SHARE_ENV,
  isMainThread: info === undefined,
  threadId: info?.threadId ?? 0,
  parentPort,
  workerData: info === undefined ? null : workerData,
  resourceLimits,
  getEnvironmentData,
  setEnvironmentData,
  markAsUntransferable,
  isMarkedAsUntransferable,
  runWorkerThread,
};
