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

function createStdin(binding) {
  const stream = new EventEmitter();
  stream.fd = 0;
  stream.isTTY = binding.isatty(0) ? true : undefined;
  stream.readable = true;
  const notImpl = (name) => () => {
    const { notImplemented } = require('internal/errors');
    throw notImplemented(`process.stdin.${name}`);
  };
  stream.setEncoding = () => stream;
  stream.pause = () => stream;
  stream.resume = notImpl('resume');
  stream.read = notImpl('read');
  stream.pipe = notImpl('pipe');
  stream.setRawMode = notImpl('setRawMode');
  stream[Symbol.asyncIterator] = notImpl('[Symbol.asyncIterator]');
  return stream;
}

module.exports = { create };
