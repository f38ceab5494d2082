'use strict';

// IncomingMessage: a request seen by a server, or a response seen by a
// client. The body is a Readable fed by the parser.

const { Readable } = require('stream');
const { EEProto, initEmitter } = require('_http_common');
const ReadableState = Readable.ReadableState;

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kOnRead = Symbol('kOnRead');
const kEndPending = Symbol('kEndPending');
const kLazyClosed = Symbol('kLazyClosed');
const readableOptions = undefined;
const emptyList = Object.freeze([]);

// Headers whose duplicates are dropped (the first value wins).
const dropDuplicates = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires',
  'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified',
  'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

// addHeaderLine adds one raw header to a node-style headers object.
function addHeaderLine(field, value, dest, joinDuplicates) {
  const name = field.toLowerCase();
  const cur = Object.prototype.hasOwnProperty.call(dest, name) ? dest[name] : undefined;
  if (cur === undefined) {
    dest[name] = name === 'set-cookie' ? [value] : value;
    return;
  }
  if (name === 'set-cookie') cur.push(value);
  else if (name === 'cookie') dest[name] = cur + '; ' + value;
  else if (joinDuplicates || !dropDuplicates.has(name)) dest[name] = cur + ', ' + value;
}

function headersOf(raw, joinDuplicates) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(raw[i], raw[i + 1], out, joinDuplicates);
  return out;
}

function distinctOf(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(out, name)) out[name] = [raw[i + 1]];
    else out[name].push(raw[i + 1]);
  }
  return out;
}

// IncomingMessage is a Readable whose stream state is made on first use:
// most requests of a server are never read as streams (a GET has no body),
// and building the state is the costliest part of a message.
function IncomingMessage(socket) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
  // Stream's initialisation without the constructor chain: a message is
  // made per request.
  initEmitter(this);
  this.socket = socket;
  this.client = socket;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

// kHasState marks a message whose stream state exists (an own
// _readableState), so that the request path can test it without a call.
const kHasState = Symbol('kHasState');

function defineState(msg, st) {
  Object.defineProperty(msg, '_readableState', { value: st, writable: true, configurable: true, enumerable: true });
  msg[kHasState] = true;
}

Object.defineProperty(IncomingMessage.prototype, '_readableState', {
  configurable: true,
  enumerable: false,
  get() {
    if (this === IncomingMessage.prototype) return undefined;
    // The message reads with its socket's high water mark.
    const sock = this.socket;
    const hwm = sock ? sock.readableHighWaterMark : undefined;
    let st;
    if (typeof hwm !== 'number') {
      st = new ReadableState(readableOptions, this, false);
    } else if (Number.isInteger(hwm) && hwm >= 0) {
      // A valid mark is set on a state made without options: no option
      // object to allocate and check.
      st = new ReadableState(readableOptions, this, false);
      st.highWaterMark = hwm;
    } else {
      st = new ReadableState({ highWaterMark: hwm }, this, false);
    }
    st.readingMore = true;
    if (this[kLazyClosed]) {
      st.destroyed = true;
      st.closed = true;
      st.closeEmitted = true;
    }
    defineState(this, st);
    return st;
  },
  set(v) { defineState(this, v); },
});

// hasState reports whether msg's stream state exists yet.
function hasState(msg) {
  return msg[kHasState] === true;
}

// destroyDone ends a destroy: the error is emitted only if someone listens.
function destroyDone(msg, err, cb) {
  cb(msg.listenerCount('error') === 0 ? undefined : err);
}

class IncomingMessageMethods extends Readable {

  get connection() { return this.socket; }
  set connection(v) { this.socket = v; }

  get headers() {
    if (this[kHeaders] === null) this[kHeaders] = headersOf(this.rawHeaders, this.joinDuplicateHeaders);
    return this[kHeaders];
  }
  set headers(v) { this[kHeaders] = v; }

  get headersDistinct() {
    if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctOf(this.rawHeaders);
    return this[kHeadersDistinct];
  }
  set headersDistinct(v) { this[kHeadersDistinct] = v; }

  get trailers() {
    if (this[kTrailers] === null) this[kTrailers] = headersOf(this.rawTrailers, this.joinDuplicateHeaders);
    return this[kTrailers];
  }
  set trailers(v) { this[kTrailers] = v; }

  get trailersDistinct() {
    if (this[kTrailersDistinct] === null) this[kTrailersDistinct] = distinctOf(this.rawTrailers);
    return this[kTrailersDistinct];
  }
  set trailersDistinct(v) { this[kTrailersDistinct] = v; }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    this.socket.setTimeout(msecs);
    return this;
  }

  _read(n) {
    if (!this._consuming) {
      this._readableState.readingMore = false;
      this._consuming = true;
    }
    // A message that completed before anyone read it ends now.
    if (this[kEndPending]) {
      this[kEndPending] = false;
      this.push(null);
      return;
    }
    // The socket was paused when the body backed up: read on.
    const onRead = this[kOnRead];
    if (onRead !== null) onRead();
  }

  // _complete marks the message complete; the end of the stream is pushed
  // at once if data is buffered or someone reads, else on the first read.
  _complete() {
    this.complete = true;
    if (this[kHasState] !== true) {
      this[kEndPending] = true;
      return;
    }
    const rs = this._readableState;
    if (rs.length > 0 || rs.flowing || rs.needReadable || rs.reading) this.push(null);
    else this[kEndPending] = true;
  }

  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    // A message aborted before it was complete tears down the connection.
    if (this.socket && !this.socket.destroyed && this.aborted) {
      this.socket.destroy(err);
      const cleanup = require('stream').finished(this.socket, (e) => {
        if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
        cleanup();
        process.nextTick(destroyDone, this, e || err, cb);
      });
    } else {
      process.nextTick(destroyDone, this, err, cb);
    }
  }

  // _dump discards the body so that the connection can go on.
  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      const events = this._events;
      if (events === undefined || events.data !== undefined) this.removeAllListeners('data');
      // Nobody listens: there is nothing to drain or to tell.
      if (this[kEndPending] && events !== undefined && events.end === undefined &&
          events.readable === undefined && events.close === undefined) {
        return;
      }
      this.resume();
    }
  }

  _addHeaderLines(headers, n) {
    if (headers && headers.length) {
      if (this.complete) this.rawTrailers = headers;
      else this.rawHeaders = headers;
    }
  }

  _addHeaderLine(field, value, dest) { addHeaderLine(field, value, dest, this.joinDuplicateHeaders); }
}

for (const key of Reflect.ownKeys(IncomingMessageMethods.prototype)) {
  if (key === 'constructor') continue;
  Object.defineProperty(IncomingMessage.prototype, key,
    Object.getOwnPropertyDescriptor(IncomingMessageMethods.prototype, key));
}

// _closeAfterResponse marks a served request closed, without making its
// stream state if it was never used.
IncomingMessage.prototype._closeAfterResponse = function _closeAfterResponse() {
  if (this[kHasState] === true) {
    const st = this._readableState;
    if (st.destroyed) return;
    st.destroyed = true;
    st.closed = true;
    st.closeEmitted = true;
  } else {
    if (this[kLazyClosed]) return;
    this[kLazyClosed] = true;
  }
  const ev = this._events;
  if (ev === undefined || ev.close !== undefined || this.emit !== EEProto.emit) this.emit('close');
};

// Per-message defaults live on the prototype: constructing a message on
// the request path then sets only what differs.
Object.assign(IncomingMessage.prototype, {
  httpVersionMajor: null,
  httpVersionMinor: null,
  httpVersion: null,
  complete: false,
  rawHeaders: emptyList,
  rawTrailers: emptyList,
  joinDuplicateHeaders: false,
  aborted: false,
  upgrade: null,
  url: '',
  method: null,
  statusCode: null,
  statusMessage: null,
  _consuming: false,
  _dumped: false,
  [kHeaders]: null,
  [kHeadersDistinct]: null,
  [kTrailers]: null,
  [kTrailersDistinct]: null,
  [kOnRead]: null,
  [kEndPending]: false,
  [kLazyClosed]: false,
  [kHasState]: false,
});

module.exports = {
  kEndPending,
  kLazyClosed,
  hasState,
  kHasState,
  IncomingMessage,
  readStart(socket) { if (socket && !socket._paused && socket.readable) socket.resume(); },
  readStop(socket) { if (socket) socket.pause(); },
  kOnRead,
  addHeaderLine,
};
