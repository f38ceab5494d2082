'use strict';
// CompressionStream and DecompressionStream (WHATWG Compression Streams)
// over node:zlib: gzip, deflate and deflate-raw.

const { codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES } } = require('internal/errors');
const { ReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream } = require('internal/webstreams/writablestream');
const { customInspect, invalidThis, inspectObject } = require('internal/webstreams/util');

// The message V8 gives for a private field read on a foreign object, as
// node's classes keep their state in private fields.
function privateMember() {
  return new TypeError('Cannot read private member #handle from an object whose class did not declare it');
}

const kTransform = Symbol('kTransform');

// Compression Streams report data errors as TypeError.
function toTypeError(err) {
  if (err instanceof TypeError) return err;
  const e = new TypeError(err.message, { cause: err });
  if (err.code !== undefined) e.code = err.code;
  if (err.errno !== undefined) e.errno = err.errno;
  return e;
}

// The readable and writable sides over one zlib engine. They are separate
// streams (as node's are), so a write completes once the engine has taken
// it, whether or not the output has been read yet.
function makePair(engine) {
  let rc;
  let wc;
  let failed = null;
  let flushing = false;
  let totalIn = 0;
  const waiting = new Set();
  const junk = () => new TypeError('Trailing junk found after the end of the compressed stream');
  const fail = (err) => {
    if (failed !== null) return;
    failed = toTypeError(err);
    for (const reject of waiting) reject(failed);
    waiting.clear();
    try {
      rc.error(failed);
    } catch {
      // already closed
    }
    try {
      wc.error(failed);
    } catch {
      // already closed
    }
    engine.destroy();
  };
  const wait = (start) => new Promise((resolve, reject) => {
    waiting.add(reject);
    start(() => {
      waiting.delete(reject);
      if (failed) reject(failed);
      else resolve();
    });
  });

  engine.on('data', (chunk) => {
    if (failed !== null) return;
    rc.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (rc.desiredSize <= 0) engine.pause();
  });
  engine.on('end', () => {
    if (failed !== null) return;
    // The compressed data ended before the input did: trailing junk.
    if (!flushing || (typeof engine.bytesWritten === 'number' && engine.bytesWritten < totalIn)) {
      fail(junk());
      return;
    }
    rc.close();
  });
  engine.on('error', fail);

  const readable = new ReadableStream({
    start(c) {
      rc = c;
    },
    pull() {
      engine.resume();
    },
    cancel() {
      engine.destroy();
    },
  }, { highWaterMark: 16384, size: (chunk) => chunk.byteLength });

  const writable = new WritableStream({
    start(c) {
      wc = c;
    },
    write(chunk) {
      if (failed !== null) throw failed;
      let err;
      if (chunk === null) {
        err = new ERR_STREAM_NULL_VALUES();
      } else if (typeof chunk !== 'string' && !(ArrayBuffer.isView(chunk) && chunk.buffer instanceof ArrayBuffer) &&
                 !(chunk instanceof ArrayBuffer)) {
        err = new ERR_INVALID_ARG_TYPE('chunk', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
      if (err) {
        fail(err);
        throw err;
      }
      const copy = typeof chunk === 'string' ? Buffer.from(chunk) :
        chunk instanceof ArrayBuffer ? Buffer.from(new Uint8Array(chunk)) :
        Buffer.from(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      totalIn += copy.length;
      return wait((done) => engine.write(copy, () => done()));
    },
    close() {
      if (failed !== null) throw failed;
      flushing = true;
      // Done once the engine has flushed and its output has ended, as
      // node's stream.finished() on the engine tells.
      return wait((done) => {
        require('internal/streams/end-of-stream')(engine, () => done());
        engine.end();
      });
    },
    abort(reason) {
      engine.destroy();
      try {
        rc.error(reason);
      } catch {
        // already closed
      }
    },
  });
  return { readable, writable };
}

function createEngine(format, compress) {
  const zlib = require('zlib');
  switch (format) {
    case 'gzip': return compress ? zlib.createGzip() : zlib.createGunzip();
    case 'deflate': return compress ? zlib.createDeflate() : zlib.createInflate();
    case 'deflate-raw': return compress ? zlib.createDeflateRaw() : zlib.createInflateRaw();
    case 'brotli': return compress ? zlib.createBrotliCompress() : zlib.createBrotliDecompress();
    default: throw new ERR_INVALID_ARG_VALUE('format', format);
  }
}

class CompressionStream {
  constructor(format) {
    this[kTransform] = makePair(createEngine(`${format}`, true));
  }

  get readable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].readable;
  }

  get writable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].writable;
  }

  [customInspect](depth, options) {
    if (this == null || this[kTransform] === undefined) throw invalidThis(this?.constructor?.name);
    return inspectObject(this, this.constructor.name, {
      readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}
Object.defineProperty(CompressionStream.prototype, Symbol.toStringTag, {
  value: 'CompressionStream', configurable: true,
});

class DecompressionStream {
  constructor(format) {
    this[kTransform] = makePair(createEngine(`${format}`, false));
  }

  get readable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].readable;
  }

  get writable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].writable;
  }

  [customInspect](depth, options) {
    if (this == null || this[kTransform] === undefined) throw invalidThis(this?.constructor?.name);
    return inspectObject(this, this.constructor.name, {
      readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}
Object.defineProperty(DecompressionStream.prototype, Symbol.toStringTag, {
  value: 'DecompressionStream', configurable: true,
});

module.exports = { CompressionStream, DecompressionStream };
