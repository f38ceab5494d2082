'use strict';
// Readable streams: a buffer filled by _read()/push(), drained either by
// read() after 'readable' (paused mode) or by 'data' events (flowing mode).

const EE = require('events');
const { Stream, prependListener } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const destroyImpl = require('internal/streams/destroy');
const { getHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const { aggregateTwoErrors, nop, kStreamInternals } = require('internal/streams/utils');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_METHOD_NOT_IMPLEMENTED, ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF, ERR_STREAM_UNSHIFT_AFTER_END_EVENT, ERR_UNKNOWN_ENCODING,
  },
  AbortError,
} = require('internal/errors');
const { validateObject, validateAbortSignal } = require('internal/validators');

const { protoEmit, listenerResult } = require('internal/events/fast');

const kPaused = Symbol('kPaused');
const BufferPrototype = Buffer.prototype;
const getPrototypeOf = Object.getPrototypeOf;

// The hot emits of a readable stream, as stream.emit(name, ...) would do
// them (see internal/events/fast): with EventEmitter's own emit and one
// listener, the listener is called directly; with none, nothing happens.
function emitData(stream, chunk) {
  const events = stream._events;
  if (events !== undefined && stream.emit === protoEmit) {
    const h = events.data;
    if (typeof h === 'function') {
      const r = h.call(stream, chunk);
      if (r !== undefined && r !== null) listenerResult(stream, r, 'data', [chunk]);
    } else if (h !== undefined) {
      stream.emit('data', chunk);
    }
  } else {
    stream.emit('data', chunk);
  }
}

// True when 'data' has a listener (stream.listenerCount('data') > 0).
function hasDataListener(stream) {
  const events = stream._events;
  return events !== undefined && events.data !== undefined;
}

let StringDecoder;
let Duplex;
let eos;
let addAbortSignalNoValidate;

function lazyEos() {
  if (eos === undefined) eos = require('internal/streams/end-of-stream');
  return eos;
}

function ReadableState(options, stream, isDuplex) {
  const st = newReadableState(options, stream, isDuplex, new.target === undefined ? ReadableStatePrototype : new.target.prototype);
  if (new.target === undefined) {
    Object.assign(this, st);
    return;
  }
  return st;
}
const ReadableStatePrototype = ReadableState.prototype;

// The objectMode argument of getHighWaterMark (it reads nothing else).
const kObjectModeState = { objectMode: true };
const kByteModeState = { objectMode: false };

// newReadableState makes a ReadableState with prototype proto: the state
// is one object literal (defining its fields at once is much cheaper than
// assigning them one by one to a new object). The fields keep the order
// in which the constructor used to assign them.
function newReadableState(options, stream, isDuplex, proto) {
  if (typeof isDuplex !== 'boolean') {
    if (Duplex === undefined) Duplex = require('internal/streams/duplex');
    isDuplex = stream instanceof Duplex;
  }
  let objectMode = false;
  let highWaterMark;
  let emitClose = true;
  let autoDestroy = true;
  let defaultEncoding = 'utf8';
  let decoder = null;
  let encoding = null;
  if (options) {
    objectMode = !!options.objectMode;
    if (isDuplex) objectMode = objectMode || !!options.readableObjectMode;
    highWaterMark = getHighWaterMark(objectMode ? kObjectModeState : kByteModeState, options, 'readableHighWaterMark', isDuplex);
    emitClose = options.emitClose !== false;
    autoDestroy = options.autoDestroy !== false;
    const enc = options.defaultEncoding;
    if (enc != null) {
      if (!Buffer.isEncoding(enc)) throw new ERR_UNKNOWN_ENCODING(enc);
      defaultEncoding = enc;
    }
    if (options.encoding) {
      if (StringDecoder === undefined) StringDecoder = require('string_decoder').StringDecoder;
      decoder = new StringDecoder(options.encoding);
      encoding = options.encoding;
    }
  } else {
    highWaterMark = getDefaultHighWaterMark(false);
  }
  return {
    __proto__: proto,
    objectMode,
    highWaterMark,
    // Buffered chunks are buffer[bufferIndex..]; consumed slots are nulled
    // rather than shifted out, so reading is not quadratic.
    buffer: [],
    bufferIndex: 0,
    length: 0,
    pipes: [],
    flowing: null,
    ended: false,
    endEmitted: false,
    reading: false,
    constructed: true,
    // True while _read() runs, so that pushes made inside it defer 'readable'.
    sync: true,
    needReadable: false,
    emittedReadable: false,
    readableListening: false,
    resumeScheduled: false,
    [kPaused]: null,
    errorEmitted: false,
    emitClose,
    autoDestroy,
    destroyed: false,
    errored: null,
    closed: false,
    closeEmitted: false,
    defaultEncoding,
    awaitDrainWriters: null,
    multiAwaitDrain: false,
    readingMore: false,
    dataEmitted: false,
    // An endReadableNT is queued and has not run: another would find
    // what it finds, or nothing to do (see endReadable).
    endQueued: false,
    decoder,
    encoding,
  };
}

Object.defineProperty(ReadableState.prototype, 'paused', {
  get() { return this[kPaused] !== false; },
  set(value) { this[kPaused] = !!value; },
});

Object.defineProperty(ReadableState.prototype, 'pipesCount', {
  get() { return this.pipes.length; },
});

function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  if (Duplex === undefined) Duplex = require('internal/streams/duplex');
  const isDuplex = this instanceof Duplex;
  // The common events get their slots up front (EventEmitter's shape mode).
  this._events ??= {
    __proto__: null, close: undefined, error: undefined, data: undefined, end: undefined, readable: undefined,
  };
  this._readableState = newReadableState(options, this, isDuplex, ReadableStatePrototype);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) {
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
      if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
    });
  }
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);

Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function _destroy(err, cb) {
  cb(err);
};
Readable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};
if (Symbol.asyncDispose) {
  Readable.prototype[Symbol.asyncDispose] = function() {
    let error;
    if (!this.destroyed) {
      error = this.readableEnded ? null : new AbortError();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => {
      lazyEos()(this, (err) => (err && err !== error ? reject(err) : resolve(null)));
    });
  };
}

Readable.prototype.push = function push(chunk, encoding) {
  const state = this._readableState;
  // The usual push, a non-empty Buffer into a byte stream that is still
  // open and has no decoder: addChunkFrom's checks, in short.
  if (typeof chunk === 'object' && chunk !== null && getPrototypeOf(chunk) === BufferPrototype &&
      !state.objectMode && chunk.length > 0 && !state.ended && !state.destroyed && !state.errored &&
      !state.decoder) {
    state.reading = false;
    addChunk(this, state, chunk, false);
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }
  return addChunkFrom(this, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return addChunkFrom(this, chunk, encoding, true);
};

// Normalizes a pushed/unshifted chunk and adds it, or handles EOF (null).
function addChunkFrom(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  let err;
  if (!state.objectMode) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (typeof chunk === 'object' && chunk !== null &&
               (getPrototypeOf(chunk) === BufferPrototype || chunk instanceof Buffer)) {
      // (chunk instanceof Buffer, without the engine's Symbol.hasInstance
      // call for the usual Buffer)
      encoding = '';
    } else if (ArrayBuffer.isView(chunk)) {
      chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      encoding = '';
    } else if (chunk != null) {
      err = new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  if (err) {
    destroyImpl.errorOrDestroy(stream, err);
  } else if (chunk === null) {
    state.reading = false;
    onEofChunk(stream, state);
  } else if (state.objectMode || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if (state.endEmitted) {
        destroyImpl.errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      } else if (state.destroyed || state.errored) {
        return false;
      } else {
        addChunk(stream, state, chunk, true);
      }
    } else if (state.ended) {
      destroyImpl.errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    } else if (state.destroyed || state.errored) {
      return false;
    } else {
      state.reading = false;
      if (state.decoder && !encoding) {
        chunk = state.decoder.write(chunk);
        if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
        else maybeReadMore(stream, state);
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    state.reading = false;
    maybeReadMore(stream, state);
  }
  return !state.ended && (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 && !state.sync && hasDataListener(stream)) {
    // Flowing with nothing buffered: hand the chunk straight to 'data'.
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state.dataEmitted = true;
    emitData(stream, chunk);
  } else {
    state.length += state.objectMode ? 1 : chunk.length;
    if (!addToFront) state.buffer.push(chunk);
    else if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
    else state.buffer.unshift(chunk);
    if (state.needReadable) emitReadable(stream);
  }
  // maybeReadMore(stream, state), inlined: this runs for every chunk.
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMoreNT, stream, state);
  }
}

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  if (StringDecoder === undefined) StringDecoder = require('string_decoder').StringDecoder;
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  // Nothing buffered (the usual case): nothing to decode.
  if (state.buffer.length === 0 && state.bufferIndex === 0 && state.length === 0) return this;
  let content = '';
  for (let i = state.bufferIndex; i < state.buffer.length; i++) content += decoder.write(state.buffer[i]);
  state.buffer = [];
  state.bufferIndex = 0;
  if (content !== '') state.buffer.push(content);
  state.length = content.length;
  return this;
};

const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  // The next power of two.
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

// How much read(n) may return now (n is NaN for read()).
function howMuchToRead(n, state) {
  const len = state.length;
  if (n <= 0 || (len === 0 && state.ended)) return 0;
  if (state.objectMode) return 1;
  if (n !== n) {
    if (len !== 0 && state.flowing) return state.buffer[state.bufferIndex].length;
    return len;
  }
  if (n <= len) return n;
  return state.ended ? len : 0;
}

Readable.prototype.read = function read(n) {
  const state = this._readableState;
  if (n === undefined) {
    if (state.length === 0 && !state.ended &&
        (state.reading || state.destroyed || state.errored || !state.constructed)) {
      // Nothing buffered and no _read() to call (one is in flight, as in
      // flowing mode between chunks): what the general path below ends
      // up doing.
      state.emittedReadable = false;
      state.needReadable = true;
      return null;
    }
    n = NaN;
    state.emittedReadable = false;
  } else {
    if (n !== (n | 0) && !Number.isInteger(n)) n = Number.parseInt(n, 10);
    if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
    if (n !== 0) {
      state.emittedReadable = false;
    } else if (state.needReadable &&
               ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
      // read(0) with enough buffered only triggers 'readable' (or 'end').
      if (state.length === 0 && state.ended) endReadable(this);
      else emitReadable(this);
      return null;
    }
  }
  const nOrig = n;

  n = n > 0 || n !== n ? howMuchToRead(n, state) : 0;
  if (n === 0 && state.ended) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Ask _read() for more when below the high-water mark.
  if (!state.reading && !state.ended && !state.destroyed && !state.errored && state.constructed &&
      (state.needReadable || state.length === 0 || state.length - n < state.highWaterMark)) {
    state.reading = true;
    state.sync = true;
    if (state.length === 0) state.needReadable = true;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      destroyImpl.errorOrDestroy(this, err);
    }
    state.sync = false;
    // A synchronous push may have changed how much is available.
    if (!state.reading) n = howMuchToRead(nOrig, state);
  }

  let ret = null;
  if (n > 0) ret = fromList(n, state);
  if (ret === null) {
    state.needReadable = state.length <= state.highWaterMark;
    n = 0;
  } else {
    state.length -= n;
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  if (state.length === 0) {
    if (!state.ended) state.needReadable = true;
    if (nOrig !== n && state.ended) endReadable(this);
  }

  if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
    state.dataEmitted = true;
    emitData(this, ret);
  }
  return ret;
};

// Takes n bytes (or characters, or one object) off the front of the buffer.
function fromList(n, state) {
  if (state.length === 0) return null;
  const buf = state.buffer;
  let idx = state.bufferIndex;
  let ret;
  if (state.objectMode) {
    ret = buf[idx];
    buf[idx++] = null;
  } else if (!n || n >= state.length) {
    // Everything.
    if (state.decoder) {
      ret = '';
      for (let i = idx; i < buf.length; i++) ret += buf[i];
    } else if (buf.length - idx === 1) {
      ret = buf[idx];
    } else {
      ret = Buffer.concat(idx === 0 ? buf : buf.slice(idx), state.length);
    }
    idx = buf.length;
  } else {
    const first = buf[idx];
    if (n < first.length) {
      ret = first.slice(0, n);
      buf[idx] = first.slice(n);
    } else if (n === first.length) {
      ret = first;
      buf[idx++] = null;
    } else if (state.decoder) {
      ret = '';
      while (ret.length < n) {
        const str = buf[idx];
        const need = n - ret.length;
        if (str.length <= need) {
          ret += str;
          buf[idx++] = null;
        } else {
          ret += str.slice(0, need);
          buf[idx] = str.slice(need);
        }
      }
    } else {
      ret = Buffer.allocUnsafe(n);
      let off = 0;
      while (off < n) {
        const data = buf[idx];
        const need = n - off;
        if (data.length <= need) {
          ret.set(data, off);
          off += data.length;
          buf[idx++] = null;
        } else {
          ret.set(data.subarray(0, need), off);
          buf[idx] = data.slice(need);
          off += need;
        }
      }
    }
  }
  if (idx === buf.length) {
    state.buffer = [];
    state.bufferIndex = 0;
  } else if (idx > 1024 && idx * 2 > buf.length) {
    buf.splice(0, idx);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = idx;
  }
  return ret;
}

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNT(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  state.needReadable = false;
  if (!state.emittedReadable) {
    state.emittedReadable = true;
    process.nextTick(emitReadableNT, stream);
  }
}

function emitReadableNT(stream) {
  const state = stream._readableState;
  if (!state.destroyed && !state.errored && (state.length || state.ended)) {
    // stream.emit('readable'), as emitData does it.
    const events = stream._events;
    if (events !== undefined && stream.emit === protoEmit) {
      const h = events.readable;
      if (typeof h === 'function') {
        const r = h.call(stream);
        if (r !== undefined && r !== null) listenerResult(stream, r, 'readable', []);
      } else if (h !== undefined) {
        stream.emit('readable');
      }
    } else {
      stream.emit('readable');
    }
    state.emittedReadable = false;
  }
  state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
  flow(stream);
}

// Reads ahead up to the high-water mark on the next tick.
function maybeReadMore(stream, state) {
  if (!state.readingMore && state.constructed) {
    state.readingMore = true;
    process.nextTick(maybeReadMoreNT, stream, state);
  }
}

function maybeReadMoreNT(stream, state) {
  while (!state.reading && !state.ended &&
         (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;  // _read() gave nothing synchronously
  }
  state.readingMore = false;
}

Readable.prototype._read = function _read(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

Readable.prototype.pipe = function pipe(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;
  if (state.pipes.length === 1 && !state.multiAwaitDrain) {
    state.multiAwaitDrain = true;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
    dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }

  function onend() {
    dest.end();
  }

  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    // If we were waiting for this destination to drain, stop waiting.
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain)) {
      ondrain();
    }
  }

  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    try {
      if (dest.write(chunk) === false) pause();
    } catch (err) {
      // A chunk the destination rejects (or a throwing _write) fails it.
      dest.destroy(err);
    }
  }

  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) destroyImpl.errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  prependListener(dest, 'error', onerror);

  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && hasDataListener(src)) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function unpipe(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && state[kPaused] === false) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

function nReadingNextTick(self) {
  self.read(0);
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    // With a 'readable' listener, resume() does not start flowing.
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resumeNT, this, state);
    }
  }
  state[kPaused] = false;
  return this;
};

function resumeNT(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  // emit('resume'), skipped when nothing listens (a pipe's usual case).
  const events = stream._events;
  if (events === undefined || events.resume !== undefined || stream.emit !== protoEmit) stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    const events = this._events;
    if (events === undefined || events.pause !== undefined || this.emit !== protoEmit) this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

// Wraps an old-style stream (one that only emits 'data'/'end') in this
// Readable.
Readable.prototype.wrap = function wrap(stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => { this.push(null); });
  stream.on('error', (err) => { destroyImpl.errorOrDestroy(this, err); });
  stream.on('close', () => { this.destroy(); });
  stream.on('destroy', () => { this.destroy(); });
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  for (const key of Object.keys(stream)) {
    if (this[key] === undefined && typeof stream[key] === 'function') {
      this[key] = stream[key].bind(stream);
    }
  }
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function iterator(options) {
  if (options !== undefined) validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  // gonode's engine does not await return() when a for-await loop exits
  // early, so the generator's finally block would run only after the code
  // following the loop. Destroy here, synchronously, when the generator is
  // parked at a yield (started, no next() in flight), as node's user sees it.
  // (The engine also calls return() after a loop that ran to completion;
  // the generator is done then and nothing is destroyed.)
  let started = false;
  let done = false;
  let inFlight = 0;
  const next = iter.next;
  const ret = iter.return;
  iter.next = function(...args) {
    started = true;
    inFlight++;
    const p = Reflect.apply(next, this, args);
    p.then((res) => {
      inFlight--;
      if (res.done) done = true;
    }, () => {
      inFlight--;
      done = true;
    });
    return p;
  };
  iter.return = function(...args) {
    if (started && !done && inFlight === 0 && options?.destroyOnReturn !== false && !stream.destroyed) {
      destroyImpl.destroyer(stream, null);
    }
    return Reflect.apply(ret, this, args);
  };
  return iter;
}

async function* createAsyncIterator(stream, options) {
  let wake = nop;
  // As a 'readable' listener (this === stream) it wakes the waiting loop;
  // as a promise executor it registers the waiter.
  function next(resolve) {
    if (this === stream) {
      wake();
      wake = nop;
    } else {
      wake = resolve;
    }
  }
  stream.on('readable', next);
  let error;
  const cleanup = lazyEos()(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    wake();
    wake = nop;
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if ((error || options?.destroyOnReturn !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

function defineGetter(name, get, set) {
  const desc = { __proto__: null, enumerable: false, configurable: true, get };
  if (set) desc.set = set;
  Object.defineProperty(Readable.prototype, name, desc);
}

defineGetter('readable', function() {
  const r = this._readableState;
  return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
}, function(val) {
  if (this._readableState) this._readableState.readable = !!val;
});
defineGetter('readableDidRead', function() { return this._readableState.dataEmitted; });
defineGetter('readableAborted', function() {
  const r = this._readableState;
  return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
});
defineGetter('readableHighWaterMark', function() { return this._readableState.highWaterMark; });
defineGetter('readableBuffer', function() { return this._readableState && this._readableState.buffer; });
defineGetter('readableFlowing', function() { return this._readableState.flowing; }, function(state) {
  if (this._readableState) this._readableState.flowing = state;
});
defineGetter('readableLength', function() { return this._readableState.length; });
defineGetter('readableObjectMode', function() { return this._readableState ? this._readableState.objectMode : false; });
defineGetter('readableEncoding', function() { return this._readableState ? this._readableState.encoding : null; });
defineGetter('errored', function() { return this._readableState ? this._readableState.errored : null; });
defineGetter('closed', function() { return this._readableState ? this._readableState.closed : false; });
defineGetter('destroyed', function() {
  return this._readableState ? this._readableState.destroyed : false;
}, function(value) {
  if (this._readableState) this._readableState.destroyed = value;
});
defineGetter('readableEnded', function() { return this._readableState ? this._readableState.endEmitted : false; });

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    // (Called on every read() at the end: one queued check is enough,
    // the later ones would be no-ops. An HTTP request made four.)
    if (state.endQueued) return;
    state.endQueued = true;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  state.endQueued = false;
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      // Destroy only once the writable side (if any) is done too.
      const w = stream._writableState;
      const done = !w || (w.autoDestroy && (w.finished || w.writable === false));
      if (done) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
}

Readable.prototype.compose = function compose(stream, options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
  const { isNodeStream, isWritable } = require('internal/streams/utils');
  if (isNodeStream(stream) && !isWritable(stream)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  const composed = require('internal/streams/compose')(this, stream);
  if (options?.signal) {
    require('internal/streams/add-abort-signal').addAbortSignalNoValidate(options.signal, composed);
  }
  return composed;
};

Readable.from = function(iterable, opts) {
  return require('internal/streams/from')(Readable, iterable, opts);
};

Readable.fromWeb = function fromWeb(readableStream, options) {
  return require('internal/webstreams/adapters').newStreamReadableFromReadableStream(readableStream, options);
};
Readable.toWeb = function toWeb(streamReadable, options) {
  return require('internal/webstreams/adapters').newReadableStreamFromStreamReadable(streamReadable, options);
};

// Wraps an old-style stream in a new Readable.
Readable.wrap = function(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

Readable._fromList = fromList;
Readable[kStreamInternals] = { maybeReadMore, kPaused };

module.exports = Readable;
