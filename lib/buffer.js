'use strict';
// node:buffer. Buffer is a Uint8Array subclass; encodings, searches,
// comparisons and copies run in Go (internalBinding('buffer')), the
// integer and float accessors are plain JS arithmetic.

const binding = internalBinding('buffer');
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING,
  },
  fixStack,
} = require('internal/errors');
const { validateNumber, validateInteger, validateString } = require('internal/validators');
const {
  ENC_UTF8, ENC_UCS2, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX,
  encodingId, encodingIdStrict, normalizeEncoding, isUint8Array, isTypedArray, isAnyArrayBuffer,
  isArrayBufferView, FastBuffer, typedArrayByteLength, viewByteLength,
} = require('internal/buffer');

// The engine's limits: QuickJS array buffers hold up to 2^31-1 bytes and
// strings up to 2^30-1 characters.
const kMaxLength = 2 ** 31 - 1;
const kStringMaxLength = 2 ** 30 - 1;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

let INSPECT_MAX_BYTES = 50;

// A native-style error: fixed message, a code, no argument formatting.
function nativeError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  fixStack(err, `${Base.name} [${code}]`, message);
  return err;
}

const { isInsideNodeModules } = require('internal/util');

let deprecationWarned = false;
let nodeModulesChecks = 0;
// showDeprecation emits DEP0005 once, unless the caller is a package under
// node_modules (then only with --pending-deprecation). After 10000 checks
// it stops looking, to keep hot callers fast.
function showDeprecation() {
  if (deprecationWarned || ++nodeModulesChecks > 10000) return;
  if (!require('internal/options').getOptionValue('--pending-deprecation') && isInsideNodeModules()) return;
  deprecationWarned = true;
  if (typeof process.emitWarning === 'function') {
    process.emitWarning('Buffer() is deprecated due to security and usability issues. Please use the ' +
      'Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
  }
}

// Buffer(arg, encodingOrOffset, length): deprecated constructor form.
function Buffer(arg, encodingOrOffset, length) {
  showDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  enumerable: false, configurable: true, get() { return FastBuffer; },
});
Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);

// The pool small allocations are carved from.
Buffer.poolSize = 64 * 1024;
let poolSize, poolOffset, allocPool, allocBuffer;

function createPool() {
  poolSize = Buffer.poolSize;
  allocBuffer = new FastBuffer(poolSize);
  allocPool = allocBuffer.buffer;
  poolOffset = 0;
}
createPool();

function alignPool() {
  if (poolOffset & 7) {
    poolOffset |= 7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return new FastBuffer(size);
}

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return fillImpl(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return new FastBuffer(size);
};

let slowWarned = false;
function SlowBuffer(size) {
  if (!slowWarned && typeof process.emitWarning === 'function') {
    slowWarned = true;
    process.emitWarning('SlowBuffer() is deprecated. Please use Buffer.allocUnsafeSlow()', 'DeprecationWarning', 'DEP0030');
  }
  validateSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function fromString(string, encoding) {
  let enc = ENC_UTF8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    enc = encodingId(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  if (string.length === 0) return new FastBuffer();
  if (poolSize - poolOffset < 8) createPool();
  const r = binding.fromString(string, enc, allocBuffer, poolOffset);
  if (typeof r === 'number') {
    const b = new FastBuffer(allocPool, poolOffset, r);
    poolOffset += r;
    alignPool();
    return b;
  }
  if (r.length > 0 && r.length < (Buffer.poolSize >>> 1)) {
    createPool();
    allocBuffer.set(r, 0);
    const b = new FastBuffer(allocPool, 0, r.length);
    poolOffset = r.length;
    alignPool();
    return b;
  }
  return new FastBuffer(r.buffer, 0, r.length);
}

function fromArrayLike(obj) {
  const len = obj.length;
  if (len <= 0) return new FastBuffer();
  const b = allocate(len);
  b.set(obj, 0);
  return b;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    // No length: the view tracks a resizable buffer's length.
    return new FastBuffer(obj, byteOffset);
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  return fromArrayLike(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};

Buffer.of = function of(...items) {
  const b = allocate(items.length);
  for (let i = 0; i < items.length; i++) b[i] = items[i];
  return b;
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      const buf = list[i];
      if (!isUint8Array(buf)) {
        throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], buf);
      }
      length += typedArrayByteLength(buf);
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += copyActual(buf, buffer, pos, 0, typedArrayByteLength(buf));
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  if (len === 0) return 0;
  const enc = encoding === undefined ? ENC_UTF8 : (encodingId(encoding) ?? ENC_UTF8);
  switch (enc) {
    case ENC_UCS2: return len * 2;
    case ENC_LATIN1:
    case ENC_ASCII: return len;
    case ENC_BASE64:
    case ENC_BASE64URL: return base64ByteLength(string, len);
    case ENC_HEX: return len >>> 1;
  }
  return binding.byteLengthUtf8(string);
}
Buffer.byteLength = byteLength;

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  const targetLength = viewByteLength(target);
  if (sourceEnd - sourceStart > targetLength - targetStart) {
    sourceEnd = sourceStart + targetLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = viewByteLength(source) - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  return binding.copy(source, target, targetStart, sourceStart, sourceStart + nb);
}

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return (n % 1) === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  // Any ArrayBuffer view works on either side; offsets count bytes.
  if (!isArrayBufferView(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (!isArrayBufferView(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  const sourceLength = viewByteLength(source);
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > sourceLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${sourceLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = sourceLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= viewByteLength(target) || sourceStart >= sourceEnd) return 0;
  return copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

function fillImpl(buf, value, offset, end, encoding) {
  let enc;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    enc = encoding === undefined || encoding === null ? ENC_UTF8 : encodingId(encoding);
    if (enc === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      const code = value.charCodeAt(0);
      if ((enc === ENC_UTF8 && code < 128) || enc === ENC_LATIN1) value = code;
    }
  } else if (typeof value === 'boolean') {
    value = +value;
  } else if (typeof value !== 'number' && !isArrayBufferView(value)) {
    value = (value >>> 0) & 255;
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (offset > end || end > typedArrayByteLength(buf)) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
  } else {
    const res = binding.fill(buf, value, offset, end, enc ?? ENC_UTF8);
    if (res === -1) throw new ERR_INVALID_ARG_VALUE('value', value);
    if (res < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  }
  return buf;
}

function slice(buf, start, end, enc) {
  return binding.toString(buf, enc, start, end);
}

// Prototype methods.
const proto = Buffer.prototype;

Object.defineProperty(proto, 'parent', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(proto, 'offset', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return binding.toString(this, ENC_UTF8, 0, this.length);
  const len = this.length;
  if (start === undefined || start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  let enc = ENC_UTF8;
  if (encoding !== undefined) {
    enc = encodingIdStrict(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  return binding.toString(this, enc, start, end);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || binding.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return binding.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return binding.compare(this, target, sourceStart, sourceEnd, targetStart, targetEnd);
};

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : buffer.length;
  if (typeof val === 'number') return binding.indexOf(buffer, val >>> 0, byteOffset, ENC_LATIN1, dir);
  let enc = ENC_UTF8;
  if (encoding !== undefined) {
    enc = encodingIdStrict(encoding);
    if (enc === undefined) {
      if (typeof val === 'string') throw new ERR_UNKNOWN_ENCODING(encoding);
      enc = ENC_UTF8;
    }
  }
  if (typeof val === 'string' || isUint8Array(val)) {
    return binding.indexOf(buffer, val, byteOffset, enc, dir);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true) !== -1;
};

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  }
  if (offset === undefined) return binding.write(this, string, 0, this.length, ENC_UTF8);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  let enc = ENC_UTF8;
  if (encoding !== undefined && encoding !== null && encoding !== '') {
    enc = encodingId(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  return binding.write(this, string, offset, length, enc);
};

proto.toJSON = function toJSON() {
  const len = this.length;
  const data = new Array(len);
  for (let i = 0; i < len; i++) data[i] = this[i];
  return { type: 'Buffer', data };
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};
proto.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swapCheck(buf, bits) {
  if (buf.length % (bits / 8) !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${bits}-bits`);
}
proto.swap16 = function swap16() {
  swapCheck(this, 16);
  binding.swap16(this);
  return this;
};
proto.swap32 = function swap32() {
  swapCheck(this, 32);
  binding.swap32(this);
  return this;
};
proto.swap64 = function swap64() {
  swapCheck(this, 64);
  binding.swap64(this);
  return this;
};

// Encoding-specific slice/write methods, as Node exposes them. Indices are
// integers (NaN is 0); a negative one is a RangeError.
function indexArg(value, defaultValue) {
  if (value === undefined) return defaultValue;
  const n = Math.trunc(+value) || 0;
  if (n < 0) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
  return n;
}

function checkWriteString(string) {
  if (typeof string !== 'string') {
    throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  }
}

for (const [name, enc] of [['utf8', ENC_UTF8], ['ucs2', ENC_UCS2], ['latin1', ENC_LATIN1],
  ['ascii', ENC_ASCII], ['base64', ENC_BASE64], ['base64url', ENC_BASE64URL], ['hex', ENC_HEX]]) {
  proto[`${name}Slice`] = function(start, end) {
    const len = typedArrayByteLength(this);
    start = indexArg(start, 0);
    end = indexArg(end, len);
    if (end <= start) return '';
    if (end > len) throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
    return slice(this, start, end, enc);
  };
}

// utf8, latin1 and ascii check their range up front; the others check the
// offset and clamp the length.
for (const [name, enc] of [['utf8', ENC_UTF8], ['latin1', ENC_LATIN1], ['ascii', ENC_ASCII]]) {
  proto[`${name}Write`] = function(string, offset = 0, length = typedArrayByteLength(this) - offset) {
    checkWriteString(string);
    const len = typedArrayByteLength(this);
    if (offset < 0 || offset > len) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    if (length < 0 || length > len - offset) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    return binding.write(this, string, Math.trunc(+offset) || 0, Math.trunc(+length) || 0, enc);
  };
}
for (const [name, enc] of [['ucs2', ENC_UCS2], ['base64', ENC_BASE64],
  ['base64url', ENC_BASE64URL], ['hex', ENC_HEX]]) {
  proto[`${name}Write`] = function(string, offset, length) {
    checkWriteString(string);
    const len = typedArrayByteLength(this);
    offset = indexArg(offset, 0);
    if (offset > len) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
    length = Math.min(indexArg(length, len - offset), len - offset);
    if (length === 0) return 0;
    return binding.write(this, string, offset, length, enc);
  };
}

proto[Symbol.for('nodejs.util.inspect.custom')] = proto.inspect = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = binding.toString(this, ENC_HEX, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const extras = [];
    for (const key of Object.keys(this)) {
      if (/^\d+$/.test(key)) continue;
      let shown;
      try {
        shown = require('internal/util/inspect').inspect(this[key], { ...ctx, breakLength: Infinity, compact: true });
      } catch {
        shown = String(this[key]);
      }
      extras.push(`${key}: ${shown}`);
    }
    if (extras.length) str += `${str ? ', ' : ''}${extras.join(', ')}`;
  }
  return `<${this.constructor.name} ${str}>`;
};

// Integer and float accessors.

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, size) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

function checkInt(value, min, max, buf, offset, size) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (size > 4) {
      const bits = size * 8;
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
      } else {
        range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, size);
}

function checkByteLength(byteLength) {
  if (byteLength === undefined) throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength)) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

function readUIntLEn(buf, offset, n) {
  checkBounds(buf, offset, n);
  let val = 0;
  let mul = 1;
  for (let i = 0; i < n; i++) {
    val += buf[offset + i] * mul;
    mul *= 0x100;
  }
  return val;
}

function readUIntBEn(buf, offset, n) {
  checkBounds(buf, offset, n);
  let val = 0;
  for (let i = 0; i < n; i++) val = val * 0x100 + buf[offset + i];
  return val;
}

function toSigned(val, n) {
  const limit = 2 ** (8 * n - 1);
  return val >= limit ? val - limit * 2 : val;
}

function writeUIntLEn(buf, value, offset, n, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n);
  let v = value < 0 ? value + 2 ** (8 * n) : value;
  for (let i = 0; i < n; i++) {
    buf[offset + i] = v;
    v = Math.floor(v / 0x100);
  }
  return offset + n;
}

function writeUIntBEn(buf, value, offset, n, min, max) {
  value = +value;
  checkInt(value, min, max, buf, offset, n);
  let v = value < 0 ? value + 2 ** (8 * n) : value;
  for (let i = n - 1; i >= 0; i--) {
    buf[offset + i] = v;
    v = Math.floor(v / 0x100);
  }
  return offset + n;
}

proto.readUInt8 = function readUInt8(offset = 0) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
};
proto.readInt8 = function readInt8(offset = 0) {
  const val = proto.readUInt8.call(this, offset);
  return val | (val & 0x80) * 0x1fffffe;
};
function rangeFail(buf, offset, size) {
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  boundsError(offset, buf.length - size);
}

proto.readUInt16LE = function readUInt16LE(offset = 0) {
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) rangeFail(this, offset, 2);
  return a | (b << 8);
};
proto.readUInt16BE = function readUInt16BE(offset = 0) {
  const a = this[offset];
  const b = this[offset + 1];
  if (a === undefined || b === undefined) rangeFail(this, offset, 2);
  return (a << 8) | b;
};
proto.readUInt32LE = function readUInt32LE(offset = 0) {
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) rangeFail(this, offset, 4);
  return a + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 + d * 0x1000000;
};
proto.readUInt32BE = function readUInt32BE(offset = 0) {
  const a = this[offset];
  const d = this[offset + 3];
  if (a === undefined || d === undefined) rangeFail(this, offset, 4);
  return a * 0x1000000 + this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + d;
};
proto.readInt16LE = function readInt16LE(offset = 0) {
  return (proto.readUInt16LE.call(this, offset) << 16) >> 16;
};
proto.readInt16BE = function readInt16BE(offset = 0) {
  return (proto.readUInt16BE.call(this, offset) << 16) >> 16;
};
proto.readInt32LE = function readInt32LE(offset = 0) { return proto.readUInt32LE.call(this, offset) | 0; };
proto.readInt32BE = function readInt32BE(offset = 0) { return proto.readUInt32BE.call(this, offset) | 0; };
proto.readUIntLE = function readUIntLE(offset, byteLength) {
  checkByteLength(byteLength);
  return readUIntLEn(this, offset, byteLength);
};
proto.readUIntBE = function readUIntBE(offset, byteLength) {
  checkByteLength(byteLength);
  return readUIntBEn(this, offset, byteLength);
};
proto.readIntLE = function readIntLE(offset, byteLength) {
  checkByteLength(byteLength);
  return toSigned(readUIntLEn(this, offset, byteLength), byteLength);
};
proto.readIntBE = function readIntBE(offset, byteLength) {
  checkByteLength(byteLength);
  return toSigned(readUIntBEn(this, offset, byteLength), byteLength);
};

function writeU8(buf, value, offset, min, max) {
  value = +value;
  if (typeof offset !== 'number') validateNumber(offset, 'offset');
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}
proto.writeUInt8 = function writeUInt8(value, offset = 0) {
  return writeU8(this, value, offset, 0, 0xff);
};
proto.writeInt8 = function writeInt8(value, offset = 0) {
  return writeU8(this, value, offset, -0x80, 0x7f);
};
function write16(buf, value, offset, min, max, le) {
  value = +value;
  if (!(value <= max && value >= min) || buf[offset] === undefined || buf[offset + 1] === undefined) {
    checkInt(value, min, max, buf, offset, 2);
  }
  buf[le ? offset : offset + 1] = value;
  buf[le ? offset + 1 : offset] = value >>> 8;
  return offset + 2;
}

function write32(buf, value, offset, min, max, le) {
  value = +value;
  if (!(value <= max && value >= min) || buf[offset] === undefined || buf[offset + 3] === undefined) {
    checkInt(value, min, max, buf, offset, 4);
  }
  if (le) {
    buf[offset] = value;
    buf[offset + 1] = value >>> 8;
    buf[offset + 2] = value >>> 16;
    buf[offset + 3] = value >>> 24;
  } else {
    buf[offset + 3] = value;
    buf[offset + 2] = value >>> 8;
    buf[offset + 1] = value >>> 16;
    buf[offset] = value >>> 24;
  }
  return offset + 4;
}

proto.writeUInt16LE = function writeUInt16LE(value, offset = 0) { return write16(this, value, offset, 0, 0xffff, true); };
proto.writeUInt16BE = function writeUInt16BE(value, offset = 0) { return write16(this, value, offset, 0, 0xffff, false); };
proto.writeUInt32LE = function writeUInt32LE(value, offset = 0) { return write32(this, value, offset, 0, 0xffffffff, true); };
proto.writeUInt32BE = function writeUInt32BE(value, offset = 0) { return write32(this, value, offset, 0, 0xffffffff, false); };
proto.writeInt16LE = function writeInt16LE(value, offset = 0) { return write16(this, value, offset, -0x8000, 0x7fff, true); };
proto.writeInt16BE = function writeInt16BE(value, offset = 0) { return write16(this, value, offset, -0x8000, 0x7fff, false); };
proto.writeInt32LE = function writeInt32LE(value, offset = 0) { return write32(this, value, offset, -0x80000000, 0x7fffffff, true); };
proto.writeInt32BE = function writeInt32BE(value, offset = 0) { return write32(this, value, offset, -0x80000000, 0x7fffffff, false); };
proto.writeUIntLE = function writeUIntLE(value, offset, byteLength) {
  checkByteLength(byteLength);
  if (byteLength === 1) return writeU8(this, value, offset, 0, 0xff);
  return writeUIntLEn(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1);
};
proto.writeUIntBE = function writeUIntBE(value, offset, byteLength) {
  checkByteLength(byteLength);
  if (byteLength === 1) return writeU8(this, value, offset, 0, 0xff);
  return writeUIntBEn(this, value, offset, byteLength, 0, 2 ** (8 * byteLength) - 1);
};
proto.writeIntLE = function writeIntLE(value, offset, byteLength) {
  checkByteLength(byteLength);
  if (byteLength === 1) return writeU8(this, value, offset, -0x80, 0x7f);
  const limit = 2 ** (8 * byteLength - 1);
  return writeUIntLEn(this, value, offset, byteLength, -limit, limit - 1);
};
proto.writeIntBE = function writeIntBE(value, offset, byteLength) {
  checkByteLength(byteLength);
  if (byteLength === 1) return writeU8(this, value, offset, -0x80, 0x7f);
  const limit = 2 ** (8 * byteLength - 1);
  return writeUIntBEn(this, value, offset, byteLength, -limit, limit - 1);
};

// Floats go through a scratch array sharing memory with a byte view.
const float32 = new Float32Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);
float32[0] = -1;
const bigEndianHost = float32Bytes[3] === 0;

function readFloatGeneric(buf, offset, size, littleEndian) {
  checkBounds(buf, offset, size);
  const bytes = size === 4 ? float32Bytes : float64Bytes;
  const swap = littleEndian === bigEndianHost;
  for (let i = 0; i < size; i++) bytes[swap ? size - 1 - i : i] = buf[offset + i];
  return size === 4 ? float32[0] : float64[0];
}

function writeFloatGeneric(buf, value, offset, size, littleEndian) {
  value = +value;
  checkBounds(buf, offset, size);
  let bytes;
  if (size === 4) {
    float32[0] = value;
    bytes = float32Bytes;
  } else {
    float64[0] = value;
    bytes = float64Bytes;
  }
  const swap = littleEndian === bigEndianHost;
  for (let i = 0; i < size; i++) buf[offset + i] = bytes[swap ? size - 1 - i : i];
  return offset + size;
}

proto.readFloatLE = function readFloatLE(offset = 0) { return readFloatGeneric(this, offset, 4, true); };
proto.readFloatBE = function readFloatBE(offset = 0) { return readFloatGeneric(this, offset, 4, false); };
proto.readDoubleLE = function readDoubleLE(offset = 0) { return readFloatGeneric(this, offset, 8, true); };
proto.readDoubleBE = function readDoubleBE(offset = 0) { return readFloatGeneric(this, offset, 8, false); };
proto.writeFloatLE = function writeFloatLE(value, offset = 0) { return writeFloatGeneric(this, value, offset, 4, true); };
proto.writeFloatBE = function writeFloatBE(value, offset = 0) { return writeFloatGeneric(this, value, offset, 4, false); };
proto.writeDoubleLE = function writeDoubleLE(value, offset = 0) { return writeFloatGeneric(this, value, offset, 8, true); };
proto.writeDoubleBE = function writeDoubleBE(value, offset = 0) { return writeFloatGeneric(this, value, offset, 8, false); };

proto.readBigUInt64LE = function readBigUInt64LE(offset = 0) {
  checkBounds(this, offset, 8);
  const lo = readUIntLEn(this, offset, 4);
  const hi = readUIntLEn(this, offset + 4, 4);
  return BigInt(lo) + (BigInt(hi) << 32n);
};
proto.readBigUInt64BE = function readBigUInt64BE(offset = 0) {
  checkBounds(this, offset, 8);
  const hi = readUIntBEn(this, offset, 4);
  const lo = readUIntBEn(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
};
proto.readBigInt64LE = function readBigInt64LE(offset = 0) {
  checkBounds(this, offset, 8);
  const lo = readUIntLEn(this, offset, 4);
  const hi = readUIntLEn(this, offset + 4, 4) | 0;
  return (BigInt(hi) << 32n) + BigInt(lo);
};
proto.readBigInt64BE = function readBigInt64BE(offset = 0) {
  checkBounds(this, offset, 8);
  const hi = readUIntBEn(this, offset, 4) | 0;
  const lo = readUIntBEn(this, offset + 4, 4);
  return (BigInt(hi) << 32n) + BigInt(lo);
};

function writeBig64(buf, value, offset, min, max, littleEndian) {
  checkInt(value, min, max, buf, offset, 8);
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  if (littleEndian) {
    writeRaw32LE(buf, lo, offset);
    writeRaw32LE(buf, hi, offset + 4);
  } else {
    writeRaw32LE(buf, hi, offset, true);
    writeRaw32LE(buf, lo, offset + 4, true);
  }
  return offset + 8;
}

function writeRaw32LE(buf, v, offset, bigEndian) {
  for (let i = 0; i < 4; i++) {
    buf[bigEndian ? offset + 3 - i : offset + i] = v & 0xff;
    v >>>= 8;
  }
}

proto.writeBigUInt64LE = function writeBigUInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, true);
};
proto.writeBigUInt64BE = function writeBigUInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, 0xffffffffffffffffn, false);
};
proto.writeBigInt64LE = function writeBigInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, true);
};
proto.writeBigInt64BE = function writeBigInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, -(2n ** 63n), 2n ** 63n - 1n, false);
};

// Lowercase "Uint" aliases.
for (const name of Object.getOwnPropertyNames(proto)) {
  if (/^(read|write)(Big)?UInt/.test(name)) {
    proto[name.replace('UInt', 'Uint')] = proto[name];
  }
}

// Module functions.

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = encodingId(`${fromEncoding}`);
  const to = encodingId(`${toEncoding}`);
  const r = from !== undefined && to !== undefined ? binding.transcode(source, from, to) : undefined;
  if (r === undefined) {
    const err = nativeError(Error, 'U_ILLEGAL_ARGUMENT_ERROR',
      'Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
    err.errno = 1;
    throw err;
  }
  return new FastBuffer(r.buffer, 0, r.length);
}

let DOMExceptionCtor;
function lazyDOMException(message, name) {
  if (DOMExceptionCtor === undefined) {
    try {
      DOMExceptionCtor = require('internal/per_context/domexception').DOMException;
    } catch {
      DOMExceptionCtor = typeof globalThis.DOMException === 'function' ? globalThis.DOMException : null;
    }
  }
  if (DOMExceptionCtor) return new DOMExceptionCtor(message, name);
  const err = new Error(message);
  err.name = name;
  err.code = name === 'InvalidCharacterError' ? 5 : 0;
  return err;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  const r = binding.btoa(`${input}`);
  if (typeof r === 'number') throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  return r;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  const r = binding.atob(`${input}`);
  if (r === 1) throw lazyDOMException('Invalid character', 'InvalidCharacterError');
  if (r === 2) {
    throw lazyDOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  return r;
}

// Node 20 (and its test suite) reject detached input with this native-style
// error; node 24 answers as for an empty buffer.
function detachedError() {
  return nativeError(Error, 'ERR_INVALID_STATE', 'Cannot validate on a detached buffer');
}

function viewOf(input) {
  if (isAnyArrayBuffer(input)) {
    if (input.detached) throw detachedError();
    return new Uint8Array(input);
  }
  if (isArrayBufferView(input)) {
    if (input.buffer && input.buffer.detached) throw detachedError();
    return input;
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isUtf8(input) {
  const v = viewOf(input);
  return binding.isUtf8(v);
}

function isAscii(input) {
  const v = viewOf(input);
  return binding.isAscii(v);
}

// Blob and File hold their bytes in memory.

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');

function blobBytes(src, endings) {
  if (src instanceof Blob) return src[kBytes];
  if (isAnyArrayBuffer(src)) return new Uint8Array(src.slice(0));
  if (isArrayBufferView(src)) {
    return new Uint8Array(src.buffer.slice(src.byteOffset, src.byteOffset + src.byteLength));
  }
  let s = `${src}`;
  if (endings === 'native') s = s.replace(/\r?\n/g, '\n');
  return Buffer.from(s, 'utf8');
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Value cannot be converted to sequence.');
    }
    if (options !== undefined && (options === null || typeof options !== 'object') && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const type = options?.type ?? '';
    let endings = options?.endings ?? 'transparent';
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const chunks = [];
    let length = 0;
    for (const src of sources) {
      const b = blobBytes(src, endings);
      chunks.push(b);
      length += b.length;
    }
    const bytes = new Uint8Array(length);
    let pos = 0;
    for (const b of chunks) {
      bytes.set(b, pos);
      pos += b.length;
    }
    this[kBytes] = bytes;
    const t = `${type}`;
    this[kType] = /[^\u0020-\u007E]/.test(t) ? '' : t.toLowerCase();
  }

  get size() { return this[kBytes].length; }
  get type() { return this[kType]; }

  slice(start = 0, end = this.size, contentType = '') {
    const size = this.size;
    const rel = (v) => (v < 0 ? Math.max(size + v, 0) : Math.min(v, size));
    start = rel(Math.trunc(+start) || 0);
    end = rel(Math.trunc(+end) || 0);
    const blob = new Blob([], { type: contentType });
    blob[kBytes] = this[kBytes].slice(start, Math.max(start, end));
    return blob;
  }

  text() {
    return Promise.resolve(binding.toString(this[kBytes], ENC_UTF8, 0, this[kBytes].length));
  }

  arrayBuffer() {
    return Promise.resolve(this[kBytes].slice().buffer);
  }

  bytes() {
    return Promise.resolve(this[kBytes].slice());
  }

  stream() {
    const { ReadableStream } = require('internal/webstreams/readablestream');
    const bytes = this[kBytes].slice();
    let offset = 0;
    // Handed out on demand, 64 KiB at a time, as node does.
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (offset < bytes.length) {
          const end = Math.min(offset + 65536, bytes.length);
          controller.enqueue(bytes.slice(offset, end));
          offset = end;
        }
        if (offset >= bytes.length) controller.close();
      },
    });
  }

  get [Symbol.toStringTag]() { return 'Blob'; }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `${this.constructor.name} { size: ${this.size}, type: '${this.type}' }`;
  }
}

const kName = Symbol('kName');
const kLastModified = Symbol('kLastModified');

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    this[kName] = `${fileName}`;
    const lm = options?.lastModified;
    this[kLastModified] = lm === undefined ? Date.now() : Math.trunc(+lm) || 0;
  }

  get name() { return this[kName]; }
  get lastModified() { return this[kLastModified]; }
  get [Symbol.toStringTag]() { return 'File'; }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `File { size: ${this.size}, type: '${this.type}', name: '${this.name}', lastModified: ${this.lastModified} }`;
  }
}

function resolveObjectURL(url) {
  return require('internal/url').resolveObjectURL(url);
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  Blob,
  File,
  resolveObjectURL,
};

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  configurable: true,
  enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) {
    validateNumber(val, 'INSPECT_MAX_BYTES', 0);
    INSPECT_MAX_BYTES = val;
  },
});
