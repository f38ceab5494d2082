'use strict';
// ReadableStream (WHATWG Streams): default and byte streams, their readers
// and controllers, tee, pipeTo/pipeThrough, async iteration and from().

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_ILLEGAL_CONSTRUCTOR, ERR_OUT_OF_RANGE, ERR_ARG_NOT_ITERABLE,
  },
} = require('internal/errors');
const {
  kState, customInspect, noop, deferred, resolvedDeferred, rejectedDeferred, setPromiseHandled,
  promiseCall, invalidState, invalidThis, extractHighWaterMark, extractSizeAlgorithm,
  enqueueValueWithSize, dequeueValue, resetQueue, isArrayBufferView, transferArrayBuffer,
  inspectObject, validateDictionary,
} = require('internal/webstreams/util');

const kCancel = Symbol('kCancel');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');

let writable;
function lazyWritable() {
  if (!writable) writable = require('internal/webstreams/writablestream');
  return writable;
}

function isReadableStream(v) {
  return typeof v === 'object' && v !== null && v[kState] !== undefined && v[kState].kind === 'ReadableStream';
}

function checkThis(self, kind) {
  if (typeof self !== 'object' || self === null || self[kState] === undefined || self[kState].kind !== kind) {
    throw invalidThis(kind);
  }
  return self[kState];
}

function rejectThis(self, kind) {
  try {
    checkThis(self, kind);
    return undefined;
  } catch (e) {
    return Promise.reject(e);
  }
}

// ---------------------------------------------------------------------------
// ReadableStream

function newStreamState() {
  return {
    kind: 'ReadableStream', state: 'readable', reader: undefined, storedError: undefined,
    disturbed: false, controller: undefined, closedWatch: watchDeferred(),
  };
}

class ReadableStream {
  constructor(underlyingSource = undefined, strategy = undefined) {
    validateDictionary(underlyingSource, 'source', false);
    validateDictionary(strategy, 'strategy', true);
    this[kState] = newStreamState();
    const source = underlyingSource || {};
    const type = source.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy != null && strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      const hwm = extractHighWaterMark(strategy, 0);
      setUpByteControllerFromSource(this, source, hwm);
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      const size = extractSizeAlgorithm(strategy);
      const hwm = extractHighWaterMark(strategy, 1);
      setUpDefaultControllerFromSource(this, source, hwm, size);
    }
  }

  get locked() {
    return checkThis(this, 'ReadableStream').reader !== undefined;
  }

  cancel(reason = undefined) {
    const bad = rejectThis(this, 'ReadableStream');
    if (bad) return bad;
    if (this[kState].reader !== undefined) return Promise.reject(invalidState('ReadableStream is locked'));
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    checkThis(this, 'ReadableStream');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const mode = options == null ? undefined : options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = undefined) {
    checkThis(this, 'ReadableStream');
    if (transform == null || typeof transform !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('transform', 'Object', transform);
    }
    const { readable, writable: dest } = transform;
    if (!isReadableStream(readable)) throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    if (!lazyWritable().isWritableStream(dest)) {
      throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', dest);
    }
    const opts = pipeOptions(options);
    if (this[kState].reader !== undefined) throw invalidState('The ReadableStream is locked');
    if (dest[kState].writer !== undefined) throw invalidState('The WritableStream is locked');
    const p = readableStreamPipeTo(this, dest, opts.preventClose, opts.preventAbort, opts.preventCancel, opts.signal);
    setPromiseHandled(p);
    return readable;
  }

  pipeTo(destination, options = undefined) {
    const bad = rejectThis(this, 'ReadableStream');
    if (bad) return bad;
    try {
      if (!lazyWritable().isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', destination);
      }
      const opts = pipeOptions(options);
      if (this[kState].reader !== undefined) throw invalidState('The ReadableStream is locked');
      if (destination[kState].writer !== undefined) throw invalidState('The WritableStream is locked');
      return readableStreamPipeTo(this, destination, opts.preventClose, opts.preventAbort,
                                  opts.preventCancel, opts.signal);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  tee() {
    checkThis(this, 'ReadableStream');
    if (this[kState].reader !== undefined) throw invalidState('ReadableStream is locked');
    return readableStreamTee(this);
  }

  values(options = undefined) {
    checkThis(this, 'ReadableStream');
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const preventCancel = !!(options && options.preventCancel);
    return createAsyncIterator(this, preventCancel);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  get [Symbol.toStringTag]() { return 'ReadableStream'; }

  [customInspect](depth, options) {
    const s = this[kState];
    return inspectObject(this, this.constructor.name, {
      locked: s.reader !== undefined,
      state: s.state,
      supportsBYOB: s.controller instanceof ReadableByteStreamController,
    }, depth, options);
  }
}
ReadableStream.prototype[Symbol.asyncIterator] = ReadableStream.prototype.values;
{
  // The state node:stream's helpers (finished, isReadable...) look for.
  const { kIsDisturbed, kIsErrored, kIsReadable } = require('internal/streams/utils');
  Object.defineProperties(ReadableStream.prototype, {
    [kIsDisturbed]: { get() { return this[kState].disturbed; }, configurable: true },
    [kIsErrored]: { get() { return this[kState].state === 'errored'; }, configurable: true },
    [kIsReadable]: { get() { return this[kState].state === 'readable'; }, configurable: true },
  });
}
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, { enumerable: false });
Object.defineProperty(ReadableStream.prototype, Symbol.toStringTag, {
  value: 'ReadableStream', configurable: true, writable: false, enumerable: false,
});

function pipeOptions(options) {
  if (options == null) options = {};
  else if (typeof options !== 'object' && typeof options !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const signal = options.signal;
  if (signal !== undefined) {
    const { AbortSignal } = require('internal/abort_controller');
    if (!(signal instanceof AbortSignal)) throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  return {
    preventAbort: !!options.preventAbort,
    preventCancel: !!options.preventCancel,
    preventClose: !!options.preventClose,
    signal,
  };
}

// Creates a stream whose controller is already set up (internal use).
function createReadableStream(start, pull, cancel, hwm = 1, size = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kState] = newStreamState();
  const c = Object.create(ReadableStreamDefaultController.prototype);
  setUpDefaultController(stream, c, start, pull, cancel, hwm, size);
  return stream;
}

function createReadableByteStream(start, pull, cancel, hwm = 0, autoAllocateChunkSize = undefined) {
  const stream = Object.create(ReadableStream.prototype);
  stream[kState] = newStreamState();
  const c = Object.create(ReadableByteStreamController.prototype);
  setUpByteController(stream, c, start, pull, cancel, hwm, autoAllocateChunkSize);
  return stream;
}

function isLocked(stream) {
  return stream[kState].reader !== undefined;
}

function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  readableStreamClose(stream);
  const reader = s.reader;
  if (reader !== undefined && reader[kState].kind === 'ReadableStreamBYOBReader') {
    const reqs = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const r of reqs) r.close(undefined);
  }
  return s.controller[kCancel](reason).then(noop);
}

function watchDeferred() {
  const d = deferred();
  setPromiseHandled(d.promise);
  return d;
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  s.closedWatch.resolve(undefined);
  const reader = s.reader;
  if (reader === undefined) return;
  const rs = reader[kState];
  rs.closed.resolve(undefined);
  if (rs.kind === 'ReadableStreamDefaultReader') {
    const reqs = rs.readRequests;
    rs.readRequests = [];
    for (const r of reqs) r.close();
  }
}

function readableStreamError(stream, e) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = e;
  s.closedWatch.reject(e);
  const reader = s.reader;
  if (reader === undefined) return;
  const rs = reader[kState];
  rs.closed.reject(e);
  setPromiseHandled(rs.closed.promise);
  if (rs.kind === 'ReadableStreamDefaultReader') {
    errorReadRequests(reader, e);
  } else {
    errorReadIntoRequests(reader, e);
  }
}

function errorReadRequests(reader, e) {
  const reqs = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const r of reqs) r.error(e);
}

function errorReadIntoRequests(reader, e) {
  const reqs = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (const r of reqs) r.error(e);
}

function fulfillReadRequest(stream, chunk, done) {
  const r = stream[kState].reader[kState].readRequests.shift();
  if (done) r.close();
  else r.chunk(chunk);
}

function fulfillReadIntoRequest(stream, chunk, done) {
  const r = stream[kState].reader[kState].readIntoRequests.shift();
  if (done) r.close(chunk);
  else r.chunk(chunk);
}

function numReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function numReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function hasDefaultReader(stream) {
  const r = stream[kState].reader;
  return r !== undefined && r[kState].kind === 'ReadableStreamDefaultReader';
}

function hasBYOBReader(stream) {
  const r = stream[kState].reader;
  return r !== undefined && r[kState].kind === 'ReadableStreamBYOBReader';
}

// ---------------------------------------------------------------------------
// Readers

function readerGenericInitialize(reader, stream, kind) {
  const s = stream[kState];
  const rs = { kind, stream, closed: undefined, readRequests: [], readIntoRequests: [] };
  reader[kState] = rs;
  s.reader = reader;
  if (s.state === 'readable') rs.closed = deferred();
  else if (s.state === 'closed') rs.closed = resolvedDeferred(undefined);
  else rs.closed = rejectedDeferred(s.storedError);
}

function readerGenericRelease(reader) {
  const rs = reader[kState];
  const stream = rs.stream;
  const err = invalidState('Releasing reader');
  if (stream[kState].state === 'readable' && !rs.closed.settled) rs.closed.reject(err);
  else rs.closed = rejectedDeferred(err);
  setPromiseHandled(rs.closed.promise);
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  rs.stream = undefined;
}

function defaultReaderRelease(reader) {
  readerGenericRelease(reader);
  errorReadRequests(reader, invalidState('Releasing reader'));
}

function byobReaderRelease(reader) {
  readerGenericRelease(reader);
  errorReadIntoRequests(reader, invalidState('Releasing reader'));
}

function defaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') readRequest.close();
  else if (s.state === 'errored') readRequest.error(s.storedError);
  else s.controller[kPull](readRequest);
}

function promiseReadRequest() {
  const d = deferred();
  return {
    promise: d.promise,
    chunk(value) { d.resolve({ value, done: false }); },
    fromQueue(value) { d.resolve({ done: false, value }); },
    close() { d.resolve({ value: undefined, done: true }); },
    error(e) { d.reject(e); },
  };
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (isLocked(stream)) throw invalidState('ReadableStream is locked');
    readerGenericInitialize(this, stream, 'ReadableStreamDefaultReader');
  }

  read() {
    const bad = rejectThis(this, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const req = promiseReadRequest();
    defaultReaderRead(this, req);
    return req.promise;
  }

  releaseLock() {
    const rs = checkThis(this, 'ReadableStreamDefaultReader');
    if (rs.stream === undefined) return;
    defaultReaderRelease(this);
  }

  get closed() {
    const bad = rejectThis(this, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    const bad = rejectThis(this, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamCancel(this[kState].stream, reason);
  }

  [customInspect](depth, options) {
    const rs = this[kState];
    return inspectObject(this, this.constructor.name, {
      stream: rs.stream, readRequests: rs.readRequests.length, close: rs.closed.promise,
    }, depth, options);
  }
}
Object.defineProperty(ReadableStreamDefaultReader.prototype, Symbol.toStringTag, {
  value: 'ReadableStreamDefaultReader', configurable: true,
});

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    if (isLocked(stream)) throw invalidState('ReadableStream is locked');
    if (!(stream[kState].controller instanceof ReadableByteStreamController)) {
      throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    readerGenericInitialize(this, stream, 'ReadableStreamBYOBReader');
  }

  read(view, options = undefined) {
    const bad = rejectThis(this, 'ReadableStreamBYOBReader');
    if (bad) return bad;
    if (!isArrayBufferView(view)) {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (options != null && typeof options !== 'object' && typeof options !== 'function') {
      return Promise.reject(new ERR_INVALID_ARG_TYPE('options', 'Object', options));
    }
    let min = options == null || options.min === undefined ? 1 : Number(options.min);
    if (view.byteLength === 0) {
      return Promise.reject(invalidState('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (view.buffer.byteLength === 0 || view.buffer.detached) {
      return Promise.reject(invalidState('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    if (!Number.isFinite(min) || min <= 0 || Math.trunc(min) !== min) {
      if (min === 0) {
        return Promise.reject(new ERR_INVALID_ARG_VALUE.TypeError('options.min', min, 'must be greater than 0'));
      }
      return Promise.reject(new ERR_OUT_OF_RANGE('options.min', '> 0', min));
    }
    min = Math.trunc(min);
    if (view instanceof DataView ? min > view.byteLength : min > view.length) {
      const what = view instanceof DataView ? 'view.byteLength' : 'view.length';
      return Promise.reject(new ERR_OUT_OF_RANGE('options.min', `<= ${what}`, min));
    }
    const rs = this[kState];
    if (rs.stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    const d = deferred();
    const req = {
      chunk(value) { d.resolve({ value, done: false }); },
      close(value) { d.resolve({ value, done: true }); },
      error(e) { d.reject(e); },
    };
    byobReaderRead(this, view, min, req);
    return d.promise;
  }

  releaseLock() {
    const rs = checkThis(this, 'ReadableStreamBYOBReader');
    if (rs.stream === undefined) return;
    byobReaderRelease(this);
  }

  get closed() {
    const bad = rejectThis(this, 'ReadableStreamBYOBReader');
    if (bad) return bad;
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    const bad = rejectThis(this, 'ReadableStreamBYOBReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('The reader is not attached to a stream'));
    }
    return readableStreamCancel(this[kState].stream, reason);
  }

  [customInspect](depth, options) {
    const rs = this[kState];
    return inspectObject(this, this.constructor.name, {
      stream: rs.stream, readIntoRequests: rs.readIntoRequests.length, close: rs.closed.promise,
    }, depth, options);
  }
}
Object.defineProperty(ReadableStreamBYOBReader.prototype, Symbol.toStringTag, {
  value: 'ReadableStreamBYOBReader', configurable: true,
});

function byobReaderRead(reader, view, min, req) {
  const stream = reader[kState].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'errored') req.error(s.storedError);
  else byteControllerPullInto(s.controller, view, min, req);
}

// ---------------------------------------------------------------------------
// ReadableStreamDefaultController

class ReadableStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    checkThis(this, 'ReadableStreamDefaultController');
    return defaultControllerGetDesiredSize(this);
  }

  close() {
    checkThis(this, 'ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    defaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    checkThis(this, 'ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    defaultControllerEnqueue(this, chunk);
  }

  error(e = undefined) {
    checkThis(this, 'ReadableStreamDefaultController');
    defaultControllerError(this, e);
  }

  [kCancel](reason) {
    const c = this[kState];
    resetQueue(c);
    const result = c.cancelAlgorithm(reason);
    defaultControllerClearAlgorithms(this);
    return result;
  }

  [kPull](readRequest) {
    const c = this[kState];
    if (c.queue.length > 0) {
      const chunk = dequeueValue(c);
      if (c.closeRequested && c.queue.length === 0) {
        defaultControllerClearAlgorithms(this);
        readableStreamClose(c.stream);
      } else {
        defaultControllerCallPullIfNeeded(this);
      }
      if (readRequest.fromQueue) readRequest.fromQueue(chunk);
      else readRequest.chunk(chunk);
    } else {
      c.stream[kState].reader[kState].readRequests.push(readRequest);
      defaultControllerCallPullIfNeeded(this);
    }
  }

  [kRelease]() {}

  [customInspect]() {
    return `${this.constructor.name} {}`;
  }
}
Object.defineProperty(ReadableStreamDefaultController.prototype, Symbol.toStringTag, {
  value: 'ReadableStreamDefaultController', configurable: true,
});

function setUpDefaultControllerFromSource(stream, source, hwm, size) {
  const c = Object.create(ReadableStreamDefaultController.prototype);
  const { start, pull, cancel } = source;
  for (const [n, f] of [['source.start', start], ['source.pull', pull], ['source.cancel', cancel]]) {
    if (f !== undefined && typeof f !== 'function') throw new ERR_INVALID_ARG_TYPE(n, 'Function', f);
  }
  setUpDefaultController(stream, c,
                         start ? () => start.call(source, c) : noop,
                         pull ? () => promiseCall(pull, source, c) : () => Promise.resolve(),
                         cancel ? (r) => promiseCall(cancel, source, r) : () => Promise.resolve(),
                         hwm, size);
}

function setUpDefaultController(stream, c, start, pull, cancel, hwm, size) {
  c[kState] = {
    kind: 'ReadableStreamDefaultController', stream, queue: [], queueTotalSize: 0,
    started: false, closeRequested: false, pullAgain: false, pulling: false,
    strategySizeAlgorithm: size, strategyHWM: hwm, pullAlgorithm: pull, cancelAlgorithm: cancel,
  };
  stream[kState].controller = c;
  const startResult = start();
  Promise.resolve(startResult).then(() => {
    c[kState].started = true;
    defaultControllerCallPullIfNeeded(c);
  }, (r) => defaultControllerError(c, r));
}

function defaultControllerCallPullIfNeeded(controller) {
  const c = controller[kState];
  if (!defaultControllerShouldCallPull(controller)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      defaultControllerCallPullIfNeeded(controller);
    }
  }, (e) => defaultControllerError(controller, e));
}

function defaultControllerShouldCallPull(controller) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(controller)) return false;
  if (!c.started) return false;
  const stream = c.stream;
  if (isLocked(stream) && hasDefaultReader(stream) && numReadRequests(stream) > 0) return true;
  return defaultControllerGetDesiredSize(controller) > 0;
}

function defaultControllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function defaultControllerClose(controller) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    defaultControllerClearAlgorithms(controller);
    readableStreamClose(c.stream);
  }
}

function defaultControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const stream = c.stream;
  if (isLocked(stream) && hasDefaultReader(stream) && numReadRequests(stream) > 0) {
    fulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = c.strategySizeAlgorithm(chunk);
    } catch (e) {
      defaultControllerError(controller, e);
      throw e;
    }
    try {
      enqueueValueWithSize(c, chunk, size);
    } catch (e) {
      defaultControllerError(controller, e);
      throw e;
    }
  }
  defaultControllerCallPullIfNeeded(controller);
}

function defaultControllerError(controller, e) {
  const c = controller[kState];
  if (c.stream[kState].state !== 'readable') return;
  resetQueue(c);
  defaultControllerClearAlgorithms(controller);
  readableStreamError(c.stream, e);
}

function defaultControllerGetDesiredSize(controller) {
  const c = controller[kState];
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function defaultControllerHasBackpressure(controller) {
  return !defaultControllerShouldCallPull(controller);
}

function defaultControllerCanCloseOrEnqueue(controller) {
  const c = controller[kState];
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

// ---------------------------------------------------------------------------
// ReadableByteStreamController and ReadableStreamBYOBRequest

class ReadableStreamBYOBRequest {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    return checkThis(this, 'ReadableStreamBYOBRequest').view;
  }

  respond(bytesWritten) {
    const r = checkThis(this, 'ReadableStreamBYOBRequest');
    const n = Number(bytesWritten);
    if (!Number.isFinite(n) || n < 0) throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    if (r.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (r.view.buffer.detached || r.view.byteLength === 0 && r.view.buffer.byteLength === 0) {
      throw invalidState('The ArrayBuffer is detached');
    }
    byteControllerRespond(r.controller, Math.trunc(n));
  }

  respondWithNewView(view) {
    const r = checkThis(this, 'ReadableStreamBYOBRequest');
    if (!isArrayBufferView(view)) throw new ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    if (r.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (view.buffer.detached) throw invalidState('The ArrayBuffer is detached');
    byteControllerRespondWithNewView(r.controller, view);
  }

  [customInspect](depth, options) {
    const r = this[kState];
    return inspectObject(this, this.constructor.name, { view: r.view, controller: r.controller }, depth, options);
  }
}
Object.defineProperty(ReadableStreamBYOBRequest.prototype, Symbol.toStringTag, {
  value: 'ReadableStreamBYOBRequest', configurable: true,
});

class ReadableByteStreamController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    checkThis(this, 'ReadableByteStreamController');
    return byteControllerGetBYOBRequest(this);
  }

  get desiredSize() {
    checkThis(this, 'ReadableByteStreamController');
    return byteControllerGetDesiredSize(this);
  }

  close() {
    const c = checkThis(this, 'ReadableByteStreamController');
    if (c.closeRequested) throw invalidState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    byteControllerClose(this);
  }

  enqueue(chunk) {
    const c = checkThis(this, 'ReadableByteStreamController');
    if (!isArrayBufferView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('chunk', chunk, 'cannot be zero length');
    }
    if (c.closeRequested) throw invalidState('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    byteControllerEnqueue(this, chunk);
  }

  error(e = undefined) {
    checkThis(this, 'ReadableByteStreamController');
    byteControllerError(this, e);
  }

  [kCancel](reason) {
    const c = this[kState];
    byteControllerClearPendingPullIntos(this);
    resetQueue(c);
    const result = c.cancelAlgorithm(reason);
    byteControllerClearAlgorithms(this);
    return result;
  }

  [kPull](readRequest) {
    const c = this[kState];
    const stream = c.stream;
    if (c.queueTotalSize > 0) {
      byteControllerFillReadRequestFromQueue(this, readRequest);
      return;
    }
    const size = c.autoAllocateChunkSize;
    if (size !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(size);
      } catch (e) {
        readRequest.error(e);
        return;
      }
      c.pendingPullIntos.push({
        buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
        minimumFill: 1, elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
      });
    }
    stream[kState].reader[kState].readRequests.push(readRequest);
    byteControllerCallPullIfNeeded(this);
  }

  [kRelease]() {
    const c = this[kState];
    if (c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos[0];
      first.readerType = 'none';
      c.pendingPullIntos = [first];
    }
  }

  [customInspect]() {
    return `${this.constructor.name} {}`;
  }
}
Object.defineProperty(ReadableByteStreamController.prototype, Symbol.toStringTag, {
  value: 'ReadableByteStreamController', configurable: true,
});

function setUpByteControllerFromSource(stream, source, hwm) {
  const c = Object.create(ReadableByteStreamController.prototype);
  const { start, pull, cancel } = source;
  for (const [n, f] of [['source.start', start], ['source.pull', pull], ['source.cancel', cancel]]) {
    if (f !== undefined && typeof f !== 'function') throw new ERR_INVALID_ARG_TYPE(n, 'Function', f);
  }
  let auto = source.autoAllocateChunkSize;
  if (auto !== undefined) {
    auto = Number(auto);
    if (!Number.isInteger(auto) || auto <= 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  setUpByteController(stream, c,
                      start ? () => start.call(source, c) : noop,
                      pull ? () => promiseCall(pull, source, c) : () => Promise.resolve(),
                      cancel ? (r) => promiseCall(cancel, source, r) : () => Promise.resolve(),
                      hwm, auto);
}

function setUpByteController(stream, controller, start, pull, cancel, hwm, auto) {
  controller[kState] = {
    kind: 'ReadableByteStreamController', stream, queue: [], queueTotalSize: 0,
    byobRequest: null, pendingPullIntos: [], autoAllocateChunkSize: auto,
    started: false, closeRequested: false, pullAgain: false, pulling: false,
    strategyHWM: hwm, pullAlgorithm: pull, cancelAlgorithm: cancel,
  };
  stream[kState].controller = controller;
  Promise.resolve(start()).then(() => {
    controller[kState].started = true;
    byteControllerCallPullIfNeeded(controller);
  }, (r) => byteControllerError(controller, r));
}

function byteControllerCallPullIfNeeded(controller) {
  const c = controller[kState];
  if (!byteControllerShouldCallPull(controller)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      byteControllerCallPullIfNeeded(controller);
    }
  }, (e) => byteControllerError(controller, e));
}

function byteControllerShouldCallPull(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return false;
  if (c.closeRequested) return false;
  if (!c.started) return false;
  if (hasDefaultReader(stream) && numReadRequests(stream) > 0) return true;
  if (hasBYOBReader(stream) && numReadIntoRequests(stream) > 0) return true;
  return byteControllerGetDesiredSize(controller) > 0;
}

function byteControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function byteControllerClearPendingPullIntos(controller) {
  byteControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function byteControllerClose(controller) {
  const c = controller[kState];
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = invalidState('Partial read');
      byteControllerError(controller, e);
      throw e;
    }
  }
  byteControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function byteControllerCommitPullIntoDescriptor(stream, pid) {
  const done = stream[kState].state === 'closed';
  const view = byteControllerConvertPullIntoDescriptor(pid);
  if (pid.readerType === 'default') fulfillReadRequest(stream, view, done);
  else fulfillReadIntoRequest(stream, view, done);
}

function byteControllerConvertPullIntoDescriptor(pid) {
  const buffer = transferArrayBuffer(pid.buffer);
  if (pid.viewConstructor === Buffer) return Buffer.from(buffer, pid.byteOffset, pid.bytesFilled);
  return new pid.viewConstructor(buffer, pid.byteOffset, pid.bytesFilled / pid.elementSize);
}

function byteControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (buffer.detached) throw invalidState('chunk\'s buffer is detached');
  const transferred = transferArrayBuffer(buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.buffer.detached) throw invalidState('The BYOB request\'s buffer has been detached');
    byteControllerInvalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') byteControllerEnqueueDetachedPullIntoToQueue(controller, first);
  }
  if (hasDefaultReader(stream)) {
    byteControllerProcessReadRequestsUsingQueue(controller);
    if (numReadRequests(stream) === 0) {
      byteControllerEnqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) c.pendingPullIntos.shift();
      fulfillReadRequest(stream, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (hasBYOBReader(stream)) {
    byteControllerEnqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(controller);
    for (const pid of filled) byteControllerCommitPullIntoDescriptor(stream, pid);
  } else {
    byteControllerEnqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerEnqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const c = controller[kState];
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function byteControllerEnqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (e) {
    byteControllerError(controller, e);
    throw e;
  }
  byteControllerEnqueueChunkToQueue(controller, clone, 0, byteLength);
}

function byteControllerEnqueueDetachedPullIntoToQueue(controller, pid) {
  if (pid.bytesFilled > 0) {
    byteControllerEnqueueClonedChunkToQueue(controller, pid.buffer, pid.byteOffset, pid.bytesFilled);
  }
  controller[kState].pendingPullIntos.shift();
}

function byteControllerError(controller, e) {
  const c = controller[kState];
  if (c.stream[kState].state !== 'readable') return;
  byteControllerClearPendingPullIntos(controller);
  resetQueue(c);
  byteControllerClearAlgorithms(controller);
  readableStreamError(c.stream, e);
}

function byteControllerFillPullIntoDescriptorFromQueue(controller, pid) {
  const c = controller[kState];
  const maxBytesToCopy = Math.min(c.queueTotalSize, pid.byteLength - pid.bytesFilled);
  const maxBytesFilled = pid.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAligned = maxBytesFilled - (maxBytesFilled % pid.elementSize);
  if (maxAligned >= pid.minimumFill) {
    remaining = maxAligned - pid.bytesFilled;
    ready = true;
  }
  const dest = new Uint8Array(pid.buffer);
  while (remaining > 0) {
    const head = c.queue[0];
    const n = Math.min(remaining, head.byteLength);
    const destStart = pid.byteOffset + pid.bytesFilled;
    dest.set(new Uint8Array(head.buffer, head.byteOffset, n), destStart);
    if (head.byteLength === n) {
      c.queue.shift();
    } else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    c.queueTotalSize -= n;
    pid.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function byteControllerFillReadRequestFromQueue(controller, readRequest) {
  const c = controller[kState];
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(controller);
  const view = new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength);
  if (readRequest.fromQueue) readRequest.fromQueue(view);
  else readRequest.chunk(view);
}

function byteControllerGetBYOBRequest(controller) {
  const c = controller[kState];
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
                                first.byteLength - first.bytesFilled);
    const req = Object.create(ReadableStreamBYOBRequest.prototype);
    req[kState] = { kind: 'ReadableStreamBYOBRequest', controller, view };
    c.byobRequest = req;
  }
  return c.byobRequest;
}

function byteControllerGetDesiredSize(controller) {
  const c = controller[kState];
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function byteControllerHandleQueueDrain(controller) {
  const c = controller[kState];
  if (c.queueTotalSize === 0 && c.closeRequested) {
    byteControllerClearAlgorithms(controller);
    readableStreamClose(c.stream);
  } else {
    byteControllerCallPullIfNeeded(controller);
  }
}

function byteControllerInvalidateBYOBRequest(controller) {
  const c = controller[kState];
  if (c.byobRequest === null) return;
  c.byobRequest[kState].controller = undefined;
  c.byobRequest[kState].view = null;
  c.byobRequest = null;
}

function byteControllerProcessPullIntoDescriptorsUsingQueue(controller) {
  const c = controller[kState];
  const filled = [];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) break;
    const pid = c.pendingPullIntos[0];
    if (byteControllerFillPullIntoDescriptorFromQueue(controller, pid)) {
      c.pendingPullIntos.shift();
      filled.push(pid);
    }
  }
  return filled;
}

function byteControllerProcessReadRequestsUsingQueue(controller) {
  const c = controller[kState];
  const reader = c.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (c.queueTotalSize === 0) return;
    const req = reader[kState].readRequests.shift();
    byteControllerFillReadRequestFromQueue(controller, req);
  }
}

function byteControllerPullInto(controller, view, min, readIntoRequest) {
  const c = controller[kState];
  const stream = c.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (!(view instanceof DataView)) {
    elementSize = view.BYTES_PER_ELEMENT;
    ctor = view.constructor;
  }
  const minimumFill = min * elementSize;
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (e) {
    readIntoRequest.error(e);
    return;
  }
  const pid = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0,
    minimumFill, elementSize, viewConstructor: ctor, readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(pid);
    stream[kState].reader[kState].readIntoRequests.push(readIntoRequest);
    return;
  }
  if (stream[kState].state === 'closed') {
    readIntoRequest.close(ctor === Buffer ? Buffer.from(pid.buffer, pid.byteOffset, 0) :
      new ctor(pid.buffer, pid.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (byteControllerFillPullIntoDescriptorFromQueue(controller, pid)) {
      const filled = byteControllerConvertPullIntoDescriptor(pid);
      byteControllerHandleQueueDrain(controller);
      readIntoRequest.chunk(filled);
      return;
    }
    if (c.closeRequested) {
      const e = invalidState('ReadableStream is closed');
      byteControllerError(controller, e);
      readIntoRequest.error(e);
      return;
    }
  }
  c.pendingPullIntos.push(pid);
  stream[kState].reader[kState].readIntoRequests.push(readIntoRequest);
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespond(controller, bytesWritten) {
  const c = controller[kState];
  const first = c.pendingPullIntos[0];
  if (c.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten,
                                                'must be 0 when calling respond() on a closed stream');
    }
  } else {
    if (bytesWritten === 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten,
                                                'must be greater than 0 when calling respond() on a readable stream');
    }
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  byteControllerRespondInternal(controller, bytesWritten);
}

function byteControllerRespondInClosedState(controller, first) {
  const c = controller[kState];
  if (first.readerType === 'none') c.pendingPullIntos.shift();
  const stream = c.stream;
  if (hasBYOBReader(stream)) {
    while (numReadIntoRequests(stream) > 0) {
      byteControllerCommitPullIntoDescriptor(stream, c.pendingPullIntos.shift());
    }
  }
}

function byteControllerRespondInReadableState(controller, bytesWritten, pid) {
  const c = controller[kState];
  pid.bytesFilled += bytesWritten;
  if (pid.readerType === 'none') {
    byteControllerEnqueueDetachedPullIntoToQueue(controller, pid);
    const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(controller);
    for (const p of filled) byteControllerCommitPullIntoDescriptor(c.stream, p);
    return;
  }
  if (pid.bytesFilled < pid.minimumFill) return;
  c.pendingPullIntos.shift();
  const remainder = pid.bytesFilled % pid.elementSize;
  if (remainder > 0) {
    const end = pid.byteOffset + pid.bytesFilled;
    byteControllerEnqueueClonedChunkToQueue(controller, pid.buffer, end - remainder, remainder);
  }
  pid.bytesFilled -= remainder;
  const filled = byteControllerProcessPullIntoDescriptorsUsingQueue(controller);
  byteControllerCommitPullIntoDescriptor(c.stream, pid);
  for (const p of filled) byteControllerCommitPullIntoDescriptor(c.stream, p);
}

function byteControllerRespondInternal(controller, bytesWritten) {
  const c = controller[kState];
  const first = c.pendingPullIntos[0];
  byteControllerInvalidateBYOBRequest(controller);
  if (c.stream[kState].state === 'closed') byteControllerRespondInClosedState(controller, first);
  else byteControllerRespondInReadableState(controller, bytesWritten, first);
  byteControllerCallPullIfNeeded(controller);
}

function byteControllerRespondWithNewView(controller, view) {
  const c = controller[kState];
  const first = c.pendingPullIntos[0];
  if (c.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('view', view, 'must have a byteLength of 0 on a closed stream');
    }
  } else if (view.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE.TypeError('view', view, 'must not be zero length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'has an invalid byteOffset');
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'has an invalid buffer byteLength');
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'is too large');
  }
  const n = view.byteLength;
  first.buffer = transferArrayBuffer(view.buffer);
  byteControllerRespondInternal(controller, n);
}

// ---------------------------------------------------------------------------
// tee

function readableStreamTee(stream) {
  const isBytes = stream[kState].controller instanceof ReadableByteStreamController;
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = deferred();

  const enqueue = (branch, chunk) => {
    const ctrl = branch[kState].controller;
    if (isBytes) byteControllerEnqueue(ctrl, chunk);
    else defaultControllerEnqueue(ctrl, chunk);
  };
  const close = (branch) => {
    const ctrl = branch[kState].controller;
    if (isBytes) {
      byteControllerClose(ctrl);
      if (ctrl[kState].pendingPullIntos.length > 0) byteControllerRespond(ctrl, 0);
    } else {
      defaultControllerClose(ctrl);
    }
  };
  const error = (branch, e) => {
    const ctrl = branch[kState].controller;
    if (isBytes) byteControllerError(ctrl, e);
    else defaultControllerError(ctrl, e);
  };

  function pull() {
    if (reading) {
      readAgain = true;
      return Promise.resolve();
    }
    reading = true;
    defaultReaderRead(reader, {
      chunk(chunk) {
        queueMicrotask(() => {
          readAgain = false;
          let chunk2 = chunk;
          if (isBytes && !canceled1 && !canceled2) chunk2 = new Uint8Array(chunk);
          try {
            if (!canceled1) enqueue(branch1, chunk);
            if (!canceled2) enqueue(branch2, chunk2);
          } catch {
            // the branch errored itself
          }
          reading = false;
          if (readAgain) pull();
        });
      },
      close() {
        reading = false;
        if (!canceled1) close(branch1);
        if (!canceled2) close(branch2);
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      },
      error() {
        reading = false;
      },
    });
    return Promise.resolve();
  }

  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }
  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  if (isBytes) {
    branch1 = createReadableByteStream(noop, pull, cancel1);
    branch2 = createReadableByteStream(noop, pull, cancel2);
  } else {
    branch1 = createReadableStream(noop, pull, cancel1);
    branch2 = createReadableStream(noop, pull, cancel2);
  }
  reader[kState].closed.promise.then(undefined, (r) => {
    error(branch1, r);
    error(branch2, r);
    if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
  });
  return [branch1, branch2];
}

// ---------------------------------------------------------------------------
// pipeTo

function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
  const W = lazyWritable();
  const reader = new ReadableStreamDefaultReader(source);
  const writer = W.acquireWriter(dest);
  source[kState].disturbed = true;
  const done = deferred();
  let shuttingDown = false;
  let currentWrite = Promise.resolve();
  let abortAlgorithm;

  function finalize(isError, error) {
    W.writerRelease(writer);
    defaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) done.reject(error);
    else done.resolve(undefined);
  }

  function waitForWrites() {
    const w = currentWrite;
    return w.then(() => (w !== currentWrite ? waitForWrites() : undefined));
  }

  function destWritable() {
    return dest[kState].state === 'writable' && !W.closeQueuedOrInFlight(dest);
  }

  function shutdownWithAction(action, isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => {
      let p;
      try {
        p = Promise.resolve(action());
      } catch (e) {
        p = Promise.reject(e);
      }
      p.then(() => finalize(isError, error), (e) => finalize(true, e));
    };
    if (destWritable()) waitForWrites().then(run);
    else run();
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    if (destWritable()) waitForWrites().then(() => finalize(isError, error));
    else finalize(isError, error);
  }

  if (signal !== undefined) {
    abortAlgorithm = () => {
      let error = signal.reason;
      // node's own AbortError becomes the DOMException the spec expects.
      if (error instanceof Error && error.name === 'AbortError' && !(error instanceof DOMException)) {
        error = new DOMException(error.message, 'AbortError');
      }
      shutdownWithAction(() => {
        const actions = [];
        if (!preventAbort) {
          actions.push(dest[kState].state === 'writable' ? W.writableStreamAbort(dest, error) : Promise.resolve());
        }
        if (!preventCancel) {
          actions.push(source[kState].state === 'readable' ? readableStreamCancel(source, error) : Promise.resolve());
        }
        return Promise.all(actions);
      }, true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return done.promise;
    }
    signal.addEventListener('abort', abortAlgorithm);
  }

  function onSourceErrored(e) {
    if (!preventAbort) shutdownWithAction(() => W.writableStreamAbort(dest, e), true, e);
    else shutdown(true, e);
  }
  function onDestErrored(e) {
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, e), true, e);
    else shutdown(true, e);
  }
  function onSourceClosed() {
    if (!preventClose) shutdownWithAction(() => W.writerCloseWithErrorPropagation(writer), false);
    else shutdown(false);
  }
  function onDestClosed() {
    const e = invalidState('the destination writable stream closed before all the data could be piped to it');
    if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, e), true, e);
    else shutdown(true, e);
  }

  // Initial states, in the spec's order.
  const ss = source[kState];
  const ds = dest[kState];
  if (ss.state === 'errored') onSourceErrored(ss.storedError);
  else if (ds.state === 'errored' || ds.state === 'erroring') onDestErrored(ds.storedError);
  else if (ss.state === 'closed') onSourceClosed();
  else if (W.closeQueuedOrInFlight(dest) || ds.state === 'closed') onDestClosed();
  if (shuttingDown) return done.promise;

  reader[kState].closed.promise.then(() => {
    if (!shuttingDown) onSourceClosed();
  }, (e) => {
    if (!shuttingDown) onSourceErrored(e);
  });
  W.writerClosedPromise(writer).then(() => {}, (e) => {
    if (!shuttingDown) onDestErrored(e);
  });

  function step() {
    if (shuttingDown) return;
    W.writerReadyPromise(writer).then(() => {
      if (shuttingDown) return;
      defaultReaderRead(reader, {
        chunk(chunk) {
          currentWrite = W.writerWrite(writer, chunk).then(noop, noop);
          step();
        },
        close() {},
        error() {},
      });
    }, noop);
  }
  step();
  return done.promise;
}

// ---------------------------------------------------------------------------
// Async iteration

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

const ReadableStreamAsyncIteratorPrototype = Object.setPrototypeOf({
  next() {
    const it = this[kState];
    return chainIteratorStep(it, () => nextStep(it));
  },
  return(value = undefined) {
    const it = this[kState];
    return chainIteratorStep(it, () => returnStep(it, value));
  },
}, AsyncIteratorPrototype);
Object.defineProperty(ReadableStreamAsyncIteratorPrototype, Symbol.toStringTag, {
  value: 'ReadableStreamAsyncIterator', configurable: true,
});

// Runs step after the ongoing one (if any); the ongoing promise is
// forgotten once settled, so a lone return() runs at once.
function chainIteratorStep(it, step) {
  const p = it.ongoing ? it.ongoing.then(step, step) : step();
  it.ongoing = p;
  const clear = () => {
    if (it.ongoing === p) it.ongoing = undefined;
  };
  p.then(clear, clear);
  return p;
}

function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const it = Object.create(ReadableStreamAsyncIteratorPrototype);
  it[kState] = { reader, preventCancel, done: false, ongoing: undefined };
  return it;
}

function nextStep(it) {
  if (it.done) return Promise.resolve({ done: true, value: undefined });
  const reader = it.reader;
  if (reader[kState].stream === undefined) {
    return Promise.reject(invalidState('The reader is not attached to a stream'));
  }
  const d = deferred();
  defaultReaderRead(reader, {
    chunk(value) {
      d.resolve({ value, done: false });
    },
    close() {
      it.done = true;
      defaultReaderRelease(reader);
      d.resolve({ done: true, value: undefined });
    },
    error(e) {
      it.done = true;
      defaultReaderRelease(reader);
      d.reject(e);
    },
  });
  return d.promise;
}

function returnStep(it, value) {
  if (it.done) return Promise.resolve({ done: true, value });
  it.done = true;
  const reader = it.reader;
  if (reader[kState].stream === undefined) {
    return Promise.reject(invalidState('The reader is not attached to a stream'));
  }
  if (!it.preventCancel) {
    const result = readableStreamCancel(reader[kState].stream, value);
    defaultReaderRelease(reader);
    return result.then(() => ({ done: true, value }));
  }
  defaultReaderRelease(reader);
  return Promise.resolve({ done: true, value });
}

// ---------------------------------------------------------------------------
// ReadableStream.from

function readableStreamFromIterable(iterable) {
  if (iterable == null) throw new ERR_ARG_NOT_ITERABLE(String(iterable));
  let method = iterable[Symbol.asyncIterator];
  let iterator;
  if (method == null) {
    const sync = iterable[Symbol.iterator];
    if (typeof sync !== 'function') {
      throw new ERR_ARG_NOT_ITERABLE(typeof iterable === 'object' ? 'object' : String(iterable));
    }
    const syncIt = sync.call(iterable);
    if (syncIt === null || typeof syncIt !== 'object') throw invalidState('The iterator method must return an object');
    iterator = {
      next(v) {
        const r = syncIt.next(v);
        if (r === null || typeof r !== 'object') throw new TypeError(`Iterator result ${String(r)} is not an object`);
        return Promise.resolve(r.value).then((value) => ({ value, done: r.done }));
      },
      return(v) {
        const ret = syncIt.return;
        if (ret == null) return Promise.resolve({ value: v, done: true });
        return Promise.resolve(ret.call(syncIt, v));
      },
    };
  } else {
    if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE(String(iterable));
    iterator = method.call(iterable);
    if (iterator === null || typeof iterator !== 'object') {
      throw invalidState('The iterator method must return an object');
    }
  }
  const nextMethod = iterator.next;
  let stream;
  const pull = () => {
    let p;
    try {
      p = Promise.resolve(nextMethod.call(iterator));
    } catch (e) {
      return Promise.reject(e);
    }
    return p.then((result) => {
      if (result === null || typeof result !== 'object') {
        throw new TypeError(`Iterator result ${String(result)} is not an object`);
      }
      const c = stream[kState].controller;
      if (result.done) defaultControllerClose(c);
      else defaultControllerEnqueue(c, result.value);
    });
  };
  const cancel = (reason) => {
    let ret;
    try {
      ret = iterator.return;
      if (ret == null) return Promise.resolve();
      return Promise.resolve(ret.call(iterator, reason)).then((r) => {
        if (r === null || typeof r !== 'object') throw new TypeError(`Iterator result ${String(r)} is not an object`);
      });
    } catch (e) {
      return Promise.reject(e);
    }
  };
  stream = createReadableStream(noop, pull, cancel, 0);
  return stream;
}

module.exports = {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
  ReadableStreamDefaultController, ReadableByteStreamController,
  isReadableStream, createReadableStream, createReadableByteStream, readableStreamCancel,
  readableStreamClose, isLocked, defaultReaderRead, defaultReaderRelease,
  defaultControllerEnqueue, defaultControllerClose, defaultControllerError,
  defaultControllerGetDesiredSize, defaultControllerHasBackpressure, defaultControllerCanCloseOrEnqueue,
  byteControllerEnqueue, byteControllerClose, byteControllerError,
};
