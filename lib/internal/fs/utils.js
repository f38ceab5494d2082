'use strict';
// Shared pieces of fs: constants, argument validation and conversion,
// Stats, Dirent, and the system errors built in JS.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_INVALID_URL_SCHEME,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_FILE_URL_HOST,
  },
  notImplemented,
} = require('internal/errors');
const {
  validateInteger, validateInt32, validateUint32, validateFunction, validateObject,
  validateBoolean,
} = require('internal/validators');

const constants = Object.freeze({
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o40000, S_IFCHR: 0o20000,
  S_IFBLK: 0o60000, S_IFIFO: 0o10000, S_IFLNK: 0o120000, S_IFSOCK: 0o140000,
  O_CREAT: 64, O_EXCL: 128,
  UV_FS_O_FILEMAP: 0,
  O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
  O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096,
  O_DIRECT: 16384, O_NONBLOCK: 2048,
  S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
  S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8,
  S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});

const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
} = constants;

// --- Buffers (node:buffer may not be loaded yet; plain bytes then) ---

function getBuffer() {
  try {
    return typeof Buffer === 'function' ? Buffer : undefined;
  } catch {
    return undefined;
  }
}

function toBuffer(u8) {
  const B = getBuffer();
  return B ? B.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
}

function allocBuffer(n) {
  const B = getBuffer();
  return B ? B.alloc(n) : new Uint8Array(n);
}

const encodings = new Set([
  'utf8', 'utf-8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1', 'binary',
  'base64', 'base64url', 'hex', 'ascii',
]);

function isUtf8(enc) {
  return enc === 'utf8' || enc === 'utf-8' || (typeof enc === 'string' && /^utf-?8$/i.test(enc));
}

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !encodings.has(String(encoding).toLowerCase())) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// Bytes to a string in encoding (bytes stay bytes for 'buffer'/none).
function decode(u8, encoding) {
  if (!encoding || encoding === 'buffer') return toBuffer(u8);
  const B = getBuffer();
  if (!B) throw notImplemented(`fs decoding as '${encoding}' without node:buffer`);
  return toBuffer(u8).toString(encoding);
}

// A UTF-8 string from Go to the encoding asked for.
function encodeString(str, encoding) {
  if (!encoding || isUtf8(encoding)) return str;
  const B = getBuffer();
  if (!B) throw notImplemented(`fs encoding '${encoding}' without node:buffer`);
  const buf = B.from(str, 'utf8');
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}

// --- options ---

function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    assertEncoding(options);
    return { ...defaults, encoding: options };
  }
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  return { ...defaults, ...options };
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  // node:domain: a callback given inside a domain runs in it.
  if (process.domain) return process.domain.bind(cb);
  return cb;
}

// --- paths ---

function isURL(v) {
  return v != null && typeof v === 'object' && typeof v.href === 'string' &&
    typeof v.protocol === 'string' && v.auth === undefined && v.path === undefined;
}

function fileURLToPath(url) {
  if (typeof url === 'string') {
    if (typeof URL !== 'function') throw notImplemented('fileURLToPath on a string');
    url = new URL(url);
  }
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '' && url.hostname !== undefined) {
    throw new ERR_INVALID_FILE_URL_HOST('linux');
  }
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        const err = new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
        err.input = url.href;
        throw err;
      }
    }
  }
  return decodeURIComponent(pathname);
}

function toPathIfFileURL(p) {
  return isURL(p) ? fileURLToPath(p) : p;
}

function getValidatedPath(path, name = 'path') {
  path = toPathIfFileURL(path);
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
  }
  const hasNull = typeof path === 'string' ? path.includes('\u0000') : path.includes(0);
  if (hasNull) {
    throw new ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function getValidatedFd(fd, name = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

// --- flags and modes ---

const flagTable = {
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC, 'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL, 'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL, 'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL, 'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC, 'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC, 'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  if (typeof flags === 'string' && Object.prototype.hasOwnProperty.call(flagTable, flags)) {
    return flagTable[flags];
  }
  throw new ERR_INVALID_ARG_VALUE(name, flags);
}

const octalRe = /^[0-7]+$/;

function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalRe.test(value)) {
      throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

// --- read/write argument checks ---

function validateBuffer(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

function validatePosition(position, name = 'position', length) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length ?? 0);
    if (!(position >= -1n && position <= max)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${max}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

// Data to write: a string (UTF-8 goes to Go as is) or bytes.
function toWriteData(data, encoding, name = 'data') {
  if (typeof data === 'string') {
    if (!encoding || isUtf8(encoding)) return data;
    const B = getBuffer();
    if (!B) throw notImplemented(`fs writing '${encoding}' without node:buffer`);
    return B.from(data, encoding);
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

// --- times ---

function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) {
    return time < 0 ? Date.now() / 1000 : time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// --- Stats ---

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}

const kDates = Symbol('dates');

class StatsBase {
  isDirectory() { return this._checkModeProperty(S_IFDIR); }
  isFile() { return this._checkModeProperty(S_IFREG); }
  isBlockDevice() { return this._checkModeProperty(S_IFBLK); }
  isCharacterDevice() { return this._checkModeProperty(S_IFCHR); }
  isSymbolicLink() { return this._checkModeProperty(S_IFLNK); }
  isFIFO() { return this._checkModeProperty(S_IFIFO); }
  isSocket() { return this._checkModeProperty(S_IFSOCK); }
}

function defineDates(proto) {
  for (const name of ['atime', 'mtime', 'ctime', 'birthtime']) {
    Object.defineProperty(proto, name, {
      get() {
        const cache = this[kDates] ??= {};
        return cache[name] ??= dateFromMs(this[`${name}Ms`]);
      },
      set(v) {
        Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: false,
      configurable: true,
    });
  }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Stats.prototype._checkModeProperty = function(property) {
  return (this.mode & S_IFMT) === property;
};
defineDates(Stats.prototype);

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
BigIntStats.prototype._checkModeProperty = function(property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};
defineDates(BigIntStats.prototype);

// getStatsFromBinding builds Stats from the binding's 18 fields.
function getStatsFromBinding(f) {
  if (typeof f[0] === 'bigint') {
    const ns = (i) => f[i] * 1000000000n + f[i + 1];
    return new BigIntStats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
      ns(10), ns(12), ns(14), ns(16));
  }
  const ms = (i) => f[i] * 1e3 + f[i + 1] / 1e6;
  return new Stats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
    ms(10), ms(12), ms(14), ms(16));
}

class StatFs {
  constructor(type, bsize, frsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.frsize = frsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(f) {
  return new StatFs(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
}

// --- Dirent ---

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

// direntTypeOfMode maps a file mode to its UV_DIRENT_* type.
function direntTypeOfMode(mode) {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFREG: return constants.UV_DIRENT_FILE;
    case constants.S_IFDIR: return constants.UV_DIRENT_DIR;
    case constants.S_IFLNK: return constants.UV_DIRENT_LINK;
    case constants.S_IFIFO: return constants.UV_DIRENT_FIFO;
    case constants.S_IFSOCK: return constants.UV_DIRENT_SOCKET;
    case constants.S_IFCHR: return constants.UV_DIRENT_CHAR;
    case constants.S_IFBLK: return constants.UV_DIRENT_BLOCK;
    default: return constants.UV_DIRENT_UNKNOWN;
  }
}

// direntPath joins a directory and an entry name, strings or Buffers.
function direntPath(dir, name) {
  if (typeof dir === 'string') {
    return require('path').join(dir, typeof name === 'string' ? name : Buffer.from(name).toString());
  }
  if (isUint8Array(dir) && isUint8Array(name)) return Buffer.concat([dir, Buffer.from('/'), name]);
  throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer'], dir);
}

// getDirent makes the Dirent of entry name in dir; an unknown type is
// found with lstat. With a callback, it is called with (err, dirent);
// without, the Dirent is returned.
function getDirent(dir, name, type, callback) {
  const fsb = internalBinding('fs');
  if (typeof callback !== 'function') {
    if (type === constants.UV_DIRENT_UNKNOWN) type = direntTypeOfMode(fsb.lstat(direntPath(dir, name), false)[1]);
    return new Dirent(name, type, dir);
  }
  if (type !== constants.UV_DIRENT_UNKNOWN) {
    callback(null, new Dirent(name, type, dir));
    return;
  }
  let full;
  try {
    full = direntPath(dir, name);
  } catch (err) {
    callback(err);
    return;
  }
  fsb.lstat(full, false, (err, st) => {
    if (err) callback(err);
    else callback(null, new Dirent(name, direntTypeOfMode(st[1]), dir));
  });
}

// getDirents makes the Dirents of a readdir result [names, types] of dir,
// as getDirent does for each.
function getDirents(dir, [names, types], callback) {
  if (typeof callback !== 'function') {
    return names.map((name, i) => getDirent(dir, name, types[i]));
  }
  const out = new Array(names.length);
  let pending = names.length + 1;
  let failed = false;
  const done = () => {
    if (--pending === 0 && !failed) callback(null, out);
  };
  for (let i = 0; i < names.length && !failed; i++) {
    getDirent(dir, names[i], types[i], (err, dirent) => {
      if (failed) return;
      if (err) {
        failed = true;
        callback(err);
        return;
      }
      out[i] = dirent;
      done();
    });
  }
  done();
}

// --- system errors made in JS ---

// SystemError as Node builds it for errors such as ERR_FS_EISDIR.
class SystemError extends Error {
  constructor(key, prefix, ctx) {
    let message = `${prefix}: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
    if (ctx.path !== undefined) message += ` ${ctx.path}`;
    if (ctx.dest !== undefined) message += ` => ${ctx.dest}`;
    super(message);
    Object.defineProperty(this, 'name', { value: 'SystemError', enumerable: false, writable: true, configurable: true });
    this.code = key;
    this.info = ctx;
    this.errno = ctx.errno;
    this.syscall = ctx.syscall;
    if (ctx.path !== undefined) this.path = ctx.path;
    if (ctx.dest !== undefined) this.dest = ctx.dest;
  }
  toString() { return `${this.name} [${this.code}]: ${this.message}`; }
}

function rmIsDirError(path) {
  return new SystemError('ERR_FS_EISDIR', 'Path is a directory', {
    code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21,
  });
}

// Validates rm's options, returning { recursive, force }.
function validateRmOptions(options) {
  if (options === undefined) return { recursive: false, force: false, maxRetries: 0, retryDelay: 100 };
  validateObject(options, 'options');
  const o = { recursive: false, force: false, maxRetries: 0, retryDelay: 100, ...options };
  validateBoolean(o.recursive, 'options.recursive');
  validateBoolean(o.force, 'options.force');
  validateInt32(o.maxRetries, 'options.maxRetries', 0);
  validateInt32(o.retryDelay, 'options.retryDelay', 0);
  return o;
}

// validateRmOptionsSync validates rm's options for path, as rmSync does
// before removing: without recursive, a directory at path is an error
// (ERR_FS_EISDIR); without force, a missing path is one (ENOENT).
function validateRmOptionsSync(path, options) {
  const o = validateRmOptions(options);
  if (!o.force || !o.recursive) {
    path = getValidatedPath(path);
    let st;
    try {
      st = internalBinding('fs').lstat(path, false);
    } catch (err) {
      if (o.force && err.code === 'ENOENT') return o;
      throw err;
    }
    if ((st[1] & constants.S_IFMT) === constants.S_IFDIR && !o.recursive) throw rmIsDirError(String(path));
  }
  return o;
}

module.exports = {
  constants,
  getBuffer,
  toBuffer,
  allocBuffer,
  isUtf8,
  assertEncoding,
  decode,
  encodeString,
  isArrayBufferView,
  getOptions,
  makeCallback,
  isURL,
  fileURLToPath,
  toPathIfFileURL,
  getValidatedPath,
  getValidatedFd,
  stringToFlags,
  parseFileMode,
  validateBuffer,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  toWriteData,
  toUnixTimestamp,
  Stats,
  BigIntStats,
  StatFs,
  getStatsFromBinding,
  getStatFsFromBinding,
  Dirent,
  kType,
  SystemError,
  rmIsDirError,
  validateRmOptions,
  validateRmOptionsSync,
  getDirent,
  getDirents,
};
