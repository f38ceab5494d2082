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
    if (aesNames.has(name)) return aesImport(format, keyData, name, extractable, keyUsages);
    if (asymNames.has(name)) return asymImport(format, keyData, normalizeAlg(algorithm), extractable, keyUsages);
    if (kdfNames.has(name)) return kdfImport(format, keyData, name, extractable, keyUsages);
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
    if (aesNames.has(key.algorithm.name)) return aesExport(format, key);
    if (asymNames.has(key.algorithm.name)) return asymExport(format, key);
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
    if (aesNames.has(name)) {
      const length = Number(algorithm.length);
      if (![128, 192, 256].includes(length)) {
        throw new DOMException('AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
      const data = new Uint8Array(length / 8);
      binding.randomFill(data);
      return aesKey(name, data, extractable, keyUsages);
    }
    if (asymNames.has(name)) return asymGenerate(normalizeAlg(algorithm), extractable, keyUsages);
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
    if (asymNames.has(name)) return asymSign(normalizeAlg(algorithm), key, data);
    if (name !== 'HMAC') throw notImplemented(`crypto.subtle.sign for ${name}`);
    checkKey(key, 'HMAC', 'sign');
    return toArrayBuffer(hmac(key, data));
  },

  async verify(algorithm, key, signature, data) {
    const name = algorithmName(algorithm);
    if (asymNames.has(name)) return asymVerify(normalizeAlg(algorithm), key, signature, data);
    if (name !== 'HMAC') throw notImplemented(`crypto.subtle.verify for ${name}`);
    checkKey(key, 'HMAC', 'verify');
    const expected = hmac(key, data);
    const sig = bufferSource(signature, 'signature');
    return sig.byteLength === expected.byteLength && nodeCrypto().timingSafeEqual(sig, expected);
  },

  async deriveBits(algorithm, baseKey, length = null) {
    return deriveBits(algorithm, baseKey, length);
  },

  async encrypt(algorithm, key, data) {
    return cipherOp(algorithm, key, data, 'encrypt');
  },

  async decrypt(algorithm, key, data) {
    return cipherOp(algorithm, key, data, 'decrypt');
  },
};


// --- AES keys and ciphers --------------------------------------------------

const aesNames = new Set(['AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-KW']);
const aesUsages = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];

function aesKey(name, data, extractable, usages) {
  usages = [...usages];
  for (const u of usages) {
    if (!aesUsages.includes(u) || (name === 'AES-KW' && (u === 'encrypt' || u === 'decrypt'))) {
      throw new DOMException(`Unsupported key usage for an ${name} key`, 'SyntaxError');
    }
  }
  if (usages.length === 0) throw new DOMException('Usages cannot be empty when creating a key.', 'SyntaxError');
  if (![16, 24, 32].includes(data.byteLength)) {
    throw new DOMException('Invalid key length', 'DataError');
  }
  return new CryptoKey(kKey, 'secret', Boolean(extractable), { name, length: data.byteLength * 8 }, usages,
    new Uint8Array(data));
}

function aesImport(format, keyData, name, extractable, usages) {
  let data;
  if (format === 'raw') {
    data = bufferSource(keyData, 'keyData');
  } else if (format === 'jwk') {
    if (keyData === null || typeof keyData !== 'object') throw new ERR_INVALID_ARG_TYPE('keyData', 'object', keyData);
    if (keyData.kty !== 'oct') throw new DOMException('Invalid JWK "kty" Parameter', 'DataError');
    data = new Uint8Array(require('buffer').Buffer.from(keyData.k ?? '', 'base64url'));
  } else {
    throw new DOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  }
  return aesKey(name, data, extractable, usages);
}

function aesExport(format, key) {
  const data = key[kKeyData];
  if (format === 'raw') return toArrayBuffer(new Uint8Array(data));
  if (format === 'jwk') {
    const mode = key.algorithm.name.slice(4);
    return { key_ops: [...key.usages], ext: true, alg: `A${key.algorithm.length}${mode}`, kty: 'oct',
      k: require('buffer').Buffer.from(data).toString('base64url') };
  }
  throw new DOMException(`Unable to export ${key.algorithm.name} key with format ${format}`, 'NotSupportedError');
}

function cipherOp(algorithm, key, data, usage) {
  const name = algorithmName(algorithm);
  if (!(key instanceof CryptoKey)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
  if (key.algorithm.name !== name || !key.usages.includes(usage)) {
    throw new DOMException(`The requested operation is not valid for the provided key`, 'InvalidAccessError');
  }
  const input = bufferSource(data);
  const c = nodeCrypto();
  if (name === 'RSA-OAEP') {
    const opts = { key: key[kKeyData], padding: c.constants.RSA_PKCS1_OAEP_PADDING,
      oaepHash: hashNames[key.algorithm.hash.name] };
    if (algorithm.label !== undefined) opts.oaepLabel = bufferSource(algorithm.label, 'algorithm.label');
    try {
      return toArrayBuffer(usage === 'encrypt' ? c.publicEncrypt(opts, input) : c.privateDecrypt(opts, input));
    } catch (err) {
      throw new DOMException('The operation failed for an operation-specific reason', { name: 'OperationError', cause: err });
    }
  }
  const bits = key.algorithm.length;
  const iv = bufferSource(name === 'AES-CTR' ? algorithm.counter : algorithm.iv, 'algorithm.iv');
  const decrypt = usage === 'decrypt';
  if (name === 'AES-GCM') {
    const tagLength = algorithm.tagLength === undefined ? 128 : Number(algorithm.tagLength);
    if (![32, 64, 96, 104, 112, 120, 128].includes(tagLength)) {
      throw new DOMException(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
    }
    const tagBytes = tagLength / 8;
    const opts = { authTagLength: tagBytes };
    const ci = decrypt ? c.createDecipheriv(`aes-${bits}-gcm`, key[kKeyData], iv, opts) :
      c.createCipheriv(`aes-${bits}-gcm`, key[kKeyData], iv, opts);
    if (algorithm.additionalData !== undefined) ci.setAAD(bufferSource(algorithm.additionalData, 'algorithm.additionalData'));
    if (!decrypt) {
      const out = require('buffer').Buffer.concat([ci.update(input), ci.final(), ci.getAuthTag()]);
      return toArrayBuffer(out);
    }
    if (input.byteLength < tagBytes) throw new DOMException('The provided data is too small.', 'OperationError');
    ci.setAuthTag(input.subarray(input.byteLength - tagBytes));
    try {
      const out = require('buffer').Buffer.concat([ci.update(input.subarray(0, input.byteLength - tagBytes)), ci.final()]);
      return toArrayBuffer(out);
    } catch (err) {
      throw new DOMException('The operation failed for an operation-specific reason', { name: 'OperationError', cause: err });
    }
  }
  if (name === 'AES-CBC' || name === 'AES-CTR') {
    const mode = name === 'AES-CBC' ? 'cbc' : 'ctr';
    const ci = decrypt ? c.createDecipheriv(`aes-${bits}-${mode}`, key[kKeyData], iv) :
      c.createCipheriv(`aes-${bits}-${mode}`, key[kKeyData], iv);
    try {
      return toArrayBuffer(require('buffer').Buffer.concat([ci.update(input), ci.final()]));
    } catch (err) {
      throw new DOMException('The operation failed for an operation-specific reason', { name: 'OperationError', cause: err });
    }
  }
  throw notImplemented(`crypto.subtle.${usage} for ${name}`);
}

// --- asymmetric keys, over node:crypto key objects ---------------------------

const asymNames = new Set(['RSA-OAEP', 'RSASSA-PKCS1-V1_5', 'RSA-PSS', 'ECDSA', 'ED25519', 'ECDH', 'X25519']);
const canonicalNames = { 'RSA-OAEP': 'RSA-OAEP', 'RSASSA-PKCS1-V1_5': 'RSASSA-PKCS1-v1_5', 'RSA-PSS': 'RSA-PSS',
  ECDSA: 'ECDSA', ED25519: 'Ed25519', ECDH: 'ECDH', X25519: 'X25519' };
const curveOf = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const webCurveOf = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function normalizeAlg(algorithm) {
  const alg = typeof algorithm === 'string' ? { name: algorithm } : { ...algorithm };
  alg.name = canonicalNames[algorithmName(algorithm)];
  if (alg.hash !== undefined) alg.hash = { name: hashOf(alg.hash) };
  return alg;
}

function asymKey(alg, keyObject, extractable, usages) {
  const type = keyObject.type;
  const algorithm = { name: alg.name };
  if (alg.name.startsWith('RSA')) {
    const d = keyObject.asymmetricKeyDetails;
    algorithm.modulusLength = d.modulusLength;
    const e = d.publicExponent;
    const bytes = [];
    for (let v = e; v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
    algorithm.publicExponent = new Uint8Array(bytes);
    algorithm.hash = alg.hash;
  } else if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
    algorithm.namedCurve = webCurveOf[keyObject.asymmetricKeyDetails.namedCurve];
    if (alg.namedCurve !== undefined && alg.namedCurve !== algorithm.namedCurve) {
      throw new DOMException('Named curve mismatch', 'DataError');
    }
  }
  return new CryptoKey(kKey, type, Boolean(extractable), algorithm, [...usages], keyObject);
}

function asymImport(format, keyData, alg, extractable, usages) {
  const c = nodeCrypto();
  let key;
  try {
    if (format === 'spki') key = c.createPublicKey({ key: bufferSource(keyData, 'keyData'), format: 'der', type: 'spki' });
    else if (format === 'pkcs8') key = c.createPrivateKey({ key: bufferSource(keyData, 'keyData'), format: 'der', type: 'pkcs8' });
    else if (format === 'jwk') {
      key = keyData.d !== undefined ? c.createPrivateKey({ key: keyData, format: 'jwk' }) :
        c.createPublicKey({ key: keyData, format: 'jwk' });
    } else if (format === 'raw' && (alg.name === 'ECDSA' || alg.name === 'ECDH')) {
      const { x, y } = rawPoint(bufferSource(keyData, 'keyData'), alg.namedCurve);
      key = c.createPublicKey({ key: { kty: 'EC', crv: alg.namedCurve, x, y }, format: 'jwk' });
    } else if (format === 'raw' && (alg.name === 'Ed25519' || alg.name === 'X25519')) {
      const x = require('buffer').Buffer.from(bufferSource(keyData, 'keyData')).toString('base64url');
      key = c.createPublicKey({ key: { kty: 'OKP', crv: alg.name, x }, format: 'jwk' });
    } else {
      throw new DOMException(`Unable to import ${alg.name} key with format ${format}`, 'NotSupportedError');
    }
  } catch (err) {
    if (err instanceof DOMException) throw err;
    throw new DOMException('Invalid keyData', { name: 'DataError', cause: err });
  }
  const expected = { 'RSA-OAEP': 'rsa', 'RSASSA-PKCS1-v1_5': 'rsa', 'RSA-PSS': 'rsa', ECDSA: 'ec', Ed25519: 'ed25519',
    ECDH: 'ec', X25519: 'x25519' }[alg.name];
  if (key.asymmetricKeyType !== expected) throw new DOMException('Invalid key type', 'DataError');
  return asymKey(alg, key, extractable, usages);
}

function rawPoint(bytes, crv) {
  const n = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }[crv];
  if (bytes[0] !== 4 || bytes.length !== 1 + 2 * n) throw new DOMException('Invalid keyData', 'DataError');
  const B = require('buffer').Buffer;
  return { x: B.from(bytes.subarray(1, 1 + n)).toString('base64url'), y: B.from(bytes.subarray(1 + n)).toString('base64url') };
}

function asymExport(format, key) {
  const ko = key[kKeyData];
  if (format === 'spki' && key.type === 'public') return toArrayBuffer(ko.export({ format: 'der', type: 'spki' }));
  if (format === 'pkcs8' && key.type === 'private') return toArrayBuffer(ko.export({ format: 'der', type: 'pkcs8' }));
  if (format === 'jwk') {
    const jwk = ko.export({ format: 'jwk' });
    jwk.key_ops = [...key.usages];
    jwk.ext = true;
    return jwk;
  }
  if (format === 'raw' && key.type === 'public') {
    const jwk = ko.export({ format: 'jwk' });
    const B = require('buffer').Buffer;
    if (jwk.kty === 'EC') return toArrayBuffer(B.concat([B.from([4]), B.from(jwk.x, 'base64url'), B.from(jwk.y, 'base64url')]));
    return toArrayBuffer(B.from(jwk.x, 'base64url'));
  }
  throw new DOMException(`Unable to export a ${key.type} key with format ${format}`, 'InvalidAccessError');
}

function asymGenerate(alg, extractable, usages) {
  const c = nodeCrypto();
  let pair;
  if (alg.name.startsWith('RSA')) {
    const e = alg.publicExponent ? bufferSource(alg.publicExponent).reduce((a, b) => a * 256 + b, 0) : 65537;
    pair = c.generateKeyPairSync('rsa', { modulusLength: alg.modulusLength, publicExponent: e });
  } else if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
    pair = c.generateKeyPairSync('ec', { namedCurve: curveOf[alg.namedCurve] ?? alg.namedCurve });
  } else {
    pair = c.generateKeyPairSync(alg.name === 'X25519' ? 'x25519' : 'ed25519');
  }
  const pubUsages = usages.filter((u) => u === 'verify' || u === 'encrypt' || u === 'wrapKey');
  const privUsages = usages.filter((u) => u === 'sign' || u === 'decrypt' || u === 'unwrapKey' ||
    u === 'deriveBits' || u === 'deriveKey');
  return {
    publicKey: asymKey(alg, pair.publicKey, true, pubUsages),
    privateKey: asymKey(alg, pair.privateKey, extractable, privUsages),
  };
}

function signOptions(alg, key) {
  const c = nodeCrypto();
  const hash = alg.name === 'ECDSA' ? hashNames[alg.hash?.name] : hashNames[key.algorithm.hash?.name];
  const opts = { key: key[kKeyData] };
  if (alg.name === 'ECDSA') opts.dsaEncoding = 'ieee-p1363';
  if (alg.name === 'RSA-PSS') {
    opts.padding = c.constants.RSA_PKCS1_PSS_PADDING;
    opts.saltLength = alg.saltLength;
  }
  return { hash: alg.name === 'Ed25519' ? null : hash, opts };
}

function asymSign(alg, key, data) {
  checkKey(key, alg.name, 'sign');
  const { hash, opts } = signOptions(alg, key);
  return toArrayBuffer(nodeCrypto().sign(hash, bufferSource(data), opts));
}

function asymVerify(alg, key, signature, data) {
  checkKey(key, alg.name, 'verify');
  const { hash, opts } = signOptions(alg, key);
  try {
    return nodeCrypto().verify(hash, bufferSource(data), opts, bufferSource(signature, 'signature'));
  } catch {
    return false;
  }
}

// --- key derivation: ECDH, X25519, HKDF, PBKDF2 ------------------------------

const kdfNames = new Set(['HKDF', 'PBKDF2']);

function kdfImport(format, keyData, name, extractable, usages) {
  if (format !== 'raw') throw new DOMException(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  if (extractable) throw new DOMException(`${name} keys are not extractable`, 'SyntaxError');
  for (const u of usages) {
    if (u !== 'deriveBits' && u !== 'deriveKey') throw new DOMException(`Unsupported key usage for a ${name} key`, 'SyntaxError');
  }
  return new CryptoKey(kKey, 'secret', false, { name }, [...usages], new Uint8Array(bufferSource(keyData, 'keyData')));
}

function deriveBits(algorithm, baseKey, length) {
  const name = algorithmName(algorithm);
  if (!(baseKey instanceof CryptoKey)) throw new ERR_INVALID_ARG_TYPE('baseKey', 'CryptoKey', baseKey);
  if (baseKey.algorithm.name.toUpperCase() !== name || !baseKey.usages.includes('deriveBits')) {
    throw new DOMException('baseKey does not have deriveBits usage', 'InvalidAccessError');
  }
  const c = nodeCrypto();
  let out;
  if (name === 'ECDH' || name === 'X25519') {
    const pub = algorithm.public;
    if (!(pub instanceof CryptoKey) || pub.type !== 'public' || pub.algorithm.name !== baseKey.algorithm.name) {
      throw new DOMException('algorithm.public must be a public key of the same algorithm', 'InvalidAccessError');
    }
    out = c.diffieHellman({ privateKey: baseKey[kKeyData], publicKey: pub[kKeyData] });
    if (length === null || length === undefined) return toArrayBuffer(out);
    if (length > out.length * 8) throw new DOMException('derived bit length is too large', 'OperationError');
    const bytes = Math.ceil(length / 8);
    out = new Uint8Array(out.subarray(0, bytes));
    if (length % 8) out[bytes - 1] &= 0xff << (8 - (length % 8));
    return toArrayBuffer(out);
  }
  if (length === null || length === undefined || length % 8 !== 0) {
    throw new DOMException('length must be a multiple of 8', 'OperationError');
  }
  const hash = hashNames[hashOf(algorithm.hash)];
  if (name === 'HKDF') {
    out = new Uint8Array(c.hkdfSync(hash, baseKey[kKeyData], bufferSource(algorithm.salt, 'algorithm.salt'),
      bufferSource(algorithm.info, 'algorithm.info'), length / 8));
  } else if (name === 'PBKDF2') {
    if (!(algorithm.iterations > 0)) throw new DOMException('iterations cannot be zero', 'OperationError');
    out = c.pbkdf2Sync(baseKey[kKeyData], bufferSource(algorithm.salt, 'algorithm.salt'), algorithm.iterations,
      length / 8, hash);
  } else {
    throw notImplemented(`crypto.subtle.deriveBits for ${name}`);
  }
  return toArrayBuffer(out);
}

function isCryptoKey(v) { return v instanceof CryptoKey; }

// keyObjectOf returns the node:crypto KeyObject behind a CryptoKey.
function keyObjectOf(key) {
  const data = key[kKeyData];
  if (data instanceof Uint8Array) return nodeCrypto().createSecretKey(data);
  return data;
}

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
for (const name of ['deriveKey', 'wrapKey', 'unwrapKey']) {
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

module.exports = {
  crypto, Crypto, CryptoKey, SubtleCrypto, subtle, fillRandom, uuidV4, isIntegerTypedArray, isCryptoKey, keyObjectOf,
};
