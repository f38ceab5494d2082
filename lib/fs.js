'use strict';
// node:fs: synchronous and callback file system API over internalBinding('fs').
// Each binding operation takes a trailing req: a function makes it run off
// the loop and call req(err, result); otherwise it runs synchronously.

const binding = internalBinding('fs');
const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
  notImplemented,
} = require('internal/errors');
const {
  validateFunction, validateInteger, validateInt32, validateBoolean, validateObject,
  validateString, validateUint32, validateOneOf,
} = require('internal/validators');
const utils = require('internal/fs/utils');
const {
  constants, getOptions, makeCallback, getValidatedPath, getValidatedFd, stringToFlags,
  parseFileMode, validateBuffer, validateOffsetLengthRead, validateOffsetLengthWrite,
  validatePosition, toWriteData, toUnixTimestamp, getStatsFromBinding,
  getStatFsFromBinding, Dirent, Stats, isUtf8, decode, encodeString, toBuffer, allocBuffer,
  isArrayBufferView, rmIsDirError, validateRmOptions, toPathIfFileURL,
} = utils;

const { F_OK, O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_RDONLY } = constants;

const kIoMaxLength = 2 ** 31 - 1;

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// req adapts a binding completion (err, value) to cb, mapping value.
function req(cb, map) {
  if (!map) return (err) => cb(err);
  return (err, v) => (err ? cb(err) : cb(null, map(v)));
}

// --- open / close ---

function openArgs(path, flags, mode) {
  path = getValidatedPath(path);
  return [path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666)];
}

function open(path, flags, mode, callback) {
  if (typeof flags === 'function') {
    callback = flags;
    flags = undefined;
    mode = undefined;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = undefined;
  }
  const args = openArgs(path, flags, mode);
  callback = makeCallback(callback);
  binding.open(...args, req(callback, (fd) => fd));
}

function openSync(path, flags, mode) {
  return binding.open(...openArgs(path, flags, mode));
}

function close(fd, callback = () => {}) {
  fd = getValidatedFd(fd);
  if (callback !== undefined) validateFunction(callback, 'cb');
  binding.close(fd, req(callback));
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd));
}

// --- read ---

// isPosition: a file position that read's and write's argument checks
// pass through unchanged (the fast paths test the other arguments inline:
// (x | 0) === x holds only for int32 numbers).
function isPosition(n) {
  return typeof n === 'number' && n >= 0 && n % 1 === 0 && n <= Number.MAX_SAFE_INTEGER;
}

// readArgs normalizes read's overloads to [fd, buffer, offset, length, position].
function readArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (offsetOrOptions != null && typeof offsetOrOptions === 'object' && !isArrayBufferView(offsetOrOptions)) {
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = offsetOrOptions);
  }
  validateBuffer(buffer);
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length ??= buffer.byteLength - offset;
  if (length === 0) return [fd, buffer, offset, 0, null];
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) {
    position = -1;
  } else {
    validatePosition(position, 'position', length);
  }
  return [fd, buffer, offset, length, position];
}

// read(fd[, options], cb), read(fd, buffer[, options], cb) and
// read(fd, buffer, offset, length, position, cb): the overload is chosen
// by the argument count.
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  // The common full form with plainly valid arguments (every fs stream
  // read): the checks below are what the general path would find.
  if (arguments.length === 6 && typeof callback === 'function' && (fd | 0) === fd && fd >= 0 &&
      isArrayBufferView(buffer) && (offsetOrOptions | 0) === offsetOrOptions && offsetOrOptions >= 0 &&
      (length | 0) === length && length > 0 && offsetOrOptions + length <= buffer.byteLength &&
      (position == null || isPosition(position))) {
    binding.read(fd, buffer, offsetOrOptions, length, position ?? -1,
      (err, n) => (err ? callback(err) : callback(null, n, buffer)));
    return;
  }
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  if (arguments.length <= 4) {
    let params = null;
    if (arguments.length === 4) {
      // fd, buffer, options, callback
      validateObject(offsetOrOptions, 'options', { nullable: true });
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      // fd, bufferOrParams, callback
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        ({ buffer = allocBuffer(16384) } = params ?? {});
      }
      callback = offsetOrOptions;
    } else {
      // fd, callback
      callback = buffer;
      buffer = allocBuffer(16384);
    }
    if (params !== undefined) validateObject(params, 'options', { nullable: true });
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? {});
  }
  validateBuffer(buffer);
  validateFunction(callback, 'cb');
  const args = readArgs(fd, buffer, offset, length, position);
  if (args[3] === 0) {
    process.nextTick(() => callback(null, 0, buffer));
    return;
  }
  binding.read(...args, (err, n) => (err ? callback(err) : callback(null, n, buffer)));
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', { nullable: true });
    ({ offset: offsetOrOptions = 0, length, position = null } = offsetOrOptions ?? {});
  }
  const args = readArgs(fd, buffer, offsetOrOptions, length, position);
  if (args[3] === 0) return 0;
  return binding.read(...args);
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (const b of buffers) {
    if (!isArrayBufferView(b)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

function readv(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = makeCallback(callback);
  if (typeof position !== 'number') position = null;
  binding.readv(fd, buffers, position, (err, n) => (err ? callback(err) : callback(null, n, buffers)));
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return binding.readv(fd, buffers, position);
}

// --- write ---

// writeArgs normalizes write's overloads to [fd, data, offset, length, position].
function writeArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (offset != null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return [fd, buffer, offset, length, position];
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // write(fd, string[, position[, encoding]])
  if (typeof offsetOrOptions !== 'number' && typeof offsetOrOptions !== 'bigint') offsetOrOptions = null;
  if (length === 'hex' && buffer.length % 2 !== 0) {
    throw new ERR_INVALID_ARG_VALUE('encoding', length, `is invalid for data of length ${buffer.length}`);
  }
  const data = toWriteData(buffer, length ?? 'utf8');
  if (typeof data === 'string') return [fd, data, 0, 0, offsetOrOptions];
  return [fd, data, 0, data.byteLength, offsetOrOptions];
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  // The common full form with plainly valid arguments (every fs stream
  // write): the checks below are what the general path would find.
  if (arguments.length === 6 && typeof callback === 'function' && (fd | 0) === fd && fd >= 0 &&
      isArrayBufferView(buffer) && (offsetOrOptions | 0) === offsetOrOptions && offsetOrOptions >= 0 &&
      (length | 0) === length && length >= 0 && offsetOrOptions + length <= buffer.byteLength &&
      (position == null || isPosition(position))) {
    binding.write(fd, buffer, offsetOrOptions, length, position ?? null,
      (err, n) => (err ? callback(err) : callback(null, n, buffer)));
    return;
  }
  const args = [offsetOrOptions, length, position, callback];
  let i = args.findIndex((a) => typeof a === 'function');
  if (i === -1) i = args.length;
  callback = args[i];
  for (let j = i; j < args.length; j++) args[j] = undefined;
  validateFunction(callback, 'cb');
  const wa = writeArgs(fd, buffer, args[0], args[1], args[2]);
  binding.write(...wa, (err, n) => (err ? callback(err) : callback(null, n, buffer)));
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  return binding.write(...writeArgs(fd, buffer, offsetOrOptions, length, position));
}

function writev(fd, buffers, position, callback) {
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = makeCallback(callback);
  if (typeof position !== 'number') position = null;
  binding.writev(fd, buffers, position, (err, n) => (err ? callback(err) : callback(null, n, buffers)));
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return binding.writev(fd, buffers, position);
}

// --- whole files ---

function isFd(path) {
  return typeof path === 'number';
}

function readFileArgs(path, options) {
  options = getOptions(options, { flag: 'r' });
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const enc = options.encoding;
  return { target, flags, enc, utf8: !!enc && isUtf8(enc) };
}

function readFile(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const { target, flags, enc, utf8 } = readFileArgs(path, options);
  if (options?.signal?.aborted) {
    const { AbortError } = require('internal/errors');
    process.nextTick(() => callback(new AbortError(undefined, { cause: options.signal.reason })));
    return;
  }
  binding.readFileAll(target, flags, utf8, (err, data) => {
    if (err) return callback(err);
    let out;
    try {
      out = utf8 ? data : decode(data, enc);
    } catch (e) {
      return callback(e);
    }
    callback(null, out);
  });
}

function readFileSync(path, options) {
  const { target, flags, enc, utf8 } = readFileArgs(path, options);
  const data = binding.readFileAll(target, flags, utf8);
  return utf8 ? data : decode(data, enc);
}

function writeFileArgs(path, data, options, defFlag) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: defFlag });
  const target = isFd(path) ? getValidatedFd(path) : getValidatedPath(path, 'path');
  const flags = stringToFlags(options.flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return [target, toWriteData(data, options.encoding), flags, mode];
}

// flushOption validates the flush option of writeFile/appendFile.
function flushOption(options) {
  const flush = options?.flush;
  if (flush === undefined || flush === null) return false;
  validateBoolean(flush, 'options.flush');
  return flush;
}

// writeFileFlushSync writes then fsyncs through the exported fsyncSync.
function writeFileFlushSync(args) {
  const [target, data, flags, mode] = args;
  const fd = typeof target === 'number' ? target : binding.open(target, flags, mode);
  try {
    binding.writeFileAll(fd, data, flags, mode);
    module.exports.fsyncSync(fd);
  } finally {
    if (fd !== target) binding.close(fd);
  }
}

// writeFileFlush is writeFileFlushSync's callback form.
function writeFileFlush(args, callback) {
  const [target, data, flags, mode] = args;
  const done = (fd, err) => {
    if (fd === target) return callback(err);
    module.exports.close(fd, (e) => callback(err || e || null));
  };
  const write = (fd) => binding.writeFileAll(fd, data, flags, mode, req((err) => {
    if (err) return done(fd, err);
    module.exports.fsync(fd, (e) => done(fd, e || null));
  }));
  if (typeof target === 'number') return write(target);
  module.exports.open(target, flags, mode, (err, fd) => (err ? callback(err) : write(fd)));
}

function writeFile(path, data, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const args = writeFileArgs(path, data, options, 'w');
  const signal = options?.signal;
  if (signal) {
    // An abort before or during the write is reported as an AbortError.
    const orig = callback;
    const aborted = () => new (require('internal/errors').AbortError)(undefined, { cause: signal.reason });
    if (signal.aborted) {
      process.nextTick(() => orig(aborted()));
      return;
    }
    callback = (err) => (signal.aborted ? orig(aborted()) : orig(err));
  }
  if (flushOption(options)) return writeFileFlush(args, callback);
  binding.writeFileAll(...args, req(callback));
}

function writeFileSync(path, data, options) {
  const args = writeFileArgs(path, data, options, 'w');
  if (flushOption(options)) return writeFileFlushSync(args);
  binding.writeFileAll(...args);
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return { ...options, flag: options.flag || 'a' };
}

function appendFile(path, data, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = maybeCallback(callback);
  const args = writeFileArgs(path, data, appendOptions(options), 'a');
  if (flushOption(options)) return writeFileFlush(args, callback);
  binding.writeFileAll(...args, req(callback));
}

function appendFileSync(path, data, options) {
  const args = writeFileArgs(path, data, appendOptions(options), 'a');
  if (flushOption(options)) return writeFileFlushSync(args);
  binding.writeFileAll(...args);
}

// --- stat ---

function statOptions(options) {
  if (options === undefined || options === null) return { bigint: false };
  validateObject(options, 'options');
  return options;
}

function stat(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = statOptions(options);
  callback = makeCallback(callback);
  const quiet = options.throwIfNoEntry === false;
  binding.stat(getValidatedPath(path), !!options.bigint, (err, v) => {
    // throwIfNoEntry: false turns a missing entry into (null, undefined).
    if (err) return quiet && (err.code === 'ENOENT' || err.code === 'ENOTDIR') ? callback(null, undefined) : callback(err);
    callback(null, getStatsFromBinding(v));
  });
}

function lstat(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = statOptions(options);
  callback = makeCallback(callback);
  binding.lstat(getValidatedPath(path), !!options.bigint, req(callback, getStatsFromBinding));
}

function fstat(fd, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = statOptions(options);
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fstat(fd, !!options.bigint, req(callback, getStatsFromBinding));
}

function statSyncWith(op, path, options) {
  options = { bigint: false, throwIfNoEntry: true, ...statOptions(options) };
  path = getValidatedPath(path);
  try {
    return getStatsFromBinding(op(path, !!options.bigint));
  } catch (err) {
    if (options.throwIfNoEntry === false && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
      return undefined;
    }
    throw err;
  }
}

function statSync(path, options) {
  return statSyncWith(binding.stat, path, options);
}

function lstatSync(path, options) {
  return statSyncWith(binding.lstat, path, options);
}

function fstatSync(fd, options) {
  options = statOptions(options);
  return getStatsFromBinding(binding.fstat(getValidatedFd(fd), !!options.bigint));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = { bigint: false };
  }
  callback = makeCallback(callback);
  binding.statfs(getValidatedPath(path), !!options?.bigint, req(callback, getStatFsFromBinding));
}

function statfsSync(path, options = { bigint: false }) {
  return getStatFsFromBinding(binding.statfs(getValidatedPath(path), !!options?.bigint));
}

// --- access / exists ---

function accessMode(mode) {
  if (mode === undefined || mode === null) return F_OK;
  return validateMode07(mode);
}

// validateMode07 checks an access or copyFile mode as Node does.
function validateMode07(mode) {
  validateInteger(mode, 'mode');
  if (mode < 0 || mode > 7) {
    const e = new ERR_OUT_OF_RANGE('mode', '>= 0 && <= 7', mode);
    e.message = 'mode is out of range: >= 0 && <= 7';
    throw e;
  }
  return mode;
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = accessMode(mode);
  callback = makeCallback(callback);
  binding.access(path, mode, req(callback));
}

function accessSync(path, mode) {
  binding.access(getValidatedPath(path), accessMode(mode));
}

function exists(path, callback) {
  validateFunction(callback, 'cb');
  try {
    path = getValidatedPath(path);
  } catch {
    process.nextTick(() => callback(false));
    return;
  }
  binding.access(path, F_OK, (err) => callback(!err));
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  // Named 'exists', as util.promisify(fs.exists).name is in node.
  value: { exists: (path) => new Promise((resolve) => exists(path, resolve)) }.exists,
  configurable: true,
});

let warnedExists = false;
function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch (e) {
    if (!warnedExists && e?.code === 'ERR_INVALID_ARG_TYPE') {
      warnedExists = true;
      process.emitWarning?.('Passing invalid argument types to fs.existsSync is deprecated', 'DeprecationWarning', 'DEP0187');
    }
    return false;
  }
  try {
    binding.access(path, F_OK);
    return true;
  } catch {
    return false;
  }
}

// --- directories ---

function mkdirArgs(path, options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive');
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  return [getValidatedPath(path), mode, recursive];
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const args = mkdirArgs(path, options);
  callback = makeCallback(callback);
  binding.mkdir(...args, args[2] ? req(callback, (p) => p) : req(callback));
}

function mkdirSync(path, options) {
  return binding.mkdir(...mkdirArgs(path, options));
}

function mkdtempArgs(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnTrailingX(prefix);
  return [prefix, options.encoding];
}

let warnedTrailingX = false;

// warnTrailingX warns once per process about templates ending in X.
function warnTrailingX(prefix) {
  if (warnedTrailingX) return;
  const last = typeof prefix === 'string' ? prefix.at(-1) : String.fromCharCode(prefix.at(-1));
  if (last !== 'X') return;
  warnedTrailingX = true;
  process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
    'For details see: https://nodejs.org/api/fs.html');
}

function mkdtemp(prefix, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const [p, enc] = mkdtempArgs(prefix, options);
  binding.mkdtemp(p, req(callback, (r) => encodeString(r, enc)));
}

function mkdtempSync(prefix, options) {
  const [p, enc] = mkdtempArgs(prefix, options);
  return encodeString(binding.mkdtemp(p), enc);
}

function mkdtempDisposableSync(prefix, options) {
  const path = mkdtempSync(prefix, options);
  // Removal works on the absolute path, whatever the cwd is by then.
  const full = pathModule.resolve(String(path));
  const remove = () => rmSync(full, { recursive: true, force: true });
  return { path, remove, [Symbol.dispose]: remove };
}

function direntsOf(dir, names, types, enc) {
  return names.map((n, i) => new Dirent(encodeString(n, enc), types[i], dir));
}

function readdirSyncRecursive(base, withFileTypes, enc) {
  const out = [];
  const queue = [base];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    if (withFileTypes) {
      const [names, types] = binding.readdir(dir, true);
      for (let i = 0; i < names.length; i++) {
        const d = new Dirent(encodeString(names[i], enc), types[i], dir);
        out.push(d);
        const full = pathModule.join(dir, names[i]);
        // Symlinks to directories are descended into, as node does.
        if (types[i] === constants.UV_DIRENT_DIR ||
            (types[i] === constants.UV_DIRENT_LINK && binding.internalModuleStat(full) === 1)) {
          queue.push(full);
        }
      }
    } else {
      const names = binding.readdir(dir, false);
      for (const name of names) {
        const full = pathModule.join(dir, name);
        out.push(encodeString(pathModule.relative(base, full), enc));
        if (binding.internalModuleStat(full) === 1) queue.push(full);
      }
    }
  }
  return out;
}

function readdirOptions(options) {
  options = getOptions(options);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  return options;
}

function readdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = readdirOptions(options);
  path = getValidatedPath(path);
  const enc = options.encoding;
  if (options.recursive) {
    readdirRecursiveAsync(String(path), !!options.withFileTypes, enc).then(
      (r) => callback(null, r), (e) => callback(e));
    return;
  }
  if (options.withFileTypes) {
    binding.readdir(path, true, req(callback, ([names, types]) => direntsOf(String(path), names, types, enc)));
  } else {
    binding.readdir(path, false, req(callback, (names) => names.map((n) => encodeString(n, enc))));
  }
}

function bindingPromise(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, v) => (err ? reject(err) : resolve(v)));
  });
}

async function readdirRecursiveAsync(base, withFileTypes, enc) {
  const out = [];
  const queue = [base];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const [names, types] = await bindingPromise(binding.readdir, dir, true);
    for (let i = 0; i < names.length; i++) {
      const full = pathModule.join(dir, names[i]);
      if (withFileTypes) {
        out.push(new Dirent(encodeString(names[i], enc), types[i], dir));
        if (types[i] === constants.UV_DIRENT_DIR) queue.push(full);
      } else {
        out.push(encodeString(pathModule.relative(base, full), enc));
        let isDir = types[i] === constants.UV_DIRENT_DIR;
        if (types[i] === constants.UV_DIRENT_LINK) isDir = binding.internalModuleStat(full) === 1;
        if (isDir) queue.push(full);
      }
    }
  }
  return out;
}

function readdirSync(path, options) {
  options = readdirOptions(options);
  path = getValidatedPath(path);
  const enc = options.encoding;
  if (options.recursive) return readdirSyncRecursive(String(path), !!options.withFileTypes, enc);
  if (options.withFileTypes) {
    const [names, types] = binding.readdir(path, true);
    return direntsOf(String(path), names, types, enc);
  }
  return binding.readdir(path, false).map((n) => encodeString(n, enc));
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  if (options?.recursive) {
    emitRmdirRecursiveWarning();
    lstat(path, (err) => {
      if (err) return callback(err);
      binding.rm(path, true, false, req(callback));
    });
    return;
  }
  binding.rmdir(path, req(callback));
}

let rmdirWarned = false;
function emitRmdirRecursiveWarning() {
  if (rmdirWarned) return;
  rmdirWarned = true;
  process.emitWarning?.('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRmdirRecursiveWarning();
    binding.lstat(path, false);
    binding.rm(path, true, false);
    return;
  }
  binding.rmdir(path);
}

function rmMapError(err, path) {
  if (err && err.code === 'EISDIR' && err.syscall === 'rm') return rmIsDirError(String(path));
  return err;
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  const o = validateRmOptions(options);
  callback = makeCallback(callback);
  binding.rm(path, o.recursive, o.force, (err) => callback(err ? rmMapError(err, path) : null));
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  const o = validateRmOptions(options);
  try {
    binding.rm(path, o.recursive, o.force);
  } catch (err) {
    throw rmMapError(err, path);
  }
}

function opendir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const { opendirAsync } = require('internal/fs/dir');
  opendirAsync(path, options).then((d) => callback(null, d), (e) => callback(e));
}

function opendirSync(path, options) {
  return require('internal/fs/dir').opendirSync(path, options);
}

// --- one or two paths ---

function unlink(path, callback) {
  path = getValidatedPath(path);
  binding.unlink(path, req(makeCallback(callback)));
}

function unlinkSync(path) {
  binding.unlink(getValidatedPath(path));
}

function rename(oldPath, newPath, callback) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, req(makeCallback(callback)));
}

function renameSync(oldPath, newPath) {
  binding.rename(getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
}

function copyFileArgs(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = mode == null ? 0 : validateMode07(mode);
  return [src, dest, mode];
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  const args = copyFileArgs(src, dest, mode);
  binding.copyFile(...args, req(makeCallback(callback)));
}

function copyFileSync(src, dest, mode) {
  binding.copyFile(...copyFileArgs(src, dest, mode));
}

function link(existingPath, newPath, callback) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, req(makeCallback(callback)));
}

function linkSync(existingPath, newPath) {
  binding.link(getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
}

function symlinkArgs(target, path, type) {
  if (type != null) validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  return [getValidatedPath(target, 'target'), getValidatedPath(path)];
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  const args = symlinkArgs(target, path, type);
  binding.symlink(...args, req(makeCallback(callback)));
}

function symlinkSync(target, path, type) {
  binding.symlink(...symlinkArgs(target, path, type));
}

function readlink(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = getOptions(options);
  binding.readlink(getValidatedPath(path, 'oldPath'), req(callback, (r) => encodeString(r, options.encoding)));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  return encodeString(binding.readlink(getValidatedPath(path, 'oldPath')), options.encoding);
}

function realpath(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = getOptions(options);
  binding.realpath(getValidatedPath(path), true, req(callback, (r) => encodeString(r, options.encoding)));
}
realpath.native = function(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = getOptions(options);
  binding.realpath(getValidatedPath(path), false, req(callback, (r) => encodeString(r, options.encoding)));
};

function realpathSync(path, options) {
  options = getOptions(options);
  return encodeString(binding.realpath(getValidatedPath(path), true), options.encoding);
}
realpathSync.native = function(path, options) {
  options = getOptions(options);
  return encodeString(binding.realpath(getValidatedPath(path), false), options.encoding);
};

// --- attributes ---

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  binding.chmod(path, mode, req(makeCallback(callback)));
}

function chmodSync(path, mode) {
  binding.chmod(getValidatedPath(path), parseFileMode(mode, 'mode'));
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  binding.fchmod(fd, mode, req(makeCallback(callback)));
}

function fchmodSync(fd, mode) {
  binding.fchmod(getValidatedFd(fd), parseFileMode(mode, 'mode'));
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, 4294967295);
  validateInteger(gid, 'gid', -1, 4294967295);
}

function chown(path, uid, gid, callback) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid, req(makeCallback(callback)));
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid);
}

function lchown(path, uid, gid, callback) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid, req(makeCallback(callback)));
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid);
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  binding.fchown(fd, uid, gid, req(makeCallback(callback)));
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  binding.fchown(fd, uid, gid);
}

function utimes(path, atime, mtime, callback) {
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  binding.utimes(path, a, m, req(makeCallback(callback)));
}

function utimesSync(path, atime, mtime) {
  binding.utimes(getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function lutimes(path, atime, mtime, callback) {
  path = getValidatedPath(path);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  binding.lutimes(path, a, m, req(makeCallback(callback)));
}

function lutimesSync(path, atime, mtime) {
  binding.lutimes(getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  const a = toUnixTimestamp(atime, 'atime');
  const m = toUnixTimestamp(mtime, 'mtime');
  binding.futimes(fd, a, m, req(makeCallback(callback)));
}

function futimesSync(fd, atime, mtime) {
  binding.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function truncLen(len) {
  if (len === undefined) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

function truncate(path, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  if (typeof path === 'number') {
    process.emitWarning?.('Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.', 'DeprecationWarning', 'DEP0081');
    return ftruncate(path, len, callback);
  }
  path = getValidatedPath(path);
  len = truncLen(len);
  binding.truncate(path, len, req(maybeCallback(callback)));
}

function truncateSync(path, len) {
  if (typeof path === 'number') return ftruncateSync(path, len);
  binding.truncate(getValidatedPath(path), truncLen(len));
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  len = truncLen(len);
  binding.ftruncate(fd, len, req(makeCallback(callback)));
}

function ftruncateSync(fd, len = 0) {
  binding.ftruncate(getValidatedFd(fd), truncLen(len));
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  binding.fsync(fd, req(makeCallback(callback)));
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd));
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  binding.fdatasync(fd, req(makeCallback(callback)));
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd));
}

// --- cp, glob, watch, streams ---

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const cpImpl = require('internal/fs/cp');
  cpImpl.runAsync(...cpImpl.cpCheck(src, dest, options)).then(() => callback(null), (e) => callback(e));
}

function cpSync(src, dest, options) {
  require('internal/fs/cp').cpSync(src, dest, options);
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  let result;
  try {
    result = require('internal/fs/glob').globSync(pattern, options);
  } catch (e) {
    process.nextTick(() => callback(e));
    return;
  }
  process.nextTick(() => callback(null, result));
}

function globSync(pattern, options) {
  return require('internal/fs/glob').globSync(pattern, options);
}

function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options, listener);
}

function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
}

function createReadStream(path, options) {
  return require('internal/fs/streams').createReadStream(path, options);
}

function createWriteStream(path, options) {
  return require('internal/fs/streams').createWriteStream(path, options);
}

function openAsBlob() {
  throw notImplemented('fs.openAsBlob');
}

module.exports = {
  appendFile, appendFileSync,
  access, accessSync,
  chown, chownSync,
  chmod, chmodSync,
  close, closeSync,
  copyFile, copyFileSync,
  cp, cpSync,
  createReadStream, createWriteStream,
  exists, existsSync,
  fchown, fchownSync,
  fchmod, fchmodSync,
  fdatasync, fdatasyncSync,
  fstat, fstatSync,
  fsync, fsyncSync,
  ftruncate, ftruncateSync,
  futimes, futimesSync,
  glob, globSync,
  lchmod: undefined, lchmodSync: undefined,
  lchown, lchownSync,
  link, linkSync,
  lstat, lstatSync,
  lutimes, lutimesSync,
  mkdir, mkdirSync,
  mkdtemp, mkdtempSync, mkdtempDisposableSync,
  open, openSync,
  openAsBlob,
  opendir, opendirSync,
  readdir, readdirSync,
  read, readSync,
  readv, readvSync,
  readFile, readFileSync,
  readlink, readlinkSync,
  realpath, realpathSync,
  rename, renameSync,
  rm, rmSync,
  rmdir, rmdirSync,
  stat, statfs, statSync, statfsSync,
  symlink, symlinkSync,
  truncate, truncateSync,
  unwatchFile,
  unlink, unlinkSync,
  utimes, utimesSync,
  watch, watchFile,
  writeFile, writeFileSync,
  write, writeSync,
  writev, writevSync,
  Dirent,
  // Constructing Stats directly is deprecated (DEP0180); instances made
  // inside fs are unaffected and still pass instanceof.
  Stats: require('internal/util').deprecate(Stats, 'fs.Stats constructor is deprecated.', 'DEP0180'),
  _toUnixTimestamp: toUnixTimestamp,
  constants,
};

Object.defineProperty(module.exports, 'Dir', {
  get() { return require('internal/fs/dir').Dir; },
  enumerable: true, configurable: true,
});

Object.defineProperty(module.exports, 'promises', {
  get() { return require('internal/fs/promises').exports; },
  enumerable: true, configurable: true,
});

// The stream classes load node:stream, so they load on first use.
for (const [name, key] of [['ReadStream', 'ReadStream'], ['WriteStream', 'WriteStream'],
  ['FileReadStream', 'ReadStream'], ['FileWriteStream', 'WriteStream']]) {
  let value;
  Object.defineProperty(module.exports, name, {
    get() { return value ?? require('internal/fs/streams')[key]; },
    set(v) { value = v; },
    enumerable: true, configurable: true,
  });
}
Object.defineProperty(module.exports, 'Utf8Stream', {
  get() { return require('internal/fs/utf8stream').Utf8Stream; },
  enumerable: true, configurable: true,
});

// util.promisify resolves these with an object naming the callback values.
{
  const { customPromisifyArgs } = require('internal/util');
  read[customPromisifyArgs] = ['bytesRead', 'buffer'];
  write[customPromisifyArgs] = ['bytesWritten', 'buffer'];
  readv[customPromisifyArgs] = ['bytesRead', 'buffers'];
  writev[customPromisifyArgs] = ['bytesWritten', 'buffers'];
}
