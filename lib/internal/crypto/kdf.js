'use strict';
// pbkdf2, scrypt and hkdf: the derivation runs in Go, off the loop for the
// callback forms.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_CRYPTO_INVALID_DIGEST, ERR_CRYPTO_INVALID_KEYLEN,
    ERR_CRYPTO_INVALID_SCRYPT_PARAMS, ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');
const {
  validateString, validateInt32, validateInteger, validateFunction, validateUint32, validateObject,
} = require('internal/validators');
const { binding, toBuf, getArrayBufferOrView, kBufferTypes, bindDomain } = require('internal/crypto/util');
const { prepareSecretKey } = require('internal/crypto/keys');

const kMaxLength = 2 ** 31 - 1;

function digestSize(digest) {
  const h = binding.hashNew(digest);
  if (h < 0) return -1;
  const out = binding.hashDigest(h);
  return out.length;
}

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  if (digestSize(digest) < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const a = checkPbkdf2(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  callback = bindDomain(callback);
  binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest, (err, out) => {
    if (err) return callback(err);
    callback(null, toBuf(out));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const a = checkPbkdf2(password, salt, iterations, keylen, digest);
  return toBuf(binding.pbkdf2(a.password, a.salt, a.iterations, a.keylen, a.digest));
}

const defaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function getScryptParams(options) {
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    const has = (k) => options[k] !== undefined;
    if (has('N')) {
      if (has('cost')) throw new ERR_INCOMPATIBLE_OPTION_PAIR('N', 'cost');
      N = options.N;
      validateUint32(N, 'N');
    }
    if (has('cost')) {
      N = options.cost;
      validateUint32(N, 'cost');
    }
    if (has('r')) {
      if (has('blockSize')) throw new ERR_INCOMPATIBLE_OPTION_PAIR('r', 'blockSize');
      r = options.r;
      validateUint32(r, 'r');
    }
    if (has('blockSize')) {
      r = options.blockSize;
      validateUint32(r, 'blockSize');
    }
    if (has('p')) {
      if (has('parallelization')) throw new ERR_INCOMPATIBLE_OPTION_PAIR('p', 'parallelization');
      p = options.p;
      validateUint32(p, 'p');
    }
    if (has('parallelization')) {
      p = options.parallelization;
      validateUint32(p, 'parallelization');
    }
    if (has('maxmem')) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = defaults.N;
    if (r === 0) r = defaults.r;
    if (p === 0) p = defaults.p;
    if (maxmem === 0) maxmem = defaults.maxmem;
  }
  if (N < 2 || (N & (N - 1)) !== 0) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS('error:030000AB:digital envelope routines::invalid scrypt parameters');
  }
  if (!binding.scryptCheck(N, r, p, maxmem)) {
    throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS('error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return { N, r, p, maxmem };
}

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, keylen, ...getScryptParams(options) };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const a = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  callback = bindDomain(callback);
  binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p, (err, out) => {
    if (err) return callback(err);
    callback(null, toBuf(out));
  });
}

function scryptSync(password, salt, keylen, options = defaults) {
  const a = checkScrypt(password, salt, keylen, options);
  return toBuf(binding.scrypt(a.password, a.salt, a.keylen, a.N, a.r, a.p));
}

function checkHkdf(digest, key, salt, info, length) {
  validateString(digest, 'digest');
  let ikm;
  try {
    ikm = prepareSecretKey(key, undefined, 'ikm');
  } catch (err) {
    if (err && err.code === 'ERR_INVALID_ARG_TYPE') {
      throw new ERR_INVALID_ARG_TYPE('ikm', ['string', ...kBufferTypes, 'KeyObject'], key);
    }
    throw err;
  }
  salt = getArrayBufferOrView(salt, 'salt');
  info = getArrayBufferOrView(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = digestSize(digest);
  if (size < 0) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  if (length > 255 * size) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return { digest, ikm, salt, info, length };
}

function toArrayBuffer(u8) {
  return u8.buffer.byteLength === u8.byteLength ? u8.buffer : u8.slice().buffer;
}

function hkdf(digest, key, salt, info, length, callback) {
  const a = checkHkdf(digest, key, salt, info, length);
  validateFunction(callback, 'callback');
  callback = bindDomain(callback);
  binding.hkdf(a.digest, a.ikm, a.salt, a.info, a.length, (err, out) => {
    if (err) return callback(err);
    callback(null, toArrayBuffer(out));
  });
}

function hkdfSync(digest, key, salt, info, length) {
  const a = checkHkdf(digest, key, salt, info, length);
  return toArrayBuffer(binding.hkdf(a.digest, a.ikm, a.salt, a.info, a.length));
}

void validateObject;

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync };
