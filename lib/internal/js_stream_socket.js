'use strict';

// JSStreamSocket: a net.Socket over any JS stream (a Duplex, or an old
// style Stream with pause/resume). Its handle is a JSStream whose stream
// methods (readStart, readStop, shutdown, writeBuffer, writev, close)
// call back into this socket, which drives the wrapped stream: what the
// stream emits is read by the socket, what the socket writes goes to the
// stream. tls.TLSSocket wraps a Duplex that is not a net.Socket in one of
// these (its _handle._parentWrap), as node does.
//
// Requests complete as native ones do: a write once every chunk is
// written (a turn of the loop later), a shutdown once the stream has
// ended, and both with UV_ECANCELED when the handle closes first.

const net = require('net');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_HANDLE_TYPE,
    ERR_SOCKET_CLOSED,
    ERR_STREAM_WRAP,
  },
} = require('internal/errors');
const { errnoException } = require('internal/net');

const { ShutdownWrap, WriteWrap } = internalBinding('stream_wrap');
const { JSStream: NativeJSStream } = internalBinding('js_stream');
const uv = internalBinding('uv');

const UV_EOF = uv.UV_EOF;
const UV_EPIPE = uv.UV_EPIPE;
const UV_EPROTO = uv.UV_EPROTO;
const UV_EBADF = uv.UV_EBADF;
const UV_ECANCELED = uv.UV_ECANCELED;
const UV_ENOTCONN = uv.UV_ENOTCONN;

const kOwner = Symbol('kOwner');
const kCurrentWriteRequest = Symbol('kCurrentWriteRequest');
const kCurrentShutdownRequest = Symbol('kCurrentShutdownRequest');
const kPendingShutdownRequest = Symbol('kPendingShutdownRequest');
const kBytesDispatched = Symbol('kBytesDispatched');

// JSStream is the handle: a js_stream binding object whose stream methods
// are carried out by its owner, the JSStreamSocket.
class JSStream extends NativeJSStream {
  constructor() {
    super();
    this[kOwner] = null;
    this.reading = false;
    // closed from close() on; closeDone once the requests still in
    // progress then have been cancelled (later ones fail at once).
    this.closed = false;
    this.closeDone = false;
    this.bytesRead = 0;
    this.bytesWritten = 0;
  }

  get fd() { return -1; }

  isStreamBase() { return true; }

  isClosing() { return this.closed; }

  readStart() {
    if (this.closed) return UV_EBADF;
    this.reading = true;
    return this[kOwner].readStart();
  }

  readStop() {
    if (this.closed) return UV_EBADF;
    this.reading = false;
    return this[kOwner].readStop();
  }

  // shutdown(req) ends the stream; req.oncomplete(status) follows.
  shutdown(req) {
    if (this.closeDone) return UV_EBADF;
    return this[kOwner].doShutdown(req, this);
  }

  // writev(req, chunks, allBuffers): chunks are buffers, or (allBuffers
  // false) alternate chunk and encoding, as node's StreamBase takes them.
  writev(req, chunks, allBuffers) {
    if (this.closeDone) return UV_EBADF;
    let bufs;
    if (allBuffers) {
      bufs = chunks;
    } else {
      bufs = [];
      for (let i = 0; i < chunks.length; i += 2) {
        const c = chunks[i];
        bufs.push(typeof c === 'string' ? Buffer.from(c, chunks[i + 1]) : c);
      }
    }
    return this._dispatch(req, bufs);
  }

  writeBuffer(req, buf) {
    if (this.closeDone) return UV_EBADF;
    return this._dispatch(req, [buf]);
  }

  writeUtf8String(req, s) { return this.writeBuffer(req, Buffer.from(s, 'utf8')); }
  writeAsciiString(req, s) { return this.writeBuffer(req, Buffer.from(s, 'latin1')); }
  writeLatin1String(req, s) { return this.writeBuffer(req, Buffer.from(s, 'latin1')); }
  writeUcs2String(req, s) { return this.writeBuffer(req, Buffer.from(s, 'ucs2')); }

  _dispatch(req, bufs) {
    let n = 0;
    for (let i = 0; i < bufs.length; i++) n += bufs[i].byteLength;
    this.bytesWritten += n;
    req.bytes = n;
    req.async = true;
    return this[kOwner].doWrite(req, bufs, this);
  }

  finishWrite(req, status) {
    if (typeof req.oncomplete === 'function') req.oncomplete(status, this, undefined);
  }

  finishShutdown(req, status) {
    if (typeof req.oncomplete === 'function') req.oncomplete(status);
  }

  // readBuffer hands the socket a chunk read from the stream (a copy:
  // the stream may reuse its memory).
  readBuffer(chunk) {
    const owner = this[kOwner];
    if (this.closed || owner === null) return;
    const n = chunk.byteLength;
    if (n === 0) return;
    this.bytesRead += n;
    owner._onread(n, chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + n));
  }

  emitEOF() {
    const owner = this[kOwner];
    if (this.closed || owner === null) return;
    owner._onread(UV_EOF);
  }

  close(cb) {
    if (this.closed) return;
    this.closed = true;
    this.reading = false;
    this[kOwner].doClose(typeof cb === 'function' ? cb : () => {}, this);
  }
}

// triggerUncaught reports an exception thrown by the stream during a
// handle call, as a native handle's callback into JS reports it.
function triggerUncaught(err) {
  if (typeof process._fatalException === 'function') process._fatalException(err);
  else process.nextTick(() => { throw err; });
}

function afterWrite(status) {
  const socket = this.socket;
  if (status < 0) {
    this.callback(errnoException(status, 'write'));
    return;
  }
  socket._unrefTimerRefresh();
  this.callback();
}

function afterShutdown() {
  this.callback();
}

function chunkLength(el) {
  return el.chunk instanceof Uint8Array ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
}

class JSStreamSocket extends net.Socket {
  constructor(stream) {
    const handle = new JSStream();
    stream.pause();
    stream.on('error', (err) => this.emit('error', err));
    const ondata = (chunk) => {
      if (typeof chunk === 'string' || stream.readableObjectMode === true) {
        // Only bytes can be read through the handle.
        stream.pause();
        stream.removeListener('data', ondata);
        this.emit('error', new ERR_STREAM_WRAP());
        return;
      }
      handle.readBuffer(chunk);
    };
    stream.on('data', ondata);
    stream.once('end', () => handle.emitEOF());
    // Some streams emit 'close' without a hadError argument.
    stream.once('close', () => this.destroy());

    super({ handle, manualStart: true });
    handle[kOwner] = this;
    this.stream = stream;
    this[kCurrentWriteRequest] = null;
    this[kCurrentShutdownRequest] = null;
    this[kPendingShutdownRequest] = null;
    this[kBytesDispatched] = 0;
    this.read(0);
  }

  // Kept for libraries that reach the class as JSStreamSocket.StreamWrap.
  static get StreamWrap() { return JSStreamSocket; }

  isClosing() { return !this._handle || this._handle.closed; }

  readStart() {
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.stream.pause();
    return 0;
  }

  // doShutdown ends the stream once the write in progress is done;
  // handle.finishShutdown(req, status) completes it. While the handle
  // closes, the close cancels it.
  doShutdown(req, handle = this._handle) {
    if (this[kCurrentWriteRequest] !== null) {
      this[kPendingShutdownRequest] = req;
      return 0;
    }
    this[kCurrentShutdownRequest] = req;
    if (handle.closed) return 0;
    // The stream ends after the writes issued in this tick.
    process.nextTick(() => {
      this.stream.end(() => this.finishShutdown(handle, 0));
    });
    return 0;
  }

  finishShutdown(handle, errCode) {
    const req = this[kCurrentShutdownRequest];
    if (req === null) return;
    this[kCurrentShutdownRequest] = null;
    handle.finishShutdown(req, errCode);
  }

  // doWrite writes bufs to the stream (corked: one batch); the request
  // completes when all are written, or at the first error.
  doWrite(req, bufs, handle = this._handle) {
    if (handle.closed) {
      // The close cancels it.
      this[kCurrentWriteRequest] = req;
      return 0;
    }
    const stream = this.stream;
    if (bufs.length === 0) {
      this[kCurrentWriteRequest] = req;
      setImmediate(() => this.finishWrite(handle, 0));
      return 0;
    }
    let pending = bufs.length;
    const done = (err) => {
      if (!err && --pending !== 0) return;
      pending = 0;
      let errCode = 0;
      if (err) errCode = uv[`UV_${err.code}`] || UV_EPIPE;
      setImmediate(() => this.finishWrite(handle, errCode));
    };
    // One batch for the stream, when it can take one (an old-style
    // Stream has no cork).
    const corks = typeof stream.cork === 'function';
    if (corks) stream.cork();
    try {
      for (let i = 0; i < bufs.length; i++) stream.write(bufs[i], done);
    } finally {
      if (corks) stream.uncork();
    }
    // Set only once the writes are issued: stream.write may throw.
    this[kCurrentWriteRequest] = req;
    return 0;
  }

  finishWrite(handle, errCode) {
    const req = this[kCurrentWriteRequest];
    if (req === null) return;
    this[kCurrentWriteRequest] = null;
    handle.finishWrite(req, errCode);
    const shutdown = this[kPendingShutdownRequest];
    if (shutdown !== null) {
      this[kPendingShutdownRequest] = null;
      this.doShutdown(shutdown, handle);
    }
  }

  // doClose destroys the stream (its other end sees the end of it) and
  // cancels the requests still in progress.
  doClose(cb, handle = this._handle) {
    this.stream.destroy();
    setImmediate(() => {
      this.finishWrite(handle, UV_ECANCELED);
      this.finishShutdown(handle, UV_ECANCELED);
      handle.closeDone = true;
      cb();
    });
  }

  // The socket's writes and end go through the handle's requests.
  _writeGeneric(writev, data, encoding, cb) {
    const handle = this._handle;
    if (!handle) {
      cb(new ERR_SOCKET_CLOSED());
      return;
    }
    this._unrefTimerRefresh();
    const req = new WriteWrap();
    req.handle = handle;
    req.oncomplete = afterWrite;
    req.callback = cb;
    req.socket = this;
    let bufs;
    if (writev) {
      bufs = new Array(data.length);
      for (let i = 0; i < data.length; i++) {
        const c = data[i].chunk;
        bufs[i] = typeof c === 'string' ? Buffer.from(c, data[i].encoding) : c;
      }
    } else {
      bufs = [typeof data === 'string' ? Buffer.from(data, encoding) : data];
    }
    let err;
    try {
      err = handle.writev(req, bufs, true);
    } catch (e) {
      triggerUncaught(e);
      err = UV_EPROTO;
    }
    if (err !== 0) {
      // A failed write fails the stream (Writable's onwrite).
      cb(errnoException(err, 'write'));
      return;
    }
    this[kBytesDispatched] += req.bytes;
  }

  _write(data, encoding, cb) { this._writeGeneric(false, data, encoding, cb); }
  _writev(chunks, cb) { this._writeGeneric(true, chunks, '', cb); }

  _final(cb) {
    const handle = this._handle;
    if (!handle) {
      cb();
      return;
    }
    const req = new ShutdownWrap();
    req.oncomplete = afterShutdown;
    req.handle = handle;
    req.callback = cb;
    let err;
    try {
      err = handle.shutdown(req);
    } catch (e) {
      triggerUncaught(e);
      err = UV_EPROTO;
    }
    if (err === 1 || err === UV_ENOTCONN) cb();
    else if (err !== 0) cb(errnoException(err, 'shutdown'));
  }

  get bytesWritten() {
    if (this._writableState === undefined) return undefined;
    let n = this[kBytesDispatched];
    const buffered = this.writableBuffer;
    for (let i = 0; i < buffered.length; i++) n += chunkLength(buffered[i]);
    return n;
  }

  // The stream has no addresses and no socket options, and does not
  // hold the loop open.
  _getpeername() { return {}; }
  _getsockname() { return {}; }
  setNoDelay() { return this; }
  setKeepAlive() { return this; }
  ref() { return this; }
  unref() { return this; }

  resetAndDestroy() {
    if (this._handle) throw new ERR_INVALID_HANDLE_TYPE();
    this.destroy(new ERR_SOCKET_CLOSED());
    return this;
  }
}

module.exports = JSStreamSocket;
