'use strict';
// createSign/createVerify and the one-shot crypto.sign/crypto.verify.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_CRYPTO_SIGN_KEY_REQUIRED, ERR_CRYPTO_INVALID_DIGEST,
    ERR_CRYPTO_UNSUPPORTED_OPERATION,
  },
} = require('internal/errors');
const { validateString, validateFunction } = require('internal/validators');
const { binding, kHandle, toBuf, getArrayBufferOrView, isArrayBufferView, encodeOut } = require('internal/crypto/util');
const { prepareAsymmetricKey, isKeyObject } = require('internal/crypto/keys');
const { Writable } = require('stream');

const kState = Symbol('kState');

function invalidDigest() {
  const err = new ERR_CRYPTO_INVALID_DIGEST('');
  err.message = 'Invalid digest';
  if (typeof err.stack === 'string') err.stack = err.stack.replace('Invalid digest: ', 'Invalid digest');
  return err;
}

function getIntOption(name, options) {
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

function getDSASignatureEncoding(options) {
  if (typeof options === 'object' && options !== null) {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return 'der';
    if (dsaEncoding === 'ieee-p1363') return 'ieee-p1363';
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return 'der';
}

function keyOptions(options) {
  if (options === null || typeof options !== 'object' || isKeyObject(options) || ArrayBuffer.isView(options)) return {};
  return options;
}

function concat(chunks) {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function updateData(data, encoding) {
  if (typeof data === 'string') return getArrayBufferOrView(data, 'data', encoding ?? 'utf8').slice();
  if (isArrayBufferView(data)) {
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  }
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function checkDigest(algorithm) {
  validateString(algorithm, 'algorithm');
  const h = binding.hashNew(algorithm);
  if (h < 0) throw invalidDigest();
  binding.hashFree(h);
  return algorithm;
}

function signWith(key, data, algorithm, options) {
  const h = key[kHandle];
  const opts = keyOptions(options);
  const padding = getIntOption('padding', opts);
  const saltLength = getIntOption('saltLength', opts);
  const dsaEncoding = getDSASignatureEncoding(opts);
  return binding.sign(h.kind, h.bytes, data, algorithm ?? undefined, padding, saltLength, dsaEncoding);
}

function verifyWith(key, data, signature, algorithm, options) {
  const h = key[kHandle];
  const opts = keyOptions(options);
  const padding = getIntOption('padding', opts);
  const saltLength = getIntOption('saltLength', opts);
  const dsaEncoding = getDSASignatureEncoding(opts);
  return binding.verify(h.kind, h.bytes, data, signature, algorithm ?? undefined, padding, saltLength, dsaEncoding);
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  this[kState] = { algorithm: checkDigest(algorithm), chunks: [] };
  Writable.call(this, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function update(data, encoding) {
  this[kState].chunks.push(updateData(data, encoding));
  return this;
};

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const key = prepareAsymmetricKey(options, 'private');
  if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' || key.asymmetricKeyType === 'x25519') {
    throw new ERR_CRYPTO_UNSUPPORTED_OPERATION();
  }
  const st = this[kState];
  const sig = signWith(key, concat(st.chunks), st.algorithm, options);
  return encodeOut(sig, encoding);
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  this[kState] = { algorithm: checkDigest(algorithm), chunks: [] };
  Writable.call(this, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const key = prepareAsymmetricKey(options, 'public', true);
  if (key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' || key.asymmetricKeyType === 'x25519') {
    throw new ERR_CRYPTO_UNSUPPORTED_OPERATION();
  }
  const sig = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const st = this[kState];
  return verifyWith(key, concat(st.chunks), sig, st.algorithm, options);
};

function createSign(algorithm, options) { return new Sign(algorithm, options); }
function createVerify(algorithm, options) { return new Verify(algorithm, options); }

function oneShotData(data) {
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = typeof data === 'string' ? getArrayBufferOrView(data, 'data') : oneShotData(data);
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const keyObj = prepareAsymmetricKey(key, 'private');
  if (callback === undefined) return toBuf(signWith(keyObj, data, algorithm, key));
  callback = require('internal/crypto/util').bindDomain(callback);
  const h = keyObj[kHandle];
  const opts = keyOptions(key);
  binding.sign(h.kind, h.bytes, data, algorithm ?? undefined, getIntOption('padding', opts),
    getIntOption('saltLength', opts), getDSASignatureEncoding(opts), (err, sig) => {
      if (err) return callback(err);
      callback(null, toBuf(sig));
    });
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = typeof data === 'string' ? getArrayBufferOrView(data, 'data') : oneShotData(data);
  if (!isArrayBufferView(signature)) {
    if (typeof signature === 'string') {
      signature = getArrayBufferOrView(signature, 'signature');
    } else {
      throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
    }
  }
  const keyObj = prepareAsymmetricKey(key, 'public', true);
  if (callback === undefined) return verifyWith(keyObj, data, signature, algorithm, key);
  callback = require('internal/crypto/util').bindDomain(callback);
  const h = keyObj[kHandle];
  const opts = keyOptions(key);
  binding.verify(h.kind, h.bytes, data, signature, algorithm ?? undefined, getIntOption('padding', opts),
    getIntOption('saltLength', opts), getDSASignatureEncoding(opts), callback);
}

module.exports = {
  Sign,
  Verify,
  createSign,
  createVerify,
  sign: signOneShot,
  verify: verifyOneShot,
};
