'use strict';
// Helpers shared by querystring and url: percent-encoding tables.

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push(`%${i < 16 ? '0' : ''}${i.toString(16).toUpperCase()}`);

// encodeStr percent-encodes str as UTF-8, leaving the ASCII chars marked
// in table (an Int8Array(128)) unchanged; a lone surrogate throws ERR_INVALID_URI.
function encodeStr(str, table, hex = hexTable) {
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (table[c] === 1) continue;
      if (last < i) out += str.slice(last, i);
      last = i + 1;
      out += hex[c];
      continue;
    }
    if (last < i) out += str.slice(last, i);
    if (c < 0x800) {
      last = i + 1;
      out += hex[0xC0 | (c >> 6)] + hex[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      last = i + 1;
      out += hex[0xE0 | (c >> 12)] + hex[0x80 | ((c >> 6) & 0x3F)] + hex[0x80 | (c & 0x3F)];
      continue;
    }
    // Surrogate pair. As in Node, the next code unit is taken as the low
    // half whatever it is; only a missing one is an error.
    ++i;
    if (i >= len) throw new ERR_INVALID_URI();
    const c2 = str.charCodeAt(i);
    last = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | (c2 & 0x3FF));
    out += hex[0xF0 | (c >> 18)] + hex[0x80 | ((c >> 12) & 0x3F)] +
      hex[0x80 | ((c >> 6) & 0x3F)] + hex[0x80 | (c & 0x3F)];
  }
  if (last === 0) return str;
  if (last < len) return out + str.slice(last);
  return out;
}

// isHexTable marks the bytes that are hex digits.
const isHexTable = new Int8Array(256);
for (const ch of '0123456789ABCDEFabcdef') isHexTable[ch.charCodeAt(0)] = 1;

module.exports = { encodeStr, hexTable, isHexTable };
