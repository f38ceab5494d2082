'use strict';
// Writable streams: write() hands one chunk at a time to _write() (or a
// batch to _writev()), buffering the rest; end() runs _final() and emits
// 'finish' once everything is written.

const EE = require('events');
const { Stream } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const { nop, kStreamInternals } = require('internal/streams/utils');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_MULTIPLE_CALLBACK,
    ERR_STREAM_ALREADY_FINISHED, ERR_STREAM_CANNOT_PIPE, ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES, ERR_STREAM_WRITE_AFTER_END, ERR_UNKNOWN_ENCODING,
  },
  AbortError,
} = require('internal/errors');

const { protoEmit, listenerResult } = require('internal/events/fast');

const kOnFinished = Symbol('kOnFinished');
const BufferPrototype = Buffer.prototype;
const getPrototypeOf = Object.getPrototypeOf;
let Duplex;
let eos;
let addAbortSignalNoValidate;

function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') {
    if (Duplex === undefined) Duplex = require('internal/streams/duplex');
    isDuplex = stream instanceof Duplex;
  }
  this.objectMode = !!(options && options.objectMode);
  if (isDuplex && options) this.objectMode = this.objectMode || !!options.writableObjectMode;
  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);
  this.finalCalled = false;
  this.needDrain = false;
  this.ending = false;
  this.ended = false;
  this.finished = false;
  this.destroyed = false;
  this.decodeStrings = !(options && options.decodeStrings === false);
  let enc = options && options.defaultEncoding;
  if (enc == null) {
    enc = 'utf8';
  } else if (enc !== 'buffer' && !Buffer.isEncoding(enc)) {
    throw new ERR_UNKNOWN_ENCODING(enc);
  }
  this.defaultEncoding = enc;
  this.length = 0;
  this.writing = false;
  this.corked = 0;
  this.sync = true;
  this.bufferProcessing = false;
  this.onwrite = onwrite.bind(undefined, stream);
  this.writecb = null;
  this.writelen = 0;
  this.afterWriteTickInfo = null;
  resetBuffer(this);
  this.pendingcb = 0;
  this.constructed = true;
  this.prefinished = false;
  this.errorEmitted = false;
  this.emitClose = !options || options.emitClose !== false;
  this.autoDestroy = !options || options.autoDestroy !== false;
  this.errored = null;
  this.closed = false;
  this.closeEmitted = false;
  this[kOnFinished] = [];
}

function resetBuffer(state) {
  state.buffered = [];
  state.bufferedIndex = 0;
  state.allBuffers = true;
  state.allNoop = true;
}

WritableState.prototype.getBuffer = function getBuffer() {
  return this.buffered.slice(this.bufferedIndex);
};

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  get() { return this.buffered.length - this.bufferedIndex; },
});

function Writable(options) {
  if (Duplex === undefined) Duplex = require('internal/streams/duplex');
  const isDuplex = this instanceof Duplex;
  if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
  this._events ??= {
    __proto__: null, close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined,
  };
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) {
      if (addAbortSignalNoValidate === undefined) {
        addAbortSignalNoValidate = require('internal/streams/add-abort-signal').addAbortSignalNoValidate;
      }
      addAbortSignalNoValidate(options.signal, this);
    }
  }
  Stream.call(this, options);
  // (destroyImpl.construct does nothing without a _construct: no closure)
  if (typeof this._construct === 'function') {
    destroyImpl.construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);

Writable.WritableState = WritableState;

// instanceof Writable also holds for Duplex instances.
Object.defineProperty(Writable, Symbol.hasInstance, {
  __proto__: null,
  value: function(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function() {
  destroyImpl.errorOrDestroy(this, new ERR_STREAM_CANNOT_PIPE());
};

// Validates and queues one chunk; returns true/false (under/over the
// high-water mark) or the Error it reported.
function writeChunk(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (typeof cb !== 'function') cb = nop;
  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (typeof chunk === 'object' && (getPrototypeOf(chunk) === BufferPrototype || chunk instanceof Buffer)) {
      // (chunk instanceof Buffer, without the engine's Symbol.hasInstance
      // call for the usual Buffer)
      encoding = 'buffer';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = 'buffer';
    } else {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  let err;
  if (state.ending) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (state.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    process.nextTick(cb, err);
    destroyImpl.errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, chunk, encoding, cb);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  if (encoding != null && typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const state = this._writableState;
  // The usual write, a Buffer or a string (no encoding given) into an open
  // byte stream: writeChunk's checks, in short.
  if (encoding == null && !state.objectMode && !state.ending && !state.destroyed) {
    let enc = null;
    if (typeof chunk === 'string') {
      if (state.decodeStrings !== false) {
        chunk = Buffer.from(chunk, state.defaultEncoding);
        enc = 'buffer';
      } else {
        enc = state.defaultEncoding;
      }
    } else if (typeof chunk === 'object' && chunk !== null && getPrototypeOf(chunk) === BufferPrototype) {
      enc = 'buffer';
    }
    if (enc !== null) {
      state.pendingcb++;
      return writeOrBuffer(this, state, chunk, enc, typeof cb === 'function' ? cb : nop);
    }
  }
  return writeChunk(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw new ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

function writeOrBuffer(stream, state, chunk, encoding, callback) {
  const len = state.objectMode ? 1 : chunk.length;
  state.length += len;
  const ret = state.length < state.highWaterMark;
  if (!ret) state.needDrain = true;
  if (state.writing || state.corked || state.errored || !state.constructed) {
    state.buffered.push({ chunk, encoding, callback });
    if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
    if (state.allNoop && callback !== nop) state.allNoop = false;
  } else {
    state.writelen = len;
    state.writecb = callback;
    state.writing = true;
    state.sync = true;
    stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  return ret && !state.errored && !state.destroyed;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  state.writelen = len;
  state.writecb = cb;
  state.writing = true;
  state.sync = true;
  if (state.destroyed) state.onwrite(new ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state.sync = false;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  destroyImpl.errorOrDestroy(stream, er);
}

// The callback _write()/_writev() call when a write is done.
function onwrite(stream, er) {
  const state = stream._writableState;
  const sync = state.sync;
  const cb = state.writecb;
  if (typeof cb !== 'function') {
    destroyImpl.errorOrDestroy(stream, new ERR_MULTIPLE_CALLBACK());
    return;
  }
  state.writing = false;
  state.writecb = null;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    void er.stack;
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (sync) {
      // Batch the callbacks of consecutive synchronous writes in one tick.
      if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
        state.afterWriteTickInfo.count++;
      } else {
        state.afterWriteTickInfo = { count: 1, cb, stream, state };
        process.nextTick(afterWriteTick, state.afterWriteTickInfo);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick({ stream, state, count, cb }) {
  state.afterWriteTickInfo = null;
  return afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  if (state.needDrain && state.length === 0 && !state.ending && !stream.destroyed) {
    state.needDrain = false;
    // stream.emit('drain'), the listener called directly when it can be
    // (see internal/events/fast).
    const events = stream._events;
    if (events !== undefined && stream.emit === protoEmit) {
      const h = events.drain;
      if (typeof h === 'function') {
        const r = h.call(stream);
        if (r !== undefined && r !== null) listenerResult(stream, r, 'drain', []);
      } else if (h !== undefined) {
        stream.emit('drain');
      }
    } else {
      stream.emit('drain');
    }
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if (state.destroyed) errorBuffer(state);
  // (finishMaybe does nothing before end())
  if (state.ending) finishMaybe(stream, state);
}

// Fails every buffered write and pending end() callback of a destroyed
// stream.
function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored ?? new ERR_STREAM_DESTROYED('write'));
  }
  const onfinishCallbacks = state[kOnFinished].splice(0);
  for (let i = 0; i < onfinishCallbacks.length; i++) {
    onfinishCallbacks[i](state.errored ?? new ERR_STREAM_DESTROYED('end'));
  }
  resetBuffer(state);
}

// Writes out what is buffered: one _writev() call, or _write() calls until
// one goes asynchronous.
function clearBuffer(stream, state) {
  if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
  const { buffered, bufferedIndex, objectMode } = state;
  const bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;
  let i = bufferedIndex;
  state.bufferProcessing = true;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const callback = state.allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = state.allBuffers;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && !state.writing);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state.bufferProcessing = false;
}

Writable.prototype._write = function _write(chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw new ERR_METHOD_NOT_IMPLEMENTED('_write()');
};

Writable.prototype._writev = null;

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = writeChunk(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // reported by writeChunk
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = new ERR_STREAM_ALREADY_FINISHED('end');
  } else if (state.destroyed) {
    err = new ERR_STREAM_DESTROYED('end');
  }
  if (typeof cb === 'function') {
    if (err) process.nextTick(cb, err);
    else if (state.errored) process.nextTick(cb, state.errored);
    else if (state.finished) process.nextTick(cb, null);
    else state[kOnFinished].push(cb);
  }
  return this;
};

function needFinish(state) {
  return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
    !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
    !state.errorEmitted && !state.closeEmitted;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      destroyImpl.errorOrDestroy(stream, err ?? new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      const callbacks = state[kOnFinished].splice(0);
      for (let i = 0; i < callbacks.length; i++) callbacks[i](err);
      destroyImpl.errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      state.prefinished = true;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        process.nextTick((s, st) => {
          if (needFinish(st)) finish(s, st);
          else st.pendingcb--;
        }, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  const callbacks = state[kOnFinished].splice(0);
  for (let i = 0; i < callbacks.length; i++) callbacks[i](null);
  stream.emit('finish');
  if (state.autoDestroy) {
    // Destroy only once the readable side (if any) is done too.
    const r = stream._readableState;
    const done = !r || (r.autoDestroy && (r.endEmitted || r.readable === false));
    if (done) stream.destroy();
  }
}

function defineGetter(name, get, set) {
  const desc = { __proto__: null, enumerable: false, configurable: true, get };
  if (set) desc.set = set;
  Object.defineProperty(Writable.prototype, name, desc);
}

defineGetter('closed', function() { return this._writableState ? this._writableState.closed : false; });
defineGetter('destroyed', function() {
  return this._writableState ? this._writableState.destroyed : false;
}, function(value) {
  if (this._writableState) this._writableState.destroyed = value;
});
defineGetter('writable', function() {
  const w = this._writableState;
  return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
}, function(val) {
  if (this._writableState) this._writableState.writable = !!val;
});
defineGetter('writableFinished', function() { return this._writableState ? this._writableState.finished : false; });
defineGetter('writableObjectMode', function() { return this._writableState ? this._writableState.objectMode : false; });
defineGetter('writableBuffer', function() { return this._writableState && this._writableState.getBuffer(); });
defineGetter('writableEnded', function() { return this._writableState ? this._writableState.ending : false; });
defineGetter('writableNeedDrain', function() {
  const w = this._writableState;
  if (!w) return false;
  return !w.destroyed && !w.ending && w.needDrain;
});
defineGetter('writableHighWaterMark', function() { return this._writableState && this._writableState.highWaterMark; });
defineGetter('writableCorked', function() { return this._writableState ? this._writableState.corked : 0; });
defineGetter('writableLength', function() { return this._writableState && this._writableState.length; });
defineGetter('errored', function() { return this._writableState ? this._writableState.errored : null; });
defineGetter('writableAborted', function() {
  const w = this._writableState;
  return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
});

Writable.prototype.destroy = function destroy(err, cb) {
  const state = this._writableState;
  // Fail pending writes and end() callbacks on the next tick.
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) {
    process.nextTick(errorBuffer, state);
  }
  destroyImpl.destroy.call(this, err, cb);
  return this;
};

Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};
Writable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};
if (Symbol.asyncDispose) {
  Writable.prototype[Symbol.asyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      error = this.writableFinished ? null : new AbortError();
      this.destroy(error);
    }
    if (eos === undefined) eos = require('internal/streams/end-of-stream');
    return new Promise((resolve, reject) => {
      eos(this, (err) => (err && err.name !== 'AbortError' ? reject(err) : resolve(null)));
    });
  };
}

Writable.fromWeb = function fromWeb(writableStream, options) {
  return require('internal/webstreams/adapters').newStreamWritableFromWritableStream(writableStream, options);
};
Writable.toWeb = function toWeb(streamWritable) {
  return require('internal/webstreams/adapters').newWritableStreamFromStreamWritable(streamWritable);
};

Writable[kStreamInternals] = { clearBuffer, finishMaybe };

module.exports = Writable;
