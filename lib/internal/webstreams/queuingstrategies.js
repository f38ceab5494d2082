'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy (WHATWG Streams).

const { codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_OPTION } } = require('internal/errors');
const { customInspect, inspectObject } = require('internal/webstreams/util');

// The message V8 gives for a private field read on a foreign object, as
// node's classes keep their state in private fields.
function privateMember() {
  return new TypeError('Cannot read private member #state from an object whose class did not declare it');
}

const kHWM = Symbol('kHighWaterMark');

function byteLengthSize(chunk) {
  return chunk.byteLength;
}
Object.defineProperty(byteLengthSize, 'name', { value: 'size' });

function countSize() {
  return 1;
}
Object.defineProperty(countSize, 'name', { value: 'size' });

function readInit(init) {
  if (init === null || typeof init !== 'object') throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');
  return +init.highWaterMark;
}

function makeStrategy(name, sizeFn) {
  const cls = {
    [name]: class {
      constructor(init) {
        this[kHWM] = readInit(init);
      }

      get highWaterMark() {
        if (this == null || this[kHWM] === undefined) throw privateMember();
        return this[kHWM];
      }

      get size() {
        if (this == null || this[kHWM] === undefined) throw privateMember();
        return sizeFn;
      }

      [customInspect](depth, options) {
        return inspectObject(this, name, { highWaterMark: this[kHWM] }, depth, options);
      }
    },
  }[name];
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  return cls;
}

const ByteLengthQueuingStrategy = makeStrategy('ByteLengthQueuingStrategy', byteLengthSize);
const CountQueuingStrategy = makeStrategy('CountQueuingStrategy', countSize);

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
