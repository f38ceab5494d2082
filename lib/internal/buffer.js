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

const getByteLength = Object.getOwnPropertyDescriptor(TypedArrayProto, 'byteLength').get;

// typedArrayByteLength is the real byte length of a typed array, whatever
// own 'length' or 'byteLength' property user code put on it.
function typedArrayByteLength(v) {
  return getByteLength.call(v);
}

const getDataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;

// viewByteLength is the real byte length of any ArrayBuffer view (typed
// array or DataView).
function viewByteLength(v) {
  return getTag.call(v) !== undefined ? getByteLength.call(v) : getDataViewByteLength.call(v);
}

function isUint8Array(v) {
  return getTag.call(v) === 'Uint8Array';
}

function isTypedArray(v) {
  return getTag.call(v) !== undefined;
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

// Brand checks by the engine's class id, never the prototype chain, so an
// object that merely inherits from ArrayBuffer.prototype is not taken for one.
const { getClassId, classIds } = internalBinding('util');

function isArrayBuffer(v) {
  return getClassId(v) === classIds.arrayBuffer;
}

function isSharedArrayBuffer(v) {
  return getClassId(v) === classIds.sharedArrayBuffer;
}

function isAnyArrayBuffer(v) {
  const id = getClassId(v);
  return id === classIds.arrayBuffer || id === classIds.sharedArrayBuffer;
}

module.exports = {
  ENC_UTF8, ENC_UCS2, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX,
  normalizeEncoding, encodingId, encodingIdStrict, FastBuffer, typedArrayByteLength, viewByteLength,
  isUint8Array, isTypedArray, isArrayBufferView, isArrayBuffer, isSharedArrayBuffer, isAnyArrayBuffer,
};
