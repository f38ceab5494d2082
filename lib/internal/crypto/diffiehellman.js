'use strict';
// Diffie-Hellman: finite-field (createDiffieHellman, getDiffieHellman),
// elliptic-curve (createECDH, ECDH.convertKey) and crypto.diffieHellman
// over key objects.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_CRYPTO_UNKNOWN_DH_GROUP, ERR_CRYPTO_INVALID_KEYLEN, ERR_CRYPTO_INVALID_STATE,
    ERR_CRYPTO_ECDH_INVALID_FORMAT, ERR_CRYPTO_INCOMPATIBLE_KEY, ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { validateString, validateInt32, validateObject, validateFunction } = require('internal/validators');
const {
  binding, kHandle, toBuf, encodeOut, getArrayBufferOrView, isArrayBufferView, isAnyArrayBuffer,
} = require('internal/crypto/util');
const { isKeyObject } = require('internal/crypto/keys');

function Buf() { return require('buffer').Buffer; }

const kState = Symbol('kState');

function sslError(hex, library, reason, code) {
  const err = new Error(`error:${hex}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

function badGenerator() {
  return sslError('05000070', 'Diffie-Hellman routines', 'bad generator', 'ERR_OSSL_DH_BAD_GENERATOR');
}

function isEncoding(e) { return typeof e === 'string' && (e === 'buffer' || Buf().isEncoding(e)); }

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !isArrayBufferView(sizeOrKey) &&
      !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  if (keyEncoding && !isEncoding(keyEncoding)) {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  const encoding = keyEncoding || 'buffer';
  if (generator === undefined) generator = 2;
  else if (typeof generator === 'number') validateInt32(generator, 'generator');
  else if (typeof generator === 'string') generator = toU8(Buf().from(generator, genEncoding));
  else if (!isArrayBufferView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE('generator', ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], generator);
  } else generator = toU8(getArrayBufferOrView(generator, 'generator'));

  let g;
  if (typeof generator === 'number') {
    if (generator < 2) throw badGenerator();
    g = numToBytes(generator);
  } else {
    g = generator;
    if (bytesToBig(g) < 2n) throw badGenerator();
  }
  let prime;
  if (typeof sizeOrKey === 'number') {
    if (sizeOrKey < 2) {
      throw sslError('05800080', 'Diffie-Hellman routines', 'modulus too small', 'ERR_OSSL_DH_MODULUS_TOO_SMALL');
    }
    prime = binding.dh('prime', sizeOrKey, typeof generator === 'number' ? generator : 2);
  } else {
    prime = toU8(getArrayBufferOrView(sizeOrKey, 'sizeOrKey', encoding));
  }
  initDH(this, prime, g);
}

function toU8(b) { return new Uint8Array(b.buffer, b.byteOffset, b.byteLength); }

function numToBytes(n) {
  const out = [];
  while (n > 0) {
    out.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return new Uint8Array(out);
}

function bytesToBig(b) {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

function initDH(self, prime, g) {
  self[kState] = { prime, g, priv: undefined, pub: undefined };
  let verifyError;
  Object.defineProperty(self, 'verifyError', {
    get() { return (verifyError ??= binding.dh('check', prime, g)); },
    enumerable: true, configurable: true,
  });
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  validateString(name, 'name');
  const prime = binding.dh('group', name);
  if (!prime) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
  initDH(this, prime, new Uint8Array([2]));
}

function dhGenerateKeys(encoding) {
  const st = this[kState];
  const [priv, pub] = binding.dh('generate', st.prime, st.g, st.priv);
  st.priv = priv;
  st.pub = pub;
  return encodeOut(toBuf(pub), encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  const st = this[kState];
  const peer = getArrayBufferOrView(key, 'key', inEnc);
  if (st.priv === undefined) throw new ERR_CRYPTO_INVALID_STATE('computeSecret');
  const r = binding.dh('compute', st.prime, st.priv, peer);
  if (typeof r === 'string') {
    const err = new ERR_CRYPTO_INVALID_KEYLEN();
    err.message = r;
    throw err;
  }
  return encodeOut(toBuf(r), outEnc);
}

function dhGetter(field, missing) {
  return function(encoding) {
    const v = this[kState][field];
    if (v === undefined) {
      const err = new ERR_CRYPTO_INVALID_STATE(field);
      err.message = missing;
      throw err;
    }
    return encodeOut(toBuf(v.slice()), encoding);
  };
}

function dhSetPublicKey(key, encoding) {
  this[kState].pub = toU8(getArrayBufferOrView(key, 'key', encoding)).slice();
  return this;
}

function dhSetPrivateKey(key, encoding) {
  const st = this[kState];
  st.priv = toU8(getArrayBufferOrView(key, 'key', encoding)).slice();
  return this;
}

const dhMethods = {
  generateKeys: dhGenerateKeys,
  computeSecret: dhComputeSecret,
  getPrime: dhGetter('prime', 'No prime'),
  getGenerator: dhGetter('g', 'No generator'),
  getPublicKey: dhGetter('pub', 'No public key - did you forget to generate one?'),
  getPrivateKey: dhGetter('priv', 'No private key - did you forget to generate one?'),
};
Object.assign(DiffieHellman.prototype, dhMethods, { setPublicKey: dhSetPublicKey, setPrivateKey: dhSetPrivateKey });
Object.assign(DiffieHellmanGroup.prototype, dhMethods);

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) { return new DiffieHellmanGroup(name); }

// --- ECDH ---------------------------------------------------------------

function getFormat(format) {
  if (format) {
    if (format === 'compressed') return 'compressed';
    if (format === 'hybrid') return 'hybrid';
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return 'uncompressed';
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  if (!binding.ecdh('check', curve)) {
    throw new (require('internal/errors').codes.ERR_CRYPTO_INVALID_CURVE)();
  }
  this[kState] = { curve, priv: undefined, pub: undefined };
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  const st = this[kState];
  const [priv, pub] = binding.ecdh('generate', st.curve);
  st.priv = priv;
  st.pub = pub;
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  const st = this[kState];
  const peer = getArrayBufferOrView(key, 'key', inEnc);
  if (st.priv === undefined) throw new ERR_CRYPTO_INVALID_STATE('computeSecret');
  return encodeOut(toBuf(binding.ecdh('compute', st.curve, st.priv, peer)), outEnc);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const st = this[kState];
  const f = getFormat(format);
  if (st.pub === undefined) {
    const err = new Error('Failed to get ECDH public key');
    err.code = 'ERR_CRYPTO_OPERATION_FAILED';
    throw err;
  }
  const out = f === 'uncompressed' ? st.pub : binding.ecdh('convert', st.curve, st.pub, f);
  return encodeOut(toBuf(out.slice()), encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const st = this[kState];
  if (st.priv === undefined) {
    const err = new Error('Failed to get ECDH private key');
    err.code = 'ERR_CRYPTO_OPERATION_FAILED';
    throw err;
  }
  return encodeOut(toBuf(st.priv.slice()), encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  const st = this[kState];
  const priv = toU8(getArrayBufferOrView(key, 'key', encoding)).slice();
  let pub;
  try {
    pub = binding.ecdh('public', st.curve, priv, 'uncompressed');
  } catch (e) {
    const RangeErr = require('internal/errors').codes.ERR_CRYPTO_INVALID_KEYTYPE;
    const err = new RangeErr();
    Object.setPrototypeOf(err, RangeError.prototype);
    err.name = 'RangeError';
    err.message = 'Private key is not valid for specified curve.';
    throw err;
  }
  st.priv = priv;
  st.pub = pub;
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  require('internal/crypto/util').warnOnce('ecdh.setPublicKey() is deprecated.', 'DEP0031');
  const st = this[kState];
  const pub = toU8(getArrayBufferOrView(key, 'key', encoding)).slice();
  st.pub = binding.ecdh('convert', st.curve, pub, 'uncompressed');
  return this;
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  const k = getArrayBufferOrView(key, 'key', inEnc);
  const f = getFormat(format);
  if (!binding.ecdh('check', curve)) {
    throw new (require('internal/errors').codes.ERR_CRYPTO_INVALID_CURVE)();
  }
  let out;
  try {
    out = binding.ecdh('convert', curve, k, f);
  } catch (e) {
    const err = new Error('Failed to convert Buffer to EC_POINT');
    err.code = 'ERR_CRYPTO_OPERATION_FAILED';
    throw err;
  }
  return encodeOut(toBuf(out), outEnc);
};

function createECDH(curve) { return new ECDH(curve); }

// diffieHellman({ privateKey, publicKey }) over key objects.
function diffieHellman(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!isKeyObject(publicKey)) throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') {
    throw new (require('internal/errors').codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE)(privateKey.type, 'private');
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new (require('internal/errors').codes.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE)(publicKey.type, 'private or public');
  }
  const privType = privateKey.asymmetricKeyType;
  const pubType = publicKey.asymmetricKeyType;
  if (privType !== pubType || !['dh', 'ec', 'x448', 'x25519'].includes(privType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman', `${privType} and ${pubType}`);
  }
  const pubBytes = publicKey.type === 'private' ? binding.keyPublic(publicKey[kHandle].bytes) : publicKey[kHandle].bytes;
  const run = () => toBuf(binding.dhKeys(privateKey[kHandle].bytes, pubBytes));
  if (callback === undefined) return run();
  let result;
  let error = null;
  try {
    result = run();
  } catch (e) {
    error = e;
  }
  process.nextTick(callback, error, result);
}

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  createDiffieHellman,
  createDiffieHellmanGroup,
  getDiffieHellman: createDiffieHellmanGroup,
  createECDH,
  diffieHellman,
};
