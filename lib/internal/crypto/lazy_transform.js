'use strict';
// LazyTransform: a stream.Transform whose stream state is only built the
// first time it is used as a stream, so that hashes and ciphers used
// through update()/digest() pay nothing for being streams.

const stream = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, stream.Transform.prototype);
Object.setPrototypeOf(LazyTransform, stream.Transform);

function makeGetter(name) {
  return function() {
    stream.Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function makeSetter(name) {
  return function(val) {
    Object.defineProperty(this, name, { value: val, enumerable: true, configurable: true, writable: true });
  };
}

for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name), set: makeSetter(name), configurable: true, enumerable: true,
  });
}

module.exports = LazyTransform;
