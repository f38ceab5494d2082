'use strict';
// node:stream.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const Transform = require('internal/streams/transform');
const PassThrough = require('internal/streams/passthrough');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');
const utils = require('internal/streams/utils');
const { Buffer } = require('buffer');

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = function duplexPair(options) {
  return require('internal/streams/duplexpair')(options);
};
Stream.pipeline = require('internal/streams/pipeline').pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = function compose(...streams) {
  return require('internal/streams/compose')(...streams);
};
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

const operators = require('internal/streams/operators');
// The lengths node gives the operator methods.
const operatorLengths = {
  drop: 1, filter: 2, flatMap: 2, map: 2, take: 1,
  every: 1, forEach: 2, reduce: 3, toArray: 1, some: 1, find: 2,
};
for (const key of Object.keys(operators.streamReturningOperators)) {
  const op = operators.streamReturningOperators[key];
  const fn = function(...args) {
    if (new.target) throw new (require('internal/errors').codes.ERR_ILLEGAL_CONSTRUCTOR)();
    return Readable.from(op.apply(this, args));
  };
  Object.defineProperty(fn, 'name', { value: op.name });
  Object.defineProperty(fn, 'length', { value: operatorLengths[key] });
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}
for (const key of Object.keys(operators.promiseReturningOperators)) {
  const op = operators.promiseReturningOperators[key];
  const fn = function(...args) {
    if (new.target) throw new (require('internal/errors').codes.ERR_ILLEGAL_CONSTRUCTOR)();
    return Reflect.apply(op, this, args);
  };
  Object.defineProperty(fn, 'name', { value: op.name });
  Object.defineProperty(fn, 'length', { value: operatorLengths[key] });
  Object.defineProperty(Readable.prototype, key, {
    __proto__: null, value: fn, enumerable: false, configurable: true, writable: true,
  });
}

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return require('stream/promises'); },
});
Object.defineProperty(Stream.pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(eos, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() { return require('stream/promises').finished; },
});

// Backwards compatibility: require('stream') is Stream, with Stream.Stream.
Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (v) => v instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
