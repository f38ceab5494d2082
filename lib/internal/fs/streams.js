'use strict';
// fs.ReadStream and fs.WriteStream: stream.Readable/Writable over a file
// descriptor. Opening, reads, writes and the final close go through the
// callback functions of node:fs (or of options.fs, or of a FileHandle),
// which run the work off the loop; like node, a program that patches
// fs.open/read/write/close/fsync sees the streams use its version.

const binding = internalBinding('fs');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const {
  validateInteger, validateBoolean, validateFunction, validateAbortSignal,
} = require('internal/validators');
const { getValidatedPath, getValidatedFd, toPathIfFileURL, assertEncoding } = require('internal/fs/utils');
const { FastBuffer } = require('internal/buffer');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');
const kHandleClosed = Symbol('kHandleClosed');

const kDefaultReadHighWaterMark = 64 * 1024;

let fsModule;
function defaultFs() {
  fsModule ??= require('fs');
  return fsModule;
}

function isFileHandle(v) {
  return v != null && typeof v === 'object' && typeof v.close === 'function' &&
    typeof v.fd === 'number' && typeof v.read === 'function';
}

// fileHandleOps adapts a FileHandle to the callback functions the streams
// call, so reads and writes go through the handle's own methods.
function fileHandleOps(handle) {
  return {
    open() {
      throw new ERR_METHOD_NOT_IMPLEMENTED('open()');
    },
    close(fd, cb) {
      handle.close().then(() => cb(), cb);
    },
    read(fd, buf, offset, length, position, cb) {
      handle.read(buf, offset, length, position).then((r) => cb(null, r.bytesRead, r.buffer), (err) => {
        // Closed under the stream: the stream just closes.
        cb(handle.fd === -1 ? kHandleClosed : err);
      });
    },
    write(fd, buf, offset, length, position, cb) {
      handle.write(buf, offset, length, position).then((r) => cb(null, r.bytesWritten, r.buffer), cb);
    },
    writev(fd, buffers, position, cb) {
      handle.writev(buffers, position).then((r) => cb(null, r.bytesWritten, r.buffers), cb);
    },
    fsync(fd, cb) {
      handle.sync().then(() => cb(), cb);
    },
  };
}

// readOptions reads the stream options: the caller's object is never
// changed, and options it inherits count (as node reads them).
function readOptions(options) {
  if (options == null) return {};
  if (typeof options === 'string') {
    assertEncoding(options);
    return { encoding: options };
  }
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding != null && options.encoding !== 'buffer') assertEncoding(options.encoding);
  return options;
}

// define sets an own property without assigning through the prototype
// (the caller's options object, which must not see any change).
function define(obj, key, value) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

// Options shared by both streams: fd or path, flags, mode, start, fs.
function setupCommon(stream, path, options, defaultFlags, needed) {
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  stream.fd = null;
  stream[kHandle] = null;
  stream[kFs] = null;
  if (options.fd != null) {
    if (isFileHandle(options.fd)) {
      if (options.fs) throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
      stream[kHandle] = options.fd;
      stream[kFs] = fileHandleOps(options.fd);
      stream.fd = options.fd.fd;
      options.fd.on?.('close', () => {
        // The handle was closed under the stream.
        if (!stream.destroyed) stream.destroy();
      });
    } else if (typeof options.fd !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], options.fd);
    } else {
      stream.fd = getValidatedFd(options.fd, 'options.fd');
    }
    stream.path = path == null ? undefined : toPathIfFileURL(path);
  } else {
    stream.path = getValidatedPath(path);
  }
  if (stream[kFs] === null) {
    if (options.fs != null) {
      const custom = options.fs;
      const fs = { ...defaultFs() };
      for (const name of needed) {
        if (custom[name] !== undefined) {
          validateFunction(custom[name], `options.fs.${name}`);
          fs[name] = custom[name].bind(custom);
        }
      }
      stream[kFs] = fs;
    } else {
      stream[kFs] = null; // node:fs, looked up at each call
    }
  }
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.start = options.start;
  stream.autoClose = options.autoClose === undefined ? true : options.autoClose;
  stream[kIsPerformingIO] = false;
  stream[kIoDone] = null;
}

function fsOf(stream) {
  return stream[kFs] ?? defaultFs();
}

function openFile(stream, cb) {
  fsOf(stream).open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) {
      cb(err);
      return;
    }
    stream.fd = fd;
    cb();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

// Programs that replaced ReadStream/WriteStream.prototype.open (a
// deprecated hook) still have it called: its 'open' or 'error' event ends
// the construction.
function legacyOpen(stream, cb) {
  const emit = stream.emit;
  stream.emit = function(...args) {
    if (args[0] === 'open') {
      this.emit = emit;
      cb();
      Reflect.apply(emit, this, args);
    } else if (args[0] === 'error') {
      this.emit = emit;
      cb(args[1]);
    } else {
      Reflect.apply(emit, this, args);
    }
  };
  stream.open();
}

function makeConstruct(originalOpen) {
  return function _construct(cb) {
    if (typeof this.fd === 'number') {
      cb();
      return;
    }
    if (typeof this.open === 'function' && this.open !== originalOpen) {
      legacyOpen(this, cb);
      return;
    }
    openFile(this, cb);
  };
}

function openMethod() {
  openFile(this, (err) => {
    if (err) errorOrDestroy(this, err);
  });
}

// closeStream closes the descriptor (or FileHandle) and then calls cb(err).
function closeStream(stream, err, cb) {
  if (stream.fd === null || stream.fd === undefined) {
    cb(err);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  fsOf(stream).close(fd, (er) => cb(er || err));
}

function destroy(err, cb) {
  // Wait for a read or write in flight before closing its descriptor.
  if (this[kIsPerformingIO]) {
    this[kIoDone] = (er) => destroy.call(this, err || er, cb);
    return;
  }
  if (this.autoClose) {
    closeStream(this, err, cb);
  } else {
    cb(err);
  }
}

function ioDone(stream, err) {
  stream[kIsPerformingIO] = false;
  if (err === kHandleClosed) err = null;
  const next = stream[kIoDone];
  if (next) {
    stream[kIoDone] = null;
    next(err);
    return true;
  }
  return false;
}

// --- ReadStream ---

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = readOptions(options);
  setupCommon(this, path, options, 'r', ['open', 'read', 'close']);
  this.end = options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end === undefined) {
    this.end = Infinity;
  } else if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  // The Readable reads its options from an object that inherits the
  // caller's, with the stream defaults on top.
  const ropts = Object.create(options);
  if (options.highWaterMark === undefined) define(ropts, 'highWaterMark', kDefaultReadHighWaterMark);
  if (options.autoDestroy === undefined) define(ropts, 'autoDestroy', this.autoClose);
  Reflect.apply(Readable, this, [ropts]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype.open = openMethod;
ReadStream.prototype._construct = makeConstruct(openMethod);

ReadStream.prototype._read = function _read(n) {
  const left = (this.pos !== undefined ? this.end - this.pos : this.end - this.bytesRead) + 1;
  if (left < n) n = left;
  if (n <= 0) {
    this.push(null);
    return;
  }
  // A fresh buffer per read (Buffer.allocUnsafeSlow without the checks:
  // n is a positive integer here).
  const buf = new FastBuffer(n);
  this[kIsPerformingIO] = true;
  (this[kFs] ?? fsModule ?? defaultFs()).read(this.fd, buf, 0, n, this.pos ?? null, (err, bytesRead) => {
    if (ioDone(this, err)) return;
    if (err === kHandleClosed) {
      this.destroy();
      return;
    }
    if (err) {
      errorOrDestroy(this, err);
      return;
    }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      let chunk = buf;
      if (bytesRead !== buf.length) {
        // A short read keeps only what it needs: copying a small part frees
        // the rest of the buffer instead of pinning it.
        chunk = bytesRead * 2 < buf.length ? Buffer.from(buf.subarray(0, bytesRead)) : buf.subarray(0, bytesRead);
      }
      this.push(chunk);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroy;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// --- WriteStream ---

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = readOptions(options);
  setupCommon(this, path, options, 'w', ['open', 'write', 'writev', 'close', 'fsync']);
  this.pos = undefined;
  this.bytesWritten = 0;
  if (options.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(options.flush, 'options.flush');
    this.flush = options.flush;
  }
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  const wopts = Object.create(options);
  define(wopts, 'decodeStrings', true);
  if (options.autoDestroy === undefined) define(wopts, 'autoDestroy', this.autoClose);
  Reflect.apply(Writable, this, [wopts]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype.open = openMethod;
WriteStream.prototype._construct = makeConstruct(openMethod);

function afterWrite(stream, cb) {
  return (err, bytes) => {
    if (ioDone(stream, err)) {
      cb(err || undefined);
      return;
    }
    if (err) {
      cb(err);
      return;
    }
    stream.bytesWritten += bytes;
    cb();
  };
}

// writeAll writes all of data, continuing after short writes.
function writeAll(stream, data, cb, total = 0) {
  const pos = stream.pos;
  (stream[kFs] ?? fsModule ?? defaultFs()).write(stream.fd, data, 0, data.length, pos ?? null, (err, n) => {
    if (err) {
      cb(err);
      return;
    }
    total += n;
    if (stream.pos !== undefined) stream.pos += n;
    if (n > 0 && n < data.length) {
      writeAll(stream, data.subarray(n), cb, total);
      return;
    }
    cb(null, total);
  });
}

WriteStream.prototype._write = function _write(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeAll(this, data, afterWrite(this, cb));
};

WriteStream.prototype._writev = function _writev(chunks, cb) {
  const fs = fsOf(this);
  const bufs = chunks.map((c) => c.chunk);
  if (typeof fs.writev !== 'function') {
    this._write(Buffer.concat(bufs), 'buffer', cb);
    return;
  }
  let size = 0;
  for (const b of bufs) size += b.length;
  this[kIsPerformingIO] = true;
  const done = afterWrite(this, cb);
  fs.writev(this.fd, bufs, this.pos ?? null, (err, n) => {
    if (err) {
      done(err);
      return;
    }
    if (this.pos !== undefined) this.pos += n;
    if (n === size || n === 0) {
      done(null, n);
      return;
    }
    // A short writev: write the rest as one buffer.
    writeAll(this, Buffer.concat(bufs).subarray(n), (er, m) => done(er, er ? undefined : n + m));
  });
};

WriteStream.prototype._final = function _final(cb) {
  if (!this.flush || this.fd === null) {
    cb();
    return;
  }
  fsOf(this).fsync(this.fd, (err) => cb(err));
};

WriteStream.prototype._destroy = destroy;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // A stream that does not close itself on finish must still close here.
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

// --- SyncWriteStream ---

// SyncWriteStream writes each chunk synchronously to a descriptor: what
// process.stdout and process.stderr are when they are files or pipes.
// Writes to fds 1 and 2 go through the instance's configured writers.
function SyncWriteStream(fd, options) {
  if (!(this instanceof SyncWriteStream)) return new SyncWriteStream(fd, options);
  Reflect.apply(Writable, this, [{ autoDestroy: true, decodeStrings: false }]);
  this.fd = fd;
  this.readable = false;
  this.autoClose = options?.autoClose === undefined ? true : options.autoClose;
}
Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

let processMethods;

SyncWriteStream.prototype._write = function _write(chunk, encoding, cb) {
  processMethods ??= internalBinding('process_methods');
  if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer') {
    chunk = Buffer.from(chunk, encoding);
  }
  try {
    if (typeof chunk === 'string') {
      processMethods.writeSync(this.fd, chunk);
    } else {
      let off = 0;
      while (off < chunk.length) {
        const n = processMethods.writeSync(this.fd, off === 0 ? chunk : chunk.subarray(off));
        if (!(n > 0)) break;
        off += n;
      }
    }
  } catch (err) {
    if (this._type === 'pipe' && typeof err.code === 'string') {
      // Node reports pipe errors as a stream socket does: 'write EPIPE'.
      err.message = `${err.syscall || 'write'} ${err.code}`;
    }
    cb(err);
    return;
  }
  cb();
};

// write's fast path: a utf8 string on an idle stream is written at once,
// skipping the Writable bookkeeping (console.log's path). Anything else,
// and any failure, takes Writable's path, which reports errors on the
// stream.
SyncWriteStream.prototype.write = function write(chunk, encoding, cb) {
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  const state = this._writableState;
  if (typeof chunk === 'string' && (encoding === undefined || encoding === 'utf8') &&
      state.length === 0 && !state.corked && !state.ending && !state.destroyed &&
      !state.errored && state.constructed && !state.objectMode &&
      (state.defaultEncoding === 'utf8' || state.defaultEncoding === 'utf-8')) {
    processMethods ??= internalBinding('process_methods');
    let ok = true;
    try {
      processMethods.writeSync(this.fd, chunk);
    } catch {
      ok = false;
    }
    if (ok) {
      if (typeof cb === 'function') process.nextTick(cb, null);
      return true;
    }
  }
  return Writable.prototype.write.call(this, chunk, encoding, cb);
};

SyncWriteStream.prototype._destroy = function _destroy(err, cb) {
  if (this.fd !== null && this.autoClose && this.fd > 2) {
    try {
      binding.close(this.fd);
    } catch {
      // ignore: the descriptor is being dropped anyway
    }
  }
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// --- factories ---

function createReadStream(path, options) {
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

module.exports = { ReadStream, WriteStream, SyncWriteStream, createReadStream, createWriteStream };
