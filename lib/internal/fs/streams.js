'use strict';
// fs.ReadStream and fs.WriteStream: stream.Readable/Writable over a file
// descriptor. Opening, reads, writes and the final close all go through the
// asynchronous fs binding, so the work runs off the loop.

const binding = internalBinding('fs');
const { Readable, Writable, finished } = require('stream');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInteger, validateBoolean } = require('internal/validators');
const {
  getOptions, getValidatedPath, getValidatedFd, stringToFlags, parseFileMode, toPathIfFileURL,
} = require('internal/fs/utils');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

const kDefaultReadHighWaterMark = 64 * 1024;

function isFileHandle(v) {
  return v != null && typeof v === 'object' && typeof v.close === 'function' &&
    typeof v.fd === 'number';
}

// A custom `fs` option replaces the functions the stream calls.
function resolveFs(options, names) {
  const fs = options.fs;
  if (fs == null) return null;
  for (const name of names) {
    if (fs[name] !== undefined && typeof fs[name] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE(`options.fs.${name}`, 'function', fs[name]);
    }
  }
  return fs;
}

// Options shared by both streams: fd or path, flags, mode, start.
function setupCommon(stream, path, options, defaultFlags) {
  stream.fd = null;
  stream.path = undefined;
  stream[kHandle] = null;
  if (options.fd != null) {
    if (isFileHandle(options.fd)) {
      stream[kHandle] = options.fd;
      stream.fd = options.fd.fd;
    } else if (typeof options.fd !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], options.fd);
    } else {
      stream.fd = getValidatedFd(options.fd, 'options.fd');
    }
    stream.path = path === undefined ? undefined : toPathIfFileURL(path);
  } else {
    stream.path = getValidatedPath(path);
  }
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.start = options.start;
  stream.autoClose = options.autoClose === undefined ? true : options.autoClose;
  stream[kIsPerformingIO] = false;
  stream[kIoDone] = null;
}

function openFile(stream, cb) {
  const onOpen = (err, fd) => {
    if (err) {
      cb(err);
      return;
    }
    stream.fd = fd;
    cb();
    stream.emit('open', fd);
    stream.emit('ready');
  };
  const fs = stream[kFs];
  if (fs && fs.open) {
    fs.open(stream.path, stream.flags, stream.mode, onOpen);
    return;
  }
  let flags;
  let mode;
  try {
    flags = stringToFlags(stream.flags);
    mode = parseFileMode(stream.mode, 'mode', 0o666);
  } catch (err) {
    cb(err);
    return;
  }
  binding.open(stream.path, flags, mode, onOpen);
}

function construct(cb) {
  if (typeof this.fd === 'number') {
    cb();
    return;
  }
  openFile(this, cb);
}

// closeStream closes the descriptor (or FileHandle) and then calls cb(err).
function closeStream(stream, err, cb) {
  const done = (er) => cb(er || err);
  if (stream.fd === null || stream.fd === undefined) {
    cb(err);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  if (stream[kHandle]) {
    stream[kHandle].close().then(() => done(), done);
  } else if (stream[kFs] && stream[kFs].close) {
    stream[kFs].close(fd, done);
  } else {
    binding.close(fd, done);
  }
}

function destroy(err, cb) {
  // Wait for a read or write in flight before closing its descriptor.
  if (this[kIsPerformingIO]) {
    this[kIoDone] = (er) => destroy.call(this, err || er, cb);
    return;
  }
  if (this.autoClose || this[kHandle]) {
    closeStream(this, err, cb);
  } else {
    cb(err);
  }
}

function ioDone(stream, err) {
  stream[kIsPerformingIO] = false;
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
  options = { ...getOptions(options, {}) };
  if (options.highWaterMark === undefined) options.highWaterMark = kDefaultReadHighWaterMark;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  }
  this[kFs] = resolveFs(options, ['open', 'read', 'close']);
  setupCommon(this, path, options, 'r');
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
  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  const onRead = (err, bytesRead) => {
    if (ioDone(this, err)) return;
    if (err) {
      this.destroy(err);
      return;
    }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead !== buf.length ? buf.subarray(0, bytesRead) : buf);
    } else {
      this.push(null);
    }
  };
  const fs = this[kFs];
  if (fs && fs.read) {
    fs.read(this.fd, buf, 0, n, this.pos ?? null, onRead);
  } else {
    binding.read(this.fd, buf, 0, n, this.pos ?? -1, onRead);
  }
};

ReadStream.prototype._destroy = destroy;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// --- WriteStream ---

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...getOptions(options, {}) };
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  }
  this[kFs] = resolveFs(options, ['open', 'write', 'writev', 'close', 'fsync']);
  setupCommon(this, path, options, 'w');
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
  Reflect.apply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype._construct = construct;

function afterWrite(stream, cb, size) {
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
    if (stream.pos !== undefined) stream.pos += size;
    cb();
  };
}

WriteStream.prototype._write = function _write(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  const done = afterWrite(this, cb, data.length);
  const fs = this[kFs];
  if (fs && fs.write) {
    fs.write(this.fd, data, 0, data.length, this.pos ?? null, done);
  } else {
    writeAll(this.fd, data, 0, data.length, this.pos, done);
  }
};

// writeAll writes all of data[off, off+len), continuing after short writes.
function writeAll(fd, data, off, len, pos, cb, total = 0) {
  binding.write(fd, data, off, len, pos ?? -1, (err, n) => {
    if (err) {
      cb(err);
      return;
    }
    total += n;
    if (n < len && n > 0) {
      writeAll(fd, data, off + n, len - n, pos === undefined ? undefined : pos + n, cb, total);
      return;
    }
    cb(null, total);
  });
}

WriteStream.prototype._writev = function _writev(chunks, cb) {
  const fs = this[kFs];
  if (fs && !fs.writev) {
    // A custom fs without writev: write the chunks one by one.
    const data = Buffer.concat(chunks.map((c) => c.chunk));
    this._write(data, 'buffer', cb);
    return;
  }
  const bufs = chunks.map((c) => c.chunk);
  let size = 0;
  for (const b of bufs) size += b.length;
  this[kIsPerformingIO] = true;
  const done = afterWrite(this, cb, size);
  if (fs) {
    fs.writev(this.fd, bufs, this.pos ?? null, done);
    return;
  }
  binding.writev(this.fd, bufs, this.pos ?? -1, (err, n) => {
    if (err || n === size) {
      done(err, n);
      return;
    }
    // A short writev: write the rest as one buffer.
    const rest = Buffer.concat(bufs).subarray(n);
    writeAll(this.fd, rest, 0, rest.length, this.pos === undefined ? undefined : this.pos + n,
      (er, m) => done(er, er ? undefined : n + m));
  });
};

WriteStream.prototype._final = function _final(cb) {
  if (!this.flush || this.fd === null) {
    cb();
    return;
  }
  const fs = this[kFs];
  if (fs && fs.fsync) {
    fs.fsync(this.fd, (err) => cb(err));
    return;
  }
  binding.fsync(this.fd, (err) => cb(err));
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
