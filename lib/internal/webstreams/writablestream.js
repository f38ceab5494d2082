'use strict';
// WritableStream (WHATWG Streams): the stream, its default writer and its
// default controller.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  kState, customInspect, noop, deferred, resolvedDeferred, rejectedDeferred, setPromiseHandled,
  promiseCall, invalidState, invalidThis, extractHighWaterMark, extractSizeAlgorithm,
  enqueueValueWithSize, dequeueValue, peekQueueValue, resetQueue, inspectObject, validateDictionary,
} = require('internal/webstreams/util');

const kAbort = Symbol('kAbort');
const kError = Symbol('kError');
const kCloseSentinel = Symbol('kCloseSentinel');

function isWritableStream(v) {
  return typeof v === 'object' && v !== null && v[kState] !== undefined && v[kState].kind === 'WritableStream';
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

function newStreamState() {
  return {
    kind: 'WritableStream', state: 'writable', storedError: undefined, writer: undefined,
    controller: undefined, inFlightWriteRequest: undefined, closeRequest: undefined,
    inFlightCloseRequest: undefined, pendingAbortRequest: undefined, writeRequests: [],
    backpressure: false, closedWatch: deferred(),
  };
}

class WritableStream {
  constructor(underlyingSink = undefined, strategy = undefined) {
    validateDictionary(underlyingSink, 'sink', false);
    validateDictionary(strategy, 'strategy', true);
    const sink = underlyingSink || {};
    if (sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    this[kState] = newStreamState();
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpControllerFromSink(this, sink, hwm, size);
  }

  get locked() {
    return checkThis(this, 'WritableStream').writer !== undefined;
  }

  abort(reason = undefined) {
    const bad = rejectThis(this, 'WritableStream');
    if (bad) return bad;
    if (this[kState].writer !== undefined) return Promise.reject(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    const bad = rejectThis(this, 'WritableStream');
    if (bad) return bad;
    if (this[kState].writer !== undefined) return Promise.reject(invalidState('WritableStream is locked'));
    if (closeQueuedOrInFlight(this)) return Promise.reject(invalidState('Failure closing WritableStream'));
    return writableStreamClose(this);
  }

  getWriter() {
    checkThis(this, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [customInspect](depth, options) {
    const s = this[kState];
    return inspectObject(this, this.constructor.name, {
      locked: s.writer !== undefined, state: s.state,
    }, depth, options);
  }
}
{
  // The state node:stream's helpers (finished, isWritable...) look for.
  const { kIsErrored, kIsWritable } = require('internal/streams/utils');
  Object.defineProperties(WritableStream.prototype, {
    [kIsErrored]: { get() { return this[kState].state === 'errored'; }, configurable: true },
    [kIsWritable]: { get() { return this[kState].state === 'writable'; }, configurable: true },
  });
}
Object.defineProperty(WritableStream.prototype, Symbol.toStringTag, {
  value: 'WritableStream', configurable: true,
});

function createWritableStream(start, write, close, abort, hwm = 1, size = () => 1) {
  const stream = Object.create(WritableStream.prototype);
  stream[kState] = newStreamState();
  const c = Object.create(WritableStreamDefaultController.prototype);
  setUpController(stream, c, start, write, close, abort, hwm, size);
  return stream;
}

function acquireWriter(stream) {
  return new WritableStreamDefaultWriter(stream);
}

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return Promise.resolve();
  s.controller[kState].abortController.abort(reason);
  const state = s.state;
  if (state === 'closed' || state === 'errored') return Promise.resolve();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const d = deferred();
  s.pendingAbortRequest = { promise: d, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return d.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  const d = deferred();
  s.closeRequest = d;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && s.state === 'writable') writer[kState].ready.resolve(undefined);
  controllerClose(s.controller);
  return d.promise;
}

function closeQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function dealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    startErroring(stream, error);
    return;
  }
  finishErroring(stream);
}

function finishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  s.closedWatch.reject(s.storedError);
  setPromiseHandled(s.closedWatch.promise);
  s.controller[kError]();
  const storedError = s.storedError;
  const reqs = s.writeRequests;
  s.writeRequests = [];
  for (const r of reqs) r.reject(storedError);
  if (s.pendingAbortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  s.controller[kAbort](abortRequest.reason).then(() => {
    abortRequest.promise.resolve(undefined);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.promise.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function finishInFlightClose(stream) {
  const s = stream[kState];
  s.inFlightCloseRequest.resolve(undefined);
  s.inFlightCloseRequest = undefined;
  if (s.state === 'erroring') {
    s.storedError = undefined;
    if (s.pendingAbortRequest !== undefined) {
      s.pendingAbortRequest.promise.resolve(undefined);
      s.pendingAbortRequest = undefined;
    }
  }
  s.state = 'closed';
  s.closedWatch.resolve(undefined);
  if (s.writer !== undefined) s.writer[kState].closed.resolve(undefined);
}

function finishInFlightCloseWithError(stream, error) {
  const s = stream[kState];
  s.inFlightCloseRequest.reject(error);
  s.inFlightCloseRequest = undefined;
  if (s.pendingAbortRequest !== undefined) {
    s.pendingAbortRequest.promise.reject(error);
    s.pendingAbortRequest = undefined;
  }
  dealWithRejection(stream, error);
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    const ws = writer[kState];
    if (!ws.closed.settled) ws.closed.reject(s.storedError);
    setPromiseHandled(ws.closed.promise);
  }
}

function startErroring(stream, reason) {
  const s = stream[kState];
  s.state = 'erroring';
  s.storedError = reason;
  if (s.writer !== undefined) writerEnsureReadyPromiseRejected(s.writer, reason);
  if (s.inFlightWriteRequest === undefined && s.inFlightCloseRequest === undefined &&
      s.controller[kState].started) {
    finishErroring(stream);
  }
}

function updateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) writer[kState].ready = deferred();
    else writer[kState].ready.resolve(undefined);
  }
  s.backpressure = backpressure;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultWriter

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    const s = stream[kState];
    if (s.writer !== undefined) throw invalidState('WritableStream is locked');
    const ws = { kind: 'WritableStreamDefaultWriter', stream, ready: undefined, closed: undefined };
    this[kState] = ws;
    s.writer = this;
    const state = s.state;
    if (state === 'writable') {
      ws.ready = !closeQueuedOrInFlight(stream) && s.backpressure ? deferred() : resolvedDeferred(undefined);
      ws.closed = deferred();
    } else if (state === 'erroring') {
      ws.ready = rejectedDeferred(s.storedError);
      ws.closed = deferred();
    } else if (state === 'closed') {
      ws.ready = resolvedDeferred(undefined);
      ws.closed = resolvedDeferred(undefined);
    } else {
      ws.ready = rejectedDeferred(s.storedError);
      ws.closed = rejectedDeferred(s.storedError);
    }
  }

  get closed() {
    const bad = rejectThis(this, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    return this[kState].closed.promise;
  }

  get ready() {
    const bad = rejectThis(this, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    return this[kState].ready.promise;
  }

  get desiredSize() {
    const ws = checkThis(this, 'WritableStreamDefaultWriter');
    if (ws.stream === undefined) throw invalidState('Writer is not bound to a WritableStream');
    return writerGetDesiredSize(this);
  }

  abort(reason = undefined) {
    const bad = rejectThis(this, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    const ws = this[kState];
    if (ws.stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    return writableStreamAbort(ws.stream, reason);
  }

  close() {
    const bad = rejectThis(this, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    const ws = this[kState];
    if (ws.stream === undefined) return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    if (closeQueuedOrInFlight(ws.stream)) return Promise.reject(invalidState('Failure to close WritableStream'));
    return writableStreamClose(ws.stream);
  }

  releaseLock() {
    const ws = checkThis(this, 'WritableStreamDefaultWriter');
    if (ws.stream === undefined) return;
    writerRelease(this);
  }

  write(chunk = undefined) {
    const bad = rejectThis(this, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    if (this[kState].stream === undefined) {
      return Promise.reject(invalidState('Writer is not bound to a WritableStream'));
    }
    return writerWrite(this, chunk);
  }

  [customInspect](depth, options) {
    const ws = this[kState];
    return inspectObject(this, this.constructor.name, {
      stream: ws.stream, close: ws.closed.promise, ready: ws.ready.promise,
      desiredSize: ws.stream === undefined ? undefined : writerGetDesiredSize(this),
    }, depth, options);
  }
}
Object.defineProperty(WritableStreamDefaultWriter.prototype, Symbol.toStringTag, {
  value: 'WritableStreamDefaultWriter', configurable: true,
});

function writerCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  if (closeQueuedOrInFlight(stream) || s.state === 'closed') return Promise.resolve();
  if (s.state === 'errored') return Promise.reject(s.storedError);
  return writableStreamClose(stream);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const ws = writer[kState];
  if (!ws.closed.settled) ws.closed.reject(error);
  else ws.closed = rejectedDeferred(error);
  setPromiseHandled(ws.closed.promise);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const ws = writer[kState];
  if (!ws.ready.settled) ws.ready.reject(error);
  else ws.ready = rejectedDeferred(error);
  setPromiseHandled(ws.ready.promise);
}

function writerGetDesiredSize(writer) {
  const s = writer[kState].stream[kState];
  if (s.state === 'errored' || s.state === 'erroring') return null;
  if (s.state === 'closed') return 0;
  return controllerGetDesiredSize(s.controller);
}

function writerRelease(writer) {
  const stream = writer[kState].stream;
  const err = invalidState('Writer has been released');
  writerEnsureReadyPromiseRejected(writer, err);
  writerEnsureClosedPromiseRejected(writer, err);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const controller = s.controller;
  const chunkSize = controllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) return Promise.reject(invalidState('Writer has been released'));
  if (s.state === 'errored') return Promise.reject(s.storedError);
  if (closeQueuedOrInFlight(stream) || s.state === 'closed') {
    return Promise.reject(invalidState('WritableStream is closed'));
  }
  if (s.state === 'erroring') return Promise.reject(s.storedError);
  const d = deferred();
  s.writeRequests.push(d);
  controllerWrite(controller, chunk, chunkSize);
  return d.promise;
}

function writerReadyPromise(writer) {
  return writer[kState].ready.promise;
}

function writerClosedPromise(writer) {
  return writer[kState].closed.promise;
}

// ---------------------------------------------------------------------------
// WritableStreamDefaultController

class WritableStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    return checkThis(this, 'WritableStreamDefaultController').abortController.signal;
  }

  error(e = undefined) {
    const c = checkThis(this, 'WritableStreamDefaultController');
    if (c.stream[kState].state !== 'writable') return;
    controllerError(this, e);
  }

  [kAbort](reason) {
    const result = this[kState].abortAlgorithm(reason);
    controllerClearAlgorithms(this);
    return result;
  }

  [kError]() {
    resetQueue(this[kState]);
  }

  [customInspect](depth, options) {
    return inspectObject(this, this.constructor.name, { stream: this[kState].stream }, depth, options);
  }
}
Object.defineProperty(WritableStreamDefaultController.prototype, Symbol.toStringTag, {
  value: 'WritableStreamDefaultController', configurable: true,
});

function setUpControllerFromSink(stream, sink, hwm, size) {
  const c = Object.create(WritableStreamDefaultController.prototype);
  const { start, write, close, abort } = sink;
  for (const [n, f] of [['sink.start', start], ['sink.write', write], ['sink.close', close], ['sink.abort', abort]]) {
    if (f !== undefined && typeof f !== 'function') throw new ERR_INVALID_ARG_TYPE(n, 'Function', f);
  }
  setUpController(stream, c,
                   start ? () => start.call(sink, c) : noop,
                   write ? (chunk) => promiseCall(write, sink, chunk, c) : () => Promise.resolve(),
                   close ? () => promiseCall(close, sink) : () => Promise.resolve(),
                   abort ? (r) => promiseCall(abort, sink, r) : () => Promise.resolve(),
                   hwm, size);
}

function setUpController(stream, controller, start, write, close, abort, hwm, size) {
  const { AbortController } = require('internal/abort_controller');
  const c = {
    kind: 'WritableStreamDefaultController', stream, queue: [], queueTotalSize: 0,
    abortController: new AbortController(), started: false,
    strategySizeAlgorithm: size, strategyHWM: hwm,
    writeAlgorithm: write, closeAlgorithm: close, abortAlgorithm: abort,
  };
  controller[kState] = c;
  stream[kState].controller = controller;
  updateBackpressure(stream, controllerGetBackpressure(controller));
  const startResult = start();
  Promise.resolve(startResult).then(() => {
    c.started = true;
    controllerAdvanceQueueIfNeeded(controller);
  }, (r) => {
    c.started = true;
    dealWithRejection(stream, r);
  });
}

function controllerAdvanceQueueIfNeeded(controller) {
  const c = controller[kState];
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started) return;
  if (s.inFlightWriteRequest !== undefined) return;
  if (s.state === 'closed' || s.state === 'errored') return;
  if (s.state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = peekQueueValue(c);
  if (value === kCloseSentinel) controllerProcessClose(controller);
  else controllerProcessWrite(controller, value);
}

function controllerClearAlgorithms(controller) {
  const c = controller[kState];
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function controllerClose(controller) {
  enqueueValueWithSize(controller[kState], kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(controller);
}

function controllerError(controller, e) {
  controllerClearAlgorithms(controller);
  startErroring(controller[kState].stream, e);
}

function controllerErrorIfNeeded(controller, e) {
  if (controller[kState].stream[kState].state === 'writable') controllerError(controller, e);
}

function controllerGetBackpressure(controller) {
  return controllerGetDesiredSize(controller) <= 0;
}

function controllerGetChunkSize(controller, chunk) {
  const c = controller[kState];
  if (c.strategySizeAlgorithm === undefined) return 1;
  try {
    return c.strategySizeAlgorithm(chunk);
  } catch (e) {
    controllerErrorIfNeeded(controller, e);
    return 1;
  }
}

function controllerGetDesiredSize(controller) {
  const c = controller[kState];
  return c.strategyHWM - c.queueTotalSize;
}

function controllerProcessClose(controller) {
  const c = controller[kState];
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
  dequeueValue(c);
  const p = c.closeAlgorithm();
  controllerClearAlgorithms(controller);
  p.then(() => finishInFlightClose(stream), (e) => finishInFlightCloseWithError(stream, e));
}

function controllerProcessWrite(controller, chunk) {
  const c = controller[kState];
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightWriteRequest = s.writeRequests.shift();
  c.writeAlgorithm(chunk).then(() => {
    s.inFlightWriteRequest.resolve(undefined);
    s.inFlightWriteRequest = undefined;
    dequeueValue(c);
    if (!closeQueuedOrInFlight(stream) && s.state === 'writable') {
      updateBackpressure(stream, controllerGetBackpressure(controller));
    }
    controllerAdvanceQueueIfNeeded(controller);
  }, (reason) => {
    if (s.state === 'writable') controllerClearAlgorithms(controller);
    s.inFlightWriteRequest.reject(reason);
    s.inFlightWriteRequest = undefined;
    dealWithRejection(stream, reason);
  });
}

function controllerWrite(controller, chunk, chunkSize) {
  const c = controller[kState];
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (e) {
    controllerErrorIfNeeded(controller, e);
    return;
  }
  const stream = c.stream;
  if (!closeQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    updateBackpressure(stream, controllerGetBackpressure(controller));
  }
  controllerAdvanceQueueIfNeeded(controller);
}

module.exports = {
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
  isWritableStream, createWritableStream, acquireWriter, writableStreamAbort, writableStreamClose,
  closeQueuedOrInFlight, writerRelease, writerWrite, writerCloseWithErrorPropagation,
  writerReadyPromise, writerClosedPromise, writerGetDesiredSize,
  controllerErrorIfNeeded, controllerError,
};
