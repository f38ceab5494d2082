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

function onread(id, chunk, status) {
  const p = pipes.get(id);
  if (p) p.onread(chunk, status);
}

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

// PipeReadable is the parent's read end of a child's output pipe.
class PipeReadable extends Readable {
  constructor(id) {
    super({ highWaterMark: 64 * 1024 });
    this._pipeId = id;
    this._closed = false;
    pipes.set(id, this);
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

// PipeWritable is the parent's write end of a child's input pipe.
class PipeWritable extends Writable {
  constructor(id) {
    super({ decodeStrings: false });
    this._pipeId = id;
    this._closed = false;
  }

  _write(chunk, encoding, cb) {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
    const r = binding.write(this._pipeId, chunk, (status) => {
      cb(status < 0 ? errnoException(status, 'write') : null);
    });
    if (r < 0) process.nextTick(cb, errnoException(r, 'write'));
  }

  _final(cb) {
    const r = binding.end(this._pipeId, () => cb());
    if (r < 0) process.nextTick(cb);
  }

  _destroy(err, cb) {
    if (!this._closed) {
      this._closed = true;
      binding.close(this._pipeId);
    }
    cb(err);
  }

  ref() { if (!this._closed) binding.pipeRef(this._pipeId, true); return this; }
  unref() { if (!this._closed) binding.pipeRef(this._pipeId, false); return this; }
}

// PipeDuplex is the parent's end of an extra stdio pipe (fd 3 and up),
// which the child may read and write.
class PipeDuplex extends Duplex {
  constructor(id) {
    super({ decodeStrings: false, allowHalfOpen: true });
    this._pipeId = id;
    this._closed = false;
    pipes.set(id, this);
  }

  onread(chunk, status) {
    PipeReadable.prototype.onread.call(this, chunk, status);
  }

  _read() { PipeReadable.prototype._read.call(this); }
  _write(chunk, encoding, cb) { PipeWritable.prototype._write.call(this, chunk, encoding, cb); }
  _final(cb) { PipeWritable.prototype._final.call(this, cb); }

  _destroy(err, cb) {
    PipeReadable.prototype._closePipe.call(this);
    cb(err);
  }

  ref() { if (!this._closed) binding.pipeRef(this._pipeId, true); return this; }
  unref() { if (!this._closed) binding.pipeRef(this._pipeId, false); return this; }
}

// normalizeStdio turns the stdio option into [{type, fd}] entries for Go.
function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) stdio = 'pipe';
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
  while (stdio.length < 3) stdio = [...stdio, undefined];
  let ipc = -1;
  const out = stdio.map((s, i) => {
    if (s === null || s === undefined) return { type: i < 3 ? 'pipe' : 'ignore' };
    if (s === 'ignore' || s === 'pipe' || s === 'overlapped') return { type: s === 'overlapped' ? 'pipe' : s };
    if (s === 'inherit') return { type: 'inherit', fd: i };
    if (s === 'ipc') {
      if (ipc !== -1) throw new ERR_IPC_ONE_PIPE();
      ipc = i;
      return { type: 'ipc' };
    }
    if (typeof s === 'number') return { type: 'fd', fd: s };
    if (typeof s === 'object') {
      if (typeof s.fd === 'number') return { type: 'fd', fd: s.fd };
      if (s._handle && typeof s._handle.fd === 'number') return { type: 'fd', fd: s._handle.fd };
      if (ArrayBuffer.isView(s) || typeof s === 'string') {
        throw new ERR_INVALID_SYNC_FORK_INPUT(require('internal/util/inspect').inspect(s));
      }
      throw require('internal/errors').notImplemented('child_process stdio stream without a file descriptor');
    }
    throw new ERR_INVALID_ARG_VALUE('stdio', s);
  });
  return { stdio: out, ipc };
}

const kSpawnArgs = Symbol('kSpawnArgs');

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
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [];
  }

  // spawn(options): options as normalizeSpawnArguments returns them.
  spawn(options) {
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    if (typeof options.file !== 'string') throw new ERR_INVALID_ARG_TYPE('options.file', 'string', options.file);
    if (options.envPairs !== undefined && !Array.isArray(options.envPairs)) {
      throw new ERR_INVALID_ARG_TYPE('options.envPairs', 'Array', options.envPairs);
    }
    if (options.args !== undefined && !Array.isArray(options.args)) {
      throw new ERR_INVALID_ARG_TYPE('options.args', 'Array', options.args);
    }
    const { stdio, ipc } = normalizeStdio(options.stdio);
    if (options.envPairs === undefined) options.envPairs = [];
    if (ipc !== -1) {
      options.envPairs = options.envPairs.filter((kv) => !kv.startsWith('NODE_CHANNEL_FD=') &&
        !kv.startsWith('NODE_CHANNEL_SERIALIZATION_MODE='));
      options.envPairs.push(`NODE_CHANNEL_FD=${ipc}`, 'NODE_CHANNEL_SERIALIZATION_MODE=json');
    }
    this.spawnfile = options.file;
    this.spawnargs = Array.isArray(options.args) ? options.args : [];
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
      if (!asyncSpawnErrors.has(err)) throw errnoException(err, 'spawn');
      // As node: the streams exist but stay empty; 'error' then 'close'.
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
      const e = errnoException(err, `spawn ${this.spawnfile}`);
      e.path = this.spawnfile;
      e.spawnargs = this.spawnargs.slice(1);
      process.nextTick(() => {
        this.exitCode = err;
        this.emit('error', e);
        this.emit('close', err, null);
      });
      return err;
    }
    this._id = r[1];
    this.pid = r[2];
    children.set(this._id, this);
    for (let i = 0; i < stdio.length; i++) {
      const pid = r[3 + i];
      if (pid === undefined || pid < 0) {
        this.stdio[i] = null;
        continue;
      }
      if (i === ipc) {
        this.stdio[i] = null;
        require('internal/child_process/ipc').setupChannel(this, pid, true);
        this._closesNeeded++;
        this.once('disconnect', () => this._maybeClose());
        continue;
      }
      const s = i === 0 ? new PipeWritable(pid) : i < 3 ? new PipeReadable(pid) : new PipeDuplex(pid);
      this.stdio[i] = s;
      if (i > 0) {
        this._closesNeeded++;
        s.on('close', () => this._maybeClose());
        s.read(0);
      }
    }
    this.stdin = this.stdio[0] || null;
    this.stdout = this.stdio[1] || null;
    this.stderr = this.stdio[2] || null;
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
      for (const s of this.stdio) {
        if (s && s instanceof Readable && !s.destroyed && s.listenerCount('readable') === 0) s.resume();
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
  const { stdio, ipc } = normalizeStdio(options.stdio);
  if (ipc !== -1) throw new (require('internal/errors').codes.ERR_IPC_SYNC_FORK)();
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
  kSpawnArgs,
  pipes,
  ensureCallbacks,
  PipeReadable,
  PipeWritable,
  binding,
};
