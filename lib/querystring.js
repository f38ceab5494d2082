'use strict';
// node:querystring: parse and build URL query strings.

const { encodeStr: encodeWith, hexTable } = require('internal/querystring');

// Characters qs.escape leaves alone: A-Z a-z 0-9 - _ . ! ~ * ' ( )
const noEscape = new Int8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") {
  noEscape[ch.charCodeAt(0)] = 1;
}

function encodeStr(str, table = noEscape) { return encodeWith(str, table, hexTable); }

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str);
}

function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// unescapeBytes decodes %XX (and '+' when decodeSpaces) into bytes.
function unescapeBytes(s, decodeSpaces) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && i + 2 < s.length) {
      const h = hexValue(s.charCodeAt(i + 1));
      const l = hexValue(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out.push(h * 16 + l);
        i += 2;
        continue;
      }
    }
    if (c === 43 && decodeSpaces) {
      out.push(32);
      continue;
    }
    if (c < 0x80) out.push(c);
    else {
      // Re-encode the UTF-16 unit(s) as UTF-8.
      const cp = s.codePointAt(i);
      if (cp > 0xFFFF) i++;
      const enc = encodeStr(String.fromCodePoint(cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp), new Int8Array(128));
      for (let j = 0; j < enc.length; j += 3) out.push(parseInt(enc.slice(j + 1, j + 3), 16));
    }
  }
  return new Uint8Array(out);
}

// utf8Decode decodes bytes leniently: invalid sequences become U+FFFD.
function utf8Decode(b) {
  let s = '';
  for (let i = 0; i < b.length;) {
    const c = b[i];
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; } else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; } else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; } else {
      s += '\uFFFD';
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const d = b[i + j];
      if (d === undefined || (d & 0xC0) !== 0x80) break;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (j <= need || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
      s += '\uFFFD';
      i += Math.max(1, j - 1 > 0 ? j : 1);
      continue;
    }
    s += String.fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}

function unescapeBuffer(s, decodeSpaces) {
  const bytes = unescapeBytes(`${s}`, decodeSpaces);
  if (typeof globalThis.Buffer === 'function') {
    return globalThis.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  return bytes;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return utf8Decode(unescapeBytes(`${s}`, decodeSpaces));
  }
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = qsEscape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = encode === qsEscape ? (v) => encodeStr(stringifyPrimitive(v)) : (v) => encode(stringifyPrimitive(v));
  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    const fields = [];
    for (const k of keys) {
      const v = obj[k];
      const ks = convert(k) + eq;
      if (Array.isArray(v)) {
        for (const item of v) fields.push(ks + convert(item));
      } else {
        fields.push(ks + convert(v));
      }
    }
    return fields.join(sep);
  }
  return '';
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return qsUnescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  let pairs = Infinity;
  if (maxKeys > 0) pairs = maxKeys;
  // querystring.unescape may be replaced by the user: look it up per call.
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  const pieces = qs.split(sep);
  let count = 0;
  for (const piece of pieces) {
    // Empty pieces count toward maxKeys too, as in Node.
    if (count >= pairs) break;
    count++;
    if (piece.length === 0) continue;
    const idx = piece.indexOf(eq);
    let k;
    let v;
    if (idx >= 0) {
      k = piece.slice(0, idx);
      v = piece.slice(idx + eq.length);
    } else {
      k = piece;
      v = '';
    }
    k = k.replaceAll('+', ' ');
    v = v.replaceAll('+', ' ');
    if (k.includes('%')) k = decodeStr(k, decode);
    else if (decode !== qsUnescape) k = decodeStr(k, decode);
    if (v.includes('%')) v = decodeStr(v, decode);
    else if (decode !== qsUnescape) v = decodeStr(v, decode);
    const cur = obj[k];
    if (cur === undefined) obj[k] = v;
    else if (Array.isArray(cur)) cur.push(v);
    else obj[k] = [cur, v];
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
