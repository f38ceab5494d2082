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
    // A data: URL runs as an ES module (runWorkerThread).
    if (filename.protocol === 'data:') return filename.href;
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
      const bad = binding.badExecArgv(execArgv);
      if (bad.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(bad);
    }
    let env;
    if (options.env === SHARE_ENV) {
      env = null;
    } else {
      const src = options.env ?? process.env;
      if (typeof src !== 'object') {
        throw new ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], src);
      }
      env = {};
      for (const k of Object.keys(src)) env[k] = `${src[k]}`;
      if (options.env != null && env.NODE_OPTIONS !== undefined) {
        const bad = binding.badNodeOptions(env.NODE_OPTIONS);
        if (bad !== undefined) throw new ERR_WORKER_INVALID_EXEC_ARGV([bad], 'invalid NODE_OPTIONS env variable');
      }
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
    let stdinId = 0;
    if (options.stdin) {
      const [mine, theirs] = binding.createChannel();
      stdinId = theirs;
      this.stdin = stdinWriter(mine);
    }
    const { Readable } = require('stream');
    this.stdout = new Readable({ read() {} });
    this.stderr = new Readable({ read() {} });
    this.stdout[kPort] = !!options.stdout;
    this.stderr[kPort] = !!options.stderr;
    this.performance = {
      eventLoopUtilization() {
        const { notImplemented } = require('internal/errors');
        throw notImplemented('worker.performance.eventLoopUtilization');
      },
    };

    const [threadId, portId] = binding.createWorker({
      filename: file, eval: isEval, stdin: stdinId, argv: argvList, execArgv, env, data, envData,
      name: typeof options.name === 'string' ? options.name : '', resourceLimits: rl,
    }, require('internal/async_context_frame').bindCurrent((type, arg) => this.#onEvent(type, arg)));
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
    const dc = require('diagnostics_channel');
    if (dc.hasSubscribers('worker_threads')) dc.channel('worker_threads').publish({ worker: this });
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
        io.deliver(port, true);
        port.close();
        h.exited = true;
        h.exitCode = arg;
        this.threadName = null;
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
      // The exit must be seen even if the worker was unref'd.
      binding.setRef(h.threadId, true);
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

  // cpuUsage(prev): the CPU time of the worker's thread in microseconds,
  // less prev if given.
  cpuUsage(prev) {
    if (prev) validateCpuUsage(prev);
    const h = this[kHandle];
    if (h.exited) return Promise.reject(new ERR_WORKER_NOT_RUNNING());
    const r = binding.cpuUsage(h.threadId);
    if (r === undefined) return Promise.reject(new ERR_WORKER_NOT_RUNNING());
    if (typeof r === 'string') {
      const { codes: { ERR_OPERATION_FAILED } } = require('internal/errors');
      return Promise.reject(new ERR_OPERATION_FAILED(`worker.cpuUsage(): ${r}`));
    }
    const usage = { user: r[0], system: r[1] };
    if (prev) {
      usage.user -= prev.user;
      usage.system -= prev.system;
    }
    return Promise.resolve(usage);
  }

  getHeapSnapshot() {
    const { notImplemented } = require('internal/errors');
    return Promise.reject(notImplemented('worker.getHeapSnapshot'));
  }

  [Symbol.asyncDispose]() { return this.terminate(); }
}

// validateCpuUsage checks a previous cpuUsage() result.
function validateCpuUsage(prev) {
  validateObject(prev, 'prevValue');
  for (const key of ['user', 'system']) {
    const v = prev[key];
    if (typeof v !== 'number') throw new ERR_INVALID_ARG_TYPE(`prevValue.${key}`, 'number', v);
    if (!(v >= 0 && Number.isFinite(v))) {
      const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
      throw new ERR_OUT_OF_RANGE(`prevValue.${key}`, '>= 0 && <= 2^53', v);
    }
  }
}

// --- the worker side ---

// Every thread can be reached by postMessageToThread.
require('internal/worker/messaging').setup(info?.threadId ?? 0);

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

// disableProcessMethods: what only the main thread may do.
function disableProcessMethods() {
  const { codes: { ERR_WORKER_UNSUPPORTED_OPERATION } } = require('internal/errors');
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    return umask.call(process);
  };
  for (const fn of ['abort', 'chdir', 'send', 'disconnect', 'setuid', 'seteuid', 'setgid', 'setegid',
    'setgroups', 'initgroups']) {
    const stub = function() { throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${fn}()`); };
    stub.disabled = true;
    process[fn] = stub;
  }
  for (const name of ['channel', 'connected']) {
    Object.defineProperty(process, name, {
      configurable: true, enumerable: false,
      get() { throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`); },
    });
  }
}

// stdinWriter is worker.stdin: its chunks go to the worker's process.stdin
// through endpoint id, raw (not serialized); its end closes the channel.
function stdinWriter(id) {
  const { Writable } = require('stream');
  return new Writable({
    write(chunk, encoding, cb) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      binding.post(id, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
      cb();
    },
    final(cb) {
      binding.close(id);
      cb();
    },
    destroy(err, cb) {
      binding.close(id);
      cb(err);
    },
  });
}

// stdinReader is a worker's process.stdin: fed by the parent's
// worker.stdin (an empty stream when the Worker had no stdin option).
function stdinReader(id) {
  const { Readable } = require('stream');
  let keepAlive = null;
  const stop = () => {
    if (keepAlive !== null) clearInterval(keepAlive);
    keepAlive = null;
  };
  const r = new Readable({
    read() {
      if (id === 0) {
        this.push(null);
        return;
      }
      keepAlive ??= setInterval(() => {}, 2 ** 31 - 1);
      pump();
    },
    destroy(err, cb) {
      stop();
      if (id !== 0) binding.close(id);
      cb(err);
    },
  });
  const pump = () => {
    for (;;) {
      const b = binding.receive(id);
      if (b === undefined) return;
      if (b === null) {
        stop();
        r.push(null);
        return;
      }
      if (!r.push(Buffer.from(b))) return;
    }
  };
  if (id !== 0) binding.attach(id, pump);
  r.fd = 0;
  return r;
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
  let stdin;
  Object.defineProperty(process, 'stdin', {
    configurable: true, enumerable: true,
    get() { stdin ??= stdinReader(info.stdin); return stdin; },
    set(v) { stdin = v; },
  });
  require('internal/process/execution').setUncaughtReporter(reportUncaught);
  disableProcessMethods();
  if (info.eval) {
    require('internal/process/execution').evalScript('[worker eval]', info.filename, false);
    return;
  }
  require('internal/process/pre_execution').runAfterPreload(() => {
    if (info.filename.startsWith('data:')) {
      require('internal/modules/esm/loader').runEntryPoint(info.filename);
      return;
    }
    require('internal/modules/run_main').runMain(info.filename);
  });
}

module.exports = {
  Worker,
  SHARE_ENV,
  isMainThread: info === undefined,
  threadId: info?.threadId ?? 0,
  threadName: info === undefined ? '' : (info.name || 'WorkerThread'),
  parentPort,
  workerData: info === undefined ? null : workerData,
  resourceLimits,
  getEnvironmentData,
  setEnvironmentData,
  markAsUntransferable,
  isMarkedAsUntransferable,
  runWorkerThread,
  reportUncaught,
};
