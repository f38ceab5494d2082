'use strict';
// KeyObject and its kinds, createSecretKey/createPrivateKey/createPublicKey,
// key encodings (PEM, DER, JWK) and key generation. Asymmetric keys are
// held as DER (PKCS#8 for private keys, SPKI for public ones) that the Go
// binding parses for each operation.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS, ERR_OUT_OF_RANGE, ERR_CRYPTO_INVALID_JWK,
    ERR_ILLEGAL_CONSTRUCTOR, ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
  },
  notImplemented,
} = require('internal/errors');
const {
  validateString, validateObject, validateFunction, validateUint32, validateInt32, validateOneOf,
} = require('internal/validators');
const {
  binding, kHandle, toBuf, getArrayBufferOrView, isArrayBufferView, isAnyArrayBuffer, kBufferTypes,
} = require('internal/crypto/util');

const kKeyType = Symbol('kKeyType');
const kDetails = Symbol('kDetails');

function Buf() { return require('buffer').Buffer; }

// The handle: { kind: 'secret' | 'public' | 'private', bytes, asym }.
class KeyObjectHandle {
  constructor(kind, bytes, asym) {
    this.kind = kind;
    this.bytes = bytes;
    this.asym = asym;
  }
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    Object.defineProperty(this, kKeyType, { value: type, enumerable: false, configurable: false, writable: false });
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }

  get type() { return this[kKeyType]; }

  static from(key) {
    const webcrypto = require('internal/crypto/webcrypto');
    if (!webcrypto.isCryptoKey || !webcrypto.isCryptoKey(key)) {
      throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    }
    return webcrypto.keyObjectOf(key);
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    const a = this[kHandle].bytes;
    const b = otherKeyObject[kHandle].bytes;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  toCryptoKey() {
    throw notImplemented('KeyObject.prototype.toCryptoKey');
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() { return this[kHandle].bytes.length; }

  export(options) {
    if (options !== undefined) validateObject(options, 'options');
    const format = options?.format;
    if (format === 'jwk') {
      return { kty: 'oct', k: toBuf(this[kHandle].bytes).toString('base64url') };
    }
    if (format !== undefined && format !== 'buffer') {
      throw new ERR_INVALID_ARG_VALUE('options.format', format);
    }
    return Buf().from(this[kHandle].bytes);
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() { return this[kHandle].asym; }

  get asymmetricKeyDetails() {
    const h = this[kHandle];
    if (!h[kDetails]) {
      h[kDetails] = binding.keyDetails(h.kind, h.bytes);
    }
    return { ...h[kDetails] };
  }

  export(options) {
    const h = this[kHandle];
    if (options && options.format === 'jwk') {
      return binding.keyJwk(h.kind, h.bytes);
    }
    const { format, type, cipher, passphrase } = parseKeyEncoding(options, h.kind, undefined);
    if (type === 'pkcs1' && h.asym !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('pkcs1', 'can only be used for RSA keys');
    }
    if (type === 'sec1' && h.asym !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('sec1', 'can only be used for EC keys');
    }
    const out = binding.keyExport(h.kind, h.bytes, format, type, cipher, passphrase);
    return typeof out === 'string' ? out : toBuf(out);
  }
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }
}

function isKeyObject(v) {
  return v != null && typeof v === 'object' && v[kHandle] instanceof KeyObjectHandle;
}

function isCryptoKey(v) {
  try {
    const webcrypto = require('internal/crypto/webcrypto');
    return typeof webcrypto.isCryptoKey === 'function' && webcrypto.isCryptoKey(v);
  } catch {
    return false;
  }
}

function option(name, objName) {
  return objName === undefined ? `options.${name}` : `options.${objName}.${name}`;
}

function isStringOrBuffer(v) {
  return typeof v === 'string' || isArrayBufferView(v) || isAnyArrayBuffer(v);
}

// parseKeyEncoding validates export/generation encoding options:
// { format, type, cipher, passphrase }.
function parseKeyEncoding(enc, kind, objName) {
  validateObject(enc, objName === undefined ? 'options' : `options.${objName}`);
  const { format, type, cipher } = enc;
  let { passphrase } = enc;
  if (format !== 'pem' && format !== 'der') {
    throw new ERR_INVALID_ARG_VALUE(option('format', objName), format);
  }
  const allowed = kind === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) {
    throw new ERR_INVALID_ARG_VALUE(option('type', objName), type);
  }
  if (kind === 'private') {
    if (cipher != null) {
      if (typeof cipher !== 'string') throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
      }
      if (!isStringOrBuffer(passphrase)) {
        throw new ERR_INVALID_ARG_VALUE(option('passphrase', objName), passphrase);
      }
    } else if (passphrase !== undefined) {
      throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher, 'is required when a passphrase is specified');
    }
  }
  if (passphrase !== undefined) passphrase = getArrayBufferOrView(passphrase, option('passphrase', objName), enc.encoding);
  if (cipher != null) {
    const { getCipherInfo } = require('internal/crypto/cipher');
    if (!getCipherInfo(cipher)) throw new (require('internal/errors').codes.ERR_CRYPTO_UNKNOWN_CIPHER)();
  }
  return { format, type, cipher: cipher ?? undefined, passphrase };
}

function makeKey(res) {
  const [kind, asym, der] = res;
  const h = new KeyObjectHandle(kind, der, asym);
  return kind === 'private' ? new PrivateKeyObject(h) : new PublicKeyObject(h);
}

const kKeyInputTypes = ['string', ...kBufferTypes, 'URL'];

// prepareAsymmetricKey reads what createPrivateKey/createPublicKey, sign,
// verify and the RSA functions accept, and returns a KeyObject. want is
// 'private' or 'public'; a private key passed where a public one is
// wanted stays private when keepPrivate is set.
function prepareAsymmetricKey(key, want, keepPrivate = false, name = 'key') {
  if (isKeyObject(key)) {
    return checkKeyObject(key, want, keepPrivate);
  }
  if (isCryptoKey(key)) return checkKeyObject(KeyObject.from(key), want, keepPrivate);
  if (isStringOrBuffer(key)) {
    return parseInput(want, { key }, keepPrivate, name);
  }
  if (key != null && typeof key === 'object') {
    const data = key.key;
    if (isKeyObject(data)) return checkKeyObject(data, want, keepPrivate);
    if (isCryptoKey(data)) return checkKeyObject(KeyObject.from(data), want, keepPrivate);
    if (key.format === 'jwk') {
      validateObject(data, `${name}.key`);
      return makeKey(jwkImport(data, want === 'private' || (keepPrivate && data.d !== undefined)));
    }
    if (!isStringOrBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE(`${name}.key`, [...kKeyInputTypes, 'KeyObject', 'CryptoKey'], data);
    }
    return parseInput(want, key, keepPrivate, name);
  }
  throw new ERR_INVALID_ARG_TYPE(name, [...kKeyInputTypes, 'KeyObject', 'CryptoKey'], key);
}

function checkKeyObject(key, want, keepPrivate) {
  if (key.type === 'secret') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE('secret', want === 'private' ? 'private' : 'private or public');
  }
  if (want === 'private' && key.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
  }
  if (want === 'public' && key.type === 'private' && !keepPrivate) {
    return derivePublic(key);
  }
  return key;
}

function derivePublic(key) {
  const spki = binding.keyPublic(key[kHandle].bytes);
  return new PublicKeyObject(new KeyObjectHandle('public', spki, key[kHandle].asym));
}

function parseInput(want, opts, keepPrivate, name) {
  const format = opts.format ?? 'pem';
  if (format !== 'pem' && format !== 'der' && format !== 'jwk') {
    throw new ERR_INVALID_ARG_VALUE(`${name}.format`, format);
  }
  const data = getArrayBufferOrView(opts.key, `${name}.key`, opts.encoding);
  let type = opts.type;
  if (format === 'der') {
    const allowed = want === 'private' ? ['pkcs1', 'pkcs8', 'sec1'] : ['pkcs1', 'spki', 'pkcs8', 'sec1'];
    if (!allowed.includes(type)) throw new ERR_INVALID_ARG_VALUE(`${name}.type`, type);
  } else {
    type = '';
  }
  let passphrase = opts.passphrase;
  if (passphrase !== undefined) {
    if (!isStringOrBuffer(passphrase)) throw new ERR_INVALID_ARG_VALUE(`${name}.passphrase`, passphrase);
    passphrase = getArrayBufferOrView(passphrase, `${name}.passphrase`, opts.encoding);
  }
  if (want === 'public' && keepPrivate) {
    // Try the input as a private key first, then as a public one.
    try {
      return makeKey(binding.keyParse('private', data, format, type, passphrase));
    } catch (err) {
      if (err && err.code === 'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED') throw err;
      if (err && err.code === 'ERR_OSSL_BAD_DECRYPT') throw err;
    }
  }
  return makeKey(binding.keyParse(want, data, format, type, passphrase));
}

const jwkKtys = ['RSA', 'EC', 'OKP'];

function jwkImport(jwk, isPrivate) {
  validateString(jwk.kty, 'key.kty');
  if (!jwkKtys.includes(jwk.kty)) {
    throw new ERR_INVALID_ARG_VALUE('key.kty', jwk.kty, `must be one of: ${jwkKtys.map((k) => `'${k}'`).join(', ')}`);
  }
  if (jwk.kty === 'EC') {
    validateString(jwk.crv, 'key.crv');
    if (!['P-256', 'P-384', 'P-521', 'secp256k1'].includes(jwk.crv)) {
      throw new ERR_INVALID_ARG_VALUE('key.crv', jwk.crv, "must be one of: 'P-256', 'secp256k1', 'P-384', 'P-521'");
    }
  }
  if (jwk.kty === 'OKP') {
    validateString(jwk.crv, 'key.crv');
    if (!['Ed25519', 'Ed448', 'X25519', 'X448'].includes(jwk.crv)) {
      throw new ERR_INVALID_ARG_VALUE('key.crv', jwk.crv, "must be one of: 'Ed25519', 'Ed448', 'X25519', 'X448'");
    }
    validateString(jwk.x, 'key.x');
    if (isPrivate) validateString(jwk.d, 'key.d');
  }
  if (jwk.kty === 'EC') {
    validateString(jwk.x, 'key.x');
    validateString(jwk.y, 'key.y');
    if (isPrivate) validateString(jwk.d, 'key.d');
  }
  if (jwk.kty === 'RSA') {
    validateString(jwk.n, 'key.n');
    validateString(jwk.e, 'key.e');
    if (isPrivate) {
      for (const f of ['d', 'p', 'q', 'dp', 'dq', 'qi']) validateString(jwk[f], `key.${f}`);
    }
  }
  try {
    return binding.keyFromJwk(jwk, isPrivate);
  } catch (err) {
    if (err && err.code === 'ERR_CRYPTO_INVALID_JWK') {
      throw new ERR_CRYPTO_INVALID_JWK(`${jwk.kty}`);
    }
    throw err;
  }
}

function createSecretKey(key, encoding) {
  if (isKeyObject(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', kBufferTypes, key);
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) && !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE('key', kBufferTypes, key);
  }
  const bytes = getArrayBufferOrView(key, 'key', encoding);
  return new SecretKeyObject(new KeyObjectHandle('secret', new Uint8Array(bytes), undefined));
}

function createPrivateKey(key) {
  if (isKeyObject(key)) throw new ERR_INVALID_ARG_TYPE('key', kKeyInputTypes, key);
  validateKeyInput(key);
  return prepareAsymmetricKey(key, 'private');
}

function createPublicKey(key) {
  validateKeyInput(key);
  if (isKeyObject(key)) {
    if (key.type !== 'private') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    return derivePublic(key);
  }
  if (key != null && typeof key === 'object' && isKeyObject(key.key)) {
    if (key.key.type !== 'private') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.key.type, 'private');
    return derivePublic(key.key);
  }
  return prepareAsymmetricKey(key, 'public');
}

function validateKeyInput(key) {
  if (typeof key === 'string' || isArrayBufferView(key) || isAnyArrayBuffer(key) || isKeyObject(key)) return;
  if (key != null && typeof key === 'object') {
    if (isKeyObject(key.key) || isStringOrBuffer(key.key) || (key.format === 'jwk' && key.key !== null && typeof key.key === 'object')) return;
    throw new ERR_INVALID_ARG_TYPE('key.key', kKeyInputTypes, key.key);
  }
  throw new ERR_INVALID_ARG_TYPE('key', kKeyInputTypes, key);
}

// --- key generation -----------------------------------------------------

function parseKeyGenOptions(type, options) {
  validateString(type, 'type');
  validateObject(options ?? {}, 'options');
  options ??= {};
  const opts = {};
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateUint32(options.modulusLength, 'options.modulusLength');
      opts.modulusLength = options.modulusLength;
      if (options.publicExponent !== undefined) {
        validateUint32(options.publicExponent, 'options.publicExponent');
        opts.publicExponent = options.publicExponent;
      }
      if (type === 'rsa-pss') {
        const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
        if (saltLength !== undefined) validateInt32(saltLength, 'options.saltLength', 0);
        if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
        if (mgf1HashAlgorithm !== undefined) validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
        if (hash !== undefined) {
          validateString(hash, 'options.hash');
          if (hashAlgorithm !== undefined && hash !== hashAlgorithm) {
            throw new ERR_INVALID_ARG_VALUE('options.hash', hash);
          }
        }
        if (mgf1Hash !== undefined) {
          validateString(mgf1Hash, 'options.mgf1Hash');
          if (mgf1HashAlgorithm !== undefined && mgf1Hash !== mgf1HashAlgorithm) {
            throw new ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
          }
        }
        opts.hashAlgorithm = hashAlgorithm ?? hash;
        opts.mgf1HashAlgorithm = mgf1HashAlgorithm ?? mgf1Hash;
        opts.saltLength = saltLength;
      }
      break;
    }
    case 'ec': {
      validateString(options.namedCurve, 'options.namedCurve');
      if (options.paramEncoding !== undefined && options.paramEncoding !== 'named' && options.paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', options.paramEncoding);
      }
      opts.namedCurve = options.namedCurve;
      opts.paramEncoding = options.paramEncoding;
      break;
    }
    case 'ed25519':
    case 'x25519':
      break;
    case 'dsa':
      if (options.publicKeyEncoding?.format === 'jwk' || options.privateKeyEncoding?.format === 'jwk') {
        throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
      }
      validateUint32(options.modulusLength, 'options.modulusLength');
      opts.modulusLength = options.modulusLength;
      if (options.divisorLength !== undefined && options.divisorLength !== null) {
        validateInt32(options.divisorLength, 'options.divisorLength', 0);
        opts.divisorLength = options.divisorLength;
      }
      break;
    case 'dh': {
      if (options.publicKeyEncoding?.format === 'jwk' || options.privateKeyEncoding?.format === 'jwk') {
        throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
      }
      const { group, primeLength, prime, generator } = options;
      if (group != null) {
        if (prime != null) throw new (require('internal/errors').codes.ERR_INCOMPATIBLE_OPTION_PAIR)('group', 'prime');
        if (primeLength != null) throw new (require('internal/errors').codes.ERR_INCOMPATIBLE_OPTION_PAIR)('group', 'primeLength');
        if (generator != null) throw new (require('internal/errors').codes.ERR_INCOMPATIBLE_OPTION_PAIR)('group', 'generator');
        validateString(group, 'options.group');
        opts.group = group;
      } else {
        if (prime != null) {
          if (primeLength != null) throw new (require('internal/errors').codes.ERR_INCOMPATIBLE_OPTION_PAIR)('prime', 'primeLength');
          opts.prime = getArrayBufferOrView(prime, 'options.prime');
        } else if (primeLength != null) {
          validateInt32(primeLength, 'options.primeLength', 0);
          opts.primeLength = primeLength;
        } else {
          throw new (require('internal/errors').codes.ERR_MISSING_OPTION)('At least one of the group, prime, or primeLength options');
        }
        if (generator != null) {
          validateInt32(generator, 'options.generator', 0);
          opts.generator = generator;
        }
      }
      break;
    }
    case 'ed448':
    case 'x448':
      if ((type === 'dsa' || type === 'dh') && (options.publicKeyEncoding?.format === 'jwk' ||
          options.privateKeyEncoding?.format === 'jwk')) {
        throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
      }
      throw notImplemented(`crypto.generateKeyPair type '${type}'`);
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  let pubEnc;
  let privEnc;
  if (options.publicKeyEncoding !== undefined) {
    validateObject(options.publicKeyEncoding, 'options.publicKeyEncoding');
    pubEnc = options.publicKeyEncoding.format === 'jwk' ? { format: 'jwk' } :
      parseKeyEncoding(options.publicKeyEncoding, 'public', 'publicKeyEncoding');
  }
  if (options.privateKeyEncoding !== undefined) {
    validateObject(options.privateKeyEncoding, 'options.privateKeyEncoding');
    privEnc = options.privateKeyEncoding.format === 'jwk' ? { format: 'jwk' } :
      parseKeyEncoding(options.privateKeyEncoding, 'private', 'privateKeyEncoding');
  }
  for (const [enc, name] of [[pubEnc, 'publicKeyEncoding'], [privEnc, 'privateKeyEncoding']]) {
    if (enc && enc.type === 'pkcs1' && type !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('pkcs1', 'can only be used for RSA keys');
    }
    if (enc && enc.type === 'sec1' && type !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('sec1', 'can only be used for EC keys');
    }
    void name;
  }
  return { opts, pubEnc, privEnc };
}

function encodeGenerated(type, res, pubEnc, privEnc) {
  const [spki, pkcs8] = res;
  const publicKey = new PublicKeyObject(new KeyObjectHandle('public', spki, type));
  const privateKey = new PrivateKeyObject(new KeyObjectHandle('private', pkcs8, type));
  return {
    publicKey: pubEnc ? publicKey.export(pubEnc) : publicKey,
    privateKey: privEnc ? privateKey.export(privEnc) : privateKey,
  };
}

function generateKeyPairSync(type, options) {
  const { opts, pubEnc, privEnc } = parseKeyGenOptions(type, options);
  return encodeGenerated(type, binding.keyGen(type, opts), pubEnc, privEnc);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { opts, pubEnc, privEnc } = parseKeyGenOptions(type, options);
  callback = require('internal/crypto/util').bindDomain(callback);
  binding.keyGen(type, opts, (err, res) => {
    if (err) return callback(err);
    let out;
    try {
      out = encodeGenerated(type, res, pubEnc, privEnc);
    } catch (e) {
      return callback(e);
    }
    callback(null, out.publicKey, out.privateKey);
  });
}

Object.defineProperty(generateKeyPair, require('internal/util').customPromisifyArgs ?? Symbol('customPromisifyArgs'), {
  value: ['publicKey', 'privateKey'], enumerable: false,
});

function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      return Math.floor(length / 8);
    case 'aes':
      validateOneOf(length, 'options.length', [128, 192, 256]);
      return length / 8;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
}

function validateInteger(value, name, min, max) {
  require('internal/validators').validateInteger(value, name, min, max);
}

function generateKeySync(type, options) {
  const n = secretKeyLength(type, options);
  const bytes = new Uint8Array(n);
  binding.randomFill(bytes);
  return new SecretKeyObject(new KeyObjectHandle('secret', bytes, undefined));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const key = generateKeySync(type, options);
  setImmediate(() => callback(null, key));
}

// keyBytes returns the raw bytes of a secret key given as a KeyObject,
// string or buffer (for HMAC, ciphers and KDFs).
function prepareSecretKey(key, encoding, name = 'key', bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kHandle].bytes;
    }
    if (isCryptoKey(key)) return prepareSecretKey(KeyObject.from(key), encoding, name);
  }
  if (typeof key === 'string' || isArrayBufferView(key) || isAnyArrayBuffer(key)) {
    return getArrayBufferOrView(key, name, encoding);
  }
  throw new ERR_INVALID_ARG_TYPE(name, bufferOnly ? [...kBufferTypes, 'string'] :
    ['string', ...kBufferTypes, 'KeyObject', 'CryptoKey'], key);
}

void ERR_OUT_OF_RANGE;
void ERR_ILLEGAL_CONSTRUCTOR;

module.exports = {
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  KeyObjectHandle,
  isKeyObject,
  createSecretKey,
  createPrivateKey,
  createPublicKey,
  prepareAsymmetricKey,
  prepareSecretKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  parseKeyEncoding,
  makeKey,
};
