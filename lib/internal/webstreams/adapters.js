'use strict';
// Adapters between node:stream streams and WHATWG streams, behind
// Readable.toWeb/fromWeb, Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
} = require('internal/errors');
const { validateObject, validateBoolean } = require('internal/validators');
const { ReadableStream, isReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream, isWritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');
const { deferred, noop } = require('internal/webstreams/util');

function streams() {
  return require('stream');
}

function utils() {
  return require('internal/streams/utils');
}

function eos(stream, cb) {
  return require('internal/streams/end-of-stream')(stream, cb);
}

function destroy(stream, err) {
  if (typeof stream.destroy === 'function') stream.destroy(err);
}

function isNodeReadable(s) {
  return s != null && typeof s.pipe === 'function' && typeof s.on === 'function' &&
    (s._readableState !== undefined || typeof s.read === 'function');
}

function isNodeWritable(s) {
  return s != null && typeof s.write === 'function' && typeof s.on === 'function';
}

function byteSize(chunk) {
  return chunk != null && typeof chunk.byteLength === 'number' ? chunk.byteLength : 1;
}

// Readable (node) -> ReadableStream (web).
function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (!isNodeReadable(streamReadable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  const type = options.type;
  if (type !== undefined && type !== 'bytes') {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE('options.type', type);
  }
  const isBytes = type === 'bytes';
  if (utils().isDestroyed(streamReadable) || !utils().isReadable(streamReadable)) {
    const readable = new ReadableStream(isBytes ? { type } : undefined);
    readable.cancel();
    return readable;
  }
  const objectMode = !!streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  let strategy = options.strategy;
  if (isBytes) {
    strategy = { highWaterMark: strategy?.highWaterMark ?? highWaterMark };
  } else if (strategy === undefined) {
    strategy = objectMode ? new CountQueuingStrategy({ highWaterMark }) : { highWaterMark, size: byteSize };
  }
  let controller;
  let done = false;

  function onData(chunk) {
    if (done) return;
    if (isBytes) {
      // A byte stream takes over (detaches) the chunk's buffer: hand it a copy.
      if (typeof chunk === 'string') chunk = Buffer.from(chunk, streamReadable.readableEncoding || 'utf8');
      if (chunk.byteLength === 0) return;
      chunk = new Uint8Array(chunk);
    } else if (Buffer.isBuffer(chunk) && !objectMode) {
      chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  eos(streamReadable, (error) => {
    if (done) return;
    done = true;
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const { AbortError } = require('internal/errors');
      error = new AbortError(undefined, { cause: error });
    }
    try {
      if (error) controller.error(error);
      else controller.close();
    } catch {
      // the web stream was already closed or cancelled
    }
  });
  streamReadable.pause();
  streamReadable.on('data', onData);

  return new ReadableStream({
    type: isBytes ? 'bytes' : undefined,
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      done = true;
      if (reason === undefined) {
        const { AbortError } = require('internal/errors');
        reason = new AbortError();
      }
      destroy(streamReadable, reason);
    },
  }, strategy);
}

// ReadableStream (web) -> Readable (node).
function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
  validateBoolean(objectMode, 'options.objectMode');
  const reader = readableStream.getReader();
  let closed = false;

  const readable = new (streams().Readable)({
    objectMode, highWaterMark, encoding, signal,
    read() {
      reader.read().then((result) => {
        if (result.done) readable.push(null);
        else readable.push(result.value);
      }, (error) => destroy(readable, error));
    },
    destroy(error, callback) {
      const finish = () => {
        try {
          callback(error);
        } catch (e) {
          process.nextTick(() => { throw e; });
        }
      };
      if (!closed) {
        reader.cancel(error).then(finish, finish);
        return;
      }
      finish();
    },
  });

  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroy(readable, error);
  });
  return readable;
}

// Writable (node) -> WritableStream (web).
function newWritableStreamFromStreamWritable(streamWritable) {
  if (!isNodeWritable(streamWritable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (utils().isDestroyed(streamWritable) || !utils().isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) : { highWaterMark, size: byteSize };
  let controller;
  let backpressure;
  let closed;

  function onDrain() {
    if (backpressure !== undefined) backpressure.resolve();
  }

  const cleanup = eos(streamWritable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const { AbortError } = require('internal/errors');
      error = new AbortError(undefined, { cause: error });
    }
    cleanup();
    streamWritable.on('error', noop);
    if (error != null) {
      if (backpressure !== undefined) backpressure.reject(error);
      if (controller !== undefined) controller.error(error);
      controller = undefined;
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    if (controller !== undefined) {
      const { AbortError } = require('internal/errors');
      controller.error(new AbortError(undefined, { cause: new ERR_STREAM_PREMATURE_CLOSE() }));
    }
    controller = undefined;
  });
  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (chunk instanceof ArrayBuffer && !streamWritable.writableObjectMode) chunk = new Uint8Array(chunk);
      let ok;
      try {
        ok = !streamWritable.writableNeedDrain && streamWritable.write(chunk);
      } catch (e) {
        return Promise.reject(e);
      }
      if (!ok) {
        backpressure = deferred();
        const p = backpressure.promise;
        return p.then(() => {
          backpressure = undefined;
        }, (e) => {
          backpressure = undefined;
          throw e;
        });
      }
      return undefined;
    },
    abort(reason) {
      destroy(streamWritable, reason);
    },
    close() {
      if (closed === undefined && !utils().isWritableEnded(streamWritable)) {
        closed = deferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

// WritableStream (web) -> Writable (node).
function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');
  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new (streams().Writable)({
    highWaterMark, objectMode, decodeStrings, signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((d) => writer.write(d.chunk))))
        .then(() => callback(), (error) => callback(error));
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = new Uint8Array(Buffer.from(chunk, encoding));
      }
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), (error) => callback(error));
    },
    destroy(error, callback) {
      const finish = () => {
        try {
          callback(error);
        } catch (e) {
          process.nextTick(() => { throw e; });
        }
      };
      if (!closed) {
        if (error != null) writer.abort(error).then(finish, finish);
        else writer.close().then(finish, finish);
        return;
      }
      finish();
    },
    final(callback) {
      if (!closed) {
        writer.close().then(() => callback(), (error) => callback(error));
      } else {
        callback();
      }
    },
  });

  writer.closed.then(() => {
    closed = true;
    if (!utils().isWritableEnded(writable)) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroy(writable, error);
  });
  return writable;
}

// Duplex (node) -> { readable, writable } (web).
function newReadableWritablePairFromDuplex(duplex, options = {}) {
  if (duplex == null || typeof duplex.on !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  if (utils().isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }
  let writable;
  if (utils().isWritable(duplex)) {
    writable = newWritableStreamFromStreamWritable(duplex);
  } else {
    writable = new WritableStream();
    writable.close();
  }
  validateObject(options, 'options');
  const readableType = options.readableType ?? options.type;
  let readable;
  if (utils().isReadable(duplex)) {
    readable = newReadableStreamFromStreamReadable(duplex, { type: readableType });
  } else {
    readable = new ReadableStream();
    readable.cancel();
  }
  return { writable, readable };
}

// { readable, writable } (web) -> Duplex (node).
function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const {
    allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal,
  } = options;
  validateBoolean(objectMode, 'options.objectMode');
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new (streams().Duplex)({
    allowHalfOpen, highWaterMark, objectMode, encoding, decodeStrings, signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((d) => writer.write(d.chunk))))
        .then(() => callback(), (error) => callback(error));
    },
    write(chunk, enc, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = new Uint8Array(Buffer.from(chunk, enc));
      }
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), (error) => callback(error));
    },
    final(callback) {
      if (!writableClosed) writer.close().then(() => callback(), (error) => callback(error));
      else callback();
    },
    read() {
      reader.read().then((result) => {
        if (result.done) duplex.push(null);
        else duplex.push(result.value);
      }, (error) => destroy(duplex, error));
    },
    destroy(error, callback) {
      const finish = () => {
        try {
          callback(error);
        } catch (e) {
          process.nextTick(() => { throw e; });
        }
      };
      const waits = [];
      if (!writableClosed) {
        const { AbortError } = require('internal/errors');
        waits.push(writer.abort(error != null ? error : new AbortError()));
      }
      if (!readableClosed) waits.push(reader.cancel(error));
      if (waits.length === 0) {
        finish();
        return;
      }
      Promise.all(waits).then(finish, finish);
    },
  });

  writer.closed.then(() => {
    writableClosed = true;
    if (!utils().isWritableEnded(duplex)) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  reader.closed.then(() => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  return duplex;
}

// stream.finished() on a ReadableStream or WritableStream: calls back once
// the stream is closed (no error) or errored, without locking it.
function finishedWebStream(stream, options, callback) {
  const { kState } = require('internal/webstreams/util');
  const { AbortError } = require('internal/errors');
  let done = false;
  const finish = (err) => {
    if (done) return;
    done = true;
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
    callback.call(stream, err);
  };
  const signal = options.signal;
  const onAbort = () => finish(new AbortError(undefined, { cause: signal.reason }));
  if (signal !== undefined && signal.aborted) {
    process.nextTick(onAbort);
    return () => { done = true; };
  }
  if (signal !== undefined) signal.addEventListener('abort', onAbort, { once: true });
  stream[kState].closedWatch.promise.then(() => finish(), (err) => finish(err));
  return () => {
    done = true;
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
  };
}

// A node stream over a web stream, for pipeline() and Duplex.from().
function toNodeStream(stream) {
  const { isTransformStream } = require('internal/webstreams/transformstream');
  if (isReadableStream(stream)) return newStreamReadableFromReadableStream(stream, { objectMode: true });
  if (isWritableStream(stream)) return newStreamWritableFromWritableStream(stream, { objectMode: true });
  if (isTransformStream(stream) || (isReadableStream(stream?.readable) && isWritableStream(stream?.writable))) {
    return newStreamDuplexFromReadableWritablePair(stream, { objectMode: true });
  }
  throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'TransformStream'], stream);
}

// A pipeline() stage for a web stream: a WritableStream after the first
// stage is fed by iterating its source, as node does; the others go
// through their node:stream adapters.
function toPipelineStage(stream, writing, end) {
  if (writing && !isWritableStream(stream) && isReadableStream(stream?.readable) &&
      isWritableStream(stream?.writable)) {
    const { readable, writable } = stream;
    return async function* transformStage(source) {
      const writer = writable.getWriter();
      (async () => {
        try {
          for await (const chunk of source) {
            await writer.ready;
            writer.write(chunk).catch(noop);
          }
          await writer.ready;
          await writer.close();
        } catch (err) {
          writer.abort(err).catch(noop);
        }
      })();
      yield* readable;
    };
  }
  if (!writing && isReadableStream(stream)) {
    // The source is iterated, as any async iterable.
    return function readableSource() { return stream; };
  }
  if (!writing || !isWritableStream(stream)) return toNodeStream(stream);
  return async function pumpToWeb(source) {
    const writer = stream.getWriter();
    try {
      for await (const chunk of source) {
        await writer.ready;
        writer.write(chunk).catch(noop);
      }
      await writer.ready;
      if (end) await writer.close();
    } catch (err) {
      try {
        await writer.abort(err);
      } catch {
        // already errored
      }
      throw err;
    } finally {
      writer.releaseLock();
    }
  };
}

// addAbortSignal() on a web stream: errors it with an AbortError when the
// signal aborts.
function addAbortSignalToWebStream(signal, stream) {
  const { kState } = require('internal/webstreams/util');
  const { AbortError } = require('internal/errors');
  const onAbort = () => {
    const err = new AbortError(undefined, { cause: signal.reason });
    const s = stream[kState];
    if (isReadableStream(stream)) {
      if (s.state === 'readable') s.controller.error(err);
    } else if (s.state === 'writable') {
      s.controller.error(err);
    }
  };
  if (signal.aborted) {
    onAbort();
  } else {
    const disposable = require('events').addAbortListener(signal, onAbort);
    stream[kState].closedWatch.promise.then(() => disposable[Symbol.dispose](), () => disposable[Symbol.dispose]());
  }
  return stream;
}

module.exports = {
  toNodeStream,
  toPipelineStage,
  addAbortSignalToWebStream,
  finishedWebStream,
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
