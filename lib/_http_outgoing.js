'use strict';

// OutgoingMessage: the shared half of ServerResponse and ClientRequest.
// Headers are kept by lower-cased name; the head is built as one string
// and sent with the first body bytes in one socket write when possible.

const { Stream } = require('stream');
const EEemit = require('events').prototype.emit;
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID,
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_CHAR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_STREAM_ALREADY_FINISHED,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { checkIsHttpToken, checkInvalidHeaderChar, chunkExpression } = require('_http_common');

const { kOutHeaders, kNeedDrain, utcDate } = require('internal/http');
const kFastWrite = Symbol('kFastWrite');
const kFinishHook = Symbol('kFinishHook');
// Set as the message's data has been handed to the connection ('finish'):
// the fast paths write at once where node's corked socket holds the data
// until the next tick, so the socket's queue alone cannot tell.
const kFlushed = Symbol('kFlushed');
// kReadRefreshed is true on a server connection while the server handles
// what it read: the read has just refreshed the socket's timer.
const kReadRefreshed = Symbol('kReadRefreshed');
const kNoDefaultHeaders = Symbol('kNoDefaultHeaders');
let tcp;
const kCorked = Symbol('corked');
const kErrored = Symbol('errored');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');
const kUniqueHeaders = Symbol('kUniqueHeaders');

const CRLF = '\r\n';

// ---- validation -----------------------------------------------------------------

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label, name);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  if (checkInvalidHeaderChar(String(value))) throw new ERR_INVALID_CHAR('header content', name);
}

// Names that passed validateHeaderName, with their lower-cased form: a
// program sets the same few names on every response. The cache is
// bounded.
const headerKeys = new Map();
const kMaxHeaderKeys = 1000;

// headerKey validates a header name and returns it lower-cased.
function headerKey(name) {
  if (typeof name === 'string') {
    const key = headerKeys.get(name);
    if (key !== undefined) return key;
  }
  validateHeaderName(name);
  const key = name.toLowerCase();
  if (headerKeys.size < kMaxHeaderKeys) headerKeys.set(name, key);
  return key;
}

// Short string values that passed validateHeaderValue (a program sends
// the same Content-Type and the like on every response); bounded.
const headerValues = new Set();
const kMaxHeaderValues = 1000;

function checkValue(name, value) {
  if (typeof value === 'string') {
    if (headerValues.has(value)) return;
    validateHeaderValue(name, value);
    if (value.length <= 64 && headerValues.size < kMaxHeaderValues) headerValues.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) validateHeaderValue(name, value[i]);
  } else {
    validateHeaderValue(name, value);
  }
}

function byteLength(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
}

// ---- OutgoingMessage ------------------------------------------------------------

class OutgoingMessage extends Stream {
  constructor(options) {
    super();
    this.outputData = [];
    if (options) {
      if (options.highWaterMark) this[kHighWaterMark] = options.highWaterMark;
      if (options.rejectNonStandardBodyWrites) this[kRejectNonStandardBodyWrites] = true;
    }
  }

  get connection() { return this.socket; }
  set connection(v) { this.socket = v; }

  get writableFinished() {
    return this.finished && this.outputSize === 0 &&
      (!this.socket || (this.socket.writableLength === 0 && this[kFlushed] === true));
  }
  get writableObjectMode() { return false; }
  get writableLength() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); }
  get writableHighWaterMark() { return this.socket ? this.socket.writableHighWaterMark : this[kHighWaterMark]; }
  get writableCorked() { return this[kCorked]; }
  get writableEnded() { return this.finished; }
  get writableNeedDrain() { return !this.destroyed && !this.finished && this[kNeedDrain]; }
  get errored() { return this[kErrored]; }
  get closed() { return this._closed; }
  get headersSent() { return !!this._header; }

  cork() {
    this[kCorked]++;
    if (this.socket) this.socket.cork();
  }

  uncork() {
    if (this[kCorked]) this[kCorked]--;
    if (this.socket) this.socket.uncork();
  }

  setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    if (!this.socket) {
      this.once('socket', (socket) => socket.setTimeout(msecs));
    } else {
      this.socket.setTimeout(msecs);
    }
    return this;
  }

  // A rejected async listener (events.captureRejections) destroys the
  // message with its error, as node's does.
  [Symbol.for('nodejs.rejection')](err, event) {
    this.destroy(err);
  }

  destroy(error) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this[kErrored] = error || null;
    if (this.socket) this.socket.destroy(error);
    else this.once('socket', (socket) => socket.destroy(error));
    return this;
  }

  // ---- headers ----

  setHeader(name, value) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
    const key = headerKey(name);
    checkValue(name, value);
    let headers = this[kOutHeaders];
    if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
    headers[key] = [name, value];
    return this;
  }

  setHeaders(headers) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
    if (!headers || Array.isArray(headers) || typeof headers.keys !== 'function' || typeof headers.get !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
    }
    const cookies = [];
    for (const [key, value] of headers) {
      if (key === 'set-cookie') {
        if (Array.isArray(value)) cookies.push(...value);
        else cookies.push(value);
        continue;
      }
      this.setHeader(key, value);
    }
    if (cookies.length) this.setHeader('set-cookie', cookies);
    return this;
  }

  appendHeader(name, value) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
    validateHeaderName(name);
    checkValue(name, value);
    const field = name.toLowerCase();
    let headers = this[kOutHeaders];
    if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
    const cur = headers[field];
    if (cur === undefined) {
      headers[field] = [name, value];
      return this;
    }
    const a = Array.isArray(cur[1]) ? cur[1] : [cur[1]];
    headers[field] = [cur[0], a.concat(value)];
    return this;
  }

  getHeader(name) {
    validateString(name, 'name');
    const headers = this[kOutHeaders];
    if (headers === null) return undefined;
    const e = headers[name.toLowerCase()];
    return e && e[1];
  }

  getHeaderNames() {
    return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
  }

  getRawHeaderNames() {
    const headers = this[kOutHeaders];
    if (headers === null) return [];
    return Object.values(headers).map((e) => e[0]);
  }

  getHeaders() {
    const headers = this[kOutHeaders];
    const ret = { __proto__: null };
    if (headers) {
      for (const key of Object.keys(headers)) ret[key] = headers[key][1];
    }
    return ret;
  }

  hasHeader(name) {
    validateString(name, 'name');
    return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
  }

  removeHeader(name) {
    validateString(name, 'name');
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
    const key = name.toLowerCase();
    switch (key) {
      case 'connection': this._removedConnection = true; break;
      case 'content-length': this._removedContLen = true; break;
      case 'transfer-encoding': this._removedTE = true; break;
      case 'date': this.sendDate = false; break;
    }
    if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
  }

  _renderHeaders() {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
    const headers = {};
    const h = this[kOutHeaders];
    if (h !== null) for (const key of Object.keys(h)) headers[h[key][0]] = h[key][1];
    return headers;
  }

  // _storeHeader builds the head string: firstLine, the given headers
  // (our own header map, a raw [name, value...] array or an object), then
  // Date, Connection, and the framing header node would add.
  _storeHeader(firstLine, headers) {
    const state = {
      connection: false,
      contLen: false,
      te: false,
      date: false,
      expect: false,
      trailer: false,
      header: firstLine,
    };
    if (headers) {
      if (headers === this[kOutHeaders]) {
        for (const key in headers) {
          const entry = headers[key];
          processHeader(this, state, entry[0], entry[1], false);
        }
      } else if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) {
          for (let i = 0; i < headers.length; i++) processHeader(this, state, headers[i][0], headers[i][1], true);
        } else {
          if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
          for (let i = 0; i < headers.length; i += 2) processHeader(this, state, headers[i], headers[i + 1], true);
        }
      } else {
        for (const key in headers) {
          if (Object.prototype.hasOwnProperty.call(headers, key)) processHeader(this, state, key, headers[key], true);
        }
      }
    }

    let header = state.header;
    if (this.sendDate && !state.date) header += 'Date: ' + utcDate() + CRLF;

    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
      this.chunkedEncoding = false;
      this.shouldKeepAlive = false;
    }

    if (this[kNoDefaultHeaders]) {
      // setDefaultHeaders: false: the caller wrote every header.
    } else if (this._removedConnection) {
      // No Connection header at all: the connection persists only if it
      // would have been kept alive anyway.
      this._last = !this.shouldKeepAlive;
    } else if (!state.connection) {
      const shouldSendKeepAlive = this.shouldKeepAlive &&
        (state.contLen || this.useChunkedEncodingByDefault || this.agent);
      if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
        header += 'Connection: close\r\n';
      } else if (shouldSendKeepAlive) {
        header += 'Connection: keep-alive\r\n';
        if (this._keepAliveTimeout && this._defaultKeepAlive) {
          const max = this._maxRequestsPerSocket > 0 ? `, max=${this._maxRequestsPerSocket}` : '';
          header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}${max}\r\n`;
        }
      } else {
        this._last = true;
        header += 'Connection: close\r\n';
      }
    }

    if (!state.contLen && !state.te && !this[kNoDefaultHeaders]) {
      if (!this._hasBody) {
        this.chunkedEncoding = false;
      } else if (!this.useChunkedEncodingByDefault) {
        this._last = true;
      } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
        header += 'Content-Length: ' + this._contentLength + CRLF;
      } else if (!this._removedTE) {
        header += 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        this._last = true;
      }
    }

    if (this.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();

    this._header = header + CRLF;
    this._headerSent = false;
    if (state.expect) this._send('');
  }

  // ---- body ----

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    const ret = writeChunk(this, chunk, encoding, callback, false);
    if (!ret) this[kNeedDrain] = true;
    return ret;
  }

  _send(data, encoding, callback, byteLen) {
    if (!this._headerSent && this._header !== null) {
      if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
        data = this._header + data;
      } else {
        const header = this._header;
        this.outputData.unshift({ data: header, encoding: 'latin1', callback: null });
        this.outputSize += header.length;
        this._onPendingData(header.length);
      }
      this._headerSent = true;
    }
    return this._writeRaw(data, encoding, callback, byteLen);
  }

  _writeRaw(data, encoding, callback) {
    const conn = this.socket;
    if (conn && conn.destroyed) return false;
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }
    if (conn && conn._httpMessage === this && conn.writable) {
      if (this.outputData.length) this._flushOutput(conn);
      if (conn[kFastWrite] === true && typeof data === 'string' &&
          (encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8') &&
          conn._handle && conn.writableLength === 0 && !conn.writableCorked && fastWrite(conn, data, callback)) {
        return true;
      }
      return conn.write(data, encoding, callback);
    }
    this.outputData.push({ data, encoding, callback });
    this.outputSize += data.length;
    this._onPendingData(data.length);
    return this.outputSize < this[kHighWaterMark];
  }

  addTrailers(headers) {
    this._trailer = '';
    const keys = Array.isArray(headers) ? null : Object.keys(headers);
    const n = keys ? keys.length : headers.length;
    for (let i = 0; i < n; i++) {
      let field, value;
      if (keys) {
        field = keys[i];
        value = headers[field];
      } else {
        field = headers[i][0];
        value = headers[i][1];
      }
      validateHeaderName(field, 'Trailer name');
      if (Array.isArray(value) && value.length > 1) {
        for (const v of value) {
          if (checkInvalidHeaderChar(String(v))) throw new ERR_INVALID_CHAR('trailer content', field);
          this._trailer += field + ': ' + v + CRLF;
        }
      } else {
        if (Array.isArray(value)) value = value[0];
        if (checkInvalidHeaderChar(String(value))) throw new ERR_INVALID_CHAR('trailer content', field);
        this._trailer += field + ': ' + value + CRLF;
      }
    }
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = null;
    }

    if (chunk) {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
      }
      if (this.finished) {
        onError(this, new ERR_STREAM_WRITE_AFTER_END(), typeof callback !== 'function' ? nop : callback);
        return this;
      }
      if (typeof callback === 'function') this.once('finish', callback);
      const finish = onFinish.bind(undefined, this);
      if (!this._header) {
        // The only write: the body length is known, no chunking needed.
        this._contentLength = byteLength(chunk, encoding);
        this._implicitHeader();
      }
      if (!this._hasBody) {
        writeChunk(this, chunk, encoding, null, true);
        if (this._headerSent) process.nextTick(finish);
        else this._send('', 'utf8', finish);
      } else if (this.chunkedEncoding) {
        const socket = this.socket;
        if (socket) socket.cork();
        writeChunk(this, chunk, encoding, null, true);
        this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
        if (socket) socket.uncork();
      } else {
        // As node: the body, then an empty write whose callback finishes
        // the message (a plain Writable standing in for the socket sees
        // both).
        writeChunk(this, chunk, encoding, null, true);
        this._send('', 'utf8', finish);
      }
    } else if (this.finished) {
      if (typeof callback === 'function') {
        if (!this.writableFinished) this.on('finish', callback);
        else callback(new ERR_STREAM_ALREADY_FINISHED('end'));
      }
      return this;
    } else {
      if (!this._header) {
        this._contentLength = 0;
        this._implicitHeader();
      }
      if (typeof callback === 'function') this.once('finish', callback);
      const finish = onFinish.bind(undefined, this);
      if (this._hasBody && this.chunkedEncoding) {
        this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
      } else if (!this._headerSent || this.writableLength) {
        this._send('', 'utf8', finish);
      } else {
        process.nextTick(finish);
      }
    }

    if (this.strictContentLength && this[kOutHeaders] && this._hasBody) {
      const cl = this.getHeader('content-length');
      if (cl !== undefined && Number(cl) !== (this._bytesWritten || 0)) {
        throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this._bytesWritten || 0, Number(cl));
      }
    }

    // end() releases every cork() the message still holds.
    if (this[kCorked] > 0) {
      const socket = this.socket;
      while (this[kCorked] > 0) {
        this[kCorked]--;
        if (socket && socket.writableCorked) socket.uncork();
      }
    }

    this.finished = true;
    if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) {
      this._finish();
    }
    return this;
  }

  _finish() {
    // An event nobody listens for is not emitted (unless emit is
    // replaced, and so observable).
    const ev = this._events;
    if (ev === undefined || ev.prefinish !== undefined || this.emit !== EEemit) this.emit('prefinish');
  }

  // _flush sends what was buffered before a socket was assigned.
  _flush() {
    const socket = this.socket;
    if (socket && socket.writable) {
      const ret = this._flushOutput(socket);
      if (this.finished) this._finish();
      else if (ret && this[kNeedDrain]) {
        this[kNeedDrain] = false;
        this.emit('drain');
      }
    }
  }

  _flushOutput(socket) {
    const data = this.outputData;
    if (data.length === 0) return undefined;
    this.outputData = [];
    this.outputSize = 0;
    if (this[kCorked] === 0) socket.cork();
    let ret;
    for (let i = 0; i < data.length; i++) {
      ret = socket.write(data[i].data, data[i].encoding, data[i].callback || undefined);
    }
    if (this[kCorked] === 0) socket.uncork();
    this._onPendingData(-this.outputSize);
    return ret;
  }

  flushHeaders() {
    if (!this._header) this._implicitHeader();
    this._send('');
  }

  pipe() {
    this.emit('error', new ERR_STREAM_CANNOT_PIPE());
  }

  _implicitHeader() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
  }
}

function nop() {}

// fastWrite writes a string straight to a connection's native handle when
// nothing is queued in the socket's Writable (connections of our own
// server only): the Writable machinery is the costliest part of a small
// response. Order is kept: the native side queues writes per handle. It
// returns false if the write must go through socket.write instead.
// sendWhole writes a complete response (head and body in one string) for
// a message whose socket takes fast writes, then finishes the message as
// end() does. It is the server's path for res.end(string) with nothing
// written before (see ServerResponse.end).
function sendWhole(msg, conn, data) {
  msg._headerSent = true;
  if (tcp === undefined) tcp = internalBinding('tcp');
  const r = tcp.write(conn._handle.id, data, afterWholeWrite, msg);
  if (r >= 0) {
    // A response written while its request's read is being handled
    // needs no second refresh of the socket's timer.
    if (conn[kReadRefreshed] !== true) conn._unrefTimerRefresh();
    if (r === 0) process.nextTick(onFinish, msg);
  } else {
    conn.write(data, undefined, onFinish.bind(undefined, msg));
  }
  msg.finished = true;
  msg._finish();
}

// afterWholeWrite completes a queued sendWhole write.
function afterWholeWrite(status, msg) {
  if (status < 0) {
    if (msg.socket) msg.socket.destroy();
    return;
  }
  onFinish(msg);
}

// afterFastWrite completes a queued fastWrite; req is the socket, or
// [socket, callback].
function afterFastWrite(status, req) {
  const conn = Array.isArray(req) ? req[0] : req;
  if (status < 0) {
    conn.destroy();
    return;
  }
  if (req !== conn && typeof req[1] === 'function') req[1]();
}

function fastWrite(conn, data, callback) {
  if (tcp === undefined) tcp = internalBinding('tcp');
  const r = tcp.write(conn._handle.id, data, afterFastWrite, callback === undefined || callback === null ? conn : [conn, callback]);
  if (r < 0) return false;
  if (conn[kReadRefreshed] !== true) conn._unrefTimerRefresh();
  if (r === 0 && typeof callback === 'function') process.nextTick(callback);
  return true;
}

// Per-message defaults live on the prototype: a message on the request
// path then sets only what differs.
Object.assign(OutgoingMessage.prototype, {
  outputSize: 0,
  writable: true,
  destroyed: false,
  _last: false,
  chunkedEncoding: false,
  shouldKeepAlive: true,
  maxRequestsOnConnectionReached: false,
  _defaultKeepAlive: true,
  useChunkedEncodingByDefault: true,
  sendDate: false,
  _removedConnection: false,
  _removedContLen: false,
  _removedTE: false,
  strictContentLength: false,
  _contentLength: null,
  _hasBody: true,
  _trailer: '',
  finished: false,
  _headerSent: false,
  _closed: false,
  socket: null,
  _header: null,
  [kOutHeaders]: null,
  _keepAliveTimeout: 0,
  _maxRequestsPerSocket: 0,
  _onPendingData: nop,
  [kCorked]: 0,
  [kNeedDrain]: false,
  [kErrored]: null,
  [kHighWaterMark]: 16384,
  [kRejectNonStandardBodyWrites]: false,
  [kUniqueHeaders]: null,
  [kFinishHook]: null,
  [kNoDefaultHeaders]: false,
});

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if (value.length < 2 || !isCookieField(key)) {
      for (let i = 0; i < value.length; i++) storeHeader(self, state, key, value[i], validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + CRLF;
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  switch (field.toLowerCase()) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (/(?:^|\W)close(?:$|\W)/i.test(value)) self._last = true;
      else self.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (chunkExpression.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = Number(value);
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field.toLowerCase()] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

function onError(msg, err, callback) {
  if (msg.socket && msg.socket._hadError) return;
  process.nextTick(() => {
    emitErrorNt(msg, err, callback);
  });
}

function emitErrorNt(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

function writeChunk(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) throw new ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
  let err;
  if (msg.finished) err = new ERR_STREAM_WRITE_AFTER_END();
  else if (msg.destroyed) err = new ERR_STREAM_DESTROYED('write');
  if (err) {
    if (!msg.destroyed) onError(msg, err, callback);
    else process.nextTick(callback, err);
    return false;
  }

  let len;
  if (msg.strictContentLength) {
    len = byteLength(chunk, encoding);
    const total = (msg._bytesWritten || 0) + len;
    // A declared Content-Length is checked before anything is sent.
    const cl = msg[kOutHeaders] ? msg.getHeader('content-length') : undefined;
    if (cl !== undefined && msg._hasBody) {
      const want = Number(cl);
      if (total > want || (fromEnd && total !== want)) {
        throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(total, want);
      }
    }
    msg._bytesWritten = total;
  }

  if (!msg._header) {
    if (fromEnd) {
      if (len === undefined) len = byteLength(chunk, encoding);
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) throw new ERR_HTTP_BODY_NOT_ALLOWED();
    process.nextTick(callback);
    return true;
  }

  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(uncorkSocket, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    if (len === undefined) len = byteLength(chunk, encoding);
    if (typeof chunk === 'string' && (!encoding || encoding === 'utf8' || encoding === 'utf-8' || encoding === 'latin1')) {
      ret = msg._send(len.toString(16) + CRLF + chunk + CRLF, encoding || 'utf8', callback);
    } else {
      // (The framing is ASCII: as 'utf8' it goes to the socket as the
      // string it is, where 'latin1' would be converted to a Buffer.)
      msg._send(len.toString(16) + CRLF, 'utf8', null);
      msg._send(chunk, encoding, null);
      ret = msg._send(CRLF, 'utf8', callback);
    }
  } else {
    ret = msg._send(chunk, encoding, callback);
  }
  return ret;
}

function uncorkSocket(socket) {
  if (socket.writableCorked) socket.uncork();
}

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  outmsg[kFlushed] = true;
  // The server's own bookkeeping runs first, as a listener added before
  // the user's would, without an event listener per message. It may
  // return a step to run once 'finish' is emitted: one it would have
  // queued as the next tick (the queue being empty), run without the
  // tick, or queued if a 'finish' listener throws.
  const hook = outmsg[kFinishHook];
  const after = hook !== null ? hook(outmsg) : undefined;
  const ev = outmsg._events;
  if (after === undefined) {
    if (ev === undefined || ev.finish !== undefined || outmsg.emit !== EEemit) outmsg.emit('finish');
    return;
  }
  if (ev === undefined || ev.finish !== undefined || outmsg.emit !== EEemit) {
    try {
      outmsg.emit('finish');
    } catch (err) {
      process.nextTick(after, outmsg);
      throw err;
    }
  }
  after(outmsg);
}

module.exports = {
  sendWhole,
  kCorked,
  kNoDefaultHeaders,
  kFastWrite,
  kReadRefreshed,
  kFinishHook,
  OutgoingMessage,
  validateHeaderName,
  validateHeaderValue,
  kOutHeaders,
  kUniqueHeaders,
  kHighWaterMark,
  kRejectNonStandardBodyWrites,
  utcDate,
};
