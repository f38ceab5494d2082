'use strict';
// TextEncoder and TextDecoder (WHATWG Encoding): utf-8, utf-16le,
// utf-16be and the legacy single-byte encodings (windows-1252, which the
// latin1/ascii labels name, the ISO-8859 family, KOI8, ...).

const binding = internalBinding('buffer');
const {
  codes: { ERR_ENCODING_NOT_SUPPORTED, ERR_ENCODING_INVALID_ENCODED_DATA, ERR_INVALID_ARG_TYPE },
  fixStack,
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const { ENC_UTF8, ENC_UCS2, isUint8Array, isAnyArrayBuffer } = require('internal/buffer');

const labels = { __proto__: null };
function addLabels(name, list) {
  for (const l of list) labels[l] = name;
}
addLabels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
addLabels('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']);
addLabels('utf-16be', ['unicodefffe', 'utf-16be']);
addLabels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819',
  'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1',
  'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);
// The other legacy single-byte encodings, decoded in Go (encoding_binding).
addLabels('ibm866', ['866', 'cp866', 'csibm866', 'ibm866']);
addLabels('iso-8859-2', ['csisolatin2', 'iso-8859-2', 'iso-ir-101', 'iso8859-2', 'iso88592', 'iso_8859-2',
  'iso_8859-2:1987', 'l2', 'latin2']);
addLabels('iso-8859-3', ['csisolatin3', 'iso-8859-3', 'iso-ir-109', 'iso8859-3', 'iso88593', 'iso_8859-3',
  'iso_8859-3:1988', 'l3', 'latin3']);
addLabels('iso-8859-4', ['csisolatin4', 'iso-8859-4', 'iso-ir-110', 'iso8859-4', 'iso88594', 'iso_8859-4',
  'iso_8859-4:1988', 'l4', 'latin4']);
addLabels('iso-8859-5', ['csisolatincyrillic', 'cyrillic', 'iso-8859-5', 'iso-ir-144', 'iso8859-5', 'iso88595',
  'iso_8859-5', 'iso_8859-5:1988']);
addLabels('iso-8859-6', ['arabic', 'asmo-708', 'csiso88596e', 'csiso88596i', 'csisolatinarabic', 'ecma-114',
  'iso-8859-6', 'iso-8859-6-e', 'iso-8859-6-i', 'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6',
  'iso_8859-6:1987']);
addLabels('iso-8859-7', ['csisolatingreek', 'ecma-118', 'elot_928', 'greek', 'greek8', 'iso-8859-7', 'iso-ir-126',
  'iso8859-7', 'iso88597', 'iso_8859-7', 'iso_8859-7:1987', 'sun_eu_greek']);
addLabels('iso-8859-8', ['csiso88598e', 'csisolatinhebrew', 'hebrew', 'iso-8859-8', 'iso-8859-8-e', 'iso-ir-138',
  'iso8859-8', 'iso88598', 'iso_8859-8', 'iso_8859-8:1988', 'visual']);
addLabels('iso-8859-8-i', ['csiso88598i', 'iso-8859-8-i', 'logical']);
addLabels('iso-8859-10', ['csisolatin6', 'iso-8859-10', 'iso-ir-157', 'iso8859-10', 'iso885910', 'l6', 'latin6']);
addLabels('iso-8859-13', ['iso-8859-13', 'iso8859-13', 'iso885913']);
addLabels('iso-8859-14', ['iso-8859-14', 'iso8859-14', 'iso885914']);
addLabels('iso-8859-15', ['csisolatin9', 'iso-8859-15', 'iso8859-15', 'iso885915', 'iso_8859-15', 'l9']);
addLabels('iso-8859-16', ['iso-8859-16']);
addLabels('koi8-r', ['cskoi8r', 'koi', 'koi8', 'koi8-r', 'koi8_r']);
addLabels('koi8-u', ['koi8-ru', 'koi8-u']);
addLabels('macintosh', ['csmacintosh', 'mac', 'macintosh', 'x-mac-roman']);
addLabels('windows-874', ['dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911', 'tis-620', 'windows-874']);
addLabels('windows-1250', ['cp1250', 'windows-1250', 'x-cp1250']);
addLabels('windows-1251', ['cp1251', 'windows-1251', 'x-cp1251']);
addLabels('windows-1253', ['cp1253', 'windows-1253', 'x-cp1253']);
addLabels('windows-1254', ['cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148', 'iso8859-9', 'iso88599',
  'iso_8859-9', 'iso_8859-9:1989', 'l5', 'latin5', 'windows-1254', 'x-cp1254']);
addLabels('windows-1255', ['cp1255', 'windows-1255', 'x-cp1255']);
addLabels('windows-1256', ['cp1256', 'windows-1256', 'x-cp1256']);
addLabels('windows-1257', ['cp1257', 'windows-1257', 'x-cp1257']);
addLabels('windows-1258', ['cp1258', 'windows-1258', 'x-cp1258']);
addLabels('x-mac-cyrillic', ['x-mac-cyrillic', 'x-mac-ukrainian']);
addLabels('x-user-defined', ['x-user-defined']);

function getEncodingFromLabel(label) {
  return labels[`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()];
}

// Single-byte encodings decode in Go; the binding loads on first use.
let encodingBinding;
let singleByteIndex;
function singleByteEncoding(name) {
  if (singleByteIndex === undefined) {
    encodingBinding = internalBinding('encoding_binding');
    singleByteIndex = new Map(encodingBinding.singleByteEncodings.map((n, i) => [n, i]));
    singleByteIndex.set('iso-8859-8-i', singleByteIndex.get('iso-8859-8'));
  }
  return singleByteIndex.get(name);
}

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
      // The encoding's table in encoding_binding, for single-byte ones.
      singleByte: enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be' ? undefined : singleByteEncoding(enc),
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
        case 'utf-16le': out = decodeUtf16(st, bytes, stream, false); break;
        case 'utf-16be': out = decodeUtf16(st, bytes, stream, true); break;
        default: out = decodeSingleByte(st, bytes);
      }
    } catch (err) {
      st.npending = 0;
      st.bomSeen = false;
      throw err;
    }
    if (!st.ignoreBOM && !st.bomSeen && out.length > 0) {
      if (out.charCodeAt(0) === 0xFEFF && st.singleByte === undefined) out = out.slice(1);
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

function decodeSingleByte(st, bytes) {
  const s = encodingBinding.decodeSingleByte(st.singleByte, bytes, st.fatal);
  if (s === null) throw new ERR_ENCODING_INVALID_ENCODED_DATA(st.encoding);
  return s;
}

function decodeUtf16(st, bytes, stream, bigEndian) {
  let end = bytes.length;
  if (stream) {
    // Hold back an odd trailing byte, and a high surrogate that ends the
    // complete code units (its pair may come in the next chunk).
    let hold2 = end % 2;
    const unitEnd = end - hold2;
    if (unitEnd >= 2) {
      const last = bigEndian ? (bytes[unitEnd - 2] << 8) | bytes[unitEnd - 1] : bytes[unitEnd - 2] | (bytes[unitEnd - 1] << 8);
      if (last >= 0xD800 && last <= 0xDBFF) hold2 += 2;
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
