'use strict';
// Readable.from(iterable[, options]): a Readable (object mode by default)
// that yields the values of a sync or async iterable.

const { Buffer } = require('buffer');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_NULL_VALUES } } = require('internal/errors');

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let isAsync;
  let iterator;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  // True while a pull is under way, so that _read() does not start another.
  let reading = false;
  // Set once a sync iterator yields a promise: from then on values are awaited.
  let awaitValues = false;

  readable._read = function() {
    if (!reading) {
      reading = true;
      if (isAsync) pullAsync();
      else if (awaitValues) pullSyncAwaiting();
      else pullSync();
    }
  };

  readable._destroy = function(error, cb) {
    close(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error),
    );
  };

  async function close(error) {
    const hadError = error !== undefined && error !== null;
    if (hadError && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  // Pushes value; returns true to keep pulling.
  function deliver(value) {
    if (value === null) {
      reading = false;
      throw new ERR_STREAM_NULL_VALUES();
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  function pullSync() {
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          awaitValues = true;
          awaitFirst(value);
          return;
        }
        if (!deliver(value)) return;
      } catch (err) {
        readable.destroy(err);
        return;
      }
    }
  }

  async function awaitFirst(promise) {
    try {
      const value = await promise;
      if (!deliver(value)) return;
    } catch (err) {
      readable.destroy(err);
      return;
    }
    pullSyncAwaiting();
  }

  async function pullSyncAwaiting() {
    for (;;) {
      try {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (!deliver(await value)) return;
      } catch (err) {
        readable.destroy(err);
        return;
      }
    }
  }

  async function pullAsync() {
    for (;;) {
      try {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (!deliver(value)) return;
      } catch (err) {
        readable.destroy(err);
        return;
      }
    }
  }

  return readable;
}

module.exports = from;
