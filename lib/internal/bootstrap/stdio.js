'use strict';
// process.stdout/stderr/stdin as streams. stdout and stderr are
// stream.Writable objects (tty.WriteStream on a terminal) whose writes are
// synchronous, as Node's are for files, pipes and TTYs on Linux, so nothing
// is lost at exit. stdin is a stream.Readable (tty.ReadStream on a
// terminal) fed by internalBinding('stdin'): Go reads one chunk per _read
// on a goroutine, which is the backpressure.

const { Readable } = require('stream');
const { kStreamInternals } = require('internal/streams/utils');

const { kPaused } = Readable[kStreamInternals];

const kPending = Symbol('kPending');
const kRefAllowed = Symbol('kRefAllowed');

// The stream that receives the stdin binding's chunks (there is one stdin).
let stdinTarget = null;

function onStdinChunk(u8) {
  const stream = stdinTarget;
  if (stream === null) return;
  stream[kPending] = false;
  updateRef(stream);
  if (stream.destroyed) return;
  if (u8 === null) {
    stream.push(null);
    return;
  }
  stream.push(Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength));
}

// A pending read keeps the process alive unless the stream was paused
// (pause(), or unref()).
function updateRef(stream) {
  const native = internalBinding('stdin');
  const paused = stream._readableState[kPaused] === true;
  native.setRef(stream[kPending] && !paused && stream[kRefAllowed] && !stream.destroyed);
}

// StdinStream reads fd 0 through the stdin binding. isStream tells a pipe
// or socket (which closes after its end) from a file (which does not).
function StdinStream(options = {}) {
  const isStream = internalBinding('stdin').isStream();
  Reflect.apply(Readable, this, [{
    highWaterMark: 64 * 1024,
    autoDestroy: isStream,
    emitClose: isStream,
    ...options,
  }]);
  this.fd = 0;
  this[kPending] = false;
  this[kRefAllowed] = true;
  stdinTarget = this;
}
Object.setPrototypeOf(StdinStream.prototype, Readable.prototype);
Object.setPrototypeOf(StdinStream, Readable);

StdinStream.prototype._read = function _read() {
  if (this[kPending]) return;
  this[kPending] = true;
  internalBinding('stdin').read(onStdinChunk);
  updateRef(this);
};

StdinStream.prototype._destroy = function _destroy(err, cb) {
  this[kPending] = false;
  internalBinding('stdin').setRef(false);
  cb(err);
};

StdinStream.prototype.pause = function pause() {
  Readable.prototype.pause.call(this);
  updateRef(this);
  return this;
};

StdinStream.prototype.resume = function resume() {
  Readable.prototype.resume.call(this);
  updateRef(this);
  return this;
};

StdinStream.prototype.ref = function ref() {
  this[kRefAllowed] = true;
  updateRef(this);
  return this;
};

StdinStream.prototype.unref = function unref() {
  this[kRefAllowed] = false;
  updateRef(this);
  return this;
};

function createWritable(fd, binding) {
  let stream;
  if (binding.isatty(fd)) {
    const tty = require('tty');
    stream = new tty.WriteStream(fd);
    stream._type = 'tty';
  } else {
    const { SyncWriteStream } = require('internal/fs/streams');
    stream = new SyncWriteStream(fd, { autoClose: false });
    stream._type = guessType(fd);
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  // Destroying stdout/stderr never closes the descriptor.
  stream._destroy = function _destroy(err, cb) { cb(err); };
  return stream;
}

function guessType(fd) {
  try {
    const st = require('fs').fstatSync(fd);
    if (st.isFIFO() || st.isSocket()) return 'pipe';
  } catch {
    // fall through
  }
  return 'fs';
}

function createStdin(binding) {
  let stream;
  if (binding.isatty(0)) {
    const tty = require('tty');
    stream = new tty.ReadStream(0);
  } else {
    stream = new StdinStream();
  }
  stream.fd = 0;
  return stream;
}

function create(fd, binding) {
  if (fd === 0) return createStdin(binding);
  return createWritable(fd, binding);
}

module.exports = { create, StdinStream };
