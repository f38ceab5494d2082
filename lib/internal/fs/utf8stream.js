'use strict';
// fs.Utf8Stream: a fast UTF-8 file writer that buffers strings and writes
// them to a file descriptor, synchronously or asynchronously. File system
// calls go through the public fs module at call time so they can be
// mocked as in node.

const EventEmitter = require('events');
const pathModule = require('path');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

const kHighWaterMark = 16387;
const kMaxWrite = 16 * 1024;


function byteLength(s) {
  return Buffer.byteLength(s, 'utf8');
}

// Utf8Stream buffers written strings and flushes them to fd once at least
// minLength bytes are pending.
class Utf8Stream extends EventEmitter {
  #buf = '';
  #len = 0;
  #writing = false;
  #ending = false;
  #reopening = false;
  #needDrain = false;
  #asyncDrainScheduled = false;
  #timer = null;
  #retryEAGAIN;
  #hwm;
  #fsImpl = null;
  // #retryLen is the byte size of a chunk whose write failed: it is
  // retried alone before anything written after it.
  #retryLen = 0;

  // #fs is the fs module, with any functions given as options.fs in place.
  #fs() {
    return this.#fsImpl ?? require('fs');
  }

  constructor(options = {}) {
    super();
    const {
      fd, dest, minLength = 0, maxLength = 0, maxWrite = kMaxWrite, periodicFlush = 0,
      sync = false, append = true, mode, mkdir = false, retryEAGAIN = () => true,
    } = options;
    this.fd = -1;
    this.file = null;
    this.destroyed = false;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.maxWrite = maxWrite;
    this.sync = sync;
    this.fsync = !!options.fsync;
    this.append = append;
    this.mode = mode;
    this.mkdir = mkdir;
    this.opening = false;
    this.periodicFlush = periodicFlush;
    this.#retryEAGAIN = retryEAGAIN;
    if (options.fs) this.#fsImpl = { ...require('fs'), ...options.fs };
    this.#hwm = Math.max(minLength || 0, kHighWaterMark);
    if (minLength >= kMaxWrite) {
      throw new ERR_INVALID_ARG_VALUE('minLength', minLength, `should be smaller than MAX_WRITE (${kMaxWrite})`);
    }
    if (maxLength !== 0 && minLength > maxLength) {
      throw new ERR_INVALID_ARG_VALUE('minLength', minLength, `should be smaller than maxLength (${maxLength})`);
    }
    const target = fd ?? dest;
    if (typeof target === 'number') {
      this.fd = target;
      process.nextTick(() => this.emit('ready'));
    } else if (typeof target === 'string') {
      this.#open(target);
    } else {
      throw new ERR_INVALID_ARG_VALUE('options', options, 'must specify fd or dest');
    }
    if (periodicFlush > 0) {
      this.#timer = setInterval(() => this.flush(null), periodicFlush);
      this.#timer.unref?.();
    }
  }

  get writing() { return this.#writing; }

  #open(file) {
    this.opening = true;
    this.#writing = true;
    this.file = file;
    const flags = this.append ? 'a' : 'w';
    const done = (err, fd) => {
      if (err) {
        this.#reopening = false;
        this.#writing = false;
        this.opening = false;
        // A synchronous open throws instead.
        if (!this.sync) this.emit('error', err);
        return;
      }
      const reopening = this.#reopening;
      this.fd = fd;
      this.file = file;
      this.#reopening = false;
      this.opening = false;
      this.#writing = false;
      if (this.sync) process.nextTick(() => this.emit('ready'));
      else this.emit('ready');
      if (this.destroyed) return;
      if (!this.#writing && (this.#len > this.minLength || (this.#ending && this.#len > 0))) {
        this.#actualWrite();
      } else if (reopening) {
        process.nextTick(() => this.emit('drain'));
      }
    };
    if (this.sync) {
      try {
        if (this.mkdir) this.#fs().mkdirSync(pathModule.dirname(file), { recursive: true });
        done(null, this.#fs().openSync(file, flags, this.mode));
      } catch (err) {
        done(err);
        throw err;
      }
    } else if (this.mkdir) {
      this.#fs().mkdir(pathModule.dirname(file), { recursive: true }, (err) => {
        if (err) return done(err);
        this.#fs().open(file, flags, this.mode, done);
      });
    } else {
      this.#fs().open(file, flags, this.mode, done);
    }
  }

  write(data) {
    if (this.destroyed) throw new Error('Utf8Stream destroyed');
    const len = this.#len + byteLength(data);
    if (this.maxLength && len > this.maxLength) {
      this.emit('drop', data);
      return this.#len < this.#hwm;
    }
    this.#buf += data;
    this.#len = len;
    if (!this.#writing && this.#len >= this.minLength) this.#actualWrite();
    if (this.#len >= this.#hwm) this.#needDrain = true;
    return this.#len < this.#hwm;
  }

  #release(err, n) {
    if (err) {
      if ((err.code === 'EAGAIN' || err.code === 'EBUSY') &&
          this.#retryEAGAIN(err, byteLength(this.#chunk()), this.#len - byteLength(this.#chunk()))) {
        if (this.sync) {
          // Busy-wait briefly, then try again.
          const until = Date.now() + 100;
          while (Date.now() < until);
          this.#release(undefined, 0);
        } else {
          setTimeout(() => this.#actualWrite(), 100);
        }
        return;
      }
      this.#writing = false;
      this.#retryLen = byteLength(this.#chunk());
      this.emit('error', err);
      return;
    }
    const chunk = this.#chunk();
    this.#retryLen = 0;
    // A writer that reports no count wrote the whole chunk.
    if (typeof n !== 'number') n = byteLength(chunk);
    if (this.fsync && !this.destroyed) this.#fs().fsyncSync(this.fd);
    this.emit('write', n);
    const buf = Buffer.from(this.#buf, 'utf8');
    this.#buf = buf.subarray(n).toString('utf8');
    this.#len = Math.max(0, this.#len - n);
    void chunk;
    if (this.#len > 0 && this.#len >= this.minLength) {
      if (this.sync) {
        return this.#actualWrite();
      }
      return this.#actualWrite();
    }
    if (this.#len > 0 && n < byteLength(chunk)) return this.#actualWrite();
    this.#writing = false;
    if (this.#reopening) {
      this.reopen(this.file);
      return;
    }
    if (this.#ending) {
      if (this.#len > 0) return this.#actualWrite();
      return this.#actualClose();
    }
    // Each time the buffer empties, 'drain' goes to whoever listens
    // (on the next tick for a synchronous stream).
    this.#needDrain = false;
    if (this.sync) {
      if (!this.#asyncDrainScheduled) {
        this.#asyncDrainScheduled = true;
        process.nextTick(() => {
          this.#asyncDrainScheduled = false;
          if (!this.#writing && this.listenerCount('drain') > 0) this.emit('drain');
        });
      }
    } else if (this.listenerCount('drain') > 0) {
      this.emit('drain');
    }
  }

  #chunk() {
    const max = this.#retryLen > 0 ? Math.min(this.#retryLen, this.maxWrite) : this.maxWrite;
    if (byteLength(this.#buf) <= max) return this.#buf;
    return Buffer.from(this.#buf, 'utf8').subarray(0, max).toString('utf8');
  }

  #actualWrite() {
    this.#writing = true;
    const chunk = this.#chunk();
    if (this.sync) {
      let n;
      try {
        n = this.#fs().writeSync(this.fd, chunk, null, 'utf8');
      } catch (err) {
        return this.#release(err);
      }
      return this.#release(null, n);
    }
    this.#fs().write(this.fd, chunk, null, 'utf8', (err, n) => this.#release(err, n));
  }

  #actualClose() {
    if (this.fd === -1) {
      this.once('ready', () => this.#actualClose());
      return;
    }
    if (this.#timer) clearInterval(this.#timer);
    this.destroyed = true;
    this.#buf = '';
    this.#len = 0;
    const done = (err) => {
      if (err) {
        this.emit('error', err);
        return;
      }
      if (this.#ending && !this.#writing) this.emit('finish');
      this.emit('close');
    };
    if (this.fd === 1 || this.fd === 2) {
      process.nextTick(done);
      return;
    }
    this.#fs().close(this.fd, done);
  }

  flush(cb) {
    if (cb != null && typeof cb !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('cb', cb, 'must be a function');
    }
    if (this.destroyed) {
      const err = new Error('Utf8Stream destroyed');
      if (cb) process.nextTick(cb, err);
      else throw err;
      return;
    }
    if (this.minLength <= 0) {
      // Nothing waits in the buffer beyond what is being written.
      if (!this.#writing && this.#len === 0) {
        if (cb) process.nextTick(cb);
        return;
      }
    }
    const after = (err) => {
      if (err) return cb?.(err);
      if (this.fsync) return cb?.();
      this.#fs().fsync(this.fd, (e) => cb?.(e ?? undefined));
    };
    if (this.#writing) {
      const onDrain = () => {
        this.removeListener('error', onError);
        this.flush(cb);
      };
      const onError = (err) => {
        this.removeListener('drain', onDrain);
        cb?.(err);
      };
      this.#needDrain = true;
      this.once('drain', onDrain);
      this.once('error', onError);
      return;
    }
    if (this.#len === 0) {
      after();
      return;
    }
    this.once('drain', () => after());
    this.#needDrain = true;
    this.#actualWrite();
  }

  flushSync() {
    if (this.destroyed) throw new Error('Utf8Stream destroyed');
    if (this.fd < 0) throw new Error('Utf8Stream is not ready yet');
    if (!this.#writing || this.sync) {
      while (this.#len > 0) {
        let n;
        try {
          n = this.#fs().writeSync(this.fd, this.#buf, null, 'utf8');
        } catch (err) {
          if ((err.code === 'EAGAIN' || err.code === 'EBUSY') &&
              this.#retryEAGAIN(err, this.#len, 0)) {
            continue;
          }
          throw err;
        }
        this.#buf = Buffer.from(this.#buf, 'utf8').subarray(n).toString('utf8');
        this.#len = Math.max(0, this.#len - n);
      }
    }
    try {
      this.#fs().fsyncSync(this.fd);
    } catch (err) {
      if (err.code !== 'EINVAL' && err.code !== 'ENOTSUP' && err.code !== 'EBADF') throw err;
    }
  }

  reopen(file) {
    if (this.destroyed) throw new Error('Utf8Stream destroyed');
    if (this.opening) {
      this.once('ready', () => this.reopen(file));
      return;
    }
    if (this.#ending) return;
    if (!this.file) {
      throw new Error('Unable to reopen a file descriptor, you must pass a file to Utf8Stream');
    }
    if (file) this.file = file;
    this.#reopening = true;
    if (this.#writing) return;
    const fd = this.fd;
    this.once('ready', () => {
      if (fd !== this.fd) {
        this.#fs().close(fd, (err) => {
          if (err) this.emit('error', err);
        });
      }
    });
    this.#open(this.file);
  }

  end() {
    if (this.destroyed) throw new Error('Utf8Stream destroyed');
    if (this.opening) {
      this.once('ready', () => this.end());
      return;
    }
    if (this.#ending) return;
    this.#ending = true;
    if (this.#writing) return;
    if (this.#len > 0 && this.fd >= 0) {
      this.#actualWrite();
    } else {
      this.#actualClose();
    }
  }

  destroy() {
    if (this.destroyed) return;
    this.#actualClose();
  }
}

module.exports = { Utf8Stream };
