'use strict';
// Helpers shared by the node:crypto modules: argument conversion, the
// constants, and the lists of algorithms.

const binding = internalBinding('crypto');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_CRYPTO_ENGINE_UNKNOWN },
  notImplemented,
} = require('internal/errors');
const { validateString } = require('internal/validators');

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

function Buffer() { return require('buffer').Buffer; }

// toBuf returns a Buffer over the bytes of a Uint8Array from the binding.
function toBuf(u8) {
  const B = Buffer();
  return B.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

const kBufferTypes = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// getArrayBufferOrView returns the bytes of a string (in encoding), a
// Buffer, TypedArray, DataView or ArrayBuffer.
function getArrayBufferOrView(buffer, name, encoding) {
  if (ArrayBuffer.isView(buffer)) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  if (buffer instanceof ArrayBuffer || isSharedArrayBuffer(buffer)) return new Uint8Array(buffer);
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer().from(buffer, encoding);
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['string', ...kBufferTypes], buffer);
}

function isSharedArrayBuffer(v) {
  return typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer;
}

function isArrayBufferView(v) { return ArrayBuffer.isView(v); }

function isAnyArrayBuffer(v) { return v instanceof ArrayBuffer || isSharedArrayBuffer(v); }

// encodeOut returns a Buffer, or a string in encoding.
function encodeOut(u8, encoding) {
  const buf = u8 instanceof Uint8Array && !(u8 instanceof Buffer()) ? toBuf(u8) : u8;
  if (encoding === undefined || encoding === null || encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

let ciphers;
let curves;
function getCiphers() { return (ciphers ??= binding.getCiphers()).slice(); }
function getCurves() { return (curves ??= binding.getCurves()).slice(); }
function getHashes() { return binding.getHashes(); }

const constants = Object.freeze({
  __proto__: null,
  OPENSSL_VERSION_NUMBER: 0x30000000,
  SSL_OP_ALL: 2147485776,
  SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768,
  SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
  SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_SSLV23_PADDING: 2,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
    'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
    '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
  get defaultCipherList() { return this.defaultCoreCipherList; },
});

let fips = false;
function getFips() { return fips ? 1 : 0; }
function setFips(val) {
  if (val) throw notImplemented('crypto.setFips (FIPS mode)');
  fips = false;
}

function setEngine(id, flags) {
  validateString(id, 'id');
  throw new ERR_CRYPTO_ENGINE_UNKNOWN(id);
}

function secureHeapUsed() {
  return { total: 0, min: 0, used: 0, utilization: 0 };
}

// jobCallback adapts a binding completion (err, u8) to a user callback
// that receives a Buffer.
function bufferCallback(callback, encoding) {
  return (err, result) => {
    if (err) return callback(err);
    callback(null, encodeOut(result, encoding));
  };
}

// bindDomain ties a callback to the active node:domain, as the timers do,
// so that an error it throws reaches that domain.
function bindDomain(callback) {
  return process.domain ? process.domain.bind(callback) : callback;
}

const warned = new Set();
// warnOnce emits a DeprecationWarning the first time code is seen.
function warnOnce(msg, code) {
  if (warned.has(code) || process.noDeprecation) return;
  warned.add(code);
  process.emitWarning(msg, 'DeprecationWarning', code);
}

// getSecurityLevel reports OpenSSL's security level, as Node's
// --expose-internals helper of this name does.
function getOpenSSLSecLevel() { return 1; }

module.exports = {
  binding,
  kHandle,
  kKeyObject,
  toBuf,
  encodeOut,
  kBufferTypes,
  getArrayBufferOrView,
  isArrayBufferView,
  isAnyArrayBuffer,
  getCiphers,
  getCurves,
  getHashes,
  constants,
  getFips,
  setFips,
  setEngine,
  secureHeapUsed,
  bufferCallback,
  getOpenSSLSecLevel,
  warnOnce,
  bindDomain,
};
