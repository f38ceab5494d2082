'use strict';
// createCipheriv/createDecipheriv, getCipherInfo, and the RSA
// encrypt/decrypt functions.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_INVALID_STATE, ERR_UNKNOWN_ENCODING, ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateString, validateObject, validateInt32 } = require('internal/validators');
const {
  binding, kHandle, toBuf, getArrayBufferOrView, isArrayBufferView, isAnyArrayBuffer,
} = require('internal/crypto/util');
const { prepareSecretKey, prepareAsymmetricKey } = require('internal/crypto/keys');
const LazyTransform = require('internal/crypto/lazy_transform');

function Buf() { return require('buffer').Buffer; }

function normalizeEncoding(enc) {
  const B = Buf();
  if (enc === undefined || enc === null) return undefined;
  if (!B.isEncoding(enc)) return undefined;
  const e = `${enc}`.toLowerCase();
  switch (e) {
    case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'binary': return 'latin1';
    default: return e;
  }
}

function getDecoder(decoder, encoding) {
  const normalized = normalizeEncoding(encoding);
  if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  if (!decoder) {
    const { StringDecoder } = require('string_decoder');
    decoder = new StringDecoder(encoding);
  }
  if (decoder.encoding !== normalized) throw new Error('Cannot change encoding');
  return decoder;
}

const kState = Symbol('kState');
// A cipher dropped before final() frees its Go state when collected.
const registry = new FinalizationRegistry((id) => binding.cipherFree(id));
const kMaxUpdate = 2 ** 31 - 1 - 32;

function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return -1;
}

function createCipherBase(self, cipher, key, iv, options, decipher) {
  validateString(cipher, 'cipher');
  if (options !== undefined && options !== null) validateObject(options, 'options');
  const encoding = options?.encoding;
  const keyBytes = prepareSecretKey(key, encoding);
  let ivBytes = null;
  if (iv !== null) {
    if (typeof iv !== 'string' && !isArrayBufferView(iv) && !isAnyArrayBuffer(iv)) {
      throw new ERR_INVALID_ARG_TYPE('iv', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], iv);
    }
    ivBytes = getArrayBufferOrView(iv, 'iv', encoding);
  }
  const authTagLength = getUIntOption(options, 'authTagLength');
  const info = getCipherInfo(cipher);
  if (info && (info.mode === 'ccm' || info.mode === 'ocb')) {
    throw require('internal/errors').notImplemented(`crypto cipher ${info.name}`);
  }
  self[kHandle] = binding.cipherNew(cipher, keyBytes, ivBytes, decipher, authTagLength);
  registry.register(self, self[kHandle]);
  self[kState] = { finalized: false, decoder: null, authTag: undefined, decipher, mode: info?.mode, name: cipher,
    explicitTagLength: authTagLength !== -1 };
  LazyTransform.call(self, options);
}

function update(data, inputEncoding, outputEncoding) {
  const st = this[kState];
  if (typeof data === 'string') {
    data = getArrayBufferOrView(data, 'data', inputEncoding ?? 'utf8');
    if (normalizeEncoding(inputEncoding ?? 'utf8') === undefined) throw new ERR_UNKNOWN_ENCODING(inputEncoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (outputEncoding !== undefined && outputEncoding !== 'buffer') {
    st.decoder = getDecoder(st.decoder, outputEncoding);
  }
  if (st.finalized) throw new ERR_CRYPTO_INVALID_STATE('update');
  // OpenSSL takes an int length and adds a block for the output.
  if (data.byteLength > kMaxUpdate) throw new ERR_OUT_OF_RANGE('data.byteLength', `<= ${kMaxUpdate}`, data.byteLength);
  const out = toBuf(binding.cipherUpdate(this[kHandle], data));
  if (outputEncoding && outputEncoding !== 'buffer') return st.decoder.write(out);
  return out;
}

function final(outputEncoding) {
  const st = this[kState];
  if (outputEncoding && outputEncoding !== 'buffer') {
    st.decoder = getDecoder(st.decoder, outputEncoding);
  }
  if (st.finalized) throw new ERR_CRYPTO_INVALID_STATE('final');
  st.finalized = true;
  const r = binding.cipherFinal(this[kHandle]);
  const out = toBuf(r[0]);
  if (r[1]) st.authTag = toBuf(r[1]);
  if (outputEncoding && outputEncoding !== 'buffer') return st.decoder.end(out);
  return out;
}

function setAutoPadding(ap) {
  if (this[kState].finalized) throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  if (!binding.cipherSetAutoPadding(this[kHandle], ap === undefined ? true : !!ap)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  }
  return this;
}

function setAAD(aadbuf, options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  const buf = getArrayBufferOrView(aadbuf, 'buffer');
  if (options !== undefined) validateObject(options, 'options');
  const plaintextLength = getUIntOption(options, 'plaintextLength');
  void plaintextLength;
  if (!binding.cipherSetAAD(this[kHandle], buf)) throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  return this;
}

function getAuthTag() {
  const st = this[kState];
  if (st.decipher || st.authTag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return st.authTag;
}

function setAuthTag(tagbuf, encoding) {
  const tag = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  if (!isArrayBufferView(tagbuf) && typeof tagbuf !== 'string' && !isAnyArrayBuffer(tagbuf)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], tagbuf);
  }
  if (this[kState].finalized || !binding.cipherSetAuthTag(this[kHandle], tag)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  }
  if (this[kState].mode === 'gcm' && tag.length < 16 && !this[kState].explicitTagLength) {
    require('internal/crypto/util').warnOnce('Using AES-GCM authentication tags of less than 128 bits without ' +
      'specifying the authTagLength option when initializing decryption is deprecated.', 'DEP0182');
  }
  return this;
}

function _transform(chunk, encoding, callback) {
  try {
    this.push(this.update(chunk, encoding));
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function _flush(callback) {
  try {
    this.push(this.final());
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  createCipherBase(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);
Object.assign(Cipheriv.prototype, { update, final, setAutoPadding, setAAD, getAuthTag, _transform, _flush });

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  createCipherBase(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);
Object.assign(Decipheriv.prototype, { update, final, setAutoPadding, setAAD, setAuthTag, _transform, _flush });

function createCipheriv(cipher, key, iv, options) { return new Cipheriv(cipher, key, iv, options); }
function createDecipheriv(cipher, key, iv, options) { return new Decipheriv(cipher, key, iv, options); }

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength;
  let ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const r = binding.cipherInfo(nameOrNid, keyLength, ivLength);
  if (r === undefined) return undefined;
  const [mode, name, nid, blockSize, ivLen, keyLen] = r;
  const info = { mode, name, nid };
  if (blockSize !== undefined) info.blockSize = blockSize;
  if (ivLen !== undefined) info.ivLength = ivLen;
  info.keyLength = keyLen;
  return info;
}

// --- RSA encryption -------------------------------------------------------

function rsaFunction(op, want, defaultPadding) {
  return function(options, buffer) {
    const { padding = defaultPadding, oaepHash, oaepLabel, encoding } = (options && typeof options === 'object' &&
      !ArrayBuffer.isView(options) && !(options instanceof ArrayBuffer) && !options[kHandle]) ? options : {};
    if (oaepHash !== undefined) {
      validateString(oaepHash, 'key.oaepHash');
      const h = binding.hashNew(oaepHash);
      if (h < 0) {
        const err = new Error('error:0300009B:digital envelope routines::invalid digest');
        err.library = 'digital envelope routines';
        err.reason = 'invalid digest';
        err.code = 'ERR_OSSL_EVP_INVALID_DIGEST';
        throw err;
      }
      binding.hashFree(h);
    }
    let label;
    if (oaepLabel !== undefined) label = getArrayBufferOrView(oaepLabel, 'key.oaepLabel', encoding);
    const key = prepareAsymmetricKey(options, want, want === 'public');
    const data = getArrayBufferOrView(buffer, 'buffer', encoding);
    if (op === 'privateDecrypt' && padding === 1) {
      const err = new ERR_INVALID_ARG_VALUE('padding', padding);
      err.message = 'RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with ' +
        '--security-revert=CVE-2023-46809';
      throw err;
    }
    const h = key[kHandle];
    return toBuf(binding.rsaCrypt(op, h.kind, h.bytes, data, padding, oaepHash, label));
  };
}

const publicEncrypt = rsaFunction('publicEncrypt', 'public', 4);
const privateDecrypt = rsaFunction('privateDecrypt', 'private', 4);
const privateEncrypt = rsaFunction('privateEncrypt', 'private', 1);
const publicDecrypt = rsaFunction('publicDecrypt', 'public', 1);

module.exports = {
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getCipherInfo,
  publicEncrypt,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
};
