'use strict';

// http.ClientRequest: builds the request head, gets a socket from the
// agent (or net directly), parses the response with the Go parser.

const net = require('net');
const { Buffer } = require('buffer');
const {
  HTTPParser,
  parseError,
  checkIsHttpToken,
  kEvHead,
  kEvBody,
  kEvComplete,
  kEvError,
  kEvPaused,
  callable,
} = require('_http_common');
const { OutgoingMessage, kOutHeaders, kNoDefaultHeaders } = require('_http_outgoing');
const { IncomingMessage, kOnRead } = require('_http_incoming');
const Agent = require('_http_agent');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_PROTOCOL,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('internal/errors');
const { validateInteger, validateBoolean, validateFunction } = require('internal/validators');
const { URL, urlToHttpOptions, isURL } = require('internal/url');

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');
const kParser = Symbol('kParser');
const kClientState = Symbol('kClientState');

function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

function isURLLike(v) {
  return v instanceof URL || (v && typeof v === 'object' && typeof v.href === 'string' && typeof v.protocol === 'string' && typeof v.origin === 'string' && v.searchParams !== undefined);
}

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    if (typeof input === 'string') {
      const urlStr = input;
      input = urlToHttpOptions(new URL(urlStr));
    } else if (isURLLike(input)) {
      input = urlToHttpOptions(input);
    } else {
      cb = options;
      options = input;
      input = null;
    }
    if (typeof options === 'function') {
      cb = options;
      options = input || {};
    } else {
      options = Object.assign(input || {}, options);
    }

    let agent = options.agent;
    const defaultAgent = options._defaultAgent || Agent.globalAgent;
    if (agent === false) {
      agent = new defaultAgent.constructor();
    } else if (agent === null || agent === undefined) {
      if (typeof options.createConnection !== 'function') agent = defaultAgent;
      options._defaultAgent = defaultAgent;
    } else if (typeof agent.addRequest !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
    }
    this.agent = agent;

    const protocol = options.protocol || defaultAgent.protocol;
    let expectedProtocol = defaultAgent.protocol;
    if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;

    if (options.path) {
      const path = String(options.path);
      if (INVALID_PATH_REGEX.test(path)) throw new ERR_UNESCAPED_CHARACTERS('Request path');
    }
    if (protocol !== expectedProtocol) throw new ERR_INVALID_PROTOCOL(protocol, expectedProtocol);

    const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);
    const optsPort = options.port;
    const port = options.port = optsPort || defaultPort || 80;
    const host = options.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';
    const setDefaultHeaders = options.setDefaultHeaders === undefined || Boolean(options.setDefaultHeaders);
    if (!setDefaultHeaders) this[kNoDefaultHeaders] = true;
    const setHost = options.setHost !== undefined ? Boolean(options.setHost) : setDefaultHeaders;

    this.socketPath = options.socketPath;
    if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');

    const signal = options.signal;
    if (signal) addAbortSignal(signal, this);

    let method = options.method;
    const methodIsString = typeof method === 'string';
    if (method !== null && method !== undefined && !methodIsString) {
      throw new ERR_INVALID_ARG_TYPE('options.method', 'string', method);
    }
    if (methodIsString && method) {
      if (!checkIsHttpToken(method)) throw new ERR_INVALID_HTTP_TOKEN('Method', method);
      method = this.method = method.toUpperCase();
    } else {
      method = this.method = 'GET';
    }

    const maxHeaderSize = options.maxHeaderSize;
    if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
    this.maxHeaderSize = maxHeaderSize;
    const insecureHTTPParser = options.insecureHTTPParser;
    if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
    this.insecureHTTPParser = insecureHTTPParser;
    if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
    this.joinDuplicateHeaders = options.joinDuplicateHeaders;

    this.path = options.path || '/';
    if (cb) this.once('response', cb);

    if (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'OPTIONS' ||
        method === 'TRACE' || method === 'CONNECT') {
      this.useChunkedEncodingByDefault = false;
    } else {
      this.useChunkedEncodingByDefault = true;
    }

    this._ended = false;
    this.res = null;
    this.aborted = false;
    this.timeoutCb = null;
    this.upgradeOrConnect = false;
    this.parser = null;
    this.maxHeadersCount = null;
    this.reusedSocket = false;
    this.host = host;
    this.protocol = protocol;
    this[kError] = null;

    if (this.agent) {
      if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
        this._last = true;
        this.shouldKeepAlive = false;
      } else {
        this._last = false;
        this.shouldKeepAlive = true;
      }
    }

    const headersArray = Array.isArray(options.headers);
    if (!headersArray) {
      if (options.headers) {
        for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
      }
      if (host && !this.getHeader('host') && setHost) {
        let hostHeader = host;
        const posColon = hostHeader.indexOf(':');
        if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) {
          hostHeader = `[${hostHeader}]`;
        }
        if (port && +port !== defaultPort) hostHeader += ':' + port;
        this.setHeader('Host', hostHeader);
      }
      if (options.auth && !this.getHeader('Authorization')) {
        this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
      }
      if (this.getHeader('expect')) {
        if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
        this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
      }
    } else {
      this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers);
    }

    const optsWithoutSignal = { __proto__: null, ...options };
    delete optsWithoutSignal.signal;
    if (this.agent) {
      this.agent.addRequest(this, optsWithoutSignal);
    } else {
      this._last = true;
      this.shouldKeepAlive = false;
      let opts = optsWithoutSignal;
      if (opts.path || opts.socketPath) {
        opts = { ...optsWithoutSignal };
        if (opts.socketPath) opts.path = opts.socketPath;
        else delete opts.path;
      }
      if (typeof opts.createConnection === 'function') {
        let called = false;
        const oncreate = (err, socket) => {
          if (called) return;
          called = true;
          if (err) process.nextTick(() => this.emit('error', err));
          else this.onSocket(socket);
        };
        try {
          const s = opts.createConnection(opts, oncreate);
          if (s) oncreate(null, s);
        } catch (err) {
          oncreate(err);
        }
      } else {
        this.onSocket(net.createConnection(opts));
      }
    }
    if (dc().requestCreated.hasSubscribers) dc().requestCreated.publish({ request: this });
  }

  get path() { return this._path; }
  set path(v) { this._path = v; }

  _finish() {
    if (dc().requestStart.hasSubscribers) dc().requestStart.publish({ request: this });
    super._finish();
  }

  _implicitHeader() {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(emitAbortNT, this);
    this.destroy();
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.res) this.res._dump();
    this[kError] = err;
    if (this.socket) {
      this.socket.destroy(err);
    } else if (err !== undefined || !this._closed) {
      // No socket yet: report now; the socket, when it comes, is dropped.
      process.nextTick(() => {
        if (err) emitErrorEvent(this, err);
        else if (!this.aborted) emitErrorEvent(this, connResetException('socket hang up'));
        this._closed = true;
        this.emit('close');
      });
    }
    return this;
  }

  onSocket(socket, err) {
    process.nextTick(onSocketNT, this, socket, err);
  }

  setTimeout(msecs, callback) {
    if (this._ended) return this;
    msecs = getTimerDuration(msecs, 'msecs');
    if (callback) this.once('timeout', callback);
    if (this.socket) setSocketTimeout(this, this.socket, msecs);
    else this.once('socket', (sock) => setSocketTimeout(this, sock, msecs));
    return this;
  }

  setNoDelay(noDelay) {
    if (this.socket) this.socket.setNoDelay(noDelay);
    else this.once('socket', (s) => s.setNoDelay(noDelay));
  }

  setSocketKeepAlive(enable, delay) {
    if (this.socket) this.socket.setKeepAlive(enable, delay);
    else this.once('socket', (s) => s.setKeepAlive(enable, delay));
  }

  clearTimeout(cb) { this.setTimeout(0, cb); }
}

function getTimerDuration(msecs, name) {
  if (typeof msecs !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', msecs);
  validateInteger(Math.floor(msecs), name, 0);
  return msecs;
}

function addAbortSignal(signal, req) {
  const onAbort = () => req.destroy(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
  if (signal.aborted) process.nextTick(onAbort);
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

function setSocketTimeout(req, sock, msecs) {
  if (req.timeoutCb) sock.removeListener('timeout', req.timeoutCb);
  req.timeoutCb = () => req.emit('timeout');
  if (msecs === 0) {
    sock.setTimeout(0);
    return;
  }
  sock.setTimeout(msecs);
  sock.once('timeout', req.timeoutCb);
}

function emitAbortNT(req) {
  req.emit('abort');
}

// The diagnostics channels the client publishes on, made on first use.
let channels;
function dc() {
  if (channels === undefined) {
    const diagnostics = require('diagnostics_channel');
    channels = {
      requestCreated: diagnostics.channel('http.client.request.created'),
      requestStart: diagnostics.channel('http.client.request.start'),
      requestError: diagnostics.channel('http.client.request.error'),
      responseFinish: diagnostics.channel('http.client.response.finish'),
    };
  }
  return channels;
}

function emitErrorEvent(req, err) {
  if (req.listenerCount('error') === 0 && req[kError] === err && req.destroyed && err === undefined) return;
  if (dc().requestError.hasSubscribers) dc().requestError.publish({ request: req, error: err });
  req.emit('error', err);
}

function onSocketNT(req, socket, err) {
  if (req.destroyed || err) {
    req.destroyed = true;
    if (!err && req.agent && !socket.destroyed) {
      // Give the unused socket back.
      socket.emit('free');
    } else if (socket) {
      if (!err && !socket.destroyed) socket.destroy();
    }
    if (err) {
      req.socket = socket || null;
      emitErrorEvent(req, err);
    }
    if (!req._closed) {
      req._closed = true;
      req.emit('close');
    }
    return;
  }
  tickOnSocket(req, socket);
}

function tickOnSocket(req, socket) {
  const parser = new HTTPParser(HTTPParser.RESPONSE, req.maxHeaderSize, req.insecureHTTPParser);
  if (req.method === 'HEAD') parser.setFlags(HTTPParser.kHeadResponse);
  else if (req.method === 'CONNECT') parser.setFlags(HTTPParser.kConnectResponse);
  req.socket = socket;
  req.parser = parser;
  const state = { req, parser, res: null, pausedByBody: false };
  socket[kClientState] = state;
  socket._httpMessage = req;
  if (req.timeout !== undefined && req.timeout !== (req.agent && req.agent.options.timeout)) {
    setSocketTimeout(req, socket, req.timeout);
  }
  socket.on('error', socketErrorListener);
  socket.on('data', socketOnData);
  socket.on('end', socketOnEnd);
  socket.on('close', socketCloseListener);
  socket.on('drain', ondrain);
  req.emit('socket', socket);
  req._flush();
}

function ondrain() {
  const msg = this._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain !== false) {
    msg.emit('drain');
  }
}

function socketErrorListener(err) {
  const state = this[kClientState];
  const req = state && state.req;
  if (req) {
    if (!req.res || !req.res.complete) {
      req.socket._hadError = true;
      if (!req.res) emitErrorEvent(req, err);
    }
    if (state.res && !state.res.complete) {
      // The response is destroyed on close.
    }
  }
  if (state) {
    this.removeListener('data', socketOnData);
    this.removeListener('end', socketOnEnd);
  }
  this.destroy();
}

function socketOnEnd() {
  const state = this[kClientState];
  if (!state) return;
  const req = state.req;
  const ev = state.parser.finish();
  state.atEOF = true;
  if (ev.length) processEvents(this, state, ev, undefined);
  if (!req.res && !req.socket._hadError) {
    req.socket._hadError = true;
    emitErrorEvent(req, connResetException('socket hang up'));
  }
  this.destroy();
}

function socketCloseListener() {
  const socket = this;
  const state = socket[kClientState];
  if (!state) return;
  const req = state.req;
  socket[kClientState] = undefined;
  state.parser.free();
  const res = req.res;
  req.destroyed = true;
  if (res) {
    if (!res.complete) res.destroy(connResetException('aborted'));
    if (!req._closed) {
      req._closed = true;
      req.emit('close');
    }
    if (!res.aborted && res.readable && res.complete) res.push(null);
  } else {
    if (!req.socket._hadError) {
      req.socket._hadError = true;
      emitErrorEvent(req, connResetException('socket hang up'));
    }
    if (!req._closed) {
      req._closed = true;
      req.emit('close');
    }
  }
}

function socketOnData(d) {
  const state = this[kClientState];
  if (!state) return;
  processEvents(this, state, state.parser.execute(d), d);
}

function processEvents(socket, state, ev, d) {
  const req = state.req;
  for (let i = 0; i < ev.length;) {
    switch (ev[i]) {
      case kEvHead: {
        const status = ev[i + 1];
        const res = new IncomingMessage(socket);
        res.statusCode = status;
        res.statusMessage = ev[i + 2];
        res.httpVersionMajor = ev[i + 3];
        res.httpVersionMinor = ev[i + 4];
        res.httpVersion = ev[i + 3] + '.' + ev[i + 4];
        let raw = ev[i + 5];
        const max = req.maxHeadersCount;
        if (max > 0 && raw.length > max * 2) raw = raw.slice(0, max * 2);
        res.rawHeaders = raw;
        const keepAlive = ev[i + 6];
        res.upgrade = ev[i + 7];
        if (req.joinDuplicateHeaders) res.joinDuplicateHeaders = true;
        i += 8;
        if (status >= 100 && status < 200 && status !== 101) {
          // Informational: the real response follows.
          if (status === 100) req.emit('continue');
          req.emit('information', {
            statusCode: status,
            statusMessage: res.statusMessage,
            httpVersion: res.httpVersion,
            httpVersionMajor: res.httpVersionMajor,
            httpVersionMinor: res.httpVersionMinor,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
          });
          state.skipComplete = true;
          break;
        }
        if (req.res) {
          // A second response to one request: the stream is broken.
          socket.destroy();
          return;
        }
        req.res = res;
        res.req = req;
        state.res = res;
        if (res.upgrade) {
          req.upgradeOrConnect = true;
          break; // handled at the pause event
        }
        if (!keepAlive) req.shouldKeepAlive = false;
        res.on('end', responseOnEnd);
        req.on('finish', requestOnFinish);
        socket.on('timeout', responseOnTimeout);
        if (dc().responseFinish.hasSubscribers) dc().responseFinish.publish({ request: req, response: res });
        if (req.aborted || !req.emit('response', res)) res._dump();
        break;
      }
      case kEvBody: {
        const res = state.res;
        if (res !== null && !res._dumped) {
          if (!res.push(d.subarray(ev[i + 1], ev[i + 2])) && !state.pausedByBody) {
            state.pausedByBody = true;
            res[kOnRead] = () => {
              if (state.pausedByBody) {
                state.pausedByBody = false;
                socket.resume();
              }
            };
            socket.pause();
          }
        }
        i += 3;
        break;
      }
      case kEvComplete: {
        if (state.skipComplete) {
          state.skipComplete = false;
          i += 2;
          break;
        }
        const res = state.res;
        if (res !== null) {
          if (ev[i + 1] !== null) res.rawTrailers = ev[i + 1];
          res._complete();
        }
        i += 2;
        break;
      }
      case kEvError: {
        if (state.atEOF && req.res) {
          // As node: a parse error at the end of the stream after the
          // response head only aborts the response (on close).
          socket.destroy();
          return;
        }
        const err = parseError(ev[i + 1], ev[i + 2], ev[i + 3], d);
        socket.removeListener('data', socketOnData);
        socket.removeListener('end', socketOnEnd);
        req.socket._hadError = true;
        emitErrorEvent(req, err);
        socket.destroy();
        return;
      }
      case kEvPaused: {
        const res = state.res;
        if (res === null || !res.upgrade) {
          state.parser.resume();
          const rest = d.subarray(ev[i + 1]);
          processEvents(socket, state, state.parser.execute(rest), rest);
          return;
        }
        const head = Buffer.from(d.subarray(ev[i + 1]));
        const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
        socket.removeListener('data', socketOnData);
        socket.removeListener('end', socketOnEnd);
        socket.removeListener('drain', ondrain);
        socket.removeListener('close', socketCloseListener);
        socket.removeListener('error', socketErrorListener);
        socket.removeListener('timeout', responseOnTimeout);
        if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
        state.parser.free();
        socket[kClientState] = undefined;
        req.res = res;
        if (req.listenerCount(eventName) > 0) {
          socket._httpMessage = null;
          socket.emit('agentRemove');
          req.emit(eventName, res, socket, head);
          req.destroyed = true;
          req._closed = true;
          req.emit('close');
        } else {
          socket.destroy();
        }
        return;
      }
      default:
        return;
    }
  }
}

function responseOnTimeout() {
  const req = this._httpMessage;
  if (!req) return;
  const res = req.res;
  if (!res) return;
  res.emit('timeout');
}

function responseOnEnd() {
  const req = this.req;
  const socket = req.socket;
  if (socket && socket.timeout) socket.setTimeout(0);
  if (socket) socket.removeListener('timeout', responseOnTimeout);
  if (req.timeoutCb && socket) socket.removeListener('timeout', req.timeoutCb);
  if (!req.shouldKeepAlive) {
    if (socket.writable) {
      if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end();
    }
  } else if (req.writableFinished && !this.aborted) {
    responseKeepAlive(req);
  }
}

function requestOnFinish() {
  const req = this;
  if (req.shouldKeepAlive && req.res && req.res.complete && req.socket && req.socket._httpMessage === req) {
    responseKeepAlive(req);
  }
}

function responseKeepAlive(req) {
  const socket = req.socket;
  const state = socket[kClientState];
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('drain', ondrain);
  socket.removeListener('timeout', responseOnTimeout);
  if (state) state.parser.free();
  socket[kClientState] = undefined;
  req.destroyed = true;
  if (req.res) {
    // Detach the response from the socket that goes back to the pool.
    req.res.socket = socket;
  }
  socket.emit('free');
  process.nextTick(emitFreeNT, req);
}

function emitFreeNT(req) {
  if (!req._closed) {
    req._closed = true;
    req.emit('close');
  }
}

module.exports = {
  ClientRequest: callable(ClientRequest),
};
void validateFunction;
void isURL;
