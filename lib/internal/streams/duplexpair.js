'use strict';
// duplexPair(): two Duplex streams, each reading what the other writes.

const Duplex = require('internal/streams/duplex');

const kCallback = Symbol('kCallback');
const kOther = Symbol('kOther');

class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kCallback] = null;
    this[kOther] = null;
  }

  _read() {
    const cb = this[kCallback];
    if (cb) {
      this[kCallback] = null;
      cb();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this[kOther].push(chunk);
      this[kOther][kCallback] = callback;
    }
  }

  _final(callback) {
    this[kOther].on('end', callback);
    this[kOther].push(null);
  }

  _destroy(err, callback) {
    // The other side closes too, without the error: as node's, only the
    // side destroyed with an error emits it.
    const other = this[kOther];
    if (other && !other.destroyed) other.destroy();
    callback(err);
  }
}

function duplexPair(options) {
  const a = new DuplexSide(options);
  const b = new DuplexSide(options);
  a[kOther] = b;
  b[kOther] = a;
  return [a, b];
}

module.exports = duplexPair;
