'use strict';
// fs/promises and FileHandle, over the same binding operations as fs.

const binding = internalBinding('fs');
const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_METHOD_NOT_IMPLEMENTED },
  AbortError,
} = require('internal/errors');
const {
  validateInteger, validateObject, validateBoolean, validateFunction, validateOneOf,
} = require('internal/validators');
const utils = require('internal/fs/utils');
const { FastBuffer } = require('internal/buffer');
const {
  constants, getOptions, getValidatedPath, stringToFlags, parseFileMode, validateBuffer,
  validateOffsetLengthRead, validateOffsetLengthWrite, validatePosition, toWriteData,
  toUnixTimestamp, getStatsFromBinding, getStatFsFromBinding, Dirent, isUtf8, decode,
  encodeString, allocBuffer, isArrayBufferView, rmIsDirError, validateRmOptions,
} = utils;

function call(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, v) => (err ? reject(err) : resolve(v)));
  });
}

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');
const kLocked = Symbol('kLocked');

function closedError(syscall) {
  const err = new Error('file closed');
  err.code = 'EBADF';
  err.syscall = syscall;
  return err;
}

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
  }

  get fd() { return this[kFd]; }

  #fd(syscall) {
    if (this[kFd] === -1) throw closedError(syscall);
    return this[kFd];
  }

  async appendFile(data, options) {
    options = getOptions(options, { encoding: 'utf8' });
    return writeFileHandle(this, data, options);
  }

  async chmod(mode) {
    mode = parseFileMode(mode, 'mode');
    return call(binding.fchmod, this.#fd('fchmod'), mode);
  }

  async chown(uid, gid) {
    validateInteger(uid, 'uid', -1, 4294967295);
    validateInteger(gid, 'gid', -1, 4294967295);
    return call(binding.fchown, this.#fd('fchown'), uid, gid);
  }

  async datasync() { return call(binding.fdatasync, this.#fd('fdatasync')); }

  async sync() { return call(binding.fsync, this.#fd('fsync')); }

  async read(buffer, offset, length, position) {
    const fd = this.#fd('read');
    if (buffer != null && typeof buffer === 'object' && !isArrayBufferView(buffer)) {
      ({ buffer = allocBuffer(16384), offset = 0, length, position = null } = buffer);
    } else if (buffer === undefined) {
      buffer = allocBuffer(16384);
    }
    validateBuffer(buffer);
    if (offset != null && typeof offset === 'object') {
      ({ offset = 0, length, position = null } = offset);
    }
    offset ??= 0;
    validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    if (length === 0) return { bytesRead: 0, buffer };
    if (buffer.byteLength === 0) {
      throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
    }
    validateOffsetLengthRead(offset, length, buffer.byteLength);
    if (position == null) {
      position = -1;
    } else {
      validatePosition(position, 'position', length);
    }
    const bytesRead = await call(binding.read, fd, buffer, offset, length, position);
    return { bytesRead, buffer };
  }

  async readv(buffers, position) {
    const fd = this.#fd('read');
    validateBufferArray(buffers);
    if (typeof position !== 'number') position = null;
    const bytesRead = await call(binding.readv, fd, buffers, position);
    return { bytesRead, buffers };
  }

  async readFile(options) {
    options = getOptions(options);
    checkAborted(options.signal);
    const enc = options.encoding;
    const utf8 = !!enc && isUtf8(enc);
    if (options.signal != null) {
      // An abort is seen between the steps: after the stat, after the read.
      await call(binding.fstat, this.#fd('fstat'), false);
      checkAborted(options.signal);
    }
    const data = await call(binding.readFileAll, this.#fd('read'), 0, utf8);
    checkAborted(options.signal);
    return utf8 ? data : decode(data, enc);
  }

  readLines(options) {
    const { Interface } = require('internal/readline/interface');
    return new Interface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  // readableWebStream returns a byte ReadableStream over the file, read
  // from the current position. The handle is locked to it: a second call
  // throws, and closing the handle closes the stream.
  readableWebStream(options = {}) {
    if (this[kFd] === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new ERR_INVALID_STATE('The FileHandle is locked');
    // Locked from here, even when the options are then found invalid.
    this[kLocked] = true;
    validateObject(options, 'options');
    const { type = 'bytes', autoClose = false } = options;
    validateBoolean(autoClose, 'options.autoClose');
    if (type !== 'bytes') {
      process.emitWarning('A non-"bytes" options.type has no effect. A byte-oriented steam is always created.',
        'ExperimentalWarning');
    }
    const handle = this;
    const done = async () => {
      if (autoClose) await handle.close();
    };
    const { ReadableStream, readableStreamCancel } = require('internal/webstreams/readablestream');
    const readable = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 16384,
      async pull(controller) {
        const req = controller.byobRequest;
        const view = req.view;
        const { bytesRead } = await handle.read(view, 0, view.byteLength, null);
        if (bytesRead === 0) {
          controller.close();
          req.respond(0);
          await done();
          return;
        }
        req.respond(bytesRead);
      },
      cancel: done,
    });
    this.once('close', () => { readableStreamCancel(readable); });
    return readable;
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  async stat(options) {
    const f = await call(binding.fstat, this.#fd('fstat'), !!options?.bigint);
    return getStatsFromBinding(f);
  }

  async truncate(len = 0) {
    validateInteger(len, 'len');
    return call(binding.ftruncate, this.#fd('ftruncate'), Math.max(0, len));
  }

  async utimes(atime, mtime) {
    return call(binding.futimes, this.#fd('futime'), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
  }

  async write(buffer, offsetOrOptions, length, position) {
    const fd = this.#fd('write');
    if (isArrayBufferView(buffer)) {
      let offset = offsetOrOptions;
      if (offset != null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
      }
      offset ??= 0;
      validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
      if (length === 0) return { bytesWritten: 0, buffer };
      validateOffsetLengthWrite(offset, length, buffer.byteLength);
      const bytesWritten = await call(binding.write, fd, buffer, offset, length, position);
      return { bytesWritten, buffer };
    }
    if (typeof buffer !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    if (typeof offsetOrOptions !== 'number' && typeof offsetOrOptions !== 'bigint') offsetOrOptions = null;
    const data = toWriteData(buffer, length ?? 'utf8');
    const n = typeof data === 'string' ? 0 : data.byteLength;
    const bytesWritten = await call(binding.write, fd, data, 0, n, offsetOrOptions);
    return { bytesWritten, buffer };
  }

  async writev(buffers, position) {
    const fd = this.#fd('write');
    validateBufferArray(buffers);
    if (typeof position !== 'number') position = null;
    const bytesWritten = await call(binding.writev, fd, buffers, position);
    return { bytesWritten, buffers };
  }

  async writeFile(data, options) {
    options = getOptions(options, { encoding: 'utf8' });
    return writeFileHandle(this, data, options);
  }

  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    // The handle is closed from now on (operations started later fail
    // with EBADF), as node's is.
    this[kFd] = -1;
    this[kClosePromise] = call(binding.close, fd).then(() => {
      this[kClosePromise] = null;
      this.emit('close');
    }, (err) => {
      this[kFd] = fd;
      this[kClosePromise] = null;
      throw err;
    });
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }
}

function validateBufferArray(buffers) {
  if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView)) {
    throw new ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
  }
}

async function writeAll(fd, data) {
  if (typeof data === 'string') {
    await call(binding.writeFileAll, fd, data, 0, 0);
    return;
  }
  await call(binding.writeFileAll, fd, data, 0, 0);
}

// writeFileHandle writes data (string, bytes or an iterable of them) to fd.
async function writeFileHandle(handle, data, options) {
  checkAborted(options.signal);
  const fd = handle.fd;
  if (fd === -1) throw closedError('write');
  if (typeof data === 'string' || isArrayBufferView(data)) {
    await writeAll(fd, toWriteData(data, options.encoding));
    // An abort while the write was under way still rejects.
    checkAborted(options.signal);
    return;
  }
  if (data != null && (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function')) {
    for await (const chunk of data) {
      checkAborted(options.signal);
      await writeAll(fd, toWriteData(chunk, options.encoding));
    }
    return;
  }
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView', 'AsyncIterable', 'Iterable', 'Stream'], data);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const f = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await call(binding.open, path, f, mode));
}

async function access(path, mode = constants.F_OK) {
  path = getValidatedPath(path);
  validateInteger(mode ?? 0, 'mode', 0, 7);
  return call(binding.access, path, mode ?? 0);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode ??= 0;
  validateInteger(mode, 'mode', 0, 7);
  return call(binding.copyFile, src, dest, mode);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cpAsync(src, dest, options);
}

async function* glob(pattern, options) {
  const list = require('internal/fs/glob').globSync(pattern, options);
  for (const p of list) yield p;
}

async function opendir(path, options) {
  return require('internal/fs/dir').opendirAsync(path, options);
}

async function rename(oldPath, newPath) {
  return call(binding.rename, getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
}

// withHandle opens path as a FileHandle, runs fn(handle) and closes it.
// When both fn and the close fail, the rejection is an AggregateError
// carrying fn's error code, as node's is.
async function withHandle(path, flags, mode, fn) {
  const fh = await open(path, flags, mode);
  let result;
  try {
    result = await fn(fh);
  } catch (opErr) {
    try {
      await fh.close();
    } catch (closeErr) {
      const agg = new AggregateError([opErr, closeErr], opErr?.message);
      agg.code = opErr?.code;
      throw agg;
    }
    throw opErr;
  }
  await fh.close();
  return result;
}

async function truncate(path, len = 0) {
  path = getValidatedPath(path);
  validateInteger(len, 'len');
  return withHandle(path, 'r+', 0o666, (fh) => call(binding.ftruncate, fh.fd, Math.max(0, len)));
}

async function rm(path, options) {
  path = getValidatedPath(path);
  const o = validateRmOptions(options);
  try {
    await call(binding.rm, path, o.recursive, o.force);
  } catch (err) {
    if (err.code === 'EISDIR' && err.syscall === 'rm') throw rmIsDirError(String(path));
    throw err;
  }
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    await call(binding.lstat, path, false);
    return call(binding.rm, path, true, false);
  }
  return call(binding.rmdir, path);
}

async function mkdir(path, options) {
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
  const r = await call(binding.mkdir, getValidatedPath(path), mode, recursive);
  return recursive ? r : undefined;
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const enc = options.encoding;
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  if (options.recursive) {
    const pathModule = require('path');
    const base = String(path);
    const out = [];
    const queue = [base];
    for (let q = 0; q < queue.length; q++) {
      const dir = queue[q];
      const [names, types] = await call(binding.readdir, dir, true);
      for (let i = 0; i < names.length; i++) {
        const full = pathModule.join(dir, names[i]);
        let isDir = types[i] === constants.UV_DIRENT_DIR;
        if (options.withFileTypes) {
          out.push(new Dirent(encodeString(names[i], enc), types[i], dir));
        } else {
          out.push(encodeString(pathModule.relative(base, full), enc));
          if (types[i] === constants.UV_DIRENT_LINK) isDir = binding.internalModuleStat(full) === 1;
        }
        if (isDir) queue.push(full);
      }
    }
    return out;
  }
  if (options.withFileTypes) {
    const [names, types] = await call(binding.readdir, path, true);
    return names.map((n, i) => new Dirent(encodeString(n, enc), types[i], String(path)));
  }
  const names = await call(binding.readdir, path, false);
  return names.map((n) => encodeString(n, enc));
}

async function readlink(path, options) {
  options = getOptions(options);
  return encodeString(await call(binding.readlink, getValidatedPath(path, 'oldPath')), options.encoding);
}

async function symlink(target, path, type) {
  if (type != null) validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  return call(binding.symlink, getValidatedPath(target, 'target'), getValidatedPath(path));
}

async function lstat(path, options = { bigint: false }) {
  return getStatsFromBinding(await call(binding.lstat, getValidatedPath(path), !!options?.bigint));
}

async function stat(path, options = { bigint: false }) {
  let v;
  try {
    v = await call(binding.stat, getValidatedPath(path), !!options?.bigint);
  } catch (err) {
    // throwIfNoEntry: false resolves a missing entry to undefined.
    if (options?.throwIfNoEntry === false && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
    throw err;
  }
  return getStatsFromBinding(v);
}

async function statfs(path, options = { bigint: false }) {
  return getStatFsFromBinding(await call(binding.statfs, getValidatedPath(path), !!options?.bigint));
}

async function link(existingPath, newPath) {
  return call(binding.link, getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
}

async function unlink(path) {
  return call(binding.unlink, getValidatedPath(path));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  return call(binding.chmod, path, parseFileMode(mode, 'mode'));
}

async function lchmod() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, 4294967295);
  validateInteger(gid, 'gid', -1, 4294967295);
  return call(binding.lchown, path, uid, gid);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, 4294967295);
  validateInteger(gid, 'gid', -1, 4294967295);
  return call(binding.chown, path, uid, gid);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call(binding.utimes, path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call(binding.lutimes, path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

async function realpath(path, options) {
  options = getOptions(options);
  return encodeString(await call(binding.realpath, getValidatedPath(path), false), options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  return encodeString(await call(binding.mkdtemp, getValidatedPath(prefix, 'prefix')), options.encoding);
}

async function mkdtempDisposable(prefix, options) {
  const path = await mkdtemp(prefix, options);
  // Removal works on the absolute path, whatever the cwd is by then.
  const full = require('path').resolve(String(path));
  const remove = () => rm(full, { recursive: true, force: true });
  return { path, remove, [Symbol.asyncDispose]: remove };
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (path instanceof FileHandle) return writeFileHandle(path, data, options);
  checkAborted(options.signal);
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  let flush = options.flush;
  if (flush === undefined || flush === null) {
    flush = false;
  } else {
    validateBoolean(flush, 'options.flush');
  }
  return withHandle(path, flags, mode, async (fh) => {
    await writeFileHandle(fh, data, options);
    if (flush) await fh.sync();
  });
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = { ...options, flag: options.flag || 'a' };
  return writeFile(path, data, options);
}

// readBytes reads the whole file at path (a validated path) as a Buffer:
// the binding opens, reads and closes it in one operation off the loop.
function readBytes(path) {
  return new Promise((resolve, reject) => {
    binding.readFileAll(path, constants.O_RDONLY, false, (err, u8) => {
      if (err) reject(err);
      else resolve(new FastBuffer(u8.buffer, u8.byteOffset, u8.byteLength));
    });
  });
}

// FileHandle's fd getter and close as defined here. readFile goes through
// a FileHandle as node's does; only while a program has not replaced
// these (which node's readFile would call) may it skip the handle.
const kOriginalFdGetter = Object.getOwnPropertyDescriptor(FileHandle.prototype, 'fd').get;
const kOriginalClose = FileHandle.prototype.close;

function fileHandleUnpatched() {
  return FileHandle.prototype.close === kOriginalClose &&
    Object.getOwnPropertyDescriptor(FileHandle.prototype, 'fd')?.get === kOriginalFdGetter;
}

async function readFile(path, options) {
  // The common call, a path and no options, in fewest steps.
  if (options === undefined && typeof path === 'string' && fileHandleUnpatched()) {
    return readBytes(getValidatedPath(path));
  }
  options = getOptions(options, { flag: 'r' });
  if (path instanceof FileHandle) return path.readFile(options);
  checkAborted(options.signal);
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const enc = options.encoding;
  const utf8 = !!enc && isUtf8(enc);
  if (options.signal == null && fileHandleUnpatched()) {
    // No signal to check between the steps: one binding operation opens,
    // reads and closes the file, off the loop.
    const data = await call(binding.readFileAll, path, flags, utf8);
    return utf8 ? data : decode(data, enc);
  }
  return withHandle(path, flags, 0o666, async (fh) => {
    const data = await call(binding.readFileAll, fh.fd, flags, utf8);
    checkAborted(options.signal);
    return utf8 ? data : decode(data, enc);
  });
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchAsync(filename, options);
}

const exports_ = {
  access, copyFile, cp, glob, open, opendir, rename, truncate, rm, rmdir, mkdir, readdir,
  readlink, symlink, lstat, stat, statfs, link, unlink, chmod, lchmod, lchown, chown, utimes,
  lutimes, realpath, mkdtemp, mkdtempDisposable, writeFile, appendFile, readFile, watch,
  constants,
};

module.exports = { exports: exports_, FileHandle, validateFunction, validateObject };
