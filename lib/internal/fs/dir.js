'use strict';
// fs.Dir: a directory stream. Entries are listed when the directory is
// opened and handed out one at a time.

const binding = internalBinding('fs');
const {
  codes: { ERR_DIR_CLOSED, ERR_DIR_CONCURRENT_OPERATION, ERR_MISSING_ARGS },
} = require('internal/errors');
const { validateFunction, validateUint32, validateObject, validateBoolean } = require('internal/validators');
const { getValidatedPath, getOptions, Dirent, encodeString, constants } = require('internal/fs/utils');
const pathModule = require('path');

const kList = Symbol('list');

class Dir {
  #path;
  #entries;
  #closed = false;
  #pending = 0;
  #options;

  constructor(path, names, types, options) {
    if (!path) throw new ERR_MISSING_ARGS('path');
    this.#path = path;
    this.#options = options;
    this.#entries = names.map((n, i) => [path, n, types[i]]);
  }

  get path() { return this.#path; }

  #next() {
    const e = this.#entries.shift();
    if (!e) return null;
    const [dir, name, type] = e;
    if (this.#options.recursive && type === constants.UV_DIRENT_DIR) {
      const full = pathModule.join(dir, name);
      try {
        const [names, types] = binding.readdir(full, true);
        for (let i = 0; i < names.length; i++) this.#entries.push([full, names[i], types[i]]);
      } catch {
        // a directory that vanished or cannot be read is skipped
      }
    }
    return new Dirent(encodeString(name, this.#options.encoding), type, dir);
  }

  read(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => {
        this.read((err, d) => (err ? reject(err) : resolve(d)));
      });
    }
    validateFunction(callback, 'callback');
    if (this.#closed) throw new ERR_DIR_CLOSED();
    this.#pending++;
    process.nextTick(() => {
      this.#pending--;
      let d;
      try {
        d = this.#next();
      } catch (e) {
        callback(e);
        return;
      }
      callback(null, d);
    });
  }

  readSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#pending > 0) throw new ERR_DIR_CONCURRENT_OPERATION();
    return this.#next();
  }

  close(callback) {
    if (callback === undefined) {
      if (this.#closed) return Promise.reject(new ERR_DIR_CLOSED());
      this.#closed = true;
      return Promise.resolve();
    }
    validateFunction(callback, 'callback');
    if (this.#closed) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    this.#closed = true;
    process.nextTick(callback, null);
  }

  closeSync() {
    if (this.#closed) throw new ERR_DIR_CLOSED();
    if (this.#pending > 0) throw new ERR_DIR_CONCURRENT_OPERATION();
    this.#closed = true;
  }

  async* entries() {
    try {
      while (true) {
        const d = await this.read();
        if (d === null) break;
        yield d;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }

  async [Symbol.asyncDispose]() {
    if (!this.#closed) await this.close();
  }

  [Symbol.dispose]() {
    if (!this.#closed) this.closeSync();
  }
}

function dirOptions(options) {
  options = getOptions(options, { encoding: 'utf8', bufferSize: 32, recursive: false });
  validateUint32(options.bufferSize, 'options.bufferSize', true);
  validateBoolean(options.recursive, 'options.recursive');
  return options;
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  const [names, types] = binding.opendir(path);
  return new Dir(String(path), names, types, options);
}

function opendirAsync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return new Promise((resolve, reject) => {
    binding.opendir(path, (err, r) => {
      if (err) return reject(err);
      resolve(new Dir(String(path), r[0], r[1], options));
    });
  });
}

module.exports = { Dir, opendirSync, opendirAsync, kList, validateObject };
