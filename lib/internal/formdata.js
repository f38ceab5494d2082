'use strict';
// FormData (XHR standard) and its multipart/form-data encoding and parsing,
// for fetch bodies and Body.formData().

const { inspect } = require('internal/util/inspect');

function needArgs(n, count, what) {
  if (n < count) {
    throw new TypeError(`${what}: ${count} argument${count > 1 ? 's' : ''} required, but only ${n} present.`);
  }
}

// An entry's value: strings are USVStrings, Blobs become Files.
function entryValue(value, filename, n) {
  const { Blob, File } = require('buffer');
  if (value instanceof Blob) {
    if (value instanceof File && filename === undefined) return value;
    const name = filename !== undefined ? String(filename) : (value instanceof File ? value.name : 'blob');
    return new File([value], name, { type: value.type, lastModified: value.lastModified });
  }
  if (n > 2) throw new TypeError("Failed to execute 'append' on 'FormData': parameter 2 is not of type 'Blob'.");
  return String(value).toWellFormed();
}

class FormData {
  #entries = [];

  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    }
  }

  append(name, value, filename = undefined) {
    needArgs(arguments.length, 2, "Failed to execute 'append' on 'FormData'");
    this.#entries.push([String(name).toWellFormed(), entryValue(value, filename, arguments.length)]);
  }

  delete(name) {
    needArgs(arguments.length, 1, "Failed to execute 'delete' on 'FormData'");
    name = String(name);
    this.#entries = this.#entries.filter((e) => e[0] !== name);
  }

  get(name) {
    needArgs(arguments.length, 1, "Failed to execute 'get' on 'FormData'");
    name = String(name);
    const e = this.#entries.find((x) => x[0] === name);
    return e === undefined ? null : e[1];
  }

  getAll(name) {
    needArgs(arguments.length, 1, "Failed to execute 'getAll' on 'FormData'");
    name = String(name);
    return this.#entries.filter((e) => e[0] === name).map((e) => e[1]);
  }

  has(name) {
    needArgs(arguments.length, 1, "Failed to execute 'has' on 'FormData'");
    name = String(name);
    return this.#entries.some((e) => e[0] === name);
  }

  set(name, value, filename = undefined) {
    needArgs(arguments.length, 2, "Failed to execute 'set' on 'FormData'");
    name = String(name).toWellFormed();
    const entry = [name, entryValue(value, filename, arguments.length)];
    const i = this.#entries.findIndex((e) => e[0] === name);
    if (i < 0) {
      this.#entries.push(entry);
      return;
    }
    this.#entries[i] = entry;
    this.#entries = this.#entries.filter((e, j) => j <= i || e[0] !== name);
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of this) callback.call(thisArg, v, k, this);
  }

  *entries() {
    // Live iteration: entries added while iterating are visited.
    for (let i = 0; i < this.#entries.length; i++) yield [this.#entries[i][0], this.#entries[i][1]];
  }

  *keys() {
    for (const [k] of this.entries()) yield k;
  }

  *values() {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  [inspect.custom](depth, options) {
    return `FormData ${inspect(this.#entries.map(([name, value]) => ({ name, value })), options)}`;
  }
}
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });

const escapeName = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');

// encode serialises a FormData as multipart/form-data: { blob, type }.
function encode(form) {
  const { Blob, File } = require('buffer');
  const boundary = `----formdata-gonode-${String(Math.random()).slice(2, 13).padStart(11, '0')}`;
  const parts = [];
  for (const [name, value] of form) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    if (value instanceof File) {
      head += `; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
      parts.push(head, value, '\r\n');
    } else {
      parts.push(`${head}\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`);
    }
  }
  parts.push(`--${boundary}--\r\n`);
  const type = `multipart/form-data; boundary=${boundary}`;
  return { blob: new Blob(parts), type };
}

function indexOf(bytes, needle, from) {
  return require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from);
}

// parse reads a body of the given content type into a FormData: the two
// form encodings are accepted, anything else is a TypeError.
function parse(bytes, contentType) {
  const { Buffer, File } = require('buffer');
  const form = new FormData();
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(new TextDecoder().decode(bytes))) form.append(k, v);
    return form;
  }
  const m = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!m) throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
  const delim = Buffer.from(`--${m[1] ?? m[2]}`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = indexOf(buf, delim, 0);
  if (pos < 0) throw new TypeError('Failed to parse body as FormData.');
  for (;;) {
    pos += delim.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing delimiter
    if (buf[pos] === 0x0d && buf[pos + 1] === 0x0a) pos += 2;
    const headEnd = indexOf(buf, '\r\n\r\n', pos);
    if (headEnd < 0) throw new TypeError('Failed to parse body as FormData.');
    const head = buf.toString('utf8', pos, headEnd);
    const next = indexOf(buf, Buffer.concat([Buffer.from('\r\n'), delim]), headEnd + 4);
    if (next < 0) throw new TypeError('Failed to parse body as FormData.');
    const content = buf.subarray(headEnd + 4, next);
    let name;
    let filename;
    let ctype = '';
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const val = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        name = /\bname="([^"]*)"/i.exec(val)?.[1];
        filename = /\bfilename="([^"]*)"/i.exec(val)?.[1];
      } else if (key === 'content-type') {
        ctype = val;
      }
    }
    if (name === undefined) throw new TypeError('Failed to parse body as FormData.');
    if (filename !== undefined) {
      form.append(name, new File([new Uint8Array(content)], filename, { type: ctype }));
    } else {
      form.append(name, content.toString('utf8'));
    }
    pos = next + 2;
  }
  return form;
}

module.exports = { FormData, encode, parse };
