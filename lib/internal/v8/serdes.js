'use strict';
// v8.Serializer and v8.Deserializer: V8's ValueSerializer wire format
// (version 15), written from the format's description and from the bytes
// Node produces, so that data serialized by Node reads here and the
// reverse.
//
// A stream is a header (0xFF, varint version) followed by values. Each
// value starts with a one-byte tag; integers are base-128 varints (signed
// ones zigzag-encoded), doubles are 8 raw little-endian bytes. Every object
// gets the next id (0, 1, ...) as it is first written, and a later
// occurrence is written as '^' id; the reader numbers objects in the same
// order.

const { FastBuffer } = require('internal/buffer');

const { getClassId, classIds: C, getProxyDetails } = internalBinding('util');

const kLatestVersion = 15;

const T = {
  version: 0xFF,
  padding: 0x00,
  verifyObjectCount: 0x3F, // '?'
  hole: 0x2D, // '-'
  undefined: 0x5F, // '_'
  null: 0x30, // '0'
  true: 0x54, // 'T'
  false: 0x46, // 'F'
  int32: 0x49, // 'I'
  uint32: 0x55, // 'U'
  double: 0x4E, // 'N'
  bigint: 0x5A, // 'Z'
  utf8String: 0x53, // 'S'
  oneByteString: 0x22, // '"'
  twoByteString: 0x63, // 'c'
  objectReference: 0x5E, // '^'
  beginObject: 0x6F, // 'o'
  endObject: 0x7B, // '{'
  beginSparseArray: 0x61, // 'a'
  endSparseArray: 0x40, // '@'
  beginDenseArray: 0x41, // 'A'
  endDenseArray: 0x24, // '$'
  date: 0x44, // 'D'
  trueObject: 0x79, // 'y'
  falseObject: 0x78, // 'x'
  numberObject: 0x6E, // 'n'
  bigintObject: 0x7A, // 'z'
  stringObject: 0x73, // 's'
  regexp: 0x52, // 'R'
  beginMap: 0x3B, // ';'
  endMap: 0x3A, // ':'
  beginSet: 0x27, // '\''
  endSet: 0x2C, // ','
  arrayBuffer: 0x42, // 'B'
  resizableArrayBuffer: 0x7E, // '~'
  arrayBufferTransfer: 0x74, // 't'
  arrayBufferView: 0x56, // 'V'
  sharedArrayBuffer: 0x75, // 'u'
  hostObject: 0x5C, // '\\'
  error: 0x72, // 'r'
};

// Subtags of 'V' (array buffer views).
const viewTags = {
  Int8Array: 0x62, // 'b'
  Uint8Array: 0x42, // 'B'
  Uint8ClampedArray: 0x43, // 'C'
  Int16Array: 0x77, // 'w'
  Uint16Array: 0x57, // 'W'
  Int32Array: 0x64, // 'd'
  Uint32Array: 0x44, // 'D'
  Float16Array: 0x68, // 'h'
  Float32Array: 0x66, // 'f'
  Float64Array: 0x46, // 'F'
  BigInt64Array: 0x71, // 'q'
  BigUint64Array: 0x51, // 'Q'
  DataView: 0x3F, // '?'
};
const viewByTag = new Map();
for (const name of Object.keys(viewTags)) viewByTag.set(viewTags[name], name);

// Subtags of 'r' (errors).
const errorTags = {
  EvalError: 0x45, // 'E'
  RangeError: 0x52, // 'R'
  ReferenceError: 0x46, // 'F'
  SyntaxError: 0x53, // 'S'
  TypeError: 0x54, // 'T'
  URIError: 0x55, // 'U'
};
const kErrorMessage = 0x6D; // 'm'
const kErrorCause = 0x63; // 'c'
const kErrorStack = 0x73; // 's'
const kErrorEnd = 0x2E; // '.'

// RegExp flag bits.
const regexpFlags = [
  ['g', 1], ['i', 2], ['m', 4], ['y', 8], ['u', 16], ['s', 32], ['d', 128], ['v', 256],
];

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const typedArrayBuffer = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'buffer').get;
const typedArrayOffset = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteOffset').get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteLength').get;
const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
const dataViewOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
const dataViewLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const abResizable = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'resizable')?.get;
const abMaxByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'maxByteLength')?.get;
const abDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;
const sabByteLength = Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get;
const dateValue = Date.prototype.getTime;
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const regexpFlagsGet = Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
const mapEntries = Map.prototype.entries;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setValues = Set.prototype.values;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const numberValue = Number.prototype.valueOf;
const stringValue = String.prototype.valueOf;
const booleanValue = Boolean.prototype.valueOf;
const bigintValue = BigInt.prototype.valueOf;
const { latin1Write, ucs2Write, latin1Slice, ucs2Slice, utf8Slice } = require('buffer').Buffer.prototype;

const twoByteRe = /[^\x00-\xff]/;
const isIndexKey = (k) => /^(?:0|[1-9]\d*)$/.test(k) && +k <= 4294967294;

function isTypedArray(v) {
  const id = getClassId(v);
  return id >= C.firstTypedArray && id <= C.lastTypedArray || typedArrayTag.call(v) !== undefined;
}

function constructCallRequired(name) {
  const err = new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
  err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
  return err;
}

function invalidArgType(name) {
  const err = new TypeError(`${name} must be a TypedArray or a DataView`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

// viewBytes returns a Uint8Array over the bytes of a TypedArray or
// DataView, or undefined for anything else.
function viewBytes(v) {
  if (v === null || typeof v !== 'object') return undefined;
  if (getClassId(v) === C.dataView) {
    return new Uint8Array(dataViewBuffer.call(v), dataViewOffset.call(v), dataViewLength.call(v));
  }
  if (typedArrayTag.call(v) !== undefined) {
    return new Uint8Array(typedArrayBuffer.call(v), typedArrayOffset.call(v), typedArrayLength.call(v));
  }
  return undefined;
}

// describe names v for a DataCloneError message, as V8 does.
function describe(v) {
  if (typeof v === 'function') return Function.prototype.toString.call(v);
  if (typeof v === 'symbol') return v.toString();
  if (v === null || typeof v !== 'object') return String(v);
  const id = getClassId(v);
  switch (id) {
    case C.proxy: return '#<Object>';
    case C.weakMap: return '#<WeakMap>';
    case C.weakSet: return '#<WeakSet>';
    case C.promise: return '#<Promise>';
    case C.weakRef: return '#<WeakRef>';
    case C.sharedArrayBuffer: return '#<SharedArrayBuffer>';
  }
  let name;
  try {
    const ctor = Object.getPrototypeOf(v)?.constructor;
    name = typeof ctor === 'function' ? ctor.name : undefined;
  } catch {
    // An odd prototype: fall back to Object.
  }
  return `#<${name || 'Object'}>`;
}

// Serializer writes values to a growing byte buffer.
function Serializer() {
  if (new.target === undefined) throw constructCallRequired('Serializer');
  this._buf = new FastBuffer(64);
  this._view = null; // a DataView over _buf, made when first needed
  this._len = 0;
  this._ids = null; // object -> id, made when first needed
  this._nextId = 0;
  this._transfers = null;
  this._viewsAsHost = false;
}

Object.defineProperties(Serializer.prototype, Object.getOwnPropertyDescriptors({
  writeHeader() {
    this._byte(T.version);
    this._varint(kLatestVersion);
  },

  writeValue(value) {
    this._write(value);
    return true;
  },

  releaseBuffer() {
    const out = new FastBuffer(this._buf.buffer.slice(0, this._len));
    // The buffer is kept for the next values, unless it grew large.
    if (this._buf.length > 65536) {
      this._buf = new FastBuffer(64);
      this._view = null;
    }
    this._len = 0;
    this._ids = null;
    this._nextId = 0;
    return out;
  },

  transferArrayBuffer(id, arrayBuffer) {
    const cid = getClassId(arrayBuffer);
    if (cid !== C.arrayBuffer && cid !== C.sharedArrayBuffer) {
      const err = new TypeError('arrayBuffer must be an ArrayBuffer');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    this._transfers ??= new Map();
    this._transfers.set(arrayBuffer, id >>> 0);
  },

  writeUint32(value) {
    this._varint(Number(value) >>> 0);
  },

  writeUint64(hi, lo) {
    const h = Number(hi) >>> 0;
    const l = Number(lo) >>> 0;
    if (h === 0) {
      this._varint(l);
      return;
    }
    let n = (BigInt(h) << 32n) | BigInt(l);
    while (n >= 0x80n) {
      this._byte(Number(n & 0x7Fn) | 0x80);
      n >>= 7n;
    }
    this._byte(Number(n));
  },

  writeDouble(value) {
    this._double(Number(value));
  },

  writeRawBytes(source) {
    const bytes = viewBytes(source);
    if (bytes === undefined) throw invalidArgType('source');
    this._bytes(bytes);
  },

  _getDataCloneError: Error,

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    this._viewsAsHost = Boolean(flag);
  },

  // Byte-level writers.

  _reserve(n) {
    const need = this._len + n;
    if (need <= this._buf.length) return;
    let cap = this._buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new FastBuffer(cap);
    next.set(this._buf.subarray(0, this._len));
    this._buf = next;
    this._view = null;
  },

  _byte(b) {
    this._reserve(1);
    this._buf[this._len++] = b;
  },

  _varint(n) {
    this._reserve(10);
    const buf = this._buf;
    let len = this._len;
    while (n >= 0x80) {
      buf[len++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    buf[len++] = n;
    this._len = len;
  },

  _double(d) {
    this._reserve(8);
    this._view ??= new DataView(this._buf.buffer, this._buf.byteOffset, this._buf.length);
    this._view.setFloat64(this._len, d, true);
    this._len += 8;
  },

  _bytes(u8) {
    this._reserve(u8.length);
    this._buf.set(u8, this._len);
    this._len += u8.length;
  },

  _cloneError(message) {
    const err = this._getDataCloneError(message);
    return err;
  },

  // Value writers.

  _write(v) {
    switch (typeof v) {
      case 'undefined': this._byte(T.undefined); return;
      case 'boolean': this._byte(v ? T.true : T.false); return;
      case 'number': this._number(v); return;
      case 'bigint': this._byte(T.bigint); this._bigint(v); return;
      case 'string': this._string(v); return;
      case 'object':
        if (v === null) {
          this._byte(T.null);
          return;
        }
        this._receiver(v);
        return;
      default:
        throw this._cloneError(`${describe(v)} could not be cloned.`);
    }
  },

  _number(v) {
    if ((v | 0) === v && !Object.is(v, -0)) {
      this._byte(T.int32);
      this._varint(((v << 1) ^ (v >> 31)) >>> 0);
    } else {
      this._byte(T.double);
      this._double(v);
    }
  },

  _bigint(v) {
    const neg = v < 0n;
    let mag = neg ? -v : v;
    const digits = [];
    while (mag > 0n) {
      digits.push(mag & 0xFFFFFFFFFFFFFFFFn);
      mag >>= 64n;
    }
    const byteLength = digits.length * 8;
    this._varint(byteLength * 2 + (neg ? 1 : 0));
    this._reserve(byteLength);
    this._view ??= new DataView(this._buf.buffer, this._buf.byteOffset, this._buf.length);
    for (const d of digits) {
      this._view.setBigUint64(this._len, d, true);
      this._len += 8;
    }
  },

  _string(s) {
    if (!twoByteRe.test(s)) {
      const n = s.length;
      this._reserve(n + 6);
      const buf = this._buf;
      buf[this._len++] = T.oneByteString;
      this._varint(n);
      if (n < 64) {
        let len = this._len;
        for (let i = 0; i < n; i++) buf[len++] = s.charCodeAt(i);
        this._len = len;
      } else {
        this._len += latin1Write.call(buf, s, this._len, n);
      }
      return;
    }
    const byteLength = s.length * 2;
    // Two-byte data starts at an even offset: pad before the tag if needed.
    let varintLen = 1;
    for (let n = byteLength; n >= 0x80; n = Math.floor(n / 0x80)) varintLen++;
    if ((this._len + 1 + varintLen) & 1) this._byte(T.padding);
    this._byte(T.twoByteString);
    this._varint(byteLength);
    this._reserve(byteLength);
    this._len += ucs2Write.call(this._buf, s, this._len, byteLength);
  },

  _receiver(v) {
    this._ids ??= new Map();
    const seen = this._ids.get(v);
    if (seen !== undefined) {
      this._byte(T.objectReference);
      this._varint(seen);
      return;
    }
    const id = getClassId(v);
    const isView = id === C.dataView || isTypedArray(v);
    if (isView && !this._viewsAsHost) {
      // The buffer goes first; the view refers to it.
      const buffer = id === C.dataView ? dataViewBuffer.call(v) : typedArrayBuffer.call(v);
      this._receiver(buffer);
    }
    this._ids.set(v, this._nextId++);
    if (isView) {
      if (this._viewsAsHost) {
        this._hostObject(v);
      } else {
        this._arrayBufferView(v, id);
      }
      return;
    }
    switch (id) {
      case C.array: this._array(v); return;
      case C.object: this._object(v); return;
      case C.date:
        this._byte(T.date);
        this._double(dateValue.call(v));
        return;
      case C.regexp: this._regexp(v); return;
      case C.map: this._map(v); return;
      case C.set: this._set(v); return;
      case C.arrayBuffer: this._arrayBuffer(v); return;
      case C.sharedArrayBuffer: this._sharedArrayBuffer(v); return;
      case C.number:
        this._byte(T.numberObject);
        this._double(numberValue.call(v));
        return;
      case C.string:
        this._byte(T.stringObject);
        this._string(stringValue.call(v));
        return;
      case C.boolean:
        this._byte(booleanValue.call(v) ? T.trueObject : T.falseObject);
        return;
      case C.bigint:
        this._byte(T.bigintObject);
        this._bigint(bigintValue.call(v));
        return;
      case C.error: this._error(v); return;
    }
    if (isHostObject(v)) {
      this._hostObject(v);
      return;
    }
    throw this._cloneError(`${describe(v)} could not be cloned.`);
  },

  _hostObject(v) {
    this._byte(T.hostObject);
    if (typeof this._writeHostObject !== 'function') {
      throw this._cloneError(`${describe(v)} could not be cloned.`);
    }
    this._writeHostObject(v);
  },

  _arrayBufferView(v, id) {
    let tag;
    let offset;
    let length;
    let buffer;
    if (id === C.dataView) {
      tag = viewTags.DataView;
      offset = dataViewOffset.call(v);
      length = dataViewLength.call(v);
      buffer = dataViewBuffer.call(v);
    } else {
      tag = viewTags[typedArrayTag.call(v)];
      offset = typedArrayOffset.call(v);
      length = typedArrayLength.call(v);
      buffer = typedArrayBuffer.call(v);
    }
    // Flags: bit 0 length-tracking, bit 1 backed by a resizable buffer. The
    // engine does not say whether a view tracks its buffer's length; a view
    // of a resizable buffer that reaches its end is taken to track it, and
    // a tracking view is written with length 0, as V8 does.
    let flags = 0;
    if (getClassId(buffer) === C.arrayBuffer && abResizable !== undefined && abResizable.call(buffer)) {
      flags = 2;
      if (offset + length === abByteLength.call(buffer)) {
        flags |= 1;
        length = 0;
      }
    }
    this._byte(T.arrayBufferView);
    this._byte(tag);
    this._varint(offset);
    this._varint(length);
    this._varint(flags);
  },

  _arrayBuffer(v) {
    const transfer = this._transfers?.get(v);
    if (transfer !== undefined) {
      this._byte(T.arrayBufferTransfer);
      this._varint(transfer);
      return;
    }
    if (abDetached !== undefined && abDetached.call(v)) {
      throw this._cloneError('An ArrayBuffer is detached and could not be cloned.');
    }
    const length = abByteLength.call(v);
    if (abResizable !== undefined && abResizable.call(v)) {
      this._byte(T.resizableArrayBuffer);
      this._varint(length);
      this._varint(abMaxByteLength.call(v));
    } else {
      this._byte(T.arrayBuffer);
      this._varint(length);
    }
    this._bytes(new Uint8Array(v, 0, length));
  },

  _sharedArrayBuffer(v) {
    const transfer = this._transfers?.get(v);
    if (transfer !== undefined) {
      this._byte(T.arrayBufferTransfer);
      this._varint(transfer);
      return;
    }
    if (typeof this._getSharedArrayBufferId !== 'function') {
      throw this._cloneError(`${describe(v)} could not be cloned.`);
    }
    const sabId = this._getSharedArrayBufferId(v);
    this._byte(T.sharedArrayBuffer);
    this._varint(Number(sabId) >>> 0);
    void sabByteLength;
  },

  _regexp(v) {
    this._byte(T.regexp);
    this._string(regexpSource.call(v));
    const flags = regexpFlagsGet.call(v);
    let bits = 0;
    for (const [ch, bit] of regexpFlags) {
      if (flags.includes(ch)) bits |= bit;
    }
    this._varint(bits);
  },

  _map(v) {
    this._byte(T.beginMap);
    // Entries are copied first, so that writing cannot change the map
    // under the iteration.
    const entries = [...mapEntries.call(v)];
    for (const [k, val] of entries) {
      this._write(k);
      this._write(val);
    }
    this._byte(T.endMap);
    this._varint(entries.length * 2);
    void mapSize;
  },

  _set(v) {
    this._byte(T.beginSet);
    const values = [...setValues.call(v)];
    for (const val of values) this._write(val);
    this._byte(T.endSet);
    this._varint(values.length);
    void setSize;
  },

  _error(v) {
    this._byte(T.error);
    const proto = Object.getPrototypeOf(v);
    for (const name of Object.keys(errorTags)) {
      if (proto === globalThis[name].prototype) {
        this._byte(errorTags[name]);
        break;
      }
    }
    const desc = Object.getOwnPropertyDescriptor(v, 'message');
    if (desc !== undefined && 'value' in desc) {
      this._byte(kErrorMessage);
      this._string(String(desc.value));
    }
    const stack = v.stack;
    if (typeof stack === 'string') {
      this._byte(kErrorStack);
      this._string(stack);
    }
    const causeDesc = Object.getOwnPropertyDescriptor(v, 'cause');
    if (causeDesc !== undefined && 'value' in causeDesc) {
      this._byte(kErrorCause);
      this._write(causeDesc.value);
    }
    this._byte(kErrorEnd);
  },

  _array(v) {
    const length = v.length;
    const keys = Object.keys(v);
    // Dense when every index below length is an own property, as V8
    // writes arrays without holes; otherwise sparse.
    let dense = keys.length >= length;
    if (dense) {
      for (let i = 0; i < length; i++) {
        if (keys[i] !== String(i)) {
          dense = false;
          break;
        }
      }
    }
    if (!dense) {
      this._byte(T.beginSparseArray);
      this._varint(length);
      const n = this._properties(v, keys, 0);
      this._byte(T.endSparseArray);
      this._varint(n);
      this._varint(length);
      return;
    }
    this._byte(T.beginDenseArray);
    this._varint(length);
    // An array of numbers that are not all small integers is a double
    // array in V8, whose elements are all written as doubles.
    let doubles = false;
    let allNumbers = true;
    for (let i = 0; i < length; i++) {
      const e = v[i];
      if (typeof e !== 'number') {
        allNumbers = false;
        break;
      }
      if ((e | 0) !== e || Object.is(e, -0)) doubles = true;
    }
    for (let i = 0; i < length; i++) {
      if (!Object.prototype.hasOwnProperty.call(v, i)) {
        this._byte(T.hole);
        continue;
      }
      const e = v[i];
      if (doubles && allNumbers && typeof e === 'number') {
        this._byte(T.double);
        this._double(e);
      } else {
        this._write(e);
      }
    }
    const n = this._properties(v, keys, length);
    this._byte(T.endDenseArray);
    this._varint(n);
    this._varint(length);
  },

  _object(v) {
    this._byte(T.beginObject);
    const n = this._properties(v, Object.keys(v), 0);
    this._byte(T.endObject);
    this._varint(n);
  },

  // _properties writes key/value pairs for keys[from:] that are still own
  // properties when reached, and returns how many it wrote.
  _properties(v, keys, from) {
    let n = 0;
    for (let i = from; i < keys.length; i++) {
      const k = keys[i];
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      const val = v[k];
      if (isIndexKey(k)) this._number(+k);
      else this._string(k);
      this._write(val);
      n++;
    }
    return n;
  },
}));

// isHostObject reports whether v is an object made by a native (Go) class,
// the counterpart of a V8 object with embedder fields.
let v8Binding;
function isHostObject(v) {
  v8Binding ??= internalBinding('v8');
  return v8Binding.isHostObject(v);
}

// Deserializer reads values from a TypedArray or DataView.
function Deserializer(buffer) {
  if (new.target === undefined) throw constructCallRequired('Deserializer');
  const bytes = viewBytes(buffer);
  if (bytes === undefined) throw invalidArgType('buffer');
  this.buffer = buffer;
  this._u8 = bytes;
  this._dv = null; // a DataView over _u8, made when first needed
  this._pos = 0;
  this._version = 0;
  this._objects = [];
  this._transfers = null;
}

function cloneFailed() {
  return new Error('Unable to deserialize cloned data.');
}

Object.defineProperties(Deserializer.prototype, Object.getOwnPropertyDescriptors({
  readHeader() {
    if (this._u8[this._pos] === T.version) {
      this._pos++;
      const version = this._varint();
      if (version > kLatestVersion) {
        throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
      }
      this._version = version;
      return true;
    }
    throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
  },

  readValue() {
    return this._read();
  },

  getWireFormatVersion() {
    return this._version;
  },

  transferArrayBuffer(id, arrayBuffer) {
    const cid = getClassId(arrayBuffer);
    if (cid !== C.arrayBuffer && cid !== C.sharedArrayBuffer) {
      const err = new TypeError('arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    this._transfers ??= new Map();
    this._transfers.set(id >>> 0, arrayBuffer);
  },

  readUint32() {
    const n = this._varintOr(() => new Error('ReadUint32() failed'));
    return n >>> 0;
  },

  readUint64() {
    let n = 0n;
    let shift = 0n;
    for (;;) {
      if (this._pos >= this._u8.length) throw new Error('ReadUint64() failed');
      const b = this._u8[this._pos++];
      n |= BigInt(b & 0x7F) << shift;
      shift += 7n;
      if (b < 0x80) break;
    }
    n = BigInt.asUintN(64, n);
    return [Number(n >> 32n), Number(n & 0xFFFFFFFFn)];
  },

  readDouble() {
    if (this._pos + 8 > this._u8.length) throw new Error('ReadDouble() failed');
    this._dv ??= new DataView(this._u8.buffer, this._u8.byteOffset, this._u8.byteLength);
    const d = this._dv.getFloat64(this._pos, true);
    this._pos += 8;
    return d;
  },

  _readRawBytes(length) {
    length = Number(length);
    if (!(length >= 0) || this._pos + length > this._u8.length) {
      throw new Error('ReadRawBytes() failed');
    }
    const offset = this._pos;
    this._pos += length;
    return this._u8.byteOffset - viewOffsetOf(this.buffer) + offset;
  },

  readRawBytes(length) {
    length = Number(length);
    if (!(length >= 0) || this._pos + length > this._u8.length) {
      throw new Error('ReadRawBytes() failed');
    }
    const start = this._u8.byteOffset + this._pos;
    this._pos += length;
    return new FastBuffer(this._u8.buffer, start, length);
  },

  // Byte-level readers.

  _varintOr(fail) {
    const u8 = this._u8;
    let n = 0;
    let mul = 1;
    for (;;) {
      if (this._pos >= u8.length) throw fail();
      const b = u8[this._pos++];
      n += (b & 0x7F) * mul;
      mul *= 0x80;
      if (b < 0x80) return n;
    }
  },

  _varint() {
    return this._varintOr(cloneFailed);
  },

  _tag() {
    const u8 = this._u8;
    for (;;) {
      if (this._pos >= u8.length) throw cloneFailed();
      const t = u8[this._pos++];
      if (t !== T.padding) return t;
    }
  },

  _peekTag() {
    let p = this._pos;
    const u8 = this._u8;
    while (p < u8.length && u8[p] === T.padding) p++;
    return p < u8.length ? u8[p] : -1;
  },

  _doubleValue() {
    if (this._pos + 8 > this._u8.length) throw cloneFailed();
    this._dv ??= new DataView(this._u8.buffer, this._u8.byteOffset, this._u8.byteLength);
    const d = this._dv.getFloat64(this._pos, true);
    this._pos += 8;
    return d;
  },

  _rawSlice(n) {
    if (this._pos + n > this._u8.length) throw cloneFailed();
    const start = this._u8.byteOffset + this._pos;
    this._pos += n;
    return start;
  },

  _oneByte() {
    const n = this._varint();
    const start = this._rawSlice(n);
    return latin1Slice.call(new FastBuffer(this._u8.buffer, start, n), 0, n);
  },

  _twoByte() {
    const n = this._varint();
    if (n & 1) throw cloneFailed();
    const start = this._rawSlice(n);
    return ucs2Slice.call(new FastBuffer(this._u8.buffer, start, n), 0, n);
  },

  _utf8() {
    const n = this._varint();
    const start = this._rawSlice(n);
    return utf8Slice.call(new FastBuffer(this._u8.buffer, start, n), 0, n);
  },

  _stringValue() {
    const t = this._tag();
    switch (t) {
      case T.oneByteString: return this._oneByte();
      case T.twoByteString: return this._twoByte();
      case T.utf8String: return this._utf8();
    }
    throw cloneFailed();
  },

  _bigintBody() {
    const bits = this._varint();
    const byteLength = Math.floor(bits / 2);
    const start = this._rawSlice(byteLength);
    let n = 0n;
    for (let i = byteLength - 1; i >= 0; i--) {
      n = (n << 8n) | BigInt(this._u8[start - this._u8.byteOffset + i]);
    }
    return bits & 1 ? -n : n;
  },

  _addObject(o) {
    this._objects.push(o);
    return o;
  },

  // Value readers.

  _read() {
    let v = this._readInner();
    if (typeof v === 'object' && v !== null && this._peekTag() === T.arrayBufferView) {
      const id = getClassId(v);
      if (id === C.arrayBuffer || id === C.sharedArrayBuffer) {
        this._tag();
        v = this._readView(v);
      }
    }
    return v;
  },

  _readInner() {
    const t = this._tag();
    switch (t) {
      case 0x3F: // verifyObjectCount
        this._varint();
        return this._readInner();
      case 0x5F: // undefined
        return undefined;
      case 0x30: // null
        return null;
      case 0x54: // true
        return true;
      case 0x46: // false
        return false;
      case 0x49: { // int32
        const u = this._varint();
        return (u % 2) ? -(u + 1) / 2 : u / 2;
      }
      case 0x55: // uint32
        return this._varint();
      case 0x4E: // double
        return this._doubleValue();
      case 0x5A: // bigint
        return this._bigintBody();
      case 0x53: // utf8String
        return this._utf8();
      case 0x22: // oneByteString
        return this._oneByte();
      case 0x63: // twoByteString
        return this._twoByte();
      case 0x5E: { // objectReference
        const id = this._varint();
        if (id >= this._objects.length || this._objects[id] === undefined) throw cloneFailed();
        return this._objects[id];
      }
      case 0x6F: { // beginObject
        const o = this._addObject({});
        const n = this._props(o, T.endObject);
        if (this._varint() !== n) throw cloneFailed();
        return o;
      }
      case 0x41: { // beginDenseArray
        const length = this._varint();
        const a = this._addObject(new Array(length));
        for (let i = 0; i < length; i++) {
          if (this._peekTag() === T.hole) {
            this._tag();
            continue;
          }
          define(a, i, this._read());
        }
        const n = this._props(a, T.endDenseArray);
        if (this._varint() !== n) throw cloneFailed();
        if (this._varint() !== length) throw cloneFailed();
        return a;
      }
      case 0x61: { // beginSparseArray
        const length = this._varint();
        const a = this._addObject(new Array(length));
        const n = this._props(a, T.endSparseArray);
        if (this._varint() !== n) throw cloneFailed();
        if (this._varint() !== length) throw cloneFailed();
        return a;
      }
      case 0x44: // date
        return this._addObject(new Date(this._doubleValue()));
      case 0x79: // trueObject
        return this._addObject(new Boolean(true));
      case 0x78: // falseObject
        return this._addObject(new Boolean(false));
      case 0x6E: // numberObject
        return this._addObject(new Number(this._doubleValue()));
      case 0x7A: // bigintObject
        return this._addObject(Object(this._bigintBody()));
      case 0x73: // stringObject
        return this._addObject(new String(this._stringValue()));
      case 0x52: { // regexp
        const source = this._stringValue();
        const bits = this._varint();
        let flags = '';
        for (const [ch, bit] of regexpFlags) {
          if (bits & bit) flags += ch;
        }
        let re;
        try {
          re = new RegExp(source, flags);
        } catch {
          throw cloneFailed();
        }
        return this._addObject(re);
      }
      case 0x3B: { // beginMap
        const m = this._addObject(new Map());
        let n = 0;
        while (this._peekTag() !== T.endMap) {
          const k = this._read();
          m.set(k, this._read());
          n += 2;
        }
        this._tag();
        if (this._varint() !== n) throw cloneFailed();
        return m;
      }
      case 0x27: { // beginSet
        const s = this._addObject(new Set());
        let n = 0;
        while (this._peekTag() !== T.endSet) {
          s.add(this._read());
          n++;
        }
        this._tag();
        if (this._varint() !== n) throw cloneFailed();
        return s;
      }
      case 0x42: { // arrayBuffer
        const n = this._varint();
        const start = this._rawSlice(n);
        const ab = new ArrayBuffer(n);
        new Uint8Array(ab).set(new Uint8Array(this._u8.buffer, start, n));
        return this._addObject(ab);
      }
      case 0x7E: { // resizableArrayBuffer
        const n = this._varint();
        const max = this._varint();
        if (n > max) throw cloneFailed();
        const start = this._rawSlice(n);
        const ab = new ArrayBuffer(n, { maxByteLength: max });
        new Uint8Array(ab).set(new Uint8Array(this._u8.buffer, start, n));
        return this._addObject(ab);
      }
      case 0x74: { // arrayBufferTransfer
        const id = this._varint();
        const ab = this._transfers?.get(id);
        if (ab === undefined) throw cloneFailed();
        return this._addObject(ab);
      }
      case 0x75: { // sharedArrayBuffer
        this._varint();
        throw cloneFailed();
      }
      case 0x5C: { // hostObject
        const id = this._objects.length;
        this._objects.push(undefined);
        if (typeof this._readHostObject !== 'function') throw cloneFailed();
        const o = this._readHostObject();
        if (o === null || (typeof o !== 'object' && typeof o !== 'function')) throw cloneFailed();
        this._objects[id] = o;
        return o;
      }
      case 0x72: // error
        return this._errorValue();
    }
    throw cloneFailed();
  },

  _readView(buffer) {
    const sub = this._tag();
    const offset = this._varint();
    const length = this._varint();
    let flags = 0;
    if (this._version >= 14) flags = this._varint();
    const name = viewByTag.get(sub);
    if (name === undefined) throw cloneFailed();
    const lengthTracking = (flags & 1) !== 0;
    let view;
    try {
      if (name === 'DataView') {
        view = lengthTracking ? new DataView(buffer, offset) : new DataView(buffer, offset, length);
      } else {
        const Ctor = globalThis[name];
        if (lengthTracking) {
          view = new Ctor(buffer, offset);
        } else {
          if (length % Ctor.BYTES_PER_ELEMENT !== 0) throw cloneFailed();
          view = new Ctor(buffer, offset, length / Ctor.BYTES_PER_ELEMENT);
        }
      }
    } catch {
      throw cloneFailed();
    }
    return this._addObject(view);
  },

  _errorValue() {
    const id = this._objects.length;
    this._objects.push(undefined);
    let Ctor = Error;
    let message;
    let stack;
    let hasCause = false;
    let cause;
    for (;;) {
      const t = this._tag();
      if (t === kErrorEnd) break;
      switch (t) {
        case errorTags.EvalError: Ctor = EvalError; break;
        case errorTags.RangeError: Ctor = RangeError; break;
        case errorTags.ReferenceError: Ctor = ReferenceError; break;
        case errorTags.SyntaxError: Ctor = SyntaxError; break;
        case errorTags.TypeError: Ctor = TypeError; break;
        case errorTags.URIError: Ctor = URIError; break;
        case kErrorMessage: message = this._stringValue(); break;
        case kErrorStack: stack = this._stringValue(); break;
        case kErrorCause: hasCause = true; cause = this._read(); break;
        default: throw cloneFailed();
      }
    }
    const err = message === undefined ? new Ctor() : new Ctor(message);
    Object.defineProperty(err, 'stack', {
      value: stack, writable: true, enumerable: false, configurable: true,
    });
    if (hasCause) {
      Object.defineProperty(err, 'cause', {
        value: cause, writable: true, enumerable: false, configurable: true,
      });
    }
    this._objects[id] = err;
    return err;
  },

  // _props reads key/value pairs into o until the end tag, and returns how
  // many it read.
  _props(o, end) {
    let n = 0;
    for (;;) {
      if (this._peekTag() === end) {
        this._tag();
        return n;
      }
      const k = this._read();
      if (typeof k !== 'string' && typeof k !== 'number') throw cloneFailed();
      define(o, k, this._read());
      n++;
    }
  },
}));

function define(o, k, value) {
  Object.defineProperty(o, k, {
    value, writable: true, enumerable: true, configurable: true,
  });
}

function viewOffsetOf(v) {
  if (getClassId(v) === C.dataView) return dataViewOffset.call(v);
  return typedArrayOffset.call(v);
}

// Node's ArrayBufferView type numbers in DefaultSerializer host objects.
const hostViewTypes = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'DataView',
  'Buffer', 'BigInt64Array', 'BigUint64Array', 'Float16Array',
];

// DefaultSerializer writes Buffers, TypedArrays and DataViews as host
// objects: type number, byte length, bytes.
class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(abView) {
    let type;
    if (getClassId(abView) === C.dataView) {
      type = 9;
    } else if (abView instanceof FastBuffer) {
      type = 10;
    } else {
      type = hostViewTypes.indexOf(typedArrayTag.call(abView));
    }
    if (type < 0) {
      const { inspect } = require('internal/util/inspect');
      throw new Error(`Unserializable host object: ${inspect(abView)}`);
    }
    const bytes = viewBytes(abView);
    this.writeUint32(type);
    this.writeUint32(bytes.length);
    this.writeRawBytes(bytes);
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const type = this.readUint32();
    const byteLength = this.readUint32();
    const name = hostViewTypes[type];
    if (name === undefined) throw cloneFailed();
    const raw = this.readRawBytes(byteLength);
    // A copy: the result does not alias the input and is aligned.
    if (name === 'Buffer') {
      const out = new FastBuffer(byteLength);
      out.set(raw);
      return out;
    }
    const ab = new ArrayBuffer(byteLength);
    new Uint8Array(ab).set(raw);
    if (name === 'DataView') return new DataView(ab);
    const Ctor = globalThis[name];
    if (byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw cloneFailed();
    return new Ctor(ab, 0, byteLength / Ctor.BYTES_PER_ELEMENT);
  }
}

// v8.serialize reuses one serializer (and its buffer) unless a call is
// already under way, as when a getter of the value serializes.
let shared;
let sharedBusy = false;

function serialize(value) {
  if (sharedBusy) {
    const ser = new DefaultSerializer();
    ser.writeHeader();
    ser.writeValue(value);
    return ser.releaseBuffer();
  }
  sharedBusy = true;
  shared ??= new DefaultSerializer();
  try {
    shared.writeHeader();
    shared.writeValue(value);
    return shared.releaseBuffer();
  } catch (err) {
    shared.releaseBuffer();
    throw err;
  } finally {
    sharedBusy = false;
  }
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

module.exports = {
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  serialize,
  deserialize,
};
