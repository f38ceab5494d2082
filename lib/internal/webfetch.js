'use strict';
// The Fetch API's data classes: Headers, Request and Response (WHATWG
// Fetch). They exist so that code written for Node 18+ can build, inspect
// and read them (frameworks test `x instanceof Response`, build
// Response.json(...), read request bodies). fetch() itself, the network
// part, is not here.

const { inspect } = require('internal/util/inspect');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const kGuard = Symbol('guard');

function headerName(name, method) {
  name = String(name);
  if (!tokenRe.test(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
  return name;
}

function headerValue(value, method) {
  value = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (/[\0\r\n]/.test(value)) throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
  return value;
}

function needArgs(n, count, what) {
  if (n < count) {
    throw new TypeError(`${what}: ${count} argument${count > 1 ? 's' : ''} required, but ${n === 0 ? 'only 0' : `only ${n}`} present.`);
  }
}

class Headers {
  // lower-case name -> { name: first spelling, values: [] }
  #map = new Map();

  constructor(init = undefined) {
    this[kGuard] = 'none';
    if (init === undefined || init === null) {
      if (init === null) throw new TypeError('Headers constructor: init must be an object');
      return;
    }
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError('Headers constructor: init must be an object');
    }
    if (init instanceof Headers) {
      for (const [k, v] of init.#map) this.#map.set(k, { name: v.name, values: [...v.values] });
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
        this.append(p[0], p[1]);
      }
    } else {
      for (const key of Reflect.ownKeys(init)) {
        if (typeof key === 'symbol') continue;
        const d = Reflect.getOwnPropertyDescriptor(init, key);
        if (d && d.enumerable) this.append(key, init[key]);
      }
    }
  }

  #check() {
    if (this[kGuard] === 'immutable') throw new TypeError('Headers are immutable');
  }

  append(name, value) {
    needArgs(arguments.length, 2, 'Headers.append');
    name = headerName(name, 'append');
    value = headerValue(value, 'append');
    this.#check();
    const key = name.toLowerCase();
    const e = this.#map.get(key);
    if (e) e.values.push(value);
    else this.#map.set(key, { name, values: [value] });
  }

  delete(name) {
    needArgs(arguments.length, 1, 'Headers.delete');
    name = headerName(name, 'delete');
    this.#check();
    this.#map.delete(name.toLowerCase());
  }

  get(name) {
    needArgs(arguments.length, 1, 'Headers.get');
    name = headerName(name, 'get');
    const e = this.#map.get(name.toLowerCase());
    return e ? e.values.join(', ') : null;
  }

  getSetCookie() {
    const e = this.#map.get('set-cookie');
    return e ? [...e.values] : [];
  }

  has(name) {
    needArgs(arguments.length, 1, 'Headers.has');
    name = headerName(name, 'has');
    return this.#map.has(name.toLowerCase());
  }

  set(name, value) {
    needArgs(arguments.length, 2, 'Headers.set');
    name = headerName(name, 'set');
    value = headerValue(value, 'set');
    this.#check();
    const key = name.toLowerCase();
    const e = this.#map.get(key);
    if (e) e.values = [value];
    else this.#map.set(key, { name, values: [value] });
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') throw new TypeError("Headers.forEach: Argument 1 could not be converted to: Function.");
    for (const [k, v] of this) callback.call(thisArg, v, k, this);
  }

  * entries() {
    const keys = [...this.#map.keys()].sort();
    for (const k of keys) {
      const e = this.#map.get(k);
      if (!e) continue;
      if (k === 'set-cookie') {
        for (const v of e.values) yield [k, v];
      } else {
        yield [k, e.values.join(', ')];
      }
    }
  }

  * keys() {
    for (const [k] of this.entries()) yield k;
  }

  * values() {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  [inspect.custom](depth, options) {
    const o = {};
    for (const e of this.#map.values()) o[e.name] = e.values.join(', ');
    return `Headers ${inspect(o, options)}`;
  }
}
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

// Reads a body init into { bytes | stream, type }.
function extractBody(init) {
  if (init === null || init === undefined) return null;
  const { Blob } = require('buffer');
  if (typeof init === 'string') {
    return { bytes: new TextEncoder().encode(init), type: 'text/plain;charset=UTF-8' };
  }
  if (init instanceof URLSearchParams) {
    return { bytes: new TextEncoder().encode(init.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (init instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && init instanceof SharedArrayBuffer)) {
    return { bytes: new Uint8Array(init.slice(0)), type: null };
  }
  if (ArrayBuffer.isView(init)) {
    return { bytes: new Uint8Array(init.buffer.slice(init.byteOffset, init.byteOffset + init.byteLength)), type: null };
  }
  if (init instanceof Blob) {
    return { blob: init, type: init.type || null };
  }
  const formdata = require('internal/formdata');
  if (init instanceof formdata.FormData) {
    return formdata.encode(init);
  }
  if (typeof globalThis.ReadableStream === 'function' && init instanceof globalThis.ReadableStream) {
    return { stream: init, type: null };
  }
  if (typeof init[Symbol.asyncIterator] === 'function' && typeof globalThis.ReadableStream?.from === 'function') {
    return { stream: globalThis.ReadableStream.from(init), type: null };
  }
  return { bytes: new TextEncoder().encode(String(init)), type: 'text/plain;charset=UTF-8' };
}

async function readAll(body) {
  if (body.bytes) return body.bytes;
  if (body.blob) return new Uint8Array(await body.blob.arrayBuffer());
  const reader = body.stream.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const chunk = typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value.buffer ?? value, value.byteOffset ?? 0, value.byteLength);
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

const kBody = Symbol('body');
const kUsed = Symbol('bodyUsed');
const kNetworkResponse = Symbol('networkResponse');

// Methods shared by Request and Response.
const BodyMixin = {
  get body() {
    const b = this[kBody];
    if (b === null) return null;
    if (!b.stream) {
      const bytes = b.bytes;
      const blob = b.blob;
      b.stream = new globalThis.ReadableStream({
        async start(controller) {
          controller.enqueue(bytes ?? new Uint8Array(await blob.arrayBuffer()));
          controller.close();
        },
      });
      b.bytes = undefined;
      b.blob = undefined;
    }
    return b.stream;
  },
  get bodyUsed() {
    const stream = this[kBody]?.stream;
    return this[kUsed] || (stream !== undefined && require('internal/streams/utils').isDisturbed(stream));
  },
  async arrayBuffer() {
    const bytes = await consume(this);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  },
  async bytes() {
    return consume(this);
  },
  async text() {
    return new TextDecoder().decode(await consume(this));
  },
  async json() {
    return JSON.parse(new TextDecoder().decode(await consume(this)));
  },
  async blob() {
    const { Blob } = require('buffer');
    const type = this.headers.get('content-type') ?? '';
    return new Blob([await consume(this)], { type });
  },
  async formData() {
    const type = this.headers.get('content-type');
    return require('internal/formdata').parse(await consume(this), type);
  },
};

async function consume(obj) {
  if (obj[kUsed] || obj[kBody]?.stream?.locked) {
    throw new TypeError('Body is unusable: Body has already been read');
  }
  obj[kUsed] = true;
  const b = obj[kBody];
  if (b === null) return new Uint8Array(0);
  return readAll(b);
}

function mixBody(Class) {
  for (const key of Object.keys(Object.getOwnPropertyDescriptors(BodyMixin))) {
    Object.defineProperty(Class.prototype, key, {
      ...Object.getOwnPropertyDescriptor(BodyMixin, key), enumerable: true,
    });
  }
}

const nullBodyStatus = new Set([101, 103, 204, 205, 304]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);

class Response {
  #status;
  #statusText;
  #headers;
  #type = 'default';
  #url = '';
  #redirected = false;

  // fetch() builds its responses here: a status outside the constructor's
  // range, a body stream, immutable headers, and the URL it ended at.
  static [kNetworkResponse]({ status, statusText, headers, stream, bytes, url, redirected }) {
    const r = new Response(null);
    r.#status = status;
    r.#statusText = statusText;
    r.#headers = headers;
    r.#type = 'basic';
    r.#url = url;
    r.#redirected = redirected;
    headers[kGuard] = 'immutable';
    if (stream) r[kBody] = { stream, type: null };
    else if (bytes) r[kBody] = { bytes, type: null };
    return r;
  }

  constructor(body = null, init = undefined) {
    init = init ?? {};
    const status = init.status === undefined ? 200 : Number(init.status);
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    }
    const statusText = init.statusText === undefined ? '' : String(init.statusText);
    if (/[^\t\x20-\x7e\x80-\xff]/.test(statusText)) throw new TypeError('Invalid statusText');
    this.#status = status;
    this.#statusText = statusText;
    this.#headers = new Headers(init.headers);
    this[kUsed] = false;
    this[kBody] = extractBody(body);
    if (this[kBody] !== null) {
      if (nullBodyStatus.has(status)) throw new TypeError('Response constructor: Invalid response status code ' + status);
      if (this[kBody].type && !this.#headers.has('content-type')) this.#headers.set('content-type', this[kBody].type);
    }
  }

  static error() {
    const r = new Response(null, { status: 200 });
    r.#status = 0;
    r.#type = 'error';
    r.#headers[kGuard] = 'immutable';
    return r;
  }

  static json(data, init = undefined) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const headers = new Headers(init?.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }

  static redirect(url, status = 302) {
    const parsed = new URL(String(url));
    if (!redirectStatus.has(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status, headers: { location: parsed.href } });
    r.#headers[kGuard] = 'immutable';
    return r;
  }

  get type() { return this.#type; }
  get url() { return this.#url; }
  get redirected() { return this.#redirected; }
  get status() { return this.#status; }
  get ok() { return this.#status >= 200 && this.#status <= 299; }
  get statusText() { return this.#statusText; }
  get headers() { return this.#headers; }

  clone() {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    const r = new Response(null, { status: this.#status, statusText: this.#statusText, headers: this.#headers });
    r.#type = this.#type;
    r.#url = this.#url;
    r[kBody] = cloneBody(this);
    return r;
  }

  [inspect.custom](depth, options) {
    const o = {
      status: this.status, statusText: this.statusText, headers: this.headers, body: this[kBody] === null ? null : this.body,
      bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
    };
    return `Response ${inspect(o, options)}`;
  }
}
mixBody(Response);
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });

function cloneBody(obj) {
  const b = obj[kBody];
  if (b === null) return null;
  if (b.bytes) return { bytes: b.bytes, type: b.type };
  if (b.blob) return { blob: b.blob, type: b.type };
  const [a, c] = b.stream.tee();
  b.stream = a;
  return { stream: c, type: b.type };
}

const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const normalMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];

class Request {
  #method;
  #url;
  #headers;
  #signal;
  #init;

  constructor(input, init = undefined) {
    if (arguments.length < 1) throw new TypeError('Request constructor: 1 argument required, but only 0 present.');
    init = init ?? {};
    let base;
    if (input instanceof Request) {
      base = input;
    }
    let url;
    if (base) {
      url = base.url;
    } else {
      let parsed;
      try {
        parsed = new URL(String(input));
      } catch {
        throw new TypeError(`Failed to parse URL from ${String(input)}`);
      }
      if (parsed.username || parsed.password) throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${String(input)}`);
      url = parsed.href;
    }
    let method = init.method !== undefined ? String(init.method) : base ? base.method : 'GET';
    if (!tokenRe.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
    const upper = method.toUpperCase();
    if (forbiddenMethods.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    if (normalMethods.includes(upper)) method = upper;
    this.#method = method;
    this.#url = url;
    this.#headers = new Headers(init.headers !== undefined ? init.headers : base?.headers);
    this.#signal = init.signal ?? base?.signal ?? new AbortController().signal;
    this.#init = {
      redirect: init.redirect ?? base?.redirect ?? 'follow',
      mode: init.mode ?? base?.mode ?? 'cors',
      credentials: init.credentials ?? base?.credentials ?? 'same-origin',
      cache: init.cache ?? base?.cache ?? 'default',
      referrer: 'about:client',
      referrerPolicy: init.referrerPolicy ?? base?.referrerPolicy ?? '',
      integrity: init.integrity ?? base?.integrity ?? '',
      keepalive: Boolean(init.keepalive ?? base?.keepalive ?? false),
      duplex: init.duplex ?? 'half',
    };
    this[kUsed] = false;
    let body = init.body;
    if (body === undefined && base) {
      this[kBody] = cloneBody(base);
    } else {
      this[kBody] = extractBody(body);
    }
    if (this[kBody] !== null && (method === 'GET' || method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (this[kBody]?.type && !this.#headers.has('content-type')) this.#headers.set('content-type', this[kBody].type);
  }

  get method() { return this.#method; }
  get url() { return this.#url; }
  get headers() { return this.#headers; }
  get signal() { return this.#signal; }
  get destination() { return ''; }
  get referrer() { return this.#init.referrer; }
  get referrerPolicy() { return this.#init.referrerPolicy; }
  get mode() { return this.#init.mode; }
  get credentials() { return this.#init.credentials; }
  get cache() { return this.#init.cache; }
  get redirect() { return this.#init.redirect; }
  get integrity() { return this.#init.integrity; }
  get keepalive() { return this.#init.keepalive; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get duplex() { return this.#init.duplex; }

  clone() {
    if (this.bodyUsed) throw new TypeError('Request.clone: Body has already been consumed.');
    return new Request(this);
  }
}
mixBody(Request);
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });

module.exports = { Headers, Request, Response, kBody, kNetworkResponse };
