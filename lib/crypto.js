'use strict';
// node:crypto over Go's crypto packages: random numbers, hashes, HMACs,
// ciphers, KDFs, keys, signatures, Diffie-Hellman and X.509. The pieces
// live in internal/crypto/*; what is still missing throws
// ERR_NOT_IMPLEMENTED.

const binding = internalBinding('crypto');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_CRYPTO_HASH_FINALIZED, ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH,
  },
  notImplemented,
} = require('internal/errors');
const { validateString, validateFunction, validateNumber, validateUint32 } = require('internal/validators');
const webcrypto = require('internal/crypto/webcrypto');
const util = require('internal/crypto/util');
const { isAnyArrayBuffer, kHandle } = util;
const LazyTransform = require('internal/crypto/lazy_transform');
const keys = require('internal/crypto/keys');
const cipher = require('internal/crypto/cipher');
const sig = require('internal/crypto/sig');
const kdf = require('internal/crypto/kdf');
const dh = require('internal/crypto/diffiehellman');

const kMaxLength = 2 ** 31 - 1;

function toBuffer(u8) {
  const B = globalThis.Buffer;
  if (typeof B === 'function') return B.from(u8.buffer, u8.byteOffset, u8.byteLength);
  return u8;
}

function randomBytes(size, callback = undefined) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const u8 = new Uint8Array(Math.floor(size));
  binding.randomFill(u8);
  const buf = toBuffer(u8);
  if (callback === undefined) return buf;
  setImmediate(() => callback(null, buf));
}

function isView(v) { return ArrayBuffer.isView(v); }

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function fillArgs(buf, offset, size) {
  if (!isView(buf) && !isAnyArrayBuffer(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const bytes = isAnyArrayBuffer(buf) ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  offset = assertOffset(offset, elementSize, bytes.length);
  if (size === undefined) size = bytes.length - offset;
  else size = assertSize(size, elementSize, offset, bytes.length);
  return bytes.subarray(offset, offset + size);
}

function randomFillSync(buf, offset = 0, size = undefined) {
  binding.randomFill(fillArgs(buf, offset, size));
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (!isView(buf) && !isAnyArrayBuffer(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  }
  validateFunction(callback, 'callback');
  const bytes = fillArgs(buf, offset, size);
  setImmediate(() => {
    binding.randomFill(bytes);
    callback(null, buf);
  });
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
  if (options?.disableEntropyCache !== undefined && typeof options.disableEntropyCache !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.disableEntropyCache', 'boolean', options.disableEntropyCache);
  }
  return webcrypto.uuidV4();
}

let lastV7 = 0;
let seqV7 = 0;
// randomUUIDv7 returns an RFC 9562 version 7 UUID: a 48-bit Unix time in
// milliseconds, then random bits (a 12-bit counter keeps UUIDs of the same
// millisecond in order).
function randomUUIDv7(options = undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const b = new Uint8Array(16);
  binding.randomFill(b);
  let now = Date.now();
  if (now <= lastV7) {
    now = lastV7;
    seqV7++;
    if (seqV7 > 0xfff) {
      now = ++lastV7;
      seqV7 = 0;
    }
  } else {
    seqV7 = ((b[6] & 0x07) << 8) | b[7];
  }
  lastV7 = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = now % 256;
    now = Math.floor(now / 256);
  }
  b[6] = 0x70 | ((seqV7 >> 8) & 0x0f);
  b[7] = seqV7 & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => (x + 0x100).toString(16).slice(1)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function getRandomValues(array) {
  return webcrypto.crypto.getRandomValues(array);
}

// dataArg converts update() input to what the binding accepts.
function dataArg(data, encoding) {
  if (typeof data === 'string') {
    if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'buffer') return data;
    return require('buffer').Buffer.from(data, encoding);
  }
  if (isView(data)) return data;
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function normalizeOutEncoding(enc) {
  if (enc === undefined || enc === 'buffer') return undefined;
  const e = `${enc}`.toLowerCase();
  if (e === 'hex' || e === 'base64' || e === 'base64url' || e === 'latin1' || e === 'binary') return e;
  return enc;
}

function encodeOther(u8, enc) {
  if (enc === undefined) return toBuffer(u8);
  return toBuffer(u8).toString(enc);
}

const kState = Symbol('kState');
// A hash dropped before digest() frees its Go state when collected.
const hashRegistry = new FinalizationRegistry((id) => binding.hashFree(id));

function hashTransform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

// The stream end computes the digest but leaves digest() callable: it
// returns the same value once more.
function hashFlush(callback) {
  const st = this[kState];
  if (!st.finalized && st.cached === undefined) st.cached = binding.hashDigest(this[kHandle]);
  this.push(toBuffer(st.cached));
  callback();
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  let h;
  if (typeof algorithm === 'number') {
    h = algorithm;
  } else {
    validateString(algorithm, 'algorithm');
    const xofLen = options && typeof options === 'object' ? options.outputLength : undefined;
    if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
    h = binding.hashNew(algorithm, xofLen);
    if (xofLen === undefined && h >= 0 && /^shake(128|256)$/i.test(algorithm)) {
      util.warnOnce('Creating SHAKE128/256 digests without an explicit options.outputLength is deprecated.', 'DEP0198');
    }
    if (h === -2) {
      const err = new Error(`Output length ${xofLen} is invalid for ${algorithm}, which does not support XOF`);
      err.code = 'ERR_CRYPTO_INVALID_DIGEST';
      throw err;
    }
  }
  if (h === -1) throw new Error('Digest method not supported');
  this[kHandle] = h;
  hashRegistry.register(this, h);
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);
Hash.prototype._transform = hashTransform;
Hash.prototype._flush = hashFlush;

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  const h = binding.hashCopy(this[kHandle]);
  return new Hash(h, options);
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  binding.hashUpdate(this[kHandle], dataArg(data, encoding));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  this[kState].finalized = true;
  const enc = normalizeOutEncoding(outputEncoding);
  const cached = this[kState].cached;
  if (cached !== undefined) return encodeOther(cached, enc ?? undefined);
  const out = binding.hashDigest(this[kHandle], enc);
  if (typeof out === 'string') return out;
  return encodeOther(out, enc);
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options && typeof options === 'object' ? options.encoding : undefined;
  const keyBytes = keys.prepareSecretKey(key, encoding);
  const h = binding.hmacNew(hmac, keyBytes);
  if (h === -1) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kHandle] = h;
  hashRegistry.register(this, h);
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);
Hmac.prototype._transform = hashTransform;
Hmac.prototype._flush = hashFlush;
Hmac.prototype.update = Hash.prototype.update;

Hmac.prototype.digest = function digest(outputEncoding) {
  const enc = normalizeOutEncoding(outputEncoding);
  if (this[kState].finalized) {
    // A second digest() of an Hmac returns an empty result.
    return enc === undefined ? toBuffer(new Uint8Array(0)) : '';
  }
  this[kState].finalized = true;
  if (this[kState].cached !== undefined) return encodeOther(this[kState].cached, enc);
  const out = binding.hashDigest(this[kHandle], enc);
  if (typeof out === 'string') return out;
  return encodeOther(out, enc);
};

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

// hash(algorithm, data, options = 'hex'): the one-shot helper; options is
// an output encoding or { outputEncoding, outputLength }.
function hash(algorithm, input, options = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let outputEncoding = options;
  let outputLength;
  if (options !== null && typeof options === 'object') {
    outputEncoding = options.outputEncoding ?? 'hex';
    outputLength = options.outputLength;
  }
  validateString(outputEncoding, 'outputEncoding');
  if (outputEncoding !== 'buffer' && !require('buffer').Buffer.isEncoding(outputEncoding)) {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('outputEncoding', outputEncoding);
  }
  const opts = outputLength === undefined ? undefined : { outputLength };
  return createHash(algorithm, opts).update(input).digest(outputEncoding === 'buffer' ? undefined : outputEncoding);
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

// Certificate: the SPKAC helpers of <keygen> (Netscape SPKI).
function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}
function spkacArg(spkac, encoding) {
  const bytes = util.getArrayBufferOrView(spkac, 'spkac', encoding);
  if (bytes.byteLength > kMaxLength) throw new ERR_OUT_OF_RANGE('spkac', `<= ${kMaxLength}`, bytes.byteLength);
  return bytes;
}
const spkacMethods = {
  verifySpkac(spkac, encoding) { return binding.spkac('verify', spkacArg(spkac, encoding)); },
  exportPublicKey(spkac, encoding) {
    const out = binding.spkac('publicKey', spkacArg(spkac, encoding));
    return out === '' ? '' : require('buffer').Buffer.from(out);
  },
  exportChallenge(spkac, encoding) {
    const out = binding.spkac('challenge', spkacArg(spkac, encoding));
    return typeof out === 'string' ? out : toBuffer(out);
  },
};
for (const [name, fn] of Object.entries(spkacMethods)) {
  Certificate[name] = fn;
  Certificate.prototype[name] = fn;
}

const exported = {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  randomUUIDv7,
  getRandomValues,
  createHash,
  createHmac,
  hash,
  Hash: require('internal/util').deprecate(Hash, 'crypto.Hash constructor is deprecated.', 'DEP0179'),
  Hmac: require('internal/util').deprecate(Hmac, 'crypto.Hmac constructor is deprecated.', 'DEP0181'),
  timingSafeEqual,
  getHashes: util.getHashes,
  getCiphers: util.getCiphers,
  getCurves: util.getCurves,
  getFips: util.getFips,
  setFips: util.setFips,
  setEngine: util.setEngine,
  secureHeapUsed: util.secureHeapUsed,
  createSecretKey: keys.createSecretKey,
  createPrivateKey: keys.createPrivateKey,
  createPublicKey: keys.createPublicKey,
  generateKeyPair: keys.generateKeyPair,
  generateKeyPairSync: keys.generateKeyPairSync,
  generateKey: keys.generateKey,
  generateKeySync: keys.generateKeySync,
  KeyObject: keys.KeyObject,
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  Cipheriv: cipher.Cipheriv,
  Decipheriv: cipher.Decipheriv,
  getCipherInfo: cipher.getCipherInfo,
  publicEncrypt: cipher.publicEncrypt,
  privateDecrypt: cipher.privateDecrypt,
  privateEncrypt: cipher.privateEncrypt,
  publicDecrypt: cipher.publicDecrypt,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  Sign: sig.Sign,
  Verify: sig.Verify,
  sign: sig.sign,
  verify: sig.verify,
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  createDiffieHellman: dh.createDiffieHellman,
  createDiffieHellmanGroup: dh.createDiffieHellmanGroup,
  getDiffieHellman: dh.getDiffieHellman,
  DiffieHellman: dh.DiffieHellman,
  DiffieHellmanGroup: dh.DiffieHellmanGroup,
  createECDH: dh.createECDH,
  ECDH: dh.ECDH,
  diffieHellman: dh.diffieHellman,
  Certificate,
  webcrypto: webcrypto.crypto,
  subtle: webcrypto.subtle,
  constants: util.constants,
};

{
  const { pendingDeprecate } = require('internal/util');
  for (const name of ['pseudoRandomBytes', 'prng', 'rng']) {
    const fn = pendingDeprecate(randomBytes, `crypto.${name} is deprecated.`, 'DEP0115');
    Object.defineProperty(exported, name, { value: fn, enumerable: false, configurable: true, writable: true });
  }
}

Object.defineProperty(exported, 'X509Certificate', {
  get() { return require('internal/crypto/x509').X509Certificate; },
  enumerable: true, configurable: true,
});

Object.defineProperty(exported, 'fips', {
  get: util.getFips, set: util.setFips, enumerable: false, configurable: true,
});

Object.assign(exported, require('internal/crypto/prime'));

// Not implemented yet: calling them says so.
for (const name of ['encapsulate', 'decapsulate']) {
  exported[name] = function() { throw notImplemented(`crypto.${name}`); };
}
// As node built with an OpenSSL before 3.2 (process.versions.openssl is 3.0.0).
for (const name of ['argon2', 'argon2Sync']) {
  exported[name] = function() {
    throw new (require('internal/errors').codes.ERR_CRYPTO_ARGON2_NOT_SUPPORTED)();
  };
}

module.exports = exported;
