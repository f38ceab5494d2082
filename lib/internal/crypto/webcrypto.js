'use strict';
// The global `crypto` (Web Crypto): getRandomValues and randomUUID.
// crypto.subtle is not implemented yet.

const binding = internalBinding('crypto');
const {
  codes: { ERR_INVALID_THIS, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_ILLEGAL_CONSTRUCTOR },
  notImplemented,
} = require('internal/errors');
const { DOMException } = require('internal/per_context/domexception');

const kMaxEntropy = 65536;

function isIntegerTypedArray(v) {
  return v instanceof Int8Array || v instanceof Uint8Array || v instanceof Uint8ClampedArray ||
    v instanceof Int16Array || v instanceof Uint16Array || v instanceof Int32Array ||
    v instanceof Uint32Array || v instanceof BigInt64Array || v instanceof BigUint64Array;
}

function fillRandom(view) {
  if (!isIntegerTypedArray(view)) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (view.byteLength > kMaxEntropy) {
    throw new DOMException(
      'The requested length exceeds 65,536 bytes',
      'QuotaExceededError');
  }
  binding.randomFill(view);
  return view;
}

const hexBytes = [];
for (let i = 0; i < 256; i++) hexBytes.push((i + 0x100).toString(16).slice(1));

// uuidV4 returns a random RFC 9562 version 4 UUID.
function uuidV4() {
  const b = new Uint8Array(16);
  binding.randomFill(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = hexBytes;
  return `${h[b[0]]}${h[b[1]]}${h[b[2]]}${h[b[3]]}-${h[b[4]]}${h[b[5]]}-${h[b[6]]}${h[b[7]]}-` +
    `${h[b[8]]}${h[b[9]]}-${h[b[10]]}${h[b[11]]}${h[b[12]]}${h[b[13]]}${h[b[14]]}${h[b[15]]}`;
}

const kKey = Symbol('kKey');

class SubtleCrypto {
  constructor(key = undefined) {
    if (key !== kKey) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits',
  'importKey', 'exportKey', 'wrapKey', 'unwrapKey']) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: function() { throw notImplemented(`crypto.subtle.${name}`); },
    writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

const subtle = new SubtleCrypto(kKey);

class Crypto {
  constructor(key = undefined) {
    if (key !== kKey) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('typedArray');
    if (!ArrayBuffer.isView(array)) {
      throw new ERR_INVALID_ARG_TYPE('typedArray', ['Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array',
        'Uint16Array', 'Uint32Array', 'Uint8ClampedArray', 'BigInt64Array', 'BigUint64Array'], array);
    }
    return fillRandom(array);
  }

  randomUUID() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return uuidV4();
  }
}
for (const name of ['subtle', 'getRandomValues', 'randomUUID']) {
  const d = Object.getOwnPropertyDescriptor(Crypto.prototype, name);
  d.enumerable = true;
  Object.defineProperty(Crypto.prototype, name, d);
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

const crypto = new Crypto(kKey);

module.exports = { crypto, Crypto, SubtleCrypto, subtle, fillRandom, uuidV4, isIntegerTypedArray };
