'use strict';
// ChildProcess and the stdio streams of a child, over
// internalBinding('process_wrap') (internal/ops/process): the Go side
// starts the child, waits for it and moves bytes through its pipes; this
// file turns that into Node's EventEmitter/stream API.

const EventEmitter = require('events');
const { Readable, Writable, Duplex } = require('stream');
const { Buffer } = require('buffer');
const { getSystemErrorName } = require('internal/util');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_IPC_ONE_PIPE, ERR_INVALID_SYNC_FORK_INPUT },
} = require('internal/errors');
const { convertToValidSignal } = require('internal/validators');

const binding = internalBinding('process_wrap');

const UV_ESRCH = -3;
const UV_EINVAL = -22;
const UV_ENOSYS = -38;
// Spawn errors Node reports with an 'error' event instead of a throw.
const asyncSpawnErrors = new Set([-13, -11, -24, -23, -2]); // EACCES EAGAIN EMFILE ENFILE ENOENT

// errnoException builds Node's error for a failed system call:
// message "<syscall> <CODE>[ <original>]", with errno, code and syscall.
function errnoException(errno, syscall, original) {
  const code = getSystemErrorName(errno);
  const err = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

// Callbacks from Go, dispatched by id.
const children = new Map(); // process id -> ChildProcess
const pipes = new Map(); // pipe id -> { onread(chunk, status) }
let callbacksSet = false;

function ensureCallbacks() {
  if (callbacksSet) return;
  callbacksSet = true;
  binding.setCallbacks(onexit, onread);
}

function onexit(id, code, signal) {
  const child = children.get(id);
  if (!child) return;
  children.delete(id);
  child._onexit(code, signal);
}

// fds: descriptors passed along with the chunk on an IPC channel.
function onread(id, chunk, status, fds) {
  const p = pipes.get(id);
  if (p) p.onread(chunk, status, fds);
  else if (fds !== undefined) for (const fd of fds) binding.closeFd(fd);
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// Pipe is the parent's end of a child's stdio pipe: a Duplex, as node's
// Sockets are, made read-only (stdout, stderr), write-only (stdin) or both
// (fd 3 and up).
class Pipe extends Duplex {
  constructor(id, readable, writable) {
    // As a net.Socket: the end of input ends the write side too.
    super({ readable, writable, decodeStrings: false, allowHalfOpen: false, highWaterMark: 64 * 1024 });
    this._pipeId = id;
    this._closed = false;
    if (readable) pipes.set(id, this);
  }

  onread(chunk, status) {
    if (chunk !== null) {
      if (this.push(toBuffer(chunk))) binding.read(this._pipeId);
      return;
    }
    if (status < 0) {
      this.destroy(errnoException(status, 'read'));
      return;
    }
    this.push(null);
  }

  _read() {
    if (!this._closed) binding.read(this._pipeId);
  }

  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    const r = binding.write(this._pipeId, chunk, (status) => {
      cb(status < 0 ? errnoException(status, 'write') : null);
    });
    if (r === 0) cb(null);
    else if (r < 0) process.nextTick(cb, errnoException(r, 'write'));
  }

  _final(cb) {
    const r = binding.end(this._pipeId, () => cb());
    if (r < 0) process.nextTick(cb);
  }

  _destroy(err, cb) {
    this._closePipe();
    cb(err);
  }

  _closePipe() {
    if (this._closed) return;
    this._closed = true;
    pipes.delete(this._pipeId);
    binding.close(this._pipeId);
  }

  ref() { if (!this._closed) binding.pipeRef(this._pipeId, true); return this; }
  unref() { if (!this._closed) binding.pipeRef(this._pipeId, false); return this; }
}

// getValidStdio turns the stdio option into entries for Go: {type} with
// type 'pipe', 'ipc', 'ignore', 'inherit', 'fd' (with fd) or 'pipeid' (a
// pipe of another child, by id). sync rejects 'ipc' and lets strings and
// buffers through as input.
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;
  if (typeof stdio === 'string') {
    switch (stdio) {
      case 'ignore': case 'pipe': case 'inherit': case 'overlapped':
        stdio = [stdio, stdio, stdio];
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  // As node: the caller's array is padded in place.
  while (stdio.length < 3) stdio.push(undefined);
  const out = stdio.map((s, i) => {
    if (s === null || s === undefined) s = i < 3 ? 'pipe' : 'ignore';
    if (s === 'ignore') return { type: 'ignore' };
    if (s === 'pipe' || s === 'overlapped' || (typeof s === 'number' && s < 0)) return { type: 'pipe' };
    if (s === 'inherit') return { type: 'inherit', fd: i };
    if (s === 'ipc') {
      if (sync || ipc !== undefined) {
        if (sync) throw new (require('internal/errors').codes.ERR_IPC_SYNC_FORK)();
        throw new ERR_IPC_ONE_PIPE();
      }
      ipc = true;
      ipcFd = i;
      return { type: 'ipc' };
    }
    if (typeof s === 'number') return { type: 'fd', fd: s };
    if (s instanceof Pipe) return { type: 'pipeid', id: s._pipeId };
    if (typeof s === 'object' && typeof s.fd === 'number') return { type: 'fd', fd: s.fd };
    if (typeof s === 'object' && s._handle && typeof s._handle.fd === 'number') return { type: 'fd', fd: s._handle.fd };
    if (ArrayBuffer.isView(s) || typeof s === 'string') {
      if (!sync) throw new ERR_INVALID_SYNC_FORK_INPUT(require('internal/util/inspect').inspect(s));
      return { type: 'pipe' };
    }
    throw new ERR_INVALID_ARG_VALUE('stdio', s);
  });
  return { stdio: out, ipc, ipcFd };
}

function normalizeStdio(stdio, sync) {
  const r = getValidStdio(stdio === undefined || stdio === null ? 'pipe' : stdio, sync);
  return { stdio: r.stdio, ipc: r.ipcFd === undefined ? -1 : r.ipcFd };
}


class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._id = 0;
    this.pid = undefined;
  }

  // spawn(options): options as normalizeSpawnArguments returns them.
  spawn(options) {
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const { stdio, ipc } = normalizeStdio(options.stdio);
    if (ipc !== -1 && options.envPairs !== undefined && !Array.isArray(options.envPairs)) {
      throw new ERR_INVALID_ARG_TYPE('options.envPairs', 'Array', options.envPairs);
    }
    if (typeof options.file !== 'string') throw new ERR_INVALID_ARG_TYPE('options.file', 'string', options.file);
    if (options.args !== undefined && !Array.isArray(options.args)) {
      throw new ERR_INVALID_ARG_TYPE('options.args', 'Array', options.args);
    }
    const { validateOneOf } = require('internal/validators');
    validateOneOf(options.serialization, 'options.serialization', [undefined, 'json', 'advanced']);
    const serialization = options.serialization || 'json';
    if (options.envPairs === undefined) options.envPairs = [];
    if (ipc !== -1) {
      options.envPairs = options.envPairs.filter((kv) => !kv.startsWith('NODE_CHANNEL_FD=') &&
        !kv.startsWith('NODE_CHANNEL_SERIALIZATION_MODE='));
      options.envPairs.push(`NODE_CHANNEL_FD=${ipc}`, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }
    this.spawnfile = options.file;
    this.spawnargs = Array.isArray(options.args) ? options.args : [];
    // diagnostics_channel: tracing:child_process.spawn:start/end/error.
    const diagnostics = require('diagnostics_channel');
    const trace = diagnostics.tracingChannel('child_process.spawn');
    const traced = trace.hasSubscribers;
    if (traced) trace.start.publish({ process: this, options });
    // diagnostics_channel 'child_process': every child started.
    const created = diagnostics.channel('child_process');
    if (created.hasSubscribers) created.publish({ process: this });
    ensureCallbacks();
    const r = binding.spawn({
      file: options.file,
      args: this.spawnargs,
      envPairs: options.envPairs,
      cwd: options.cwd || undefined,
      stdio,
      detached: !!options.detached,
      uid: options.uid,
      gid: options.gid,
    });
    const err = r[0];
    if (err !== 0) {
      if (!asyncSpawnErrors.has(err)) {
        const e = errnoException(err, 'spawn');
        if (traced) trace.error.publish({ process: this, error: e });
        throw e;
      }
      const e = errnoException(err, `spawn ${this.spawnfile}`);
      e.path = this.spawnfile;
      e.spawnargs = this.spawnargs.slice(1);
      if (traced) trace.error.publish({ process: this, error: e });
      if (err === -24 || err === -23) {
        // EMFILE, ENFILE: no streams, only the 'error' event.
        process.nextTick(() => this.emit('error', e));
        return err;
      }
      // As node: the streams exist but stay empty; 'error' then 'close'.
      this.stdio = [];
      for (let i = 0; i < stdio.length; i++) {
        if (stdio[i].type === 'pipe') {
          const s = i === 0 ? new Writable({ write(c, e, cb) { cb(); } }) : new Readable({ read() {} });
          s.destroy();
          this.stdio[i] = s;
        } else {
          this.stdio[i] = null;
        }
      }
      [this.stdin = null, this.stdout = null, this.stderr = null] = this.stdio;
      process.nextTick(() => {
        this.exitCode = err;
        this.emit('error', e);
        this.emit('close', err, null);
      });
      return err;
    }
    this._id = r[1];
    this.pid = r[2];
    this.stdio = [];
    children.set(this._id, this);
    for (let i = 0; i < stdio.length; i++) {
      const pid = r[3 + i];
      if (pid === undefined || pid < 0) {
        this.stdio[i] = null;
        continue;
      }
      if (i === ipc) {
        this.stdio[i] = null;
        require('internal/child_process/ipc').setupChannel(this, pid, true, serialization);
        this._closesNeeded++;
        this.once('disconnect', () => this._maybeClose());
        continue;
      }
      const s = new Pipe(pid, i !== 0, i === 0 || i > 2);
      this.stdio[i] = s;
      if (i > 0) {
        this._closesNeeded++;
        s.on('close', () => this._maybeClose());
      }
    }
    this.stdin = this.stdio[0] || null;
    this.stdout = this.stdio[1] || null;
    this.stderr = this.stdio[2] || null;
    if (traced) trace.end.publish({ process: this, options });
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  _onexit(code, signal) {
    if (signal) this.signalCode = signal;
    else this.exitCode = code;
    if (this.stdin) this.stdin.destroy();
    this._id = 0;
    this.emit('exit', this.exitCode, this.signalCode);
    process.nextTick(() => {
      // Unread output would hold 'close' back forever: let it drain.
      for (const s of this.stdio || []) {
        if (s && s.readable && !s.destroyed && s.listenerCount('readable') === 0) s.resume();
      }
    });
    this._maybeClose();
  }

  _maybeClose() {
    this._closesGot++;
    if (this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  kill(sig) {
    const signal = sig === 0 ? sig : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._id) {
      const err = binding.kill(this._id, signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === UV_ESRCH) {
        // Already gone.
      } else if (err === UV_EINVAL || err === UV_ENOSYS) {
        throw errnoException(err, 'kill');
      } else {
        this.emit('error', errnoException(err, 'kill'));
      }
    }
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() { if (this._id) binding.ref(this._id, true); }
  unref() { if (this._id) binding.ref(this._id, false); }
}

// spawnSync(options) runs a child to completion: the result as Node's
// spawnSync returns it, before encoding.
function spawnSync(options) {
  const { stdio } = normalizeStdio(options.stdio, true);
  let input;
  const opt0 = Array.isArray(options.stdio) ? options.stdio[0] : undefined;
  for (const src of [options.input, opt0 && opt0.input]) {
    if (src === undefined || src === null) continue;
    if (typeof src === 'string') input = Buffer.from(src, options.encoding && options.encoding !== 'buffer' ? options.encoding : 'utf8');
    else if (ArrayBuffer.isView(src)) input = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
    else throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], src);
  }
  const r = binding.spawnSync({
    file: options.file,
    args: options.args,
    envPairs: options.envPairs || [],
    cwd: options.cwd || undefined,
    stdio,
    detached: !!options.detached,
    uid: options.uid,
    gid: options.gid,
    input,
    timeout: options.timeout,
    maxBuffer: options.maxBuffer,
    killSignal: options.killSignal,
  });
  const result = {};
  if (r.error !== undefined) {
    const e = errnoException(r.error, `spawnSync ${options.file}`);
    e.path = options.file;
    e.spawnargs = options.args.slice(1);
    result.error = e;
  }
  result.status = r.status;
  result.signal = r.signal;
  result.output = r.output === null ? null : r.output.map((o) => (o === null ? null : toBuffer(o)));
  result.pid = r.pid;
  return result;
}

module.exports = {
  ChildProcess,
  spawnSync,
  errnoException,
  normalizeStdio,
  getValidStdio,
  pipes,
  ensureCallbacks,
  Pipe,
  binding,
};
