'use strict';

// IncomingMessage: a request seen by a server, or a response seen by a
// client. The body is a Readable fed by the parser.

const { Readable } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kOnRead = Symbol('kOnRead');

// Headers whose duplicates are dropped (the first value wins).
const dropDuplicates = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires',
  'from', 'host', 'if-modified-since', 'if-unmodified-since', 'last-modified',
  'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

// addHeaderLine adds one raw header to a node-style headers object.
function addHeaderLine(field, value, dest) {
  const name = field.toLowerCase();
  const cur = dest[name];
  if (cur === undefined) {
    dest[name] = name === 'set-cookie' ? [value] : value;
    return;
  }
  if (name === 'set-cookie') cur.push(value);
  else if (name === 'cookie') dest[name] = cur + '; ' + value;
  else if (!dropDuplicates.has(name)) dest[name] = cur + ', ' + value;
}

function headersOf(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(raw[i], raw[i + 1], out);
  return out;
}

function distinctOf(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (out[name] === undefined) out[name] = [raw[i + 1]];
    else out[name].push(raw[i + 1]);
  }
  return out;
}

class IncomingMessage extends Readable {
  constructor(socket) {
    super({ autoDestroy: false });
    this._readableState.readingMore = true;
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.joinDuplicateHeaders = false;
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.client = socket;
    this._consuming = false;
    this._dumped = false;
    this[kHeaders] = null;
    this[kHeadersDistinct] = null;
    this[kTrailers] = null;
    this[kTrailersDistinct] = null;
    this[kOnRead] = null;
  }

  get connection() { return this.socket; }
  set connection(v) { this.socket = v; }

  get headers() {
    if (this[kHeaders] === null) this[kHeaders] = headersOf(this.rawHeaders);
    return this[kHeaders];
  }
  set headers(v) { this[kHeaders] = v; }

  get headersDistinct() {
    if (this[kHeadersDistinct] === null) this[kHeadersDistinct] = distinctOf(this.rawHeaders);
    return this[kHeadersDistinct];
  }
  set headersDistinct(v) { this[kHeadersDistinct] = v; }

  get trailers() {
    if (this[kTrailers] === null) this[kTrailers] = headersOf(this.rawTrailers);
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
    // The socket was paused when the body backed up: read on.
    const onRead = this[kOnRead];
    if (onRead !== null) onRead();
  }

  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    // A request destroyed before its body was read tears down the
    // connection, as node does.
    if (this.socket && !this.socket.destroyed && !this.complete && this.socket._httpMessage !== undefined) {
      this.socket.destroy(err);
    }
    cb(err);
  }

  // _dump discards the body so that the connection can go on.
  _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  }

  _addHeaderLines(headers, n) {
    if (headers && headers.length) {
      if (this.complete) this.rawTrailers = headers;
      else this.rawHeaders = headers;
    }
  }

  _addHeaderLine(field, value, dest) { addHeaderLine(field, value, dest); }
}

module.exports = {
  IncomingMessage,
  readStart(socket) { if (socket && !socket._paused && socket.readable) socket.resume(); },
  readStop(socket) { if (socket) socket.pause(); },
  kOnRead,
  addHeaderLine,
};
