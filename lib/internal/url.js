'use strict';
// WHATWG URL and URLSearchParams. Parsing and setters run in Go
// (internalBinding('url')); a URL keeps the components Go returns.

const binding = internalBinding('url');
const bindingParse = binding.parse;
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
const kSearchParams = 9;

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

// String conversion, with the message Node gives for a Symbol.
function toStr(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${v}`;
}

// USVString conversion: lone surrogates become U+FFFD.
function toUSVString(v) {
  if (typeof v !== 'string') v = toStr(v);
  return v.isWellFormed() ? v : v.toWellFormed();
}

// Makes an empty URLSearchParams for a URL's searchParams.
const kLinked = Symbol('linked');

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
  // The components: [href, protocol, username, password, hostname, port,
  // pathname, search, hash], then the URLSearchParams once made.
  #c;

  // A rest parameter rather than `arguments`, which costs more to make; the
  // length is set to 1 below.
  constructor(...args) {
    if (args.length === 0) throw new ERR_MISSING_ARGS('url');
    let input = args[0];
    let base = args[1];
    // The binding replaces lone surrogates itself (USVString conversion).
    if (typeof input !== 'string') input = toStr(input);
    const c = ['', '', '', '', '', '', '', '', '', undefined];
    let ok;
    if (base === undefined) {
      ok = bindingParse(c, input);
    } else {
      if (typeof base !== 'string') base = toStr(base);
      ok = bindingParse(c, input, base);
    }
    if (!ok) {
      throw new ERR_INVALID_URL(toUSVString(input), base === undefined ? undefined : toUSVString(base));
    }
    this.#c = c;
  }

  #update(action, value) {
    const old = this.#c;
    const c = ['', '', '', '', '', '', '', '', '', undefined];
    if (!binding.update(c, old[kHref], action, toUSVString(value))) return false;
    this.#c = c;
    const sp = old[kSearchParams];
    if (sp === undefined) return true;
    c[kSearchParams] = sp;
    if (action === actSearch || action === actHref) {
      setParamsList(sp, parseParams(c[kSearch]));
    }
    return true;
  }

  // Called by the linked URLSearchParams when its list changes.
  static _setQueryFromParams(url, serialized) {
    const old = url.#c;
    const c = ['', '', '', '', '', '', '', '', '', undefined];
    // An empty serialization makes the query null, as the setter does.
    if (binding.update(c, old[kHref], actSearch, serialized)) {
      c[kSearchParams] = old[kSearchParams];
      url.#c = c;
    }
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
    const c = this.#c;
    let sp = c[kSearchParams];
    if (sp === undefined) {
      sp = new URLSearchParams(kLinked);
      const search = c[kSearch];
      linkParams(sp, this, search === '' ? [] : binding.parseForm(search.slice(1)));
      c[kSearchParams] = sp;
    }
    return sp;
  }
  get hash() { return this.#c[kHash]; }
  set hash(v) { this.#update(actHash, v); }

  toString() { return this.#c[kHref]; }
  toJSON() { return this.#c[kHref]; }

  static canParse(...args) {
    if (args.length === 0) throw new ERR_MISSING_ARGS('url');
    let url = args[0];
    const base = args[1];
    // The binding replaces lone surrogates itself (USVString conversion).
    if (typeof url !== 'string') url = toStr(url);
    if (base !== undefined) return binding.canParse(url, typeof base === 'string' ? base : toStr(base));
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
Object.defineProperty(URL, 'length', { value: 1, configurable: true });
Object.defineProperty(URL.canParse, 'length', { value: 1, configurable: true });
const setQueryFromParams = URL._setQueryFromParams;
delete URL._setQueryFromParams;
for (const name of ['canParse', 'parse', 'createObjectURL', 'revokeObjectURL']) {
  const d = Object.getOwnPropertyDescriptor(URL, name);
  d.enumerable = true;
  Object.defineProperty(URL, name, d);
}

// A query's name-value list is kept flat: [name, value, name, value...].
function parseParams(search) {
  return binding.parseForm(search.startsWith('?') ? search.slice(1) : search);
}

// The names and values are USVStrings, so a lone surrogate cannot occur in
// them: it separates them for the binding, which encodes the whole list
// in one call.
function serializeParams(list) {
  if (list.length === 0) return '';
  return binding.serializeForm(list.join('\uD800'));
}

// Joins inspected entries on one line, or one per line when they exceed
// opts.breakLength.
function joinInspected(parts, opts) {
  const breakLength = typeof opts?.breakLength === 'number' ? opts.breakLength : 128;
  const len = parts.reduce((sum, p) => sum + p.length + 2, 0);
  if (len > breakLength) return `\n  ${parts.join(',\n  ')} `;
  return ` ${parts.join(', ')} `;
}

// Access to the private state of URLSearchParams for the URL class and the
// iterator; set in the class's static block.
let isParams;
let URLSearchParamsIterator;
// The kinds of URLSearchParamsIterator.
const kKeys = 0;
const kValues = 1;
const kEntries = 2;
let setParamsList;
let linkParams;

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = undefined) {
    if (init === undefined || init === null || init === kLinked) return;
    if (typeof init === 'string') {
      // The binding replaces lone surrogates (USVString conversion).
      this.#list = binding.parseForm(init[0] === '?' ? init.slice(1) : init);
      return;
    }
    const list = this.#list;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isParams(init)) {
        const from = init.#list;
        for (let i = 0; i < from.length; i++) list.push(from[i]);
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          list.push(toUSVString(items[0]), toUSVString(items[1]));
        }
      } else {
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const d = Reflect.getOwnPropertyDescriptor(init, key);
          if (d === undefined || !d.enumerable) continue;
          const k = toUSVString(key);
          const v = toUSVString(init[key]);
          if (seen.has(k)) list[seen.get(k) + 1] = v;
          else {
            seen.set(k, list.length);
            list.push(k, v);
          }
        }
      }
    } else {
      let s = toUSVString(init);
      if (s[0] === '?') s = s.slice(1);
      this.#list = binding.parseForm(s);
    }
  }

  static {
    isParams = (v) => v !== null && typeof v === 'object' && #list in v;
    // Defined here to read the list of its URLSearchParams directly.
    URLSearchParamsIterator = class URLSearchParamsIterator {
      #params;
      #kind; // kKeys, kValues or kEntries
      #index = 0;
      constructor(params, kind) {
        this.#params = params;
        this.#kind = kind;
      }
      next() {
        if (this === null || typeof this !== 'object' || !(#params in this)) {
          throw new ERR_INVALID_THIS('URLSearchParamsIterator');
        }
        const list = this.#params.#list;
        const i = this.#index * 2;
        if (i >= list.length) return { value: undefined, done: true };
        this.#index++;
        const kind = this.#kind;
        return { value: kind === kKeys ? list[i] : kind === kValues ? list[i + 1] : [list[i], list[i + 1]], done: false };
      }
      [inspectSymbol](depth, opts, inspect) {
        if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
        const list = this.#params.#list;
        const items = [];
        for (let i = this.#index * 2; i < list.length; i += 2) {
          const k = list[i];
          const v = list[i + 1];
          items.push(this.#kind === kKeys ? inspect(k, opts) :
            this.#kind === kValues ? inspect(v, opts) : `[ ${inspect(k, opts)}, ${inspect(v, opts)} ]`);
        }
        return `URLSearchParams Iterator {${joinInspected(items, opts)}}`;
      }
    };
    setParamsList = (p, list) => { p.#list = list; };
    linkParams = (p, url, list) => {
      p.#url = url;
      p.#list = list;
    };
  }

  get size() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return this.#list.length / 2;
  }

  append(...args) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (args.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const name = args[0];
    const value = args[1];
    this.#list.push(typeof name === 'string' && name.isWellFormed() ? name : toUSVString(name),
      typeof value === 'string' && value.isWellFormed() ? value : toUSVString(value));
    if (this.#url !== null) setQueryFromParams(this.#url, serializeParams(this.#list));
  }

  delete(name, value = undefined) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const list = this.#list;
    const out = [];
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name || list[i + 1] !== value) out.push(list[i], list[i + 1]);
      }
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name) out.push(list[i], list[i + 1]);
      }
    }
    this.#list = out;
    if (this.#url !== null) setQueryFromParams(this.#url, serializeParams(this.#list));
  }

  get(...args) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (args.length < 1) throw new ERR_MISSING_ARGS('name');
    let name = args[0];
    if (typeof name !== 'string' || !name.isWellFormed()) name = toUSVString(name);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(...args) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (args.length < 1) throw new ERR_MISSING_ARGS('name');
    let name = args[0];
    if (typeof name !== 'string' || !name.isWellFormed()) name = toUSVString(name);
    const list = this.#list;
    const out = [];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }

  has(...args) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (args.length < 1) throw new ERR_MISSING_ARGS('name');
    let name = args[0];
    if (typeof name !== 'string' || !name.isWellFormed()) name = toUSVString(name);
    let value = args[1];
    if (value !== undefined) value = toUSVString(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(...args) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (args.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    let name = args[0];
    if (typeof name !== 'string' || !name.isWellFormed()) name = toUSVString(name);
    const value = toUSVString(args[1]);
    const list = this.#list;
    let found = false;
    const out = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) out.push(list[i], list[i + 1]);
      else if (!found) {
        found = true;
        out.push(name, value);
      }
    }
    if (!found) out.push(name, value);
    this.#list = out;
    if (this.#url !== null) setQueryFromParams(this.#url, serializeParams(this.#list));
  }

  sort() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    // Stable sort by UTF-16 code units of the names.
    const list = this.#list;
    const idx = [];
    for (let i = 0; i < list.length; i += 2) idx.push(i);
    idx.sort((a, b) => {
      if (list[a] < list[b]) return -1;
      if (list[a] > list[b]) return 1;
      return a - b;
    });
    const out = [];
    for (const i of idx) out.push(list[i], list[i + 1]);
    this.#list = out;
    if (this.#url !== null) setQueryFromParams(this.#url, serializeParams(this.#list));
  }

  forEach(callback, thisArg = undefined) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    for (let i = 0; i < this.#list.length; i += 2) {
      const list = this.#list;
      callback.call(thisArg, list[i + 1], list[i], this);
    }
  }

  entries() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return new URLSearchParamsIterator(this, kEntries);
  }

  keys() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return new URLSearchParamsIterator(this, kKeys);
  }

  values() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return new URLSearchParamsIterator(this, kValues);
  }

  toString() {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    const list = this.#list;
    return list.length === 0 ? '' : binding.serializeForm(list.join('\uD800'));
  }

  [inspectSymbol](depth, opts, inspect) {
    if (typeof this !== 'object' || this === null || !(#list in this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    if (typeof depth === 'number' && depth < 0) {
      return typeof opts?.stylize === 'function' ? opts.stylize('[Object]', 'special') : '[Object]';
    }
    const list = this.#list;
    if (list.length === 0) return 'URLSearchParams {}';
    const parts = [];
    for (let i = 0; i < list.length; i += 2) parts.push(`${inspect(list[i], opts)} => ${inspect(list[i + 1], opts)}`);
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
// The methods taking a rest parameter declare Node's lengths.
for (const [name, length] of [['append', 2], ['get', 1], ['getAll', 1], ['has', 1], ['set', 2]]) {
  Object.defineProperty(URLSearchParams.prototype[name], 'length', { value: length, configurable: true });
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

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
  if (!pathname.includes('%')) return pathname;
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

// The characters encodePathChars changes.
const pathCharsRe = /[%\\\n\r\t#?[\]|~]/;

function encodePathChars(filepath, windows) {
  if (!pathCharsRe.test(filepath)) return filepath;
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
