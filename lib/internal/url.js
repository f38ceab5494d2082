'use strict';
// WHATWG URL and URLSearchParams. Parsing and setters run in Go
// (internalBinding('url')); a URL keeps the components Go returns.

const binding = internalBinding('url');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_URL, ERR_MISSING_ARGS, ERR_INVALID_THIS,
    ERR_ARG_NOT_ITERABLE, ERR_INVALID_TUPLE, ERR_INVALID_URL_SCHEME, ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_FILE_URL_HOST,
  },
} = require('internal/errors');

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// Indexes into the components array returned by the binding.
const kHref = 0;
const kProtocol = 1;
const kUsername = 2;
const kPassword = 3;
const kHostname = 4;
const kPort = 5;
const kPathname = 6;
const kSearch = 7;
const kHash = 8;
const kHasHost = 9;

// Setter actions understood by binding.update.
const actProtocol = 0;
const actUsername = 1;
const actPassword = 2;
const actHost = 3;
const actHostname = 4;
const actPort = 5;
const actPathname = 6;
const actSearch = 7;
const actHash = 8;
const actHref = 9;

// USVString conversion: lone surrogates become U+FFFD.
function toUSVString(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  const s = `${v}`;
  return typeof s.toWellFormed === 'function' ? s.toWellFormed() : s;
}

let internalAccess = false;
const kContext = Symbol('context');

// Blob URLs made by URL.createObjectURL: id -> Blob.
const blobRegistry = new Map();

// The registry id of a blob:nodedata:<id> URL, or undefined.
function blobURLId(url) {
  let parsed;
  try {
    parsed = new URL(`${url}`);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'blob:') return undefined;
  const parts = parsed.pathname.split(':');
  if (parts.length !== 2 || parts[0] !== 'nodedata') return undefined;
  return parts[1];
}

// buffer.resolveObjectURL: the Blob registered under a blob URL, or undefined.
function resolveObjectURL(url) {
  const id = blobURLId(url);
  if (id === undefined) return undefined;
  const blob = blobRegistry.get(id);
  if (blob === undefined) return undefined;
  const { Blob } = require('buffer');
  return new Blob([blob], { type: blob.type });
}

class URL {
  #c;
  #searchParams;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    if (base !== undefined) base = toUSVString(base);
    const c = binding.parse(input, base);
    if (c === undefined) throw new ERR_INVALID_URL(input, base);
    this.#c = c;
  }

  #update(action, value) {
    const c = binding.update(this.#c[kHref], action, toUSVString(value));
    if (c === false) return false;
    this.#c = c;
    if (this.#searchParams !== undefined && (action === actSearch || action === actHref)) {
      this.#searchParams[kContext].list = parseParams(c[kSearch]);
    }
    return true;
  }

  // Called by the linked URLSearchParams when its list changes.
  static _setQueryFromParams(url, serialized) {
    const c = binding.update(url.#c[kHref], actSearch, serialized);
    // An empty serialization makes the query null, as the setter does.
    if (c !== false) url.#c = c;
  }

  get href() { return this.#c[kHref]; }
  set href(value) {
    value = toUSVString(value);
    if (!this.#update(actHref, value)) throw new ERR_INVALID_URL(value);
  }

  get origin() {
    const c = this.#c;
    const protocol = c[kProtocol];
    switch (protocol) {
      case 'blob:': {
        if (c[kPathname] === '') return 'null';
        try {
          const inner = new URL(c[kPathname]);
          if (inner.protocol === 'http:' || inner.protocol === 'https:') return inner.origin;
        } catch {
          // fall through
        }
        return 'null';
      }
      case 'ftp:': case 'http:': case 'https:': case 'ws:': case 'wss:':
        return `${protocol}//${c[kHostname]}${c[kPort] !== '' ? `:${c[kPort]}` : ''}`;
      default:
        return 'null';
    }
  }

  get protocol() { return this.#c[kProtocol]; }
  set protocol(v) { this.#update(actProtocol, v); }
  get username() { return this.#c[kUsername]; }
  set username(v) { this.#update(actUsername, v); }
  get password() { return this.#c[kPassword]; }
  set password(v) { this.#update(actPassword, v); }
  get host() {
    const c = this.#c;
    return c[kPort] !== '' ? `${c[kHostname]}:${c[kPort]}` : c[kHostname];
  }
  set host(v) { this.#update(actHost, v); }
  get hostname() { return this.#c[kHostname]; }
  set hostname(v) { this.#update(actHostname, v); }
  get port() { return this.#c[kPort]; }
  set port(v) { this.#update(actPort, v); }
  get pathname() { return this.#c[kPathname]; }
  set pathname(v) { this.#update(actPathname, v); }
  get search() { return this.#c[kSearch]; }
  set search(v) { this.#update(actSearch, v); }
  get searchParams() {
    if (this.#searchParams === undefined) {
      internalAccess = true;
      try {
        this.#searchParams = new URLSearchParams();
      } finally {
        internalAccess = false;
      }
      this.#searchParams[kContext].url = this;
      this.#searchParams[kContext].list = parseParams(this.#c[kSearch]);
    }
    return this.#searchParams;
  }
  get hash() { return this.#c[kHash]; }
  set hash(v) { this.#update(actHash, v); }

  toString() { return this.#c[kHref]; }
  toJSON() { return this.#c[kHref]; }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toUSVString(url);
    if (base !== undefined) return binding.canParse(url, toUSVString(base));
    return binding.canParse(url);
  }

  static parse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      return new URL(url, base);
    } catch {
      return null;
    }
  }

  static createObjectURL(obj) {
    const { Blob } = require('buffer');
    if (!(obj instanceof Blob)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = require('crypto').randomUUID();
    blobRegistry.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const id = blobURLId(url);
    if (id !== undefined) blobRegistry.delete(id);
  }

  [inspectSymbol](depth, opts, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    };
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return `URL ${inspect(obj, opts)}`;
  }
}

// Public API: accessors are enumerable on the prototype, as in Node.
for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, name);
  d.enumerable = true;
  Object.defineProperty(URL.prototype, name, d);
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
const setQueryFromParams = URL._setQueryFromParams;
delete URL._setQueryFromParams;
for (const name of ['canParse', 'parse', 'createObjectURL', 'revokeObjectURL']) {
  const d = Object.getOwnPropertyDescriptor(URL, name);
  d.enumerable = true;
  Object.defineProperty(URL, name, d);
}

function parseParams(search) {
  const flat = binding.parseForm(search.startsWith('?') ? search.slice(1) : search);
  const list = [];
  for (let i = 0; i < flat.length; i += 2) list.push([flat[i], flat[i + 1]]);
  return list;
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += '&';
    out += `${binding.encodeForm(list[i][0])}=${binding.encodeForm(list[i][1])}`;
  }
  return out;
}

// Joins inspected entries on one line, or one per line when they exceed
// opts.breakLength.
function joinInspected(parts, opts) {
  const breakLength = typeof opts?.breakLength === 'number' ? opts.breakLength : 128;
  const len = parts.reduce((sum, p) => sum + p.length + 2, 0);
  if (len > breakLength) return `\n  ${parts.join(',\n  ')} `;
  return ` ${parts.join(', ')} `;
}

function ctx(self) {
  const c = self?.[kContext];
  if (c === undefined || !(self instanceof URLSearchParams)) throw new ERR_INVALID_THIS('URLSearchParams');
  return c;
}

function changed(c) {
  if (c.url) setQueryFromParams(c.url, serializeParams(c.list));
}

class URLSearchParams {
  constructor(init = undefined) {
    const list = [];
    Object.defineProperty(this, kContext, { value: { list, url: null } });
    if (internalAccess || init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && init instanceof URLSearchParams) {
        for (const [k, v] of init[kContext].list) list.push([k, v]);
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          list.push([toUSVString(items[0]), toUSVString(items[1])]);
        }
      } else {
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const d = Reflect.getOwnPropertyDescriptor(init, key);
          if (d === undefined || !d.enumerable) continue;
          const k = toUSVString(key);
          const v = toUSVString(init[key]);
          if (seen.has(k)) list[seen.get(k)][1] = v;
          else {
            seen.set(k, list.length);
            list.push([k, v]);
          }
        }
      }
    } else {
      let s = toUSVString(init);
      if (s[0] === '?') s = s.slice(1);
      const flat = binding.parseForm(s);
      for (let i = 0; i < flat.length; i += 2) list.push([flat[i], flat[i + 1]]);
    }
  }

  get size() { return ctx(this).list.length; }

  append(name, value) {
    const c = ctx(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    c.list.push([toUSVString(name), toUSVString(value)]);
    changed(c);
  }

  delete(name, value = undefined) {
    const c = ctx(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      c.list = c.list.filter((p) => !(p[0] === name && p[1] === value));
    } else {
      c.list = c.list.filter((p) => p[0] !== name);
    }
    changed(c);
  }

  get(name) {
    const c = ctx(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    for (const p of c.list) if (p[0] === name) return p[1];
    return null;
  }

  getAll(name) {
    const c = ctx(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const out = [];
    for (const p of c.list) if (p[0] === name) out.push(p[1]);
    return out;
  }

  has(name, value = undefined) {
    const c = ctx(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (const p of c.list) {
      if (p[0] === name && (value === undefined || p[1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    const c = ctx(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    const out = [];
    for (const p of c.list) {
      if (p[0] !== name) out.push(p);
      else if (!found) {
        found = true;
        out.push([name, value]);
      }
    }
    if (!found) out.push([name, value]);
    c.list = out;
    changed(c);
  }

  sort() {
    const c = ctx(this);
    // Stable sort by UTF-16 code units of the names.
    const idx = c.list.map((p, i) => [p, i]);
    idx.sort((a, b) => {
      if (a[0][0] < b[0][0]) return -1;
      if (a[0][0] > b[0][0]) return 1;
      return a[1] - b[1];
    });
    c.list = idx.map((x) => x[0]);
    changed(c);
  }

  forEach(callback, thisArg = undefined) {
    const c = ctx(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    for (let i = 0; i < c.list.length; i++) {
      const [k, v] = c.list[i];
      callback.call(thisArg, v, k, this);
    }
  }

  entries() { ctx(this); return new URLSearchParamsIterator(this, 'key+value'); }
  keys() { ctx(this); return new URLSearchParamsIterator(this, 'key'); }
  values() { ctx(this); return new URLSearchParamsIterator(this, 'value'); }

  toString() { return serializeParams(ctx(this).list); }

  [inspectSymbol](depth, opts, inspect) {
    const c = ctx(this);
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    if (typeof depth === 'number' && depth < 0) {
      return typeof opts?.stylize === 'function' ? opts.stylize('[Object]', 'special') : '[Object]';
    }
    if (c.list.length === 0) return 'URLSearchParams {}';
    const parts = c.list.map(([k, v]) => `${inspect(k, opts)} => ${inspect(v, opts)}`);
    return `URLSearchParams {${joinInspected(parts, opts)}}`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'size', 'sort', 'entries', 'forEach', 'keys', 'values', 'toString']) {
  const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
  d.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, name, d);
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;
  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }
  next() {
    if (this === null || typeof this !== 'object' || !(#params in this)) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    const list = this.#params[kContext].list;
    if (this.#index >= list.length) return { value: undefined, done: true };
    const [k, v] = list[this.#index++];
    const value = this.#kind === 'key' ? k : this.#kind === 'value' ? v : [k, v];
    return { value, done: false };
  }
  [inspectSymbol](depth, opts, inspect) {
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    const list = this.#params[kContext].list.slice(this.#index);
    const items = list.map(([k, v]) => (this.#kind === 'key' ? inspect(k, opts) :
      this.#kind === 'value' ? inspect(v, opts) : `[ ${inspect(k, opts)}, ${inspect(v, opts)} ]`));
    return `URLSearchParams Iterator {${joinInspected(items, opts)}}`;
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams Iterator', configurable: true,
});

function isURLInstance(v) {
  return v instanceof URL || (v != null && typeof v === 'object' && v.href !== undefined && v.protocol !== undefined &&
    v.auth === undefined && v.path === undefined);
}

// ERR_INVALID_FILE_URL_PATH carrying the offending URL as err.input.
function fileURLPathError(reason, url) {
  const err = new ERR_INVALID_FILE_URL_PATH(reason);
  err.input = url;
  return err;
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw fileURLPathError('must not include encoded / characters', url);
      }
    }
  }
  return decodeURIComponent(pathname);
}

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) || (pathname[n + 1] === '5' && third === 99)) {
        throw fileURLPathError('must not include encoded \\ or / characters', url);
      }
    }
  }
  pathname = pathname.replaceAll('/', '\\');
  pathname = decodeURIComponent(pathname);
  if (hostname !== '') {
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const letter = pathname.codePointAt(1) | 0x20;
  const sep = pathname[2];
  if (letter < 97 || letter > 122 || sep !== ':') {
    throw fileURLPathError('must be absolute', url);
  }
  return pathname.slice(1);
}

function fileURLToPath(path, options = undefined) {
  const windows = options?.windows ?? false;
  if (typeof path === 'string') path = new URL(path);
  else if (!isURLInstance(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return windows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

function encodePathChars(filepath, windows) {
  let out = '';
  for (const ch of filepath) {
    switch (ch) {
      case '%': out += '%25'; break;
      case '\\': out += windows ? '/' : '%5C'; break;
      case '\n': out += '%0A'; break;
      case '\r': out += '%0D'; break;
      case '\t': out += '%09'; break;
      case '#': out += '%23'; break;
      case '?': out += '%3F'; break;
      case '[': out += '%5B'; break;
      case ']': out += '%5D'; break;
      case '|': out += '%7C'; break;
      case '~': out += '%7E'; break;
      default: out += ch;
    }
  }
  return out;
}

function pathToFileURL(filepath, options = undefined) {
  const windows = options?.windows ?? false;
  const path = require('path');
  if (windows && filepath.startsWith('\\\\')) {
    // UNC path: \\server\share\resource
    const isExtendedUNC = filepath.startsWith('\\\\?\\UNC\\');
    const prefixLength = isExtendedUNC ? 8 : 2;
    const hostnameEndIndex = filepath.indexOf('\\', prefixLength);
    if (hostnameEndIndex === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Missing UNC resource path');
    }
    if (hostnameEndIndex === 2) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath, 'Empty UNC servername');
    }
    const hostname = filepath.slice(prefixLength, hostnameEndIndex);
    const url = new URL('file://');
    url.hostname = domainToASCII(hostname);
    url.pathname = encodePathChars(filepath.slice(hostnameEndIndex), true);
    return url;
  }
  validateStringArg(filepath, 'path');
  let resolved = windows ? path.win32.resolve(filepath) : path.posix.resolve(filepath);
  const sep = windows ? '\\' : '/';
  const last = filepath.charCodeAt(filepath.length - 1);
  if ((last === 47 || (windows && last === 92)) && resolved[resolved.length - 1] !== sep) resolved += '/';
  let encoded = encodePathChars(resolved, windows);
  if (windows) encoded = `/${encoded}`;
  return new URL(`file://${encoded}`);
}

function validateStringArg(v, name) {
  if (typeof v !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', v);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURLInstance(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

function urlToHttpOptions(url) {
  if (url === null || (typeof url !== 'object' && typeof url !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('url', 'object', url);
  }
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToUnicode(`${domain}`);
}

module.exports = {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  isURL: isURLInstance,
  isURLInstance,
  resolveObjectURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  encodeForm: (s) => binding.encodeForm(s),
  toUSVString,
  unsafeProtocol: new Set(['javascript', 'javascript:']),
  hostlessProtocol: new Set(['javascript', 'javascript:']),
  slashedProtocol: new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
    'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']),
};
