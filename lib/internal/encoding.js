'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding): utf-8, utf-16le,
// utf-16be and windows-1252 (with its latin1/ascii labels).

const binding = internalBinding('buffer');
const {
  codes: { ERR_ENCODING_NOT_SUPPORTED, ERR_ENCODING_INVALID_ENCODED_DATA, ERR_INVALID_ARG_TYPE },
  fixStack,
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const { ENC_UTF8, ENC_UCS2, ENC_LATIN1, isUint8Array, isAnyArrayBuffer } = require('internal/buffer');

const labels = {};
function addLabels(name, list) {
  for (const l of list) labels[l] = name;
}
addLabels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
addLabels('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
addLabels('utf-16be', ['unicodefffe', 'utf-16be']);
addLabels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
  'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1',
  'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);

function getEncodingFromLabel(label) {
  return labels[`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()];
}

// windows-1252 bytes 0x80-0x9F that differ from latin1.
const cp1252 = [
  0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
  0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
].map((c) => String.fromCharCode(c));

class TextEncoder {
  get encoding() { return 'utf-8'; }

  encode(input = '') {
    return binding.fromString(`${input}`, ENC_UTF8);
  }

  encodeInto(src, dest) {
    validateString(src, 'src');
    if (!dest || !isUint8Array(dest)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const r = binding.encodeInto(src, dest);
    return { read: r[0], written: r[1] };
  }

  get [Symbol.toStringTag]() { return 'TextEncoder'; }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return "TextEncoder { encoding: 'utf-8' }";
  }
}

const kState = Symbol('kState');

function invalidInput() {
  const msg = 'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.';
  const err = new TypeError(msg);
  Object.defineProperty(err, 'code', { value: 'ERR_INVALID_ARG_TYPE', enumerable: true, writable: true, configurable: true });
  fixStack(err, 'TypeError [ERR_INVALID_ARG_TYPE]', msg);
  return err;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    validateObject(options, 'options', { nullable: true, allowArray: true, allowFunction: true });
    this[kState] = {
      encoding: enc,
      fatal: Boolean(options?.fatal),
      ignoreBOM: Boolean(options?.ignoreBOM),
      pending: new Uint8Array(4),
      npending: 0,
      bomSeen: false,
    };
  }

  get encoding() { return this[kState].encoding; }
  get fatal() { return this[kState].fatal; }
  get ignoreBOM() { return this[kState].ignoreBOM; }

  decode(input = new Uint8Array(0), options = {}) {
    let bytes;
    if (isUint8Array(input)) bytes = input;
    else if (isAnyArrayBuffer(input)) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else throw invalidInput();
    validateObject(options, 'options', { nullable: true, allowArray: true, allowFunction: true });
    const stream = Boolean(options?.stream);
    const st = this[kState];
    // Join the bytes held back from the previous call (at most 3).
    if (st.npending > 0) {
      const joined = new Uint8Array(st.npending + bytes.length);
      joined.set(st.pending.subarray(0, st.npending), 0);
      joined.set(bytes, st.npending);
      bytes = joined;
      st.npending = 0;
    }
    let out;
    try {
      switch (st.encoding) {
        case 'utf-8': out = decodeUtf8(st, bytes, stream); break;
        case 'windows-1252': out = decode1252(bytes); break;
        default: out = decodeUtf16(st, bytes, stream, st.encoding === 'utf-16be');
      }
    } catch (err) {
      st.npending = 0;
      st.bomSeen = false;
      throw err;
    }
    if (!st.ignoreBOM && !st.bomSeen && out.length > 0) {
      if (out.charCodeAt(0) === 0xFEFF && st.encoding !== 'windows-1252') out = out.slice(1);
      st.bomSeen = true;
    }
    if (!stream) st.bomSeen = false;
    return out;
  }

  get [Symbol.toStringTag]() { return 'TextDecoder'; }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    const st = this[kState];
    return `TextDecoder { encoding: '${st.encoding}', fatal: ${st.fatal}, ignoreBOM: ${st.ignoreBOM} }`;
  }
}

function hold(st, bytes, n) {
  for (let i = 0; i < n; i++) st.pending[i] = bytes[bytes.length - n + i];
  st.npending = n;
}

function decodeUtf8(st, bytes, stream) {
  let end = bytes.length;
  if (stream) {
    const tail = binding.utf8Tail(bytes);
    if (tail > 0) {
      hold(st, bytes, tail);
      end -= tail;
    }
  }
  if (st.fatal && !binding.isUtf8(end === bytes.length ? bytes : bytes.subarray(0, end))) {
    throw new ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
  }
  return binding.toString(bytes, ENC_UTF8, 0, end);
}

function decode1252(bytes) {
  const s = binding.toString(bytes, ENC_LATIN1, 0, bytes.length);
  return s.replace(/[\x80-\x9f]/g, (c) => cp1252[c.charCodeAt(0) - 0x80]);
}

function decodeUtf16(st, bytes, stream, bigEndian) {
  let end = bytes.length;
  if (stream) {
    let hold2 = end % 2;
    if (hold2 === 0 && end >= 2) {
      const last = bigEndian ? (bytes[end - 2] << 8) | bytes[end - 1] : bytes[end - 2] | (bytes[end - 1] << 8);
      if (last >= 0xD800 && last <= 0xDBFF) hold2 = 2;
    }
    if (hold2 > 0) {
      hold(st, bytes, hold2);
      end -= hold2;
    }
  }
  let src = bytes;
  if (bigEndian) {
    src = bytes.slice(0, end & ~1);
    binding.swap16(src);
  }
  let s = binding.toString(src, ENC_UCS2, 0, end);
  const odd = !stream && end % 2 === 1;
  if (st.fatal) {
    loneSurrogate.lastIndex = 0;
    if (odd || loneSurrogate.test(s)) throw new ERR_ENCODING_INVALID_ENCODED_DATA(st.encoding);
  }
  s = s.replace(loneSurrogate, '\ufffd');
  if (odd) s += '\ufffd';
  return s;
}

module.exports = { TextEncoder, TextDecoder, getEncodingFromLabel };
