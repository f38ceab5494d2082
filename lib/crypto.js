'use strict';
// node:crypto: random numbers, hashes and HMACs (Go's crypto packages).
// Ciphers, keys, signatures and the rest throw ERR_NOT_IMPLEMENTED.

const binding = internalBinding('crypto');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE, ERR_INVALID_ARG_VALUE,
  },
  notImplemented,
} = require('internal/errors');
const { validateString, validateFunction, validateNumber } = require('internal/validators');
const webcrypto = require('internal/crypto/webcrypto');

const kMaxLength = 2 ** 31 - 1;

function toBuffer(u8) {
  const B = globalThis.Buffer;
  if (typeof B === 'function') return B.from(u8.buffer, u8.byteOffset, u8.byteLength);
  return u8;
}

function validateSize(size, name = 'size') {
  validateNumber(size, name);
  if (!Number.isInteger(size) || size < 0 || size > kMaxLength) {
    throw new ERR_OUT_OF_RANGE(name, `>= 0 && <= ${kMaxLength}`, size);
  }
}

function randomBytes(size, callback = undefined) {
  validateSize(size);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const u8 = new Uint8Array(size);
  binding.randomFill(u8);
  const buf = toBuffer(u8);
  if (callback === undefined) return buf;
  setImmediate(() => callback(null, buf));
}

function isView(v) { return ArrayBuffer.isView(v); }

function randomFillSync(buf, offset = 0, size = undefined) {
  if (!isView(buf) && !(buf instanceof ArrayBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const bytes = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  validateSize(offset, 'offset');
  if (offset > bytes.length) throw new ERR_OUT_OF_RANGE('offset', `<= ${bytes.length}`, offset);
  if (size === undefined) size = bytes.length - offset;
  validateSize(size, 'size');
  if (offset + size > bytes.length) throw new ERR_OUT_OF_RANGE('size + offset', `<= ${bytes.length}`, size + offset);
  binding.randomFill(bytes.subarray(offset, offset + size));
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  validateFunction(callback, 'callback');
  randomFillSync(buf, offset, size);
  setImmediate(() => callback(null, buf));
}

const RAND_MAX = 0xFFFFFFFFFFFF;

function randomInt(min, max = undefined, callback = undefined) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  // Rejection sampling over 48-bit random numbers avoids modulo bias.
  const limit = RAND_MAX - (RAND_MAX % range);
  const b = new Uint8Array(6);
  let n;
  do {
    binding.randomFill(b);
    n = b[0] * 2 ** 40 + b[1] * 2 ** 32 + b[2] * 2 ** 24 + b[3] * 2 ** 16 + b[4] * 2 ** 8 + b[5];
  } while (n >= limit);
  const result = min + (n % range);
  if (callback === undefined) return result;
  process.nextTick(callback, undefined, result);
}

function randomUUID(options = undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  return webcrypto.uuidV4();
}

function getRandomValues(array) {
  return webcrypto.crypto.getRandomValues(array);
}

// dataArg converts update() input to what the binding accepts.
function dataArg(data, encoding) {
  if (typeof data === 'string') {
    if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer') return data;
    if (typeof globalThis.Buffer !== 'function') throw notImplemented(`hash input encoding ${encoding}`);
    return globalThis.Buffer.from(data, encoding);
  }
  if (isView(data)) return data;
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function digestResult(out) {
  return typeof out === 'string' ? out : toBuffer(out);
}

function normalizeOutEncoding(enc) {
  if (enc === undefined || enc === 'buffer') return undefined;
  const e = `${enc}`.toLowerCase();
  if (e === 'hex' || e === 'base64' || e === 'base64url' || e === 'latin1' || e === 'binary') return e;
  return enc;
}

function encodeOther(u8, enc) {
  if (enc === undefined) return toBuffer(u8);
  if (typeof globalThis.Buffer === 'function') return toBuffer(u8).toString(enc);
  throw notImplemented(`digest encoding ${enc}`);
}

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');

class Hash {
  constructor(algorithm, options = undefined) {
    if (!(this instanceof Hash)) return new Hash(algorithm, options);
    if (typeof algorithm !== 'number') validateString(algorithm, 'algorithm');
    const h = typeof algorithm === 'number' ? algorithm : binding.hashNew(algorithm);
    if (h === -1) throw new Error('Digest method not supported');
    this[kHandle] = h;
    this[kState] = { finalized: false };
  }

  copy(options = undefined) {
    if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    const h = binding.hashCopy(this[kHandle]);
    return new Hash(h, options);
  }

  update(data, encoding = undefined) {
    if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    binding.hashUpdate(this[kHandle], dataArg(data, encoding));
    return this;
  }

  digest(outputEncoding = undefined) {
    if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    this[kState].finalized = true;
    const enc = normalizeOutEncoding(outputEncoding);
    const out = binding.hashDigest(this[kHandle], enc);
    if (typeof out === 'string') return out;
    return encodeOther(out, enc);
  }
}

const kKeyMaterial = Symbol('kKeyMaterial');

// Key objects. Only secret (symmetric) keys exist so far: createSecretKey
// and KeyObject let HMAC users (jsonwebtoken, jws) pass keys around;
// asymmetric keys (createPrivateKey/createPublicKey) are not implemented.
class KeyObject {
  #type;

  constructor(type, material) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (material === undefined || material[kKeyMaterial] !== true) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', material);
    }
    this.#type = type;
    this[kKeyMaterial] = material.bytes;
  }

  get type() { return this.#type; }

  static from(key) {
    throw notImplemented('crypto.KeyObject.from');
  }

  equals(otherKeyObject) {
    if (!(otherKeyObject instanceof KeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    const a = this[kKeyMaterial];
    const b = otherKeyObject[kKeyMaterial];
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

class SecretKeyObject extends KeyObject {
  constructor(material) {
    super('secret', material);
  }

  get symmetricKeySize() { return this[kKeyMaterial].length; }

  export(options = undefined) {
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const format = options?.format;
    if (format === 'jwk') {
      return { kty: 'oct', k: toBuffer(this[kKeyMaterial]).toString('base64url') };
    }
    if (format !== undefined && format !== 'buffer') {
      throw new ERR_INVALID_ARG_VALUE('options.format', format);
    }
    return toBuffer(this[kKeyMaterial].slice());
  }
}

function createSecretKey(key, encoding = undefined) {
  let bytes;
  if (typeof key === 'string') {
    bytes = require('buffer').Buffer.from(key, encoding ?? 'utf8');
  } else if (isView(key)) {
    bytes = new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
  } else if (key instanceof ArrayBuffer) {
    bytes = new Uint8Array(key);
  } else {
    throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  return new SecretKeyObject({ [kKeyMaterial]: true, bytes: new Uint8Array(bytes) });
}

class Hmac {
  constructor(hmac, key, options = undefined) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    validateString(hmac, 'hmac');
    if (key instanceof KeyObject) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      key = key[kKeyMaterial];
    } else if (typeof key === 'string') {
      key = dataArg(key, options?.encoding);
    } else if (!isView(key) && !(key instanceof ArrayBuffer)) {
      throw new ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
    }
    const h = binding.hmacNew(hmac, key);
    if (h === -1) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
    this[kHandle] = h;
    this[kState] = { finalized: false };
  }

  update(data, encoding = undefined) {
    if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
    binding.hashUpdate(this[kHandle], dataArg(data, encoding));
    return this;
  }

  digest(outputEncoding = undefined) {
    const enc = normalizeOutEncoding(outputEncoding);
    if (this[kState].finalized) {
      // A second digest() of an Hmac returns an empty result.
      return enc === undefined ? toBuffer(new Uint8Array(0)) : '';
    }
    this[kState].finalized = true;
    const out = binding.hashDigest(this[kHandle], enc);
    if (typeof out === 'string') return out;
    return encodeOther(out, enc);
  }
}

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

// hash(algorithm, data, outputEncoding = 'hex'): the one-shot helper.
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  return createHash(algorithm).update(input).digest(outputEncoding);
}

function timingSafeEqual(buf1, buf2) {
  const types = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
  const bytes = (b, name) => {
    if (b instanceof ArrayBuffer) return new Uint8Array(b);
    if (isView(b)) return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    throw new ERR_INVALID_ARG_TYPE(name, types, b);
  };
  const a = bytes(buf1, 'buf1');
  const b = bytes(buf2, 'buf2');
  if (a.length !== b.length) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

function getHashes() { return binding.getHashes(); }

const exported = {
  randomBytes,
  pseudoRandomBytes: randomBytes,
  prng: randomBytes,
  rng: randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
  createHash,
  createHmac,
  hash,
  Hash,
  Hmac,
  timingSafeEqual,
  getHashes,
  createSecretKey,
  KeyObject,
  webcrypto: webcrypto.crypto,
  subtle: webcrypto.subtle,
  constants: {},
};

// The rest of node:crypto is not implemented: calling it says so.
for (const name of ['createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'createECDH',
  'createDiffieHellman', 'createDiffieHellmanGroup', 'getDiffieHellman', 'createPrivateKey', 'createPublicKey',
  'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync', 'pbkdf2',
  'pbkdf2Sync', 'scrypt', 'scryptSync', 'hkdf', 'hkdfSync', 'sign', 'verify', 'publicEncrypt', 'publicDecrypt',
  'privateEncrypt', 'privateDecrypt', 'getCiphers', 'getCurves', 'generatePrime', 'generatePrimeSync',
  'checkPrime', 'checkPrimeSync', 'diffieHellman', 'setEngine', 'secureHeapUsed', 'getCipherInfo',
  'setFips', 'getFips']) {
  exported[name] = function() { throw notImplemented(`crypto.${name}`); };
}

module.exports = exported;
