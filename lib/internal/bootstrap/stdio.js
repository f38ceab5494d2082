'use strict';
// process.stdout/stderr/stdin. Writes are synchronous, as Node's are for
// files, pipes and TTYs on Linux, so nothing is lost at exit. They become
// full stream.Writable/Readable objects once node:stream exists.

const EventEmitter = require('events');

function create(fd, binding) {
  if (fd === 0) return createStdin(binding);
  const stream = new EventEmitter();
  stream.fd = fd;
  stream._type = binding.isatty(fd) ? 'tty' : 'fs';
  stream.isTTY = stream._type === 'tty' ? true : undefined;
  stream.writable = true;
  stream._isStdio = true;
  stream.destroyed = false;
  stream.writableLength = 0;
  stream.writableHighWaterMark = 16384;
  stream.writableEnded = false;
  stream.writableFinished = false;
  stream.writableNeedDrain = false;
  if (stream.isTTY) {
    const size = binding.windowSize(fd);
    stream.columns = size ? size[0] : 80;
    stream.rows = size ? size[1] : 24;
    stream.getWindowSize = () => [stream.columns, stream.rows];
    stream.hasColors = (count = 16) => count <= 256 && !('NO_COLOR' in process.env);
    stream.getColorDepth = () => ('NO_COLOR' in process.env ? 1 : 8);
  }
  stream.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
      chunk = Buffer.from(chunk, encoding);
    }
    try {
      binding.writeSync(fd, chunk);
    } catch (err) {
      if (err.code === 'EPIPE') {
        // Node reports EPIPE on the stream; with no listener, writes are dropped.
        stream.destroyed = true;
        if (stream.listenerCount('error') > 0) process.nextTick(() => stream.emit('error', err));
        if (cb) process.nextTick(cb, err);
        return false;
      }
      throw err;
    }
    if (cb) process.nextTick(cb, null);
    return true;
  };
  stream.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (chunk != null) stream.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return stream;
  };
  stream.cork = () => {};
  stream.uncork = () => {};
  stream.setDefaultEncoding = () => stream;
  stream.destroySoon = stream.destroy = () => stream;
  stream._destroy = () => {};
  return stream;
}

// process.stdin: a minimal Readable over internalBinding('stdin') (Go
// reads the real stdin off the loop and posts chunks). It supports what
// programs use most: 'data'/'end'/'close' in flowing mode, pause/resume,
// 'readable' with read(), setEncoding, pipe and async iteration. It turns
// into a full stream.Readable once node:stream exists.
function createStdin(binding) {
  const native = internalBinding('stdin');
  const stream = new EventEmitter();
  stream.fd = 0;
  stream.isTTY = binding.isatty(0) ? true : undefined;
  stream.readable = true;
  stream.readableEnded = false;
  stream.destroyed = false;
  stream.readableFlowing = null;
  stream.readableEncoding = null;
  let decoder = null;
  let buffered = [];
  let started = false;
  let ended = false; // no more input
  let endEmitted = false;

  function start() {
    if (!started) {
      started = true;
      native.start(onChunk);
    }
  }

  function toChunk(u8) {
    const buf = Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
    return decoder ? decoder.write(buf) : buf;
  }

  function onChunk(u8) {
    if (u8 === null) {
      ended = true;
      if (decoder) {
        const rest = decoder.end();
        if (rest) buffered.push(rest);
      }
      native.setRef(false);
      maybeEnd();
      return;
    }
    const chunk = toChunk(u8);
    if (chunk.length === 0) return;
    if (stream.readableFlowing === true && buffered.length === 0) {
      stream.emit('data', chunk);
    } else {
      buffered.push(chunk);
      if (stream.readableFlowing !== true) stream.emit('readable');
      else flush();
    }
  }

  function flush() {
    while (stream.readableFlowing === true && buffered.length > 0) {
      stream.emit('data', buffered.shift());
    }
    maybeEnd();
  }

  function maybeEnd() {
    if (!ended || endEmitted || buffered.length > 0) return;
    if (stream.readableFlowing === false && stream.listenerCount('readable') === 0) return;
    endEmitted = true;
    stream.readable = false;
    stream.readableEnded = true;
    if (stream.readableFlowing !== true) stream.emit('readable');
    process.nextTick(() => {
      stream.emit('end');
      // Pipes and sockets close after the end; a file stdin (autoClose
      // off in node) does not.
      if (native.isStream()) {
        stream.destroyed = true;
        stream.emit('close');
      }
    });
  }

  stream.resume = function resume() {
    stream.readableFlowing = true;
    start();
    if (!ended) native.setRef(true);
    process.nextTick(flush);
    return stream;
  };
  stream.pause = function pause() {
    if (stream.readableFlowing !== false) {
      stream.readableFlowing = false;
      native.setRef(false);
    }
    return stream;
  };
  stream.isPaused = () => stream.readableFlowing === false;
  stream.setEncoding = function setEncoding(enc) {
    const { StringDecoder } = require('string_decoder');
    decoder = new StringDecoder(enc);
    stream.readableEncoding = decoder.encoding;
    return stream;
  };
  stream.read = function read() {
    start();
    if (stream.readableFlowing === null) stream.readableFlowing = false;
    if (!ended) native.setRef(true);
    if (buffered.length === 0) {
      maybeEnd();
      return null;
    }
    const all = buffered;
    buffered = [];
    const out = decoder ? all.join('') : (all.length === 1 ? all[0] : Buffer.concat(all));
    if (ended) process.nextTick(maybeEnd);
    return out;
  };
  const on = EventEmitter.prototype.on;
  stream.on = stream.addListener = function addListener(event, fn) {
    on.call(stream, event, fn);
    if (event === 'data' && stream.readableFlowing !== false) stream.resume();
    else if (event === 'readable') {
      stream.readableFlowing = false;
      start();
      if (!ended) native.setRef(true);
      if (buffered.length > 0 || ended) process.nextTick(() => { stream.emit('readable'); maybeEnd(); });
    } else if (event === 'end' && ended) process.nextTick(maybeEnd);
    return stream;
  };
  stream.once = function once(event, fn) {
    const wrapped = (...args) => {
      stream.removeListener(event, wrapped);
      return Reflect.apply(fn, stream, args);
    };
    wrapped.listener = fn;
    return stream.on(event, wrapped);
  };
  stream.pipe = function pipe(dest, opts) {
    stream.on('data', (chunk) => {
      if (dest.write(chunk) === false && typeof dest.once === 'function') {
        stream.pause();
        dest.once('drain', () => stream.resume());
      }
    });
    if (!(opts && opts.end === false) && !dest._isStdio) stream.on('end', () => dest.end());
    return dest;
  };
  stream.unref = () => { native.setRef(false); return stream; };
  stream.ref = () => { if (!ended && stream.readableFlowing) native.setRef(true); return stream; };
  stream.destroy = function destroy() {
    stream.pause();
    stream.destroyed = true;
    process.nextTick(() => stream.emit('close'));
    return stream;
  };
  stream[Symbol.asyncIterator] = async function* iterate() {
    const queue = [];
    let done = false;
    let wake = null;
    stream.on('data', (c) => { queue.push(c); if (wake) wake(); });
    stream.on('end', () => { done = true; if (wake) wake(); });
    while (true) {
      if (queue.length > 0) {
        yield queue.shift();
      } else if (done) {
        return;
      } else {
        await new Promise((resolve) => { wake = resolve; });
        wake = null;
      }
    }
  };
  stream.setRawMode = function setRawMode() {
    const { notImplemented } = require('internal/errors');
    throw notImplemented('process.stdin.setRawMode');
  };
  return stream;
}

module.exports = { create };
