'use strict';
// node:http2 compatibility API: Http2ServerRequest and Http2ServerResponse
// behave like http's IncomingMessage and ServerResponse over one stream.

const { Readable, Stream } = require('stream');
const {
  codes: {
    ERR_HTTP2_HEADERS_SENT,
    ERR_HTTP2_INFO_STATUS_NOT_ALLOWED,
    ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED,
    ERR_HTTP2_STATUS_INVALID,
    ERR_HTTP2_INVALID_HEADER_VALUE,
    ERR_STREAM_WRITE_AFTER_END,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const constants = require('internal/http2/constants');

const kStream = Symbol('stream');
const kHeaders = Symbol('headers');
const kRawHeaders = Symbol('rawHeaders');
const kTrailers = Symbol('trailers');
const kRawTrailers = Symbol('rawTrailers');
const kState = Symbol('state');

const kConnectionHeaders = new Set([
  'connection', 'upgrade', 'http2-settings', 'transfer-encoding', 'keep-alive', 'proxy-connection',
]);
const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;

function statusMessage(code) {
  return require('http').STATUS_CODES[code] || '';
}

let statusMessageWarned = false;
function statusMessageWarn() {
  if (!statusMessageWarned) {
    statusMessageWarned = true;
    process.emitWarning('Status message is not supported by HTTP/2 (RFC7540 8.1.2.4)', 'UnsupportedWarning');
  }
}

class Http2ServerRequest extends Readable {
  constructor(stream, headers, options, rawHeaders) {
    super({ autoDestroy: false, ...options });
    this[kStream] = stream;
    this[kHeaders] = headers;
    this[kRawHeaders] = rawHeaders;
    this[kTrailers] = {};
    this[kRawTrailers] = [];
    this[kState] = { closed: false, didRead: false };
    stream.on('trailers', (trailers, flags, raw) => {
      this[kTrailers] = trailers;
      this[kRawTrailers] = raw;
    });
    stream.on('data', (chunk) => {
      if (!this.push(chunk)) stream.pause();
    });
    stream.on('end', () => this.push(null));
    stream.on('aborted', () => {
      this.emit('aborted');
    });
    stream.on('error', (err) => { void err; });
    stream.on('close', () => {
      this[kState].closed = true;
      this.emit('close');
    });
    stream.on('timeout', () => this.emit('timeout'));
    stream.pause();
  }

  get aborted() { return this[kStream].aborted; }
  get complete() {
    return this[kStream].aborted || this.readableEnded || this[kState].closed || this[kStream].destroyed;
  }
  get stream() { return this[kStream]; }
  get headers() { return this[kHeaders]; }
  get rawHeaders() { return this[kRawHeaders]; }
  get trailers() { return this[kTrailers]; }
  get rawTrailers() { return this[kRawTrailers]; }
  get httpVersionMajor() { return 2; }
  get httpVersionMinor() { return 0; }
  get httpVersion() { return '2.0'; }
  get socket() { return this[kStream].session?.socket; }
  get connection() { return this.socket; }
  get method() { return this[kHeaders][constants.HTTP2_HEADER_METHOD]; }
  set method(m) {
    validateString(m, 'method');
    if (m.trim() === '') throw new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)('method', m);
    this[kHeaders][constants.HTTP2_HEADER_METHOD] = m;
  }
  get authority() {
    return this[kHeaders][constants.HTTP2_HEADER_AUTHORITY] || this[kHeaders].host;
  }
  get scheme() { return this[kHeaders][constants.HTTP2_HEADER_SCHEME]; }
  get url() { return this[kHeaders][constants.HTTP2_HEADER_PATH]; }
  set url(u) { this[kHeaders][constants.HTTP2_HEADER_PATH] = u; }

  _read() {
    this[kState].didRead = true;
    this[kStream].resume();
  }

  setTimeout(msecs, callback) {
    if (!this[kState].closed) this[kStream].setTimeout(msecs, callback);
    return this;
  }
}

class Http2ServerResponse extends Stream {
  constructor(stream, headers) {
    super();
    this[kStream] = stream;
    this[kState] = {
      closed: false,
      ending: false,
      headRequest: headers[constants.HTTP2_HEADER_METHOD] === 'HEAD',
      statusCode: 200,
      statusMessage: '',
      sendDate: true,
      trailers: null,
    };
    this[kHeaders] = { __proto__: null };
    this.writable = true;
    this.req = null;
    stream.on('drain', () => this.emit('drain'));
    stream.on('timeout', () => this.emit('timeout'));
    stream.on('aborted', () => {});
    stream.on('close', () => {
      this[kState].closed = true;
      this.writable = false;
      this.emit('finish');
      this.emit('close');
    });
    stream.on('wantTrailers', () => {
      const t = this[kState].trailers;
      if (t && Object.keys(t).length) stream.sendTrailers(t);
      else stream.sendTrailers({});
    });
    stream.on('error', () => {});
  }

  get stream() { return this[kStream]; }
  get socket() {
    if (this[kState].closed || this[kStream].writableFinished) return undefined;
    return this[kStream].session?.socket;
  }
  get connection() { return this.socket; }
  get headersSent() { return this[kStream].headersSent; }
  get _header() { return this.headersSent; }
  get finished() { return this[kState].ending; }
  get writableEnded() { return this[kState].ending; }
  get writableCorked() { return this[kStream].writableCorked; }
  get writableHighWaterMark() { return this[kStream].writableHighWaterMark; }
  get writableLength() { return this[kStream].writableLength; }
  get sendDate() { return this[kState].sendDate; }
  set sendDate(v) { this[kState].sendDate = !!v; }

  get statusCode() { return this[kState].statusCode; }
  set statusCode(code) {
    code |= 0;
    if (code >= 100 && code < 200) throw new ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    if (code < 100 || code > 599) throw new ERR_HTTP2_STATUS_INVALID(code);
    this[kState].statusCode = code;
  }
  get statusMessage() {
    statusMessageWarn();
    return '';
  }
  set statusMessage(m) { statusMessageWarn(); }

  setTrailer(name, value) {
    validateString(name, 'name');
    name = name.trim().toLowerCase();
    if (!tokenRe.test(name)) throw new ERR_INVALID_HTTP_TOKEN('Header name', name);
    if (value === undefined || value === null) throw new ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
    if (!this[kState].trailers) this[kState].trailers = {};
    this[kState].trailers[name] = value;
  }

  addTrailers(headers) {
    for (const k of Object.keys(headers)) this.setTrailer(k, headers[k]);
  }

  getHeader(name) {
    validateString(name, 'name');
    return this[kHeaders][name.trim().toLowerCase()];
  }
  getHeaderNames() { return Object.keys(this[kHeaders]); }
  getHeaders() { return Object.assign({ __proto__: null }, this[kHeaders]); }
  hasHeader(name) {
    validateString(name, 'name');
    return this[kHeaders][name.trim().toLowerCase()] !== undefined;
  }
  removeHeader(name) {
    validateString(name, 'name');
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    name = name.trim().toLowerCase();
    if (name === 'date') this[kState].sendDate = false;
    delete this[kHeaders][name];
  }
  setHeader(name, value) {
    validateString(name, 'name');
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    this.#setHeader(name, value);
    return this;
  }
  appendHeader(name, value) {
    validateString(name, 'name');
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    name = name.trim().toLowerCase();
    const cur = this[kHeaders][name];
    if (cur === undefined) this.#setHeader(name, value);
    else this[kHeaders][name] = [].concat(cur, value);
    return this;
  }
  #appendHeader(name, value) {
    const key = String(name).trim().toLowerCase();
    const cur = this[kHeaders][key];
    if (cur === undefined) this.#setHeader(key, value);
    else this[kHeaders][key] = [].concat(cur, value);
  }

  #setHeader(name, value) {
    name = name.trim().toLowerCase();
    if (name[0] === ':') throw new ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
    if (!tokenRe.test(name)) throw new ERR_INVALID_HTTP_TOKEN('Header name', name);
    if (value === undefined || value === null) throw new ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
    if (kConnectionHeaders.has(name) || (name === 'te' && String(value) !== 'trailers')) {
      process.emitWarning('The provided connection header is not valid, the value will be dropped ' +
                          'from the header and will never be in use.', 'UnsupportedWarning');
      return;
    }
    this[kHeaders][name] = value;
  }

  cork() { this[kStream].cork(); }
  uncork() { this[kStream].uncork(); }

  flushHeaders() {
    if (!this[kState].closed && !this[kStream].headersSent) this.writeHead(this[kState].statusCode);
  }

  writeHead(statusCode, statusMessage, headers) {
    if (typeof statusMessage === 'string') statusMessageWarn();
    else headers = statusMessage;
    if (this[kState].closed || this[kStream].destroyed) return this;
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    if (headers) {
      if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) {
          for (const [k, v] of headers) this.#appendHeader(k, v);
        } else {
          for (let i = 0; i + 1 < headers.length; i += 2) this.#appendHeader(headers[i], headers[i + 1]);
        }
      } else {
        for (const k of Object.keys(headers)) this.#setHeader(k, headers[k]);
      }
    }
    this.statusCode = statusCode;
    this.#respond(this[kState].endAfterHead);
    return this;
  }

  #respond(endStream = false) {
    const stream = this[kStream];
    if (stream.headersSent || stream.destroyed || stream.closed) return;
    const headers = Object.assign({}, this[kHeaders]);
    headers[constants.HTTP2_HEADER_STATUS] = this[kState].statusCode;
    if (this[kState].sendDate && headers.date === undefined) headers.date = new Date().toUTCString();
    const end = endStream || this[kState].headRequest;
    stream.respond(headers, { waitForTrailers: !end, endStream: end, sendDate: false });
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    const stream = this[kStream];
    if (this[kState].ending) {
      const err = new ERR_STREAM_WRITE_AFTER_END();
      process.nextTick(() => { if (cb) cb(err); });
      this.destroy(err);
      return false;
    }
    if (this[kState].closed) {
      const err = new (require('internal/errors').codes.ERR_HTTP2_INVALID_STREAM)();
      if (typeof cb === 'function') process.nextTick(cb, err);
      return false;
    }
    if (this[kState].destroyed || stream.destroyed) return false;
    if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('first argument', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (!stream.headersSent) this.writeHead(this[kState].statusCode);
    if (this[kState].headRequest) {
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    }
    return stream.write(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    const stream = this[kStream];
    if (this[kState].closed || this[kState].ending) {
      if (typeof cb === 'function') {
        if (this[kState].closed) process.nextTick(cb);
        else this.once('finish', cb);
      }
      return this;
    }
    if (this[kState].ending) return this;
    const req = this.req;
    if (req && !req[kState].didRead && req.readableFlowing === null) req.resume();
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    else if (!stream.headersSent && !this[kState].trailers) this[kState].endAfterHead = true;
    this[kState].ending = true;
    if (typeof cb === 'function') {
      if (this[kState].closed) process.nextTick(cb);
      else this.once('finish', cb);
    }
    if (!stream.headersSent) this.writeHead(this[kState].statusCode);
    if (this[kState].headRequest) {
      if (!stream.writableEnded) stream.end();
      return this;
    }
    stream.end();
    return this;
  }

  destroy(err) {
    if (this[kState].closed) return;
    this[kState].destroyed = true;
    this[kStream].destroy(err);
  }

  get writableFinished() { return this[kState].closed; }

  setTimeout(msecs, callback) {
    if (!this[kState].closed) this[kStream].setTimeout(msecs, callback);
    return this;
  }

  createPushResponse(headers, callback) {
    require('internal/validators').validateFunction(callback, 'callback');
    if (this[kState].closed) {
      const { codes } = require('internal/errors');
      process.nextTick(callback, new codes.ERR_HTTP2_INVALID_STREAM());
      return;
    }
    const Res = this.constructor;
    this[kStream].pushStream(headers, {}, (err, stream, pushHeaders) => {
      if (err) {
        callback(err);
        return;
      }
      callback(null, new Res(stream, pushHeaders));
    });
  }

  writeContinue() {
    if (this[kStream].headersSent || this[kState].closed) return false;
    this[kStream].additionalHeaders({ [constants.HTTP2_HEADER_STATUS]: 100 });
    return true;
  }

  writeEarlyHints(hints) {
    require('internal/validators').validateObject(hints, 'hints');
    const link = linkHeaderValue(hints.link);
    const headers = { [constants.HTTP2_HEADER_STATUS]: 103 };
    for (const k of Object.keys(hints)) {
      if (k !== 'link') headers[k.toLowerCase()] = hints[k];
    }
    if (link.length === 0) return false;
    headers.link = link;
    if (this[kStream].headersSent || this[kState].closed) return false;
    this[kStream].additionalHeaders(headers);
    return true;
  }
}

// One Link value: <uri-reference> followed by ; parameters.
const linkRe = /^<[^>]*>(?:\s*;\s*[^;"\s=]+(?:=(?:"[^"]*"|[^;"\s]*))?)*$/;

// linkHeaderValue checks the link hint of writeEarlyHints (a string or an
// array of strings) and returns the header value.
function linkHeaderValue(value) {
  const bad = () => new (require('internal/errors').codes.ERR_INVALID_ARG_VALUE)(
    'hints', value, 'must be an array or string of format "</styles.css>; rel=preload; as=style"');
  if (typeof value === 'string') {
    if (!linkRe.test(value.trim())) throw bad();
    return value;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      if (typeof v !== 'string' || !linkRe.test(v.trim())) throw bad();
    }
    return value.join(', ');
  }
  throw bad();
}

function onServerStream(server, stream, headers, flags, rawHeaders) {
  const opts = server[require('internal/http2/core').kOptions] || {};
  const Req = opts.Http2ServerRequest || Http2ServerRequest;
  const Res = opts.Http2ServerResponse || Http2ServerResponse;
  const request = new Req(stream, headers, undefined, rawHeaders);
  const response = new Res(stream, headers);
  response.req = request;
  request.on('error', () => {});
  if (headers[constants.HTTP2_HEADER_METHOD] === 'CONNECT') {
    // CONNECT goes to 'connect' listeners; without one it is refused.
    if (!server.emit('connect', request, response)) {
      response.statusCode = 405;
      response.end();
    }
    return;
  }
  if (headers.expect !== undefined) {
    if (headers.expect === '100-continue') {
      if (server.listenerCount('checkContinue')) {
        server.emit('checkContinue', request, response);
        return;
      }
      response.writeContinue();
    } else if (server.listenerCount('checkExpectation')) {
      server.emit('checkExpectation', request, response);
      return;
    } else {
      response.statusCode = 417;
      response.end();
      return;
    }
  }
  server.emit('request', request, response);
}

module.exports = {
  Http2ServerRequest,
  Http2ServerResponse,
  onServerStream,
  statusMessage,
};
