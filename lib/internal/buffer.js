'use strict';
// Shared pieces of node:buffer, string_decoder and TextDecoder: the
// encoding table (numbers shared with internal/ops/buffer), FastBuffer and
// cheap type checks.

const ENC_UTF8 = 1;
const ENC_UCS2 = 2;
const ENC_LATIN1 = 3;
const ENC_ASCII = 4;
const ENC_BASE64 = 5;
const ENC_BASE64URL = 6;
const ENC_HEX = 7;

const canonicalNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
const idByName = {
  __proto__: null,
  'utf8': ENC_UTF8, 'utf-8': ENC_UTF8,
  'ucs2': ENC_UCS2, 'ucs-2': ENC_UCS2, 'utf16le': ENC_UCS2, 'utf-16le': ENC_UCS2,
  'latin1': ENC_LATIN1, 'binary': ENC_LATIN1,
  'ascii': ENC_ASCII,
  'base64': ENC_BASE64,
  'base64url': ENC_BASE64URL,
  'hex': ENC_HEX,
};

// encodingId returns the binding's number for an encoding, or undefined;
// undefined, null and '' mean utf8.
function encodingId(enc) {
  if (enc == null || enc === '') return ENC_UTF8;
  const id = idByName[enc];
  if (id !== undefined) return id;
  return idByName[`${enc}`.toLowerCase()];
}

// normalizeEncoding returns Node's canonical name of an encoding
// ('utf8', 'utf16le', 'latin1', ...) or undefined if it is unknown.
function normalizeEncoding(enc) {
  const id = encodingId(enc);
  return id === undefined ? undefined : canonicalNames[id - 1];
}

// encodingIdStrict is encodingId for methods that take the encoding as a
// string as given: '' and null are unknown there.
function encodingIdStrict(enc) {
  if (enc === '' || enc === null) return undefined;
  return encodingId(enc);
}

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;

function isUint8Array(v) {
  return getTag.call(v) === 'Uint8Array';
}

function isTypedArray(v) {
  return getTag.call(v) !== undefined;
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

const objToString = Object.prototype.toString;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;

function isArrayBuffer(v) {
  if (v instanceof ArrayBuffer) return true;
  if (v === null || typeof v !== 'object' || objToString.call(v) !== '[object ArrayBuffer]') return false;
  try {
    abByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

function isSharedArrayBuffer(v) {
  if (sabByteLength === undefined || v === null || typeof v !== 'object') return false;
  if (v instanceof SharedArrayBuffer) return true;
  if (objToString.call(v) !== '[object SharedArrayBuffer]') return false;
  try {
    sabByteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

function isAnyArrayBuffer(v) {
  return isArrayBuffer(v) || isSharedArrayBuffer(v);
}

module.exports = {
  ENC_UTF8, ENC_UCS2, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX,
  normalizeEncoding, encodingId, encodingIdStrict, FastBuffer,
  isUint8Array, isTypedArray, isArrayBufferView, isArrayBuffer, isSharedArrayBuffer, isAnyArrayBuffer,
};
