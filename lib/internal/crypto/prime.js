'use strict';
// generatePrime/checkPrime: prime search and primality tests in Go.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateInt32, validateObject, validateBoolean, validateFunction, validateUint32 } = require('internal/validators');
const { binding, isArrayBufferView, isAnyArrayBuffer } = require('internal/crypto/util');

const kBigNumTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

function bigintToBytes(v) {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function bytesToBigInt(b) {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

function bigNumArg(v, name) {
  if (typeof v === 'bigint') {
    if (v < 0n) throw new ERR_OUT_OF_RANGE(name, '>= 0', v);
    return bigintToBytes(v);
  }
  if (isArrayBufferView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (isAnyArrayBuffer(v)) return new Uint8Array(v);
  throw new ERR_INVALID_ARG_TYPE(name, kBigNumTypes, v);
}

function primeArgs(size, options) {
  validateInt32(size, 'size', 1);
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (add !== undefined) add = bigNumArg(add, 'options.add');
  if (rem !== undefined) rem = bigNumArg(rem, 'options.rem');
  return { size, safe, bigint, add, rem };
}

function primeResult(bytes, bigint) {
  if (bigint) return bytesToBigInt(bytes);
  return bytes.buffer.byteLength === bytes.byteLength ? bytes.buffer : bytes.slice().buffer;
}

function generatePrime(size, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const a = primeArgs(size, options ?? {});
  callback = require('internal/crypto/util').bindDomain(callback);
  binding.primeGen(a.size, a.add, a.rem, a.safe, (err, p) => {
    if (err) return callback(err);
    callback(null, primeResult(p, a.bigint));
  });
}

function generatePrimeSync(size, options = {}) {
  const a = primeArgs(size, options);
  return primeResult(binding.primeGen(a.size, a.add, a.rem, a.safe), a.bigint);
}

function checkArgs(candidate, options) {
  const bytes = bigNumArg(candidate, 'candidate');
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (bytes.length - i > 67108856) {
    const err = new Error('error:0300006A:bignum routines::bignum too long');
    err.code = 'ERR_OSSL_BN_BIGNUM_TOO_LONG';
    err.library = 'bignum routines';
    err.reason = 'bignum too long';
    throw err;
  }
  return { bytes, checks };
}

function checkPrime(candidate, options = {}, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const a = checkArgs(candidate, options);
  validateFunction(callback, 'callback');
  callback = require('internal/crypto/util').bindDomain(callback);
  binding.primeCheck(a.bytes, a.checks, callback);
}

function checkPrimeSync(candidate, options = {}) {
  const a = checkArgs(candidate, options);
  return binding.primeCheck(a.bytes, a.checks);
}

void validateUint32;

module.exports = { generatePrime, generatePrimeSync, checkPrime, checkPrimeSync };
