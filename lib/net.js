'use strict';
// node:net: TCP and Unix-domain stream sockets and servers.
//
// The native side is internalBinding('tcp') (internal/ops/tcp): handles
// are integer ids, reads arrive through one onread callback, accepted
// connections through one onconnection callback, and writes either finish
// at once (0) or call back later (1).

const EventEmitter = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const FastBufferPrototype = FastBuffer.prototype;
const ObjectSetPrototypeOf = Object.setPrototypeOf;

// internal/events/fast, when there: what a direct call of a 'data'
// listener needs to act as EventEmitter's emit.
let fastEmit = null;
try {
  fastEmit = require('internal/events/fast');
  if (typeof fastEmit.protoEmit !== 'function' || typeof fastEmit.listenerResult !== 'function') fastEmit = null;
} catch {
  fastEmit = null;
}
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
    ERR_INVALID_ADDRESS_FAMILY,
  },
  notImplemented,
} = require('internal/errors');
const {
  isIP,
  isIPv4,
  isIPv6,
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
  validatePort,
} = require('internal/net');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateString,
} = require('internal/validators');

const binding = internalBinding('tcp');
const UV_EOF = binding.UV_EOF;
const UV_ECANCELED = -125;

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

function getDefaultAutoSelectFamily() { return autoSelectFamily; }
function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}
function getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeout; }
function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
}

let dnsModule;
function lazyDns() {
  if (dnsModule === undefined) dnsModule = require('dns');
  return dnsModule;
}

// ---- native handles ---------------------------------------------------------

// Every open handle id -> its Socket or Server.
const owners = new Map();
require('internal/process/active').register(() => {
  const out = [];
  for (const owner of owners.values()) {
    const h = owner._handle;
    if (!h || !h.refed) continue;
    const type = owner instanceof Server ? (h.pipe ? 'PipeServerWrap' : 'TCPServerWrap') :
      (h.pipe ? 'PipeWrap' : 'TCPSocketWrap');
    out.push({ type, owner, handle: true });
  }
  return out;
});

function onread(id, nread, ab) {
  ioEpoch++;
  // Only connections read, and their owners are sockets (which have
  // _onread): no instanceof, a costly operator on this engine.
  const socket = owners.get(id);
  if (socket === undefined || socket._onread === undefined) return;
  socket._onread(nread, ab);
}

function onconnection(serverId, status, connId) {
  ioEpoch++;
  const server = owners.get(serverId);
  if (server === undefined) {
    if (status === 0) binding.close(connId);
    return;
  }
  server._onconnection(status, connId);
}

binding.setCallbacks(onread, onconnection);

// Handle is the JS face of a native handle: node code and libraries look
// at socket._handle (null once closed), and a few call its methods.
// A connecting socket has its Handle from connect() on, as in node, with
// id 0 until the address is looked up and the native connect starts.
class Handle {
  constructor(id, pipe) {
    this.id = id;
    this.pipe = pipe;
    this.reading = false;
    this.refed = true;
  }

  // _bind attaches the handle to a new native handle (closing any
  // previous one: a failed connection attempt).
  _bind(id, owner) {
    if (this.id) {
      owners.delete(this.id);
      binding.close(this.id);
    }
    this.id = id;
    owners.set(id, owner);
    if (!this.refed) binding.ref(id, false);
  }

  readStart() { this.reading = true; binding.readStart(this.id); return 0; }
  readStop() { this.reading = false; binding.readStop(this.id); return 0; }
  ref() { this.refed = true; if (this.id) binding.ref(this.id, true); }
  unref() { this.refed = false; if (this.id) binding.ref(this.id, false); }
  hasRef() { return this.refed; }
  close(cb) {
    if (this.id) owners.delete(this.id);
    binding.close(this.id, cb);
  }
  // A pipe connection has no addresses in node (its handle cannot ask):
  // address() is {} and remoteAddress undefined on both ends.
  getsockname(out) { return this.pipe ? -22 : fillAddress(binding.address(this.id), out); }
  getpeername(out) { return this.pipe ? -22 : fillAddress(binding.remoteAddress(this.id), out); }
  setNoDelay(on) { return binding.setNoDelay(this.id, on); }
  // Callbacks run from now on in the current async context (an agent
  // reusing the connection for another request).
  asyncReset() { if (this.id) binding.asyncReset(this.id); }
  setKeepAlive(on, delaySecs) { return binding.setKeepAlive(this.id, on, delaySecs); }
  get writeQueueSize() { return binding.writeQueueSize(this.id); }
  get fd() { return this.id ? binding.fd(this.id) : -1; }
}

function fillAddress(a, out) {
  if (a === undefined) return -9; // EBADF
  if (typeof a === 'string') {
    out.address = a;
    return 0;
  }
  out.address = a[0];
  out.family = a[1];
  out.port = a[2];
  return 0;
}

function addressOf(a) {
  if (a === undefined) return {};
  if (typeof a === 'string') return a;
  return { address: a[0], family: a[1], port: a[2] };
}

// ---- argument normalisation --------------------------------------------------

function toNumber(x) { return (x = Number(x)) >= 0 ? x : false; }

// A pipe name is a string that is not a port number.
function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// normalizeArgs turns the (options | port, host | path, cb) forms of
// connect and listen into [options, cb].
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// ---- Socket -------------------------------------------------------------------

const { kTimeout } = require('internal/timers');
const kPendingWrite = Symbol('pendingWrite');
const { kSetNoDelay, kSetKeepAlive, kSetKeepAliveInitialDelay } = require('internal/net');
const kUnref = Symbol('unref');
const kBytesRead = Symbol('bytesRead');
const kBytesWritten = Symbol('bytesWritten');
const kConnectAttempt = Symbol('connectAttempt');
const kFastDone = Symbol('fastWritesDone');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kFastEpoch = Symbol('fastWritesEpoch');

// ioEpoch counts the loop's callbacks into this module (reads, write
// completions, connections). Fast writes made in one such callback share
// its epoch: when the epoch has moved on, the tick that would have
// completed them has run (see settleFastWrites). Callbacks from
// elsewhere (timers...) do not move it, which only makes a settle queue a
// tick that is no longer needed, never skip one.
let ioEpoch = 0;

// afterQueuedWrite completes a write the handle had to queue; req is
// [socket, cb] (one shared function instead of a closure per write).
function afterQueuedWrite(status, req) {
  ioEpoch++;
  const cb = req[1];
  if (status < 0) {
    cb(errnoException(status, 'write'));
    return;
  }
  req[0]._unrefTimerRefresh();
  cb();
}

class Socket extends stream.Duplex {
  constructor(options) {
    if (typeof options === 'number') options = { fd: options };
    else options = { ...options };
    if (options.fd !== undefined) {
      // A descriptor the process holds (inherited, or passed over IPC):
      // adopted as a connected socket.
      const { validateInt32 } = require('internal/validators');
      validateInt32(options.fd, 'fd', 0);
      const id = binding.openFd(options.fd, false);
      if (id < 0) throw errnoException(id, 'open');
      options.handle = new Handle(id, typeof binding.address(id) === 'string');
      if (options.readable === undefined) options.readable = true;
      if (options.writable === undefined) options.writable = true;
    }
    if (options.onread !== undefined && options.onread !== null) throw notImplemented('net.Socket onread option');
    for (const key of ['objectMode', 'readableObjectMode', 'writableObjectMode']) {
      if (options[key]) {
        const err = new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key], 'is not supported');
        throw err;
      }
    }
    options.allowHalfOpen = Boolean(options.allowHalfOpen);
    options.emitClose = false;
    options.autoDestroy = true;
    options.decodeStrings = false;
    // The signal is handled below (after the socket is set up), not by
    // Duplex: one 'abort' listener, as in node.
    super(options.signal === undefined ? options : { ...options, signal: undefined });

    this.connecting = false;
    this._hadError = false;
    this._handle = null;
    this._parent = null;
    this._host = null;
    this._peername = null;
    this._sockname = null;
    this._server = null;
    this.server = null;
    this[kTimeout] = null;
    this[kPendingWrite] = null;
    this[kSetNoDelay] = Boolean(options.noDelay);
    this[kSetKeepAlive] = Boolean(options.keepAlive);
    this[kSetKeepAliveInitialDelay] = ~~((options.keepAliveInitialDelay || 0) / 1000);
    this[kUnref] = false;
    this[kBytesRead] = 0;
    this[kBytesWritten] = 0;
    this[kConnectAttempt] = 0;
    this[kFastEpoch] = -1;
    this[kFastDone] = 0;
    this.autoSelectFamilyAttemptedAddresses = undefined;
    if (options.blockList !== undefined && options.blockList !== null) {
      if (!module.exports.BlockList.isBlockList(options.blockList)) {
        throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
      }
      this.blockList = options.blockList;
    }

    if (options.handle) {
      this._attach(options.handle);
      if (options.readable !== false) {
        if (options.pauseOnCreate) {
          this.readableFlowing = false;
        } else if (!options.manualStart) {
          this.read(0);
        }
      }
    }
    if (options.signal) {
      const signal = options.signal;
      const onAbort = () => this.destroy(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
      if (signal.aborted) process.nextTick(onAbort);
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    this.on('end', onReadableStreamEnd);
  }

  // _attach adopts a connected native handle (a Handle or an id).
  _attach(h) {
    if (typeof h === 'number') h = new Handle(h, false);
    this._handle = h;
    if (typeof h.id === 'number') owners.set(h.id, this);
    if (this[kSetNoDelay]) h.setNoDelay(true);
    if (this[kSetKeepAlive]) h.setKeepAlive(true, this[kSetKeepAliveInitialDelay]);
    if (this[kUnref]) h.unref();
  }

  _onread(nread, ab) {
    if (nread > 0) {
      if (this[kTimeout] !== null || this._parent !== null) this._unrefTimerRefresh();
      this[kBytesRead] += nread;
      // A Buffer over the chunk: a Uint8Array given Buffer's prototype is
      // what new FastBuffer makes, without a derived-class construction.
      const buf = ObjectSetPrototypeOf(new Uint8Array(ab, 0, nread), FastBufferPrototype);
      const state = this._readableState;
      const events = this._events;
      const handler = events === undefined ? undefined : events.data;
      let ok;
      if (state.flowing === true && state.length === 0 && state.sync === false && state.ended === false &&
          state.destroyed === false && state.errored === null && state.decoder === null &&
          handler !== undefined && (typeof handler === 'function' || this.listenerCount('data') > 0)) {
        // Flowing with nothing buffered: what push() does on this path
        // (Readable's addChunk), without its layers.
        state.reading = false;
        if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
        else state.awaitDrainWriters = null;
        state.dataEmitted = true;
        if (typeof handler === 'function' && fastEmit !== null && this.emit === fastEmit.protoEmit) {
          // emit('data', buf) as EventEmitter's emit does it.
          const result = handler.call(this, buf);
          if (result !== undefined && result !== null) fastEmit.listenerResult(this, result, 'data', [buf]);
        } else {
          this.emit('data', buf);
        }
        // Readable's read-ahead (maybeReadMore): its deferred read(0)
        // only marks a read as in progress and calls _read, which has
        // nothing to do while the handle reads. When that is all it could
        // do, the marks are set now instead of a tick later.
        if (!state.readingMore && state.constructed) {
          const h = this._handle;
          if (state.flowing === true && state.length === 0 && state.ended === false && state.destroyed === false &&
              state.errored === null && state.reading === false && h !== null && h.reading === true &&
              this.connecting === false && this._read === kSocketRead) {
            state.reading = true;
            state.needReadable = true;
          } else {
            state.readingMore = true;
            process.nextTick(readMoreNT, this, state);
          }
        }
        ok = !state.ended && (state.length < state.highWaterMark || state.length === 0);
      } else {
        ok = this.push(buf);
      }
      if (!ok && this._handle && this._handle.reading) this._handle.readStop();
      return;
    }
    if (nread === UV_EOF) {
      if (this._handle && this._handle.reading) this._handle.readStop();
      this.push(null);
      this.read(0);
      return;
    }
    this.destroy(errnoException(nread, 'read'));
  }

  _read(n) {
    if (this.connecting || !this._handle) {
      this.once('connect', () => this._read(n));
    } else if (!this._handle.reading) {
      this._handle.readStart();
    }
  }

  _writeGeneric(writev, data, encoding, cb) {
    if (this.connecting) {
      this[kPendingWrite] = [writev, data, encoding, cb];
      const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
      this.once('connect', () => {
        this.off('close', onClose);
        const p = this[kPendingWrite];
        this[kPendingWrite] = null;
        if (p) this._writeGeneric(p[0], p[1], p[2], p[3]);
      });
      this.once('close', onClose);
      return;
    }
    this[kPendingWrite] = null;
    if (!this._handle) {
      cb(new ERR_SOCKET_CLOSED());
      return false;
    }
    if (this[kTimeout] !== null || this._parent !== null) this._unrefTimerRefresh();
    let payload;
    if (writev) {
      payload = new Array(data.length);
      for (let i = 0; i < data.length; i++) payload[i] = toBytes(data[i].chunk, data[i].encoding);
    } else {
      payload = toBytes(data, encoding);
    }
    // The handle counts the bytes it takes (see bytesWritten).
    const r = binding.write(this._handle.id, payload, afterQueuedWrite, [this, cb]);
    if (r === 0) {
      cb();
    } else if (r < 0) {
      cb(errnoException(r, 'write'));
    }
  }

  _write(data, encoding, cb) { this._writeGeneric(false, data, encoding, cb); }
  _writev(chunks, cb) { this._writeGeneric(true, chunks, '', cb); }

  _final(cb) {
    if (this.connecting) {
      return this.once('connect', () => this._final(cb));
    }
    if (!this._handle) return cb();
    const r = binding.shutdown(this._handle.id, (status) => {
      if (status < 0 && status !== -107 /* ENOTCONN */ && status !== UV_ECANCELED) {
        cb(errnoException(status, 'shutdown'));
        return;
      }
      cb();
    });
    if (r < 0) cb();
  }

  _destroy(exception, cb) {
    settleFastWrites(this);
    if (this[kTimeout]) {
      clearTimeout(this[kTimeout]);
      this[kTimeout] = null;
    }
    this.connecting = false;
    for (let s = this; s !== null; s = s._parent) {
      if (s[kTimeout]) { clearTimeout(s[kTimeout]); s[kTimeout] = null; }
    }
    if (this._handle) {
      const isException = exception ? true : false;
      const h = this._handle;
      this._handle = null;
      this._sockname = null;
      if (h instanceof Handle && h.id) this[kBytesWritten] += binding.bytesWritten(h.id);
      h.close(() => this.emit('close', isException));
      cb(exception);
    } else {
      cb(exception);
      process.nextTick(emitCloseNT, this);
    }
    if (this._server) {
      this._server._connections--;
      this._server._emitCloseIfDrained();
    }
  }

  destroySoon() {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', this.destroy);
  }

  resetAndDestroy() {
    if (this._handle || this.connecting) {
      if (this.connecting) {
        this.once('connect', () => this.resetAndDestroy());
        return this;
      }
      binding.setLinger0(this._handle.id);
      this.destroy();
    } else {
      this.destroy(new ERR_SOCKET_CLOSED());
    }
    return this;
  }

  end(data, encoding, cb) {
    settleFastWrites(this);
    super.end(data, encoding, cb);
    return this;
  }

  connect(...args) {
    if (dc().clientSocket.hasSubscribers) dc().clientSocket.publish({ socket: this });
    let normalized;
    if (Array.isArray(args[0]) && args[0].length === 2 && typeof args[0][0] === 'object') {
      normalized = args[0];
    } else {
      normalized = normalizeArgs(args);
    }
    const [options, cb] = normalized;
    if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
    if (this.destroyed) {
      this._handle = null;
      this._peername = null;
      this._sockname = null;
      this[kBytesRead] = 0; // counters belong to the (new) handle
      this[kBytesWritten] = 0;
      this._undestroy();
    }
    if (cb !== null) this.once('connect', cb);
    if (this._handle && this.connecting) {
      throw new (require('internal/errors').codes.ERR_SOCKET_CONNECTION_TIMEOUT)();
    }
    const { path } = options;
    if (options.timeout) this.setTimeout(options.timeout);
    if (!this._handle) {
      this._handle = new Handle(0, path !== undefined && path !== null);
      if (this[kUnref]) this._handle.refed = false;
    }
    this.connecting = true;
    if (path !== undefined && path !== null) {
      validateString(path, 'options.path');
      this._internalConnect(path, 0, 0, undefined, undefined);
    } else {
      lookupAndConnect(this, options);
    }
    return this;
  }

  // _internalConnect starts one connection attempt. onFail(status, ex),
  // when given, may take over a failure (try the next address) by
  // returning true. attemptTimeout (ms) bounds the attempt.
  _internalConnect(address, port, addressType, localAddress, localPort, onFail, attemptTimeout) {
    const isPipe = addressType === 0;
    if (!isPipe && this.blockList && this.blockList.check(address, addressType === 6 ? 'ipv6' : 'ipv4')) {
      const { codes: { ERR_IP_BLOCKED } } = require('internal/errors');
      this.connecting = false;
      this.destroy(new ERR_IP_BLOCKED(address));
      return;
    }
    const attempt = ++this[kConnectAttempt];
    if (!isPipe) this.emit('connectionAttempt', address, port, addressType);
    const id = binding.connect(isPipe ? '' : address, isPipe ? 0 : port, isPipe ? address : undefined,
      localAddress, localPort || 0, attemptTimeout || 0, (status) => {
        if (attempt !== this[kConnectAttempt]) return;
        if (this.destroyed || this._handle === null || this._handle.id !== id) return;
        if (status < 0) {
          let details;
          if (localAddress || localPort) details = `${localAddress || ''}:${localPort || 0}`;
          const ex = isPipe ? exceptionWithHostPort(status, 'connect', address) :
            exceptionWithHostPort(status, 'connect', address, port, details);
          if (details) {
            ex.localAddress = localAddress;
            ex.localPort = localPort;
          }
          if (!isPipe) {
            if (attemptTimeout && status === -110 /* ETIMEDOUT */) {
              this.emit('connectionAttemptTimeout', address, port, addressType);
            } else {
              this.emit('connectionAttemptFailed', address, port, addressType, ex);
            }
          }
          if (onFail && onFail(status, ex)) return;
          this.connecting = false;
          this.destroy(ex);
          return;
        }
        afterConnect(this);
      });
    if (!this._handle) this._handle = new Handle(0, isPipe);
    this._handle._bind(id, this);
  }

  get pending() { return !this._handle || this.connecting; }

  get readyState() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  }

  get bufferSize() {
    if (this._handle) return this.writableLength;
    return undefined;
  }

  get bytesRead() { return this[kBytesRead]; }

  get bytesWritten() {
    // Bytes taken by the handle (counted natively, whoever wrote them),
    // plus what waits to be written.
    let bytes = this[kBytesWritten];
    // Read on a prototype (no socket state): undefined, as node's.
    if (bytes === undefined) return undefined;
    const h = this._handle;
    if (h instanceof Handle && h.id) bytes += binding.bytesWritten(h.id);
    const p = this[kPendingWrite];
    if (p) {
      if (p[0]) for (const c of p[1]) bytes += byteLength(toBytes(c.chunk, c.encoding));
      else bytes += byteLength(toBytes(p[1], p[2]));
    }
    const buffered = this.writableBuffer;
    if (Array.isArray(buffered)) {
      for (const el of buffered) {
        bytes += el.chunk instanceof Uint8Array ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
      }
    }
    return bytes;
  }

  _getpeername() {
    if (!this._handle || this.connecting) return this._peername || {};
    if (!this._peername) {
      const out = {};
      if (this._handle.getpeername(out) !== 0) return out;
      this._peername = out;
    }
    return this._peername;
  }

  _getsockname() {
    if (!this._handle) return {};
    if (!this._sockname) {
      const out = {};
      if (this._handle.getsockname(out) !== 0) return out;
      this._sockname = out;
    }
    return this._sockname;
  }

  address() { return this._getsockname(); }
  get remoteAddress() { return this._getpeername().address; }
  get remoteFamily() { return this._getpeername().family; }
  get remotePort() { return this._getpeername().port; }
  get localAddress() { return this._getsockname().address; }
  get localPort() { return this._getsockname().port; }
  get localFamily() { return this._getsockname().family; }
  get _connecting() { return this.connecting; }

  setNoDelay(enable) {
    enable = Boolean(enable === undefined ? true : enable);
    if (!this._handle) {
      this[kSetNoDelay] = enable;
      return this;
    }
    if (this._handle.setNoDelay && enable !== this[kSetNoDelay]) {
      this[kSetNoDelay] = enable;
      this._handle.setNoDelay(enable);
    }
    return this;
  }

  setKeepAlive(enable, initialDelayMsecs) {
    enable = Boolean(enable);
    const delay = ~~((initialDelayMsecs || 0) / 1000);
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = delay;
    if (this._handle && !this.connecting) this._handle.setKeepAlive(enable, delay);
    return this;
  }

  setTimeout(msecs, callback) {
    // As node: a destroyed socket arms no timer (and checks nothing).
    if (this.destroyed) return this;
    msecs = getTimerDuration(msecs, 'msecs');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this[kTimeout]) {
      clearTimeout(this[kTimeout]);
      this[kTimeout] = null;
    }
    this.timeout = msecs;
    if (msecs === 0) {
      if (callback !== undefined) this.removeListener('timeout', callback);
    } else {
      // Through _onTimeout, which programs may replace (node's timer
      // calls it too).
      this[kTimeout] = setTimeout(() => this._onTimeout(), msecs);
      this[kTimeout].unref();
      if (callback !== undefined) this.once('timeout', callback);
    }
    return this;
  }

  // _onTimeout is the end of the idle timer. A write still being written
  // natively (its queue shrank since the last look) is activity, as in
  // node: the timer is armed again instead of reporting 'timeout'.
  _onTimeout() {
    const h = this._handle;
    if (h instanceof Handle && h.id) {
      const size = h.writeQueueSize;
      const last = this[kLastWriteQueueSize];
      this[kLastWriteQueueSize] = size;
      if (size > 0 && size !== last && this[kTimeout]) {
        this[kTimeout].refresh();
        return;
      }
    }
    this[kTimeout] = null;
    this.emit('timeout');
  }

  _unrefTimerRefresh() {
    for (let s = this; s !== null; s = s._parent) {
      if (s[kTimeout]) s[kTimeout].refresh();
    }
  }

  // write is Writable's write with a shortcut for the common case: a
  // string (default encoding) or Buffer, no callback, nothing queued or
  // corked and the handle idle. The chunk goes to the handle at once and
  // the stream's state ends as Writable's write, _write and onwrite would
  // leave it; anything else takes Writable's path.
  write(chunk, encoding, cb) {
    const h = this._handle;
    if (encoding === undefined && cb === undefined && h !== null && h !== undefined && this.connecting === false &&
        (typeof chunk === 'string' || chunk instanceof Buffer)) {
      const state = this._writableState;
      const len = chunk.length;
      if ((typeof chunk !== 'string' || state.defaultEncoding === 'utf8') &&
          len > 0 && len < state.highWaterMark && state.writing === false && state.corked === 0 &&
          state.length === 0 && state.ending === false && state.destroyed === false && state.errored === null &&
          state.needDrain === false && state.constructed === true && h.id !== 0 &&
          this._writeGeneric === kSocketWriteGeneric && this._write === kSocketWrite) {
        if (this[kTimeout] !== null || this._parent !== null) this._unrefTimerRefresh();
        const r = binding.write(h.id, chunk, afterFastQueued, this);
        if (r === 0) {
          // Done. Writable would settle it in a tick (afterWrite):
          // pendingcb back down, a no-op callback, and nothing else unless
          // the stream ends or is destroyed before that tick, which end()
          // and _destroy see (settleFastWrites). So the tick is owed, not
          // queued.
          if (this[kFastEpoch] === ioEpoch) {
            this[kFastDone]++;
          } else {
            this[kFastEpoch] = ioEpoch;
            this[kFastDone] = 1;
          }
          return true;
        }
        return fastWriteQueued(state, r, len);
      }
    }
    return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  }

  // node's name for the same thing, used by http.
  _unrefTimer() { this._unrefTimerRefresh(); }

  ref() {
    if (!this._handle) {
      this[kUnref] = false;
      return this;
    }
    this[kUnref] = false;
    this._handle.ref();
    return this;
  }

  unref() {
    this[kUnref] = true;
    if (this._handle) this._handle.unref();
    return this;
  }

  [Symbol.asyncDispose]() {
    if (!this.destroyed) {
      return new Promise((resolve) => {
        this.once('close', () => resolve());
        this.destroy();
      });
    }
    return Promise.resolve();
  }
}

// readMoreNT is Readable's read-ahead tick (maybeReadMoreNT), for what
// _onread cannot settle at once.
function readMoreNT(socket, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    socket.read(0);
    if (len === state.length) break;
  }
  state.readingMore = false;
}

function nop() {}

// fastWriteQueued leaves the stream of a fast write (Socket's write) that
// the handle queued (r is 1), or that failed (r is an errno), as
// writeOrBuffer and _write would: writing, completed by Writable's
// onwrite. It returns write()'s result.
function fastWriteQueued(state, r, len) {
  // In flight (or failed): as writeOrBuffer leaves it for onwrite.
  state.pendingcb++;
  state.length += len;
  state.writelen = len;
  state.writecb = nop;
  state.writing = true;
  if (r < 0) {
    state.sync = true;
    state.onwrite(errnoException(r, 'write'));
    state.sync = false;
    return false;
  }
  state.sync = false;
  return true;
}

// afterFastQueued completes a fast write the handle had to queue.
function afterFastQueued(status, socket) {
  ioEpoch++;
  const state = socket._writableState;
  if (status < 0) {
    state.onwrite(errnoException(status, 'write'));
    return;
  }
  socket._unrefTimerRefresh();
  state.onwrite();
}

// settleFastWrites queues the completion tick of the fast writes done
// earlier in this same callback of the loop, if any (their tick would
// have run already after an earlier one): called before the stream ends
// or is destroyed, which that tick could see. The tick comes after any
// the program queued since the writes; those cannot tell, as the tick
// does nothing they could see before the end or destroy.
function settleFastWrites(socket) {
  if (socket[kFastEpoch] !== ioEpoch) return;
  const n = socket[kFastDone];
  if (!n) return;
  socket[kFastDone] = 0;
  socket._writableState.pendingcb += n;
  process.nextTick(afterFastWrites, socket, n);
}

// afterFastWrites is Writable's afterWrite for n fast writes, whose
// callbacks are no-ops: unless the stream is ending, destroyed or owes a
// 'drain', that only settles pendingcb; else Writable's own completion
// runs (onwrite, as for an asynchronous write).
function afterFastWrites(socket, n) {
  const state = socket._writableState;
  if (state.writing || (!state.ending && !state.destroyed && !state.needDrain)) {
    state.pendingcb -= n;
    return;
  }
  state.pendingcb -= n - 1;
  state.writing = true;
  state.writecb = nop;
  state.writelen = 0;
  state.sync = false;
  state.onwrite();
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  return msecs;
}

function toBytes(chunk, encoding) {
  if (typeof chunk === 'string') {
    if (!encoding || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer') return chunk;
    return Buffer.from(chunk, encoding);
  }
  return chunk;
}

function byteLength(b) {
  return typeof b === 'string' ? Buffer.byteLength(b, 'utf8') : b.byteLength;
}

function emitCloseNT(s) { s.emit('close'); }

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

function afterConnect(self) {
  if (self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  const h = self._handle;
  if (self[kSetNoDelay]) h.setNoDelay(true);
  if (self[kSetKeepAlive]) h.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
  self._unrefTimerRefresh();
  self.emit('connect');
  self.emit('ready');
  if (self.readable && !self.isPaused()) self.read(0);
}

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  if (options.host !== undefined && options.host !== null) validateString(options.host, 'options.host');
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout: attemptTimeout, autoSelectFamily: asf } = options;
  if (localAddress && !isIP(localAddress)) {
    const { codes: { ERR_INVALID_IP_ADDRESS } } = require('internal/errors');
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort !== undefined && localPort !== null) validateInt32(localPort, 'options.localPort', 0, 65535);
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    port = validatePort(port);
  } else {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  port |= 0;
  if (asf !== undefined && asf !== null) validateBoolean(asf, 'options.autoSelectFamily');
  else asf = autoSelectFamily;
  if (attemptTimeout !== undefined && attemptTimeout !== null) validateInt32(attemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) self._internalConnect(host, port, addressType, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const lookup = options.lookup || lazyDns().lookup;
  const dnsOpts = { family: options.family, hints: options.hints || 0 };
  if (dnsOpts.family !== undefined && dnsOpts.family !== null) {
    dnsOpts.family = dnsOpts.family === 'IPv4' ? 4 : dnsOpts.family === 'IPv6' ? 6 : dnsOpts.family;
  }
  if (asf && (dnsOpts.family === undefined || dnsOpts.family === 0 || dnsOpts.family === null)) dnsOpts.all = true;
  self._host = host;
  lookup(host, dnsOpts, (err, ip, addressType) => {
    self.emit('lookup', err, Array.isArray(ip) ? ip[0]?.address : ip, Array.isArray(ip) ? ip[0]?.family : addressType, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
      return;
    }
    let list = Array.isArray(ip) ? ip : [{ address: ip, family: addressType }];
    if (list.length === 0) {
      const e = new Error(`getaddrinfo ENOTFOUND ${host}`);
      e.code = 'ENOTFOUND';
      process.nextTick(connectErrorNT, self, e);
      return;
    }
    for (const a of list) {
      if (!isIP(a.address)) {
        const { codes: { ERR_INVALID_IP_ADDRESS } } = require('internal/errors');
        process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(a.address));
        return;
      }
      if (a.family !== 4 && a.family !== 6) {
        process.nextTick(connectErrorNT, self, new ERR_INVALID_ADDRESS_FAMILY(a.family, host, port));
        return;
      }
    }
    if (list.length > 1) {
      self.autoSelectFamilyAttemptedAddresses = [];
    }
    const errors = [];
    const timeout = attemptTimeout || autoSelectFamilyAttemptTimeout;
    const tryAt = (i) => {
      const a = list[i];
      if (self.autoSelectFamilyAttemptedAddresses) self.autoSelectFamilyAttemptedAddresses.push(`${a.address}:${port}`);
      const more = i + 1 < list.length;
      self._internalConnect(a.address, port, a.family, localAddress, localPort,
        more ? (status, ex) => {
          errors.push(ex);
          tryAt(i + 1);
          return true;
        } : (errors.length ? (status, ex) => {
          errors.push(ex);
          const agg = new AggregateError(errors, '');
          agg.code = errors[0].code;
          self.connecting = false;
          self.destroy(agg);
          return true;
        } : undefined), more ? timeout : 0);
    };
    tryAt(0);
  });
}

function connectErrorNT(self, err) {
  self.connecting = false;
  self.destroy(err);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  if (options.timeout) {
    validateNumber(options.timeout, 'options.timeout');
  }
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

// ---- Server -------------------------------------------------------------------

const kUnrefServer = Symbol('unrefServer');
const kListenGen = Symbol('listenGeneration');

class Server extends EventEmitter {
  constructor(options, connectionListener) {
    super();
    if (typeof options === 'function') {
      connectionListener = options;
      options = {};
    } else if (options == null || typeof options === 'object') {
      options = { ...options };
    } else {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
    this._connections = 0;
    this._handle = null;
    this._usingWorkers = false;
    this._workers = [];
    this._unref = false;
    this._pipeName = undefined;
    this.allowHalfOpen = options.allowHalfOpen || false;
    this.pauseOnConnect = !!options.pauseOnConnect;
    this.noDelay = Boolean(options.noDelay);
    this.keepAlive = Boolean(options.keepAlive);
    this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
    this.highWaterMark = options.highWaterMark;
    this._maxConnections = undefined;
    this[kUnrefServer] = false;
    if (options.blockList !== undefined && options.blockList !== null) {
      if (!module.exports.BlockList.isBlockList(options.blockList)) {
        throw new ERR_INVALID_ARG_TYPE('options.blockList', 'net.BlockList', options.blockList);
      }
      this.blockList = options.blockList;
    }
  }

  get maxConnections() { return this._maxConnections; }
  set maxConnections(v) { this._maxConnections = v; }

  get listening() { return !!this._handle; }

  listen(...args) {
    const [options, cb] = normalizeArgs(args);
    if (typeof cb === 'function') this.once('listening', cb);
    if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
    if (dc().listen.hasSubscribers) {
      // diagnostics_channel tracing:net.server.listen: asyncStart now,
      // asyncEnd on 'listening' or error if listening fails.
      this[kListenTrace] = { server: this, options };
      dc().listen.asyncStart.publish(this[kListenTrace]);
    }
    let backlog = options.backlog;
    // listen(port, host, backlog, cb) / listen(port, backlog, cb)
    if (typeof args[0] !== 'object' || args[0] === null) {
      const b = typeof args[1] === 'number' ? args[1] : (typeof args[2] === 'number' ? args[2] : undefined);
      if (b !== undefined) backlog = b;
    }
    if (options.signal !== undefined) {
      const { validateAbortSignal } = require('internal/validators');
      validateAbortSignal(options.signal, 'options.signal');
      const signal = options.signal;
      const onAborted = () => this.close();
      if (signal.aborted) process.nextTick(onAborted);
      else {
        signal.addEventListener('abort', onAborted, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAborted));
      }
    }
    // listen(handle) / listen({ handle }) / listen({ fd }): a listening
    // socket this process already has (a server's handle, one received
    // over IPC, or an inherited descriptor).
    let h = options instanceof Handle ? options : (options._handle || options.handle);
    if (h && !(h instanceof Handle) && h._handle instanceof Handle) h = h._handle;
    if (h instanceof Handle) {
      if (!h.id || owners.get(h.id) instanceof Socket) throw new ERR_INVALID_ARG_VALUE('options', options);
      this._adoptListener(h.id);
      return this;
    }
    const fd = h && typeof h.fd === 'number' ? h.fd : options.fd;
    if (typeof fd === 'number' && fd >= 0) {
      const id = binding.openFd(fd, true);
      if (id < 0) {
        // As node: a descriptor that is not a listening-capable socket.
        process.nextTick(emitErrorNT, this, uvExceptionWithHostPort(-22, 'listen', null, undefined));
        return this;
      }
      this._adoptListener(id);
      return this;
    }
    if (args.length === 0 || typeof args[0] === 'function') {
      // No port: listen on a random port on every address.
      listenInCluster(this, null, 0, 4, backlog, options);
      return this;
    }
    if (typeof options.port === 'number' || typeof options.port === 'string' ||
        (options.port == null && 'port' in options)) {
      const port = options.port == null ? 0 : validatePort(options.port, 'options.port');
      if (options.host) {
        lookupAndListen(this, port, options.host, backlog, options);
      } else {
        listenInCluster(this, null, port, 4, backlog, options);
      }
      return this;
    }
    if (options.path && isPipeName(options.path)) {
      this._pipeName = options.path;
      listenInCluster(this, options.path, -1, -1, backlog, options);
      return this;
    }
    if (!('port' in options) && !('path' in options)) {
      throw new ERR_INVALID_ARG_VALUE('options', options, 'must have the property "port" or "path"');
    }
    throw new ERR_INVALID_ARG_VALUE('options', options);
  }

  _listen2(address, port, addressType, backlog, options) {
    const isPipe = port === -1;
    const host = address === null ? '' : address;
    const r = binding.listen(isPipe ? '' : host, isPipe ? 0 : port, backlog || 511,
      Boolean(options && options.ipv6Only), isPipe ? address : undefined, Boolean(options && options.reusePort));
    if (r < 0) {
      const ex = uvExceptionWithHostPort(r, 'listen', isPipe ? address : (address === null ? '::' : address), isPipe ? undefined : port);
      listenFailed(this, ex);
      return;
    }
    this._handle = new Handle(r, isPipe);
    owners.set(r, this);
    this._connectionKey = isPipe ? `-1:${address}:-1` : (address === null ? `6::::${port}` : `${addressType}:${address}:${port}`);
    if (isPipe && options && (options.readableAll || options.writableAll)) {
      // As libuv's uv_pipe_chmod: add read and/or write for everyone.
      const fs = require('fs');
      let mode = 0;
      if (options.readableAll) mode |= 0o444;
      if (options.writableAll) mode |= 0o222;
      try {
        const st = fs.statSync(address);
        if ((st.mode & mode) !== mode) fs.chmodSync(address, (st.mode | mode) & 0o7777);
      } catch (err) {
        this._handle.close();
        this._handle = null;
        process.nextTick(emitErrorNT, this, err);
        return;
      }
    }
    if (this[kUnrefServer]) this._handle.unref();
    process.nextTick(emitListeningNT, this);
  }

  // _adoptListener makes this server own the listening native handle id.
  _adoptListener(id) {
    const addr = binding.address(id);
    const isPipe = typeof addr === 'string';
    this._handle = new Handle(id, isPipe);
    owners.set(id, this);
    if (isPipe) {
      this._pipeName = addr;
      this._connectionKey = `-1:${addr}:-1`;
    } else if (addr) {
      this._connectionKey = `${addr[1] === 'IPv6' ? 6 : 4}:${addr[0]}:${addr[2]}`;
    }
    if (this[kUnrefServer]) this._handle.unref();
    process.nextTick(emitListeningNT, this);
  }

  _onconnection(status, connId) {
    if (status < 0) {
      this.emit('error', errnoException(status, 'accept'));
      return;
    }
    if (this.blockList) {
      const peer = addressOf(binding.remoteAddress(connId));
      if (typeof peer === 'object' && peer.address &&
          this.blockList.check(peer.address, peer.family === 'IPv6' ? 'ipv6' : 'ipv4')) {
        binding.close(connId);
        return;
      }
    }
    if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
      const h = new Handle(connId, false);
      const data = {};
      const local = addressOf(binding.address(connId));
      const remote = addressOf(binding.remoteAddress(connId));
      if (typeof local === 'object') {
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      binding.close(h.id);
      this.emit('drop', data);
      return;
    }
    const socket = new Socket({
      handle: new Handle(connId, Boolean(this._handle && this._handle.pipe)),
      allowHalfOpen: this.allowHalfOpen,
      pauseOnCreate: this.pauseOnConnect,
      readable: true,
      writable: true,
      readableHighWaterMark: this.highWaterMark,
      writableHighWaterMark: this.highWaterMark,
    });
    if (this.noDelay) socket._handle.setNoDelay(true);
    if (this.keepAlive) socket._handle.setKeepAlive(true, this.keepAliveInitialDelay);
    this._connections++;
    socket.server = this;
    socket._server = this;
    if (dc().serverSocket.hasSubscribers) dc().serverSocket.publish({ socket });
    this.emit('connection', socket);
  }

  address() {
    if (this._handle && !this._handle.pipe) {
      // Through the handle's getsockname, as node does (programs and
      // tests may replace it).
      const out = {};
      const err = this._handle.getsockname(out);
      if (err) throw errnoException(err, 'address');
      return out;
    }
    if (this._handle) return addressOf(binding.address(this._handle.id));
    if (this._pipeName) return this._pipeName;
    return null;
  }

  close(cb) {
    this[kListenGen] = (this[kListenGen] || 0) + 1;
    if (typeof cb === 'function') {
      if (!this._handle) {
        this.once('close', function close() { cb(new ERR_SERVER_NOT_RUNNING()); });
      } else {
        this.once('close', cb);
      }
    }
    if (this._handle) {
      this._handle.close();
      this._handle = null;
    }
    if (this._usingWorkers && this._workers.length > 0) {
      // 'close' waits for the sockets other processes hold.
      let left = this._workers.length;
      this._connections++;
      const onWorkerClose = () => {
        if (--left === 0) {
          this._connections--;
          this._emitCloseIfDrained();
        }
      };
      for (const w of this._workers) w.close(onWorkerClose);
      return this;
    }
    this._emitCloseIfDrained();
    return this;
  }

  _emitCloseIfDrained() {
    if (this._handle || this._connections) return;
    process.nextTick(emitCloseNT, this);
  }

  getConnections(cb) {
    validateFunction(cb, 'callback');
    if (!this._usingWorkers) {
      process.nextTick(cb, null, this._connections);
      return this;
    }
    // Sockets sent to other processes (child_process send) count too.
    let left = this._workers.length;
    let total = this._connections;
    let failed = false;
    const onCount = (err, n) => {
      if (failed) return;
      if (err) {
        failed = true;
        cb(err);
        return;
      }
      total += n;
      if (--left === 0) cb(null, total);
    };
    for (const w of this._workers) w.getConnections(onCount);
    return this;
  }

  // _setupWorker adds a list of sockets sent to another process over IPC
  // (internal/child_process/ipc), counted by getConnections and waited
  // for by close.
  _setupWorker(list) {
    this._usingWorkers = true;
    this._workers.push(list);
    list.once('disconnect', () => {
      const i = this._workers.indexOf(list);
      if (i !== -1) this._workers.splice(i, 1);
    });
  }

  ref() {
    this[kUnrefServer] = false;
    if (this._handle) this._handle.ref();
    return this;
  }

  unref() {
    this[kUnrefServer] = true;
    if (this._handle) this._handle.unref();
    return this;
  }

  [Symbol.for('nodejs.rejection')](err, event, sock) {
    if (event === 'connection') sock.destroy(err);
    else this.emit('error', err);
  }

  [Symbol.asyncDispose]() {
    if (!this._handle) return Promise.resolve();
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  }
}

function emitErrorNT(self, err) { self.emit('error', err); }

// listenFailed reports a failed listen: to a net.server.listen trace at
// once (as node does), to 'error' listeners on the next tick.
function listenFailed(server, err) {
  const trace = server[kListenTrace];
  if (trace !== undefined) {
    server[kListenTrace] = undefined;
    dc().listen.error.publish({ ...trace, error: err });
  }
  process.nextTick(emitErrorNT, server, err);
}
function emitListeningNT(self) {
  if (!self._handle) return;
  const trace = self[kListenTrace];
  if (trace !== undefined) {
    self[kListenTrace] = undefined;
    dc().listen.asyncEnd.publish(trace);
  }
  self.emit('listening');
}

// The diagnostics channels net publishes on, made on first use.
const kListenTrace = Symbol('kListenTrace');
let channels;
function dc() {
  if (channels === undefined) {
    const diagnostics = require('diagnostics_channel');
    channels = {
      clientSocket: diagnostics.channel('net.client.socket'),
      serverSocket: diagnostics.channel('net.server.socket'),
      listen: diagnostics.tracingChannel('net.server.listen'),
    };
  }
  return channels;
}

function listenInCluster(server, address, port, addressType, backlog, options) {
  const cluster = require('internal/cluster/state');
  if (cluster.isWorker && port !== -1 && !(options && options.reusePort)) {
    // Workers share a port: the primary settles which (port 0 becomes one
    // free port for all of them) and each worker listens on it with
    // SO_REUSEPORT.
    require('internal/cluster/child').listen(server, address, port, addressType, backlog, options);
    return;
  }
  server._listen2(address, port, addressType, backlog, options);
  if (cluster.isWorker) require('internal/cluster/child').listened(server, address, addressType);
}

function lookupAndListen(server, port, address, backlog, options) {
  const gen = server[kListenGen];
  lazyDns().lookup(address, (err, ip, addressType) => {
    if (server[kListenGen] !== gen) return; // closed while looking up
    if (err) {
      server.emit('error', err);
      return;
    }
    listenInCluster(server, ip, port, addressType, backlog, options);
  });
}

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

// BoundSocket (a bound but unconnected socket) needs native support not
// written yet.
class BoundSocket {
  constructor() { throw notImplemented('net.BoundSocket'); }
}

function _createServerHandle() { throw notImplemented('net._createServerHandle'); }

let blockListModule;
let socketAddressModule;

// node's Socket and Server may be called without new.
function callable(cls) {
  const p = new Proxy(cls, {
    apply(target, thisArg, args) { return new target(...args); },
  });
  cls.prototype.constructor = p;
  return p;
}
// The IPC side of child_process (internal/child_process/ipc) sends and
// adopts handles through these.
const ipcHooks = {
  isHandle(h) { return h instanceof Handle; },
  isServerHandle(h) { return h instanceof Handle && h.id !== 0 && owners.get(h.id) instanceof Server; },
  handleFd(h) { return h instanceof Handle ? h.fd : -1; },
  // detachSocket takes the handle from a socket whose descriptor was
  // sent: the socket acts closed here; the returned object closes the
  // native handle once the receiver has it.
  detachSocket(socket) {
    const h = socket._handle;
    if (!h) return null;
    if (h.reading) h.readStop();
    if (h.id) {
      socket[kBytesWritten] += binding.bytesWritten(h.id);
      owners.delete(h.id);
    }
    socket._handle = null;
    socket._server = null;
    socket.setTimeout(0);
    return { close() { binding.close(h.id); } };
  },
  socketFromFd(fd) {
    const id = binding.openFd(fd, false);
    if (id < 0) throw errnoException(id, 'open');
    return new Socket({ handle: new Handle(id, typeof binding.address(id) === 'string'), readable: true, writable: true });
  },
  serverFromFd(fd) {
    const id = binding.openFd(fd, true);
    if (id < 0) throw errnoException(id, 'listen');
    const server = new Server();
    server._adoptListener(id);
    return server;
  },
  handleFromFd(fd, server) {
    const id = binding.openFd(fd, server);
    if (id < 0) throw errnoException(id, 'open');
    return new Handle(id, typeof binding.address(id) === 'string');
  },
};

const kSocketRead = Socket.prototype._read;
const kSocketWrite = Socket.prototype._write;
const kSocketWriteGeneric = Socket.prototype._writeGeneric;

const SocketCtor = callable(Socket);
const ServerCtor = callable(Server);

module.exports = {
  _createServerHandle,
  _normalizeArgs: normalizeArgs,
  BoundSocket,
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
  Socket: SocketCtor,
  Stream: SocketCtor,
  Server: ServerCtor,
  createServer,
  connect,
  createConnection: connect,
};

Object.defineProperty(module.exports, Symbol.for('gonode.net.ipc'), { value: ipcHooks });

Object.defineProperties(module.exports, {
  BlockList: {
    enumerable: true,
    configurable: true,
    get() {
      blockListModule ??= require('internal/blocklist');
      return blockListModule.BlockList;
    },
  },
  SocketAddress: {
    enumerable: true,
    configurable: true,
    get() {
      socketAddressModule ??= require('internal/socketaddress');
      return socketAddressModule.SocketAddress;
    },
  },
});
