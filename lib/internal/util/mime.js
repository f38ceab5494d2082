'use strict';
// util.MIMEType and util.MIMEParams, following the WHATWG MIME Sniffing
// parsing and serialisation rules.

const { codes: { ERR_INVALID_MIME_SYNTAX, ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const tokenRe = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const quotedValueRe = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
const whitespace = /^[\r\n\t ]+|[\r\n\t ]+$/g;

function trimHTTP(s) { return s.replace(whitespace, ''); }

function serializeValue(value) {
  if (value !== '' && tokenRe.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

class MIMEParams {
  #map = new Map();

  delete(name) { this.#map.delete(`${name}`); }
  get(name) { const v = this.#map.get(`${name}`); return v === undefined ? null : v; }
  has(name) { return this.#map.has(`${name}`); }
  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    if (!tokenRe.test(name)) throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, -1);
    if (!quotedValueRe.test(value)) throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, -1);
    this.#map.set(name, value);
  }
  *entries() { yield* this.#map.entries(); }
  *keys() { yield* this.#map.keys(); }
  *values() { yield* this.#map.values(); }
  [Symbol.iterator]() { return this.entries(); }
  toString() {
    let out = '';
    for (const [k, v] of this.#map) out += `${out === '' ? '' : ';'}${k}=${serializeValue(v)}`;
    return out;
  }
  toJSON() { return this.toString(); }

  // Parses "; name=value" pairs from str at position, keeping the first of
  // each name, as the MIME Sniffing standard does.
  static _parse(params, str, position) {
    const map = params.#map;
    while (position < str.length) {
      position++; // the ';'
      while (position < str.length && /[\r\n\t ]/.test(str[position])) position++;
      let end = position;
      while (end < str.length && str[end] !== ';' && str[end] !== '=') end++;
      const name = str.slice(position, end).toLowerCase();
      position = end;
      if (position < str.length) {
        if (str[position] === ';') continue;
        position++; // the '='
      }
      if (position >= str.length) break;
      let value;
      if (str[position] === '"') {
        value = '';
        position++;
        while (position < str.length) {
          const ch = str[position];
          if (ch === '"') { position++; break; }
          if (ch === '\\' && position + 1 < str.length) { value += str[position + 1]; position += 2; continue; }
          if (ch === '\\') { value += '\\'; position++; continue; }
          value += ch;
          position++;
        }
        while (position < str.length && str[position] !== ';') position++;
      } else {
        let vend = position;
        while (vend < str.length && str[vend] !== ';') vend++;
        value = str.slice(position, vend).replace(/[\r\n\t ]+$/, '');
        position = vend;
        if (value === '') continue;
      }
      if (name !== '' && tokenRe.test(name) && quotedValueRe.test(value) && !map.has(name)) map.set(name, value);
    }
  }
}

class MIMEType {
  #type;
  #subtype;
  #params;

  constructor(string) {
    string = trimHTTP(`${string}`);
    const slash = string.indexOf('/');
    const type = slash === -1 ? string : string.slice(0, slash);
    if (slash === -1 || type === '' || !tokenRe.test(type)) {
      throw new ERR_INVALID_MIME_SYNTAX('type', string, slash === -1 ? -1 : firstBad(type));
    }
    const semi = string.indexOf(';', slash);
    // Only trailing whitespace is trimmed from the subtype (MIME Sniffing
    // standard): "text/ html" is invalid.
    const subtype = string.slice(slash + 1, semi === -1 ? string.length : semi).replace(/[\t\n\r ]+$/, '');
    if (subtype === '' || !tokenRe.test(subtype)) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', string, subtype === '' ? -1 : firstBad(subtype));
    }
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    this.#params = new MIMEParams();
    if (semi !== -1) MIMEParams._parse(this.#params, string, semi);
  }

  get type() { return this.#type; }
  set type(v) {
    v = `${v}`;
    if (v === '' || !tokenRe.test(v)) throw new ERR_INVALID_MIME_SYNTAX('type', v, firstBad(v));
    this.#type = v.toLowerCase();
  }
  get subtype() { return this.#subtype; }
  set subtype(v) {
    v = `${v}`;
    if (v === '' || !tokenRe.test(v)) throw new ERR_INVALID_MIME_SYNTAX('subtype', v, firstBad(v));
    this.#subtype = v.toLowerCase();
  }
  get essence() { return `${this.#type}/${this.#subtype}`; }
  get params() { return this.#params; }
  toString() {
    const p = this.#params.toString();
    return `${this.essence}${p === '' ? '' : `;${p}`}`;
  }
  toJSON() { return this.toString(); }
}

function firstBad(s) {
  for (let i = 0; i < s.length; i++) if (!tokenRe.test(s[i])) return i;
  return -1;
}

void ERR_INVALID_ARG_TYPE;
module.exports = { MIMEType, MIMEParams };
