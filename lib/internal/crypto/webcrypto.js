'use strict';
// The global `crypto` (Web Crypto): getRandomValues, randomUUID, and
// crypto.subtle for digests and HMAC keys.

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

// --- SubtleCrypto: digests and HMAC keys -------------------------------
// digest (SHA-1/256/384/512) and HMAC keys (importKey/exportKey "raw" and
// "jwk", generateKey, sign, verify) over node:crypto's hashes and HMACs.
// The other algorithms and operations throw ERR_NOT_IMPLEMENTED.

const hashNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
const hashBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
const jwkAlg = { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384', 'SHA-512': 'HS512' };

function nodeCrypto() {
  return require('crypto');
}

function algorithmName(alg) {
  const name = typeof alg === 'string' ? alg : alg?.name;
  if (typeof name !== 'string') {
    throw new DOMException('Algorithm: Unrecognized name', 'NotSupportedError');
  }
  return name.toUpperCase();
}

function hashOf(alg) {
  const name = algorithmName(alg);
  if (!(name in hashNames)) throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
  return name;
}

function bufferSource(data, what = 'data') {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new ERR_INVALID_ARG_TYPE(what, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], data);
}

function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

const kKeyData = Symbol('kKeyData');

class CryptoKey {
  #type;
  #extractable;
  #algorithm;
  #usages;

  constructor(key = undefined, type, extractable, algorithm, usages, data) {
    if (key !== kKey) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#type = type;
    this.#extractable = extractable;
    this.#algorithm = algorithm;
    this.#usages = usages;
    this[kKeyData] = data;
  }

  get type() { return this.#type; }
  get extractable() { return this.#extractable; }
  get algorithm() { return this.#algorithm; }
  get usages() { return this.#usages; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const o = { type: this.type, extractable: this.extractable, algorithm: this.algorithm, usages: this.usages };
    return `CryptoKey ${inspect(o, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

function hmacKey(algorithm, data, extractable, usages, verb) {
  usages = [...usages];
  for (const u of usages) {
    if (u !== 'sign' && u !== 'verify') throw new DOMException('Unsupported key usage for HMAC key', 'SyntaxError');
  }
  if (usages.length === 0) {
    throw new DOMException(`Usages cannot be empty when ${verb} a secret key.`, 'SyntaxError');
  }
  if (algorithm.hash === undefined) throw new TypeError("Failed to read the 'hash' property from 'HmacImportParams'");
  const hash = hashOf(algorithm.hash);
  let length = data.byteLength * 8;
  if (algorithm.length !== undefined) {
    length = Number(algorithm.length);
    if (length === 0 || length > data.byteLength * 8 || length <= (data.byteLength - 1) * 8) {
      throw new DOMException('Invalid key length', 'DataError');
    }
  }
  if (length === 0) throw new DOMException('Zero-length key is not supported', 'DataError');
  const alg = { name: 'HMAC', length, hash: { name: hash } };
  return new CryptoKey(kKey, 'secret', Boolean(extractable), alg, usages, new Uint8Array(data));
}

function checkKey(key, name, usage) {
  if (!(key instanceof CryptoKey)) {
    throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
  }
  if (key.algorithm.name !== name || !key.usages.includes(usage)) {
    throw new DOMException(`Unable to use this key to ${usage}`, 'InvalidAccessError');
  }
}

function hmac(key, data) {
  const { createHmac } = nodeCrypto();
  return createHmac(hashNames[key.algorithm.hash.name], key[kKeyData]).update(bufferSource(data)).digest();
}

const subtleMethods = {
  async digest(algorithm, data) {
    const hash = hashOf(algorithm);
    const out = nodeCrypto().createHash(hashNames[hash]).update(bufferSource(data)).digest();
    return toArrayBuffer(out);
  },

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    const name = algorithmName(algorithm);
    if (name !== 'HMAC') throw notImplemented(`crypto.subtle.importKey for ${name}`);
    let data;
    if (format === 'raw') {
      data = bufferSource(keyData, 'keyData');
    } else if (format === 'jwk') {
      if (keyData === null || typeof keyData !== 'object') throw new ERR_INVALID_ARG_TYPE('keyData', 'object', keyData);
      if (keyData.kty !== 'oct') throw new DOMException('Invalid JWK "kty" Parameter', 'DataError');
      if (typeof keyData.k !== 'string') throw new DOMException('Invalid JWK "k" Parameter', 'DataError');
      data = new Uint8Array(require('buffer').Buffer.from(keyData.k, 'base64url'));
      const hash = hashOf(algorithm.hash);
      if (keyData.alg !== undefined && keyData.alg !== jwkAlg[hash]) {
        throw new DOMException('JWK "alg" does not match the requested algorithm', 'DataError');
      }
      if (keyData.ext === false && extractable) {
        throw new DOMException('JWK "ext" Parameter and extractable mismatch', 'DataError');
      }
    } else {
      throw new DOMException(`Unable to import HMAC key with format ${format}`, 'NotSupportedError');
    }
    return hmacKey(typeof algorithm === 'string' ? { name: algorithm } : algorithm, data, extractable, keyUsages, 'importing');
  },

  async exportKey(format, key) {
    if (!(key instanceof CryptoKey)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    if (!key.extractable) throw new DOMException('key is not extractable', 'InvalidAccessError');
    if (key.algorithm.name !== 'HMAC') throw notImplemented(`crypto.subtle.exportKey for ${key.algorithm.name}`);
    const data = key[kKeyData];
    if (format === 'raw') return toArrayBuffer(new Uint8Array(data));
    if (format === 'jwk') {
      return {
        key_ops: [...key.usages], ext: true, alg: jwkAlg[key.algorithm.hash.name], kty: 'oct',
        k: require('buffer').Buffer.from(data).toString('base64url'),
      };
    }
    throw new DOMException(`Unable to export a raw HMAC key with format ${format}`, 'NotSupportedError');
  },

  async generateKey(algorithm, extractable, keyUsages) {
    const name = algorithmName(algorithm);
    if (name !== 'HMAC') throw notImplemented(`crypto.subtle.generateKey for ${name}`);
    if (algorithm.hash === undefined) throw new TypeError("Failed to read the 'hash' property from 'HmacKeyGenParams'");
    const hash = hashOf(algorithm.hash);
    const length = algorithm.length === undefined ? hashBlockBits[hash] : Number(algorithm.length);
    if (!Number.isInteger(length) || length <= 0) throw new DOMException('Invalid key length', 'OperationError');
    const data = new Uint8Array(Math.ceil(length / 8));
    binding.randomFill(data);
    return hmacKey({ name: 'HMAC', hash, length }, data, extractable, keyUsages, 'creating');
  },

  async sign(algorithm, key, data) {
    const name = algorithmName(algorithm);
    if (name !== 'HMAC') throw notImplemented(`crypto.subtle.sign for ${name}`);
    checkKey(key, 'HMAC', 'sign');
    return toArrayBuffer(hmac(key, data));
  },

  async verify(algorithm, key, signature, data) {
    const name = algorithmName(algorithm);
    if (name !== 'HMAC') throw notImplemented(`crypto.subtle.verify for ${name}`);
    checkKey(key, 'HMAC', 'verify');
    const expected = hmac(key, data);
    const sig = bufferSource(signature, 'signature');
    return sig.byteLength === expected.byteLength && nodeCrypto().timingSafeEqual(sig, expected);
  },
};

class SubtleCrypto {
  constructor(key = undefined) {
    if (key !== kKey) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}
for (const [name, fn] of Object.entries(subtleMethods)) {
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: {
      [name](...args) {
        if (this !== subtle) return Promise.reject(new ERR_INVALID_THIS('SubtleCrypto'));
        return fn.apply(this, args);
      },
    }[name],
    writable: true, enumerable: true, configurable: true,
  });
}
for (const name of ['encrypt', 'decrypt', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey']) {
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

module.exports = { crypto, Crypto, CryptoKey, SubtleCrypto, subtle, fillRandom, uuidV4, isIntegerTypedArray };
