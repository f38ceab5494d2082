'use strict';
// TextEncoderStream and TextDecoderStream (WHATWG Encoding), over
// internal/encoding and TransformStream.

const { TextEncoder, TextDecoder } = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transformstream');
const { customInspect, inspectObject, invalidThis } = require('internal/webstreams/util');

// The message V8 gives for a private field read on a foreign object, as
// node's classes keep their state in private fields.
function privateMember() {
  return new TypeError('Cannot read private member #handle from an object whose class did not declare it');
}

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');

class TextEncoderStream {
  constructor() {
    const encoder = new TextEncoder();
    let pendingHigh = '';
    this[kHandle] = encoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        let s = pendingHigh + `${chunk}`;
        pendingHigh = '';
        if (s.length > 0) {
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xD800 && last <= 0xDBFF) {
            pendingHigh = s[s.length - 1];
            s = s.slice(0, -1);
          }
        }
        if (s.length > 0) controller.enqueue(encoder.encode(s));
      },
      flush(controller) {
        if (pendingHigh) controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
      },
    });
  }

  get encoding() {
    if (this == null || this[kHandle] === undefined) throw privateMember();
    return 'utf-8';
  }

  get readable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].readable;
  }

  get writable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].writable;
  }

  [customInspect](depth, options) {
    if (this == null || this[kHandle] === undefined) throw invalidThis('TextEncoderStream');
    return inspectObject(this, this.constructor.name, {
      encoding: 'utf-8', readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}
Object.defineProperty(TextEncoderStream.prototype, Symbol.toStringTag, {
  value: 'TextEncoderStream', configurable: true,
});

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const decoder = new TextDecoder(encoding, options);
    this[kHandle] = decoder;
    this[kTransform] = new TransformStream({
      transform(chunk, controller) {
        const out = decoder.decode(chunk, { stream: true });
        if (out) controller.enqueue(out);
      },
      flush(controller) {
        const out = decoder.decode();
        if (out) controller.enqueue(out);
      },
    });
  }

  get encoding() {
    if (this == null || this[kHandle] === undefined) throw privateMember();
    return this[kHandle].encoding;
  }

  get fatal() {
    if (this == null || this[kHandle] === undefined) throw privateMember();
    return this[kHandle].fatal;
  }

  get ignoreBOM() {
    if (this == null || this[kHandle] === undefined) throw privateMember();
    return this[kHandle].ignoreBOM;
  }

  get readable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].readable;
  }

  get writable() {
    if (this == null || this[kTransform] === undefined) throw privateMember();
    return this[kTransform].writable;
  }

  [customInspect](depth, options) {
    if (this == null || this[kHandle] === undefined) throw invalidThis('TextDecoderStream');
    return inspectObject(this, this.constructor.name, {
      encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM,
      readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}
Object.defineProperty(TextDecoderStream.prototype, Symbol.toStringTag, {
  value: 'TextDecoderStream', configurable: true,
});

module.exports = { TextEncoderStream, TextDecoderStream };
