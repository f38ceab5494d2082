'use strict';
// node:string_decoder: decodes a stream of buffers to strings, holding back
// the bytes of a character split across chunks. The bulk decoding is the
// buffer binding's; only the few bytes at chunk edges are handled here.

const binding = internalBinding('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');
const {
  ENC_UTF8, ENC_UCS2, ENC_BASE64, ENC_BASE64URL, encodingId, normalizeEncoding, FastBuffer,
} = require('internal/buffer');

const kState = Symbol('kState');

// Bytes a UTF-8 character starting with lead byte b takes (0: not a lead).
function utf8CharLength(b) {
  if (b >> 5 === 0x06) return 2;
  if (b >> 4 === 0x0E) return 3;
  if (b >> 3 === 0x1E) return 4;
  return 0;
}

function toBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

class StringDecoder {
  constructor(encoding) {
    const name = normalizeEncoding(encoding);
    if (name === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = name;
    this[kState] = { enc: encodingId(name), chars: new FastBuffer(4), need: 0, total: 0 };
  }

  get lastChar() { return this[kState].chars; }
  get lastNeed() { return this[kState].need; }
  get lastTotal() { return this[kState].total; }

  write(buf) {
    if (typeof buf === 'string') return buf;
    const b = toBytes(buf);
    const st = this[kState];
    switch (st.enc) {
      case ENC_UTF8: return writeUtf8(st, b);
      case ENC_UCS2: return writeUtf16(st, b);
      case ENC_BASE64:
      case ENC_BASE64URL: return writeBase64(st, b);
    }
    return binding.toString(b, st.enc, 0, b.length);
  }

  end(buf) {
    let r = buf === undefined ? '' : this.write(buf);
    const st = this[kState];
    if (st.total > 0) {
      const have = st.total - st.need;
      r += binding.toString(st.chars, st.enc, 0, have);
      st.need = 0;
      st.total = 0;
    }
    return r;
  }

  text(buf, offset) {
    const b = toBytes(buf);
    return this.write(b.subarray(offset));
  }
}

// fill moves bytes from b into the pending character; it returns how many
// it took.
function fill(st, b, stopAtNonContinuation) {
  let i = 0;
  while (st.need > 0 && i < b.length) {
    if (stopAtNonContinuation && (b[i] & 0xC0) !== 0x80) break;
    st.chars[st.total - st.need] = b[i];
    st.need--;
    i++;
  }
  return i;
}

function writeUtf8(st, b) {
  let prefix = '';
  let start = 0;
  if (st.total > 0) {
    start = fill(st, b, true);
    if (st.need > 0 && start < b.length) {
      // A character cut short by a byte that cannot continue it.
      prefix = binding.toString(st.chars, ENC_UTF8, 0, st.total - st.need);
      st.need = st.total = 0;
    } else if (st.need > 0) {
      return '';
    } else {
      prefix = binding.toString(st.chars, ENC_UTF8, 0, st.total);
      st.total = 0;
    }
  }
  // Hold back an unfinished character at the end.
  let end = b.length;
  for (let k = 1; k <= 4 && end - k >= start; k++) {
    const c = b[end - k];
    if ((c & 0xC0) === 0x80) continue;
    const n = utf8CharLength(c);
    if (n > k) {
      for (let j = 0; j < k; j++) st.chars[j] = b[end - k + j];
      st.total = n;
      st.need = n - k;
      end -= k;
    }
    break;
  }
  if (end <= start) return prefix;
  return prefix + binding.toString(b, ENC_UTF8, start, end);
}

function writeUtf16(st, b) {
  let prefix = '';
  let start = 0;
  if (st.total > 0) {
    start = fill(st, b, false);
    if (st.need > 0) return '';
    prefix = binding.toString(st.chars, ENC_UCS2, 0, st.total);
    st.total = 0;
  }
  let end = b.length;
  if ((end - start) % 2 === 1) {
    st.chars[0] = b[end - 1];
    st.total = 2;
    st.need = 1;
    end--;
  } else if (end - start >= 2) {
    const last = b[end - 2] | (b[end - 1] << 8);
    if (last >= 0xD800 && last <= 0xDBFF) {
      st.chars[0] = b[end - 2];
      st.chars[1] = b[end - 1];
      st.total = 4;
      st.need = 2;
      end -= 2;
    }
  }
  if (end <= start) return prefix;
  return prefix + binding.toString(b, ENC_UCS2, start, end);
}

function writeBase64(st, b) {
  let prefix = '';
  let start = 0;
  if (st.total > 0) {
    start = fill(st, b, false);
    if (st.need > 0) return '';
    prefix = binding.toString(st.chars, st.enc, 0, 3);
    st.total = 0;
  }
  const rem = (b.length - start) % 3;
  let end = b.length;
  if (rem > 0) {
    for (let j = 0; j < rem; j++) st.chars[j] = b[end - rem + j];
    st.total = 3;
    st.need = 3 - rem;
    end -= rem;
  }
  if (end <= start) return prefix;
  return prefix + binding.toString(b, st.enc, start, end);
}

module.exports = { StringDecoder };
