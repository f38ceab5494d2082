'use strict';
// TransformStream (WHATWG Streams) and its default controller.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  kState, customInspect, noop, deferred, promiseCall, invalidState, invalidThis,
  extractHighWaterMark, extractSizeAlgorithm, inspectObject, validateDictionary,
} = require('internal/webstreams/util');
const R = require('internal/webstreams/readablestream');
const W = require('internal/webstreams/writablestream');

function checkThis(self, kind) {
  if (typeof self !== 'object' || self === null || self[kState] === undefined || self[kState].kind !== kind) {
    throw invalidThis(kind);
  }
  return self[kState];
}

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    validateDictionary(transformer, 'transformer', false);
    validateDictionary(writableStrategy, 'writableStrategy', true);
    validateDictionary(readableStrategy, 'readableStrategy', true);
    const t = transformer || {};
    if (t.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', t.readableType);
    }
    if (t.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', t.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const { start, transform, flush, cancel } = t;
    for (const [n, f] of [['transformer.start', start], ['transformer.transform', transform],
      ['transformer.flush', flush], ['transformer.cancel', cancel]]) {
      if (f !== undefined && typeof f !== 'function') throw new ERR_INVALID_ARG_TYPE(n, 'Function', f);
    }
    const startPromise = deferred();
    initialize(this, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
    const controller = Object.create(TransformStreamDefaultController.prototype);
    setUpController(this, controller,
                    transform ? (chunk) => promiseCall(transform, t, chunk, controller) : undefined,
                    flush ? () => promiseCall(flush, t, controller) : () => Promise.resolve(),
                    cancel ? (r) => promiseCall(cancel, t, r) : () => Promise.resolve());
    if (start) {
      try {
        startPromise.resolve(start.call(t, controller));
      } catch (e) {
        startPromise.reject(e);
        startPromise.promise.then(undefined, noop);
        throw e;
      }
    } else {
      startPromise.resolve(undefined);
    }
  }

  get readable() {
    return checkThis(this, 'TransformStream').readable;
  }

  get writable() {
    return checkThis(this, 'TransformStream').writable;
  }

  [customInspect](depth, options) {
    const s = this[kState];
    return inspectObject(this, this.constructor.name, {
      readable: s.readable, writable: s.writable, backpressure: s.backpressure,
    }, depth, options);
  }
}
Object.defineProperty(TransformStream.prototype, Symbol.toStringTag, {
  value: 'TransformStream', configurable: true,
});

function initialize(stream, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  const s = {
    kind: 'TransformStream', backpressure: undefined, backpressureChange: undefined,
    controller: undefined, readable: undefined, writable: undefined,
  };
  stream[kState] = s;
  const start = () => startPromise;
  s.writable = W.createWritableStream(start,
                                      (chunk) => sinkWrite(stream, chunk),
                                      () => sinkClose(stream),
                                      (reason) => sinkAbort(stream, reason),
                                      writableHWM, writableSize);
  s.readable = R.createReadableStream(start,
                                      () => sourcePull(stream),
                                      (reason) => sourceCancel(stream, reason),
                                      readableHWM, readableSize);
  setBackpressure(stream, true);
}

function readableController(stream) {
  return stream[kState].readable[kState].controller;
}

function transformStreamError(stream, e) {
  R.defaultControllerError(readableController(stream), e);
  errorWritableAndUnblockWrite(stream, e);
}

function errorWritableAndUnblockWrite(stream, e) {
  const s = stream[kState];
  clearAlgorithms(s.controller);
  W.controllerErrorIfNeeded(s.writable[kState].controller, e);
  unblockWrite(stream);
}

function unblockWrite(stream) {
  if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  const s = stream[kState];
  if (s.backpressureChange !== undefined) s.backpressureChange.resolve(undefined);
  s.backpressureChange = deferred();
  s.backpressure = backpressure;
}

class TransformStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    const c = checkThis(this, 'TransformStreamDefaultController');
    return R.defaultControllerGetDesiredSize(readableController(c.stream));
  }

  enqueue(chunk = undefined) {
    checkThis(this, 'TransformStreamDefaultController');
    controllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    const c = checkThis(this, 'TransformStreamDefaultController');
    transformStreamError(c.stream, reason);
  }

  terminate() {
    checkThis(this, 'TransformStreamDefaultController');
    controllerTerminate(this);
  }

  [customInspect](depth, options) {
    return inspectObject(this, this.constructor.name, { stream: this[kState].stream }, depth, options);
  }
}
Object.defineProperty(TransformStreamDefaultController.prototype, Symbol.toStringTag, {
  value: 'TransformStreamDefaultController', configurable: true,
});

function setUpController(stream, controller, transform, flush, cancel) {
  controller[kState] = {
    kind: 'TransformStreamDefaultController', stream, finish: undefined,
    transformAlgorithm: transform || ((chunk) => {
      try {
        controllerEnqueue(controller, chunk);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    }),
    flushAlgorithm: flush,
    cancelAlgorithm: cancel,
  };
  stream[kState].controller = controller;
}

function clearAlgorithms(controller) {
  const c = controller[kState];
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function controllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const rc = readableController(stream);
  if (!R.defaultControllerCanCloseOrEnqueue(rc)) throw invalidState('Unable to enqueue');
  try {
    R.defaultControllerEnqueue(rc, chunk);
  } catch (e) {
    errorWritableAndUnblockWrite(stream, e);
    throw stream[kState].readable[kState].storedError;
  }
  const bp = R.defaultControllerHasBackpressure(rc);
  if (bp !== stream[kState].backpressure) setBackpressure(stream, true);
}

function controllerTerminate(controller) {
  const stream = controller[kState].stream;
  R.defaultControllerClose(readableController(stream));
  errorWritableAndUnblockWrite(stream, invalidState('TransformStream terminated'));
}

function performTransform(controller, chunk) {
  const stream = controller[kState].stream;
  const transform = controller[kState].transformAlgorithm;
  if (transform === undefined) {
    // The stream was cancelled or terminated while this write waited.
    const ws = stream[kState].writable[kState];
    return Promise.reject(ws.storedError !== undefined ? ws.storedError : invalidState('TransformStream is closed'));
  }
  return transform(chunk).then(undefined, (r) => {
    transformStreamError(stream, r);
    throw r;
  });
}

function sinkWrite(stream, chunk) {
  const s = stream[kState];
  const controller = s.controller;
  if (s.backpressure) {
    return s.backpressureChange.promise.then(() => {
      const ws = s.writable[kState];
      if (ws.state === 'erroring') throw ws.storedError;
      return performTransform(controller, chunk);
    });
  }
  return performTransform(controller, chunk);
}

function sinkAbort(stream, reason) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (c.finish !== undefined) return c.finish.promise;
  const readable = s.readable;
  c.finish = deferred();
  const finish = c.finish;
  const p = c.cancelAlgorithm(reason);
  clearAlgorithms(s.controller);
  p.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      R.defaultControllerError(readable[kState].controller, reason);
      finish.resolve(undefined);
    }
  }, (r) => {
    R.defaultControllerError(readable[kState].controller, r);
    finish.reject(r);
  });
  return finish.promise;
}

function sinkClose(stream) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (c.finish !== undefined) return c.finish.promise;
  const readable = s.readable;
  c.finish = deferred();
  const finish = c.finish;
  const p = c.flushAlgorithm();
  clearAlgorithms(s.controller);
  p.then(() => {
    if (readable[kState].state === 'errored') {
      finish.reject(readable[kState].storedError);
    } else {
      R.defaultControllerClose(readable[kState].controller);
      finish.resolve(undefined);
    }
  }, (r) => {
    R.defaultControllerError(readable[kState].controller, r);
    finish.reject(r);
  });
  return finish.promise;
}

function sourcePull(stream) {
  setBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function sourceCancel(stream, reason) {
  const s = stream[kState];
  const c = s.controller[kState];
  if (c.finish !== undefined) return c.finish.promise;
  const writable = s.writable;
  c.finish = deferred();
  const finish = c.finish;
  const p = c.cancelAlgorithm(reason);
  clearAlgorithms(s.controller);
  p.then(() => {
    if (writable[kState].state === 'errored') {
      finish.reject(writable[kState].storedError);
    } else {
      W.controllerErrorIfNeeded(writable[kState].controller, reason);
      unblockWrite(stream);
      finish.resolve(undefined);
    }
  }, (r) => {
    W.controllerErrorIfNeeded(writable[kState].controller, r);
    unblockWrite(stream);
    finish.reject(r);
  });
  return finish.promise;
}

function isTransformStream(v) {
  return typeof v === 'object' && v !== null && v[kState] !== undefined && v[kState].kind === 'TransformStream';
}

module.exports = { TransformStream, TransformStreamDefaultController, isTransformStream };
