'use strict';

// http.ClientRequest: builds the request head, gets a socket from the
// agent (or net directly), parses the response with the Go parser.

const net = require('net');
const { finished } = require('stream');
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
    ERR_OUT_OF_RANGE,
    ERR_UNESCAPED_CHARACTERS,
  },
} = require('internal/errors');
const { validateInteger, validateBoolean, validateFunction, validateNumber } = require('internal/validators');
const { TIMEOUT_MAX } = require('internal/timers');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');
const { URL, urlToHttpOptions, isURL } = require('internal/url');

// After its first call, debug is the plain logger (a no-op unless
// NODE_DEBUG names http).
let debug = require('util').debuglog('http', (fn) => { debug = fn; });

const INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
const kError = Symbol('kError');
const kParser = Symbol('kParser');
const kClientState = Symbol('kClientState');
const kEarlyError = Symbol('kEarlyError');
const kClientRequestStatistics = Symbol('kClientRequestStatistics');
const kPort = Symbol('kPort');
const kDefaultPort = Symbol('kDefaultPort');

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
    this[kPort] = port;
    this[kDefaultPort] = defaultPort;

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
      if (host && !this.getHeader('host') && setHost) this.setHeader('Host', authorityOf(host, port, defaultPort));
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
  set path(v) {
    // The path goes into the request line: no late header injection.
    if (INVALID_PATH_REGEX.test(String(v))) throw new ERR_UNESCAPED_CHARACTERS('Request path');
    this._path = v;
  }

  _finish() {
    if (hasObserver('http')) {
      startPerf(this, kClientRequestStatistics, {
        type: 'http',
        name: 'HttpClient',
        detail: {
          req: {
            method: this.method,
            url: `${this.protocol}//${authorityOf(this.host, this[kPort], this[kDefaultPort])}${this.path}`,
            headers: typeof this.getHeaders === 'function' ? this.getHeaders() : {},
          },
        },
      });
    }
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
    // Without a socket yet, the error and 'close' come when the socket
    // does (onSocketNT).
    if (this.socket) this.socket.destroy(err);
    return this;
  }

  onSocket(socket, err) {
    // Until onSocketNT takes the socket, an error it emits is kept for
    // the request (a connect that failed at once, say).
    if (socket && !err && typeof socket.on === 'function') {
      socket[kEarlyError] = undefined;
      socket.on('error', earlySocketError);
    }
    process.nextTick(onSocketNT, this, socket, err);
  }

  setTimeout(msecs, callback) {
    if (this._ended) return this;
    listenSocketTimeout(this);
    msecs = getTimerDuration(msecs, 'msecs');
    if (callback) this.once('timeout', callback);
    if (this.socket) setSocketTimeout(this.socket, msecs);
    else this.once('socket', (sock) => setSocketTimeout(sock, msecs));
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

// authorityOf is host[:port] as the Host header gives it (IPv6 in
// brackets, no default port).
function authorityOf(host, port, defaultPort) {
  let authority = host;
  const posColon = authority.indexOf(':');
  if (posColon !== -1 && authority.includes(':', posColon + 1) && authority.charCodeAt(0) !== 91) {
    authority = `[${authority}]`;
  }
  if (port && +port !== defaultPort) authority += ':' + port;
  return authority;
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function addAbortSignal(signal, req) {
  const onAbort = () => req.destroy(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
  if (signal.aborted) onAbort();
  else {
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

// listenSocketTimeout makes the socket's 'timeout' a 'timeout' of the
// request (once per request).
function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = emitRequestTimeout;
  if (req.socket) req.socket.once('timeout', emitRequestTimeout);
  else req.on('socket', (socket) => socket.once('timeout', emitRequestTimeout));
}

function emitRequestTimeout() {
  const req = this._httpMessage;
  if (req) req.emit('timeout');
}

// setSocketTimeout arms the socket's idle timer, once it is connected.
function setSocketTimeout(sock, msecs) {
  if (sock.connecting) sock.once('connect', () => sock.setTimeout(msecs));
  else sock.setTimeout(msecs);
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

function earlySocketError(err) {
  if (this[kEarlyError] === undefined) this[kEarlyError] = err;
}

function onSocketNT(req, socket, err) {
  if (socket && !err && typeof socket.removeListener === 'function') {
    socket.removeListener('error', earlySocketError);
    err = socket[kEarlyError];
    socket[kEarlyError] = undefined;
  }
  if (req.destroyed || err) {
    req.destroyed = true;
    if (socket) {
      if (!err && req.agent && !socket.destroyed) {
        // Give the unused socket back.
        socket.emit('free');
      } else {
        // Report how the socket ended (its own error, if any).
        finished(socket.destroy(err || req[kError]), (er) => {
          if (er && er.code === 'ERR_STREAM_PREMATURE_CLOSE') er = null;
          destroyUnusedRequest(req, er || err);
        });
        return;
      }
    }
    destroyUnusedRequest(req, err || req[kError]);
    return;
  }
  tickOnSocket(req, socket);
}

// destroyUnusedRequest ends a request destroyed before it used its socket.
function destroyUnusedRequest(req, err) {
  if (!req.aborted && !err) err = connResetException('socket hang up');
  if (err) emitErrorEvent(req, err);
  req._closed = true;
  req.emit('close');
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
  if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
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
  debug('SOCKET ERROR');
  const state = this[kClientState];
  const req = this._httpMessage;
  if (req) {
    // Later errors of this socket are not reported again.
    req.socket._hadError = true;
    emitErrorEvent(req, err);
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
  debug('HTTP socket close');
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
        debug('AGENT incoming response!');
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
        if (req[kClientRequestStatistics] && hasObserver('http')) {
          stopPerf(req, kClientRequestStatistics, {
            detail: { res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.headers } },
          });
        }
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
  if (socket) {
    if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
    socket.removeListener('timeout', responseOnTimeout);
  }
  req._ended = true;
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
  if (req.shouldKeepAlive && req._ended && req.socket && req.socket._httpMessage === req) {
    responseKeepAlive(req);
  }
}

function responseKeepAlive(req) {
  debug('AGENT socket keep-alive');
  const socket = req.socket;
  const state = socket[kClientState];
  if (req.timeoutCb) {
    socket.setTimeout(0);
    socket.removeListener('timeout', req.timeoutCb);
    req.timeoutCb = null;
  }
  socket.removeListener('close', socketCloseListener);
  socket.removeListener('error', socketErrorListener);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('drain', ondrain);
  socket.removeListener('timeout', responseOnTimeout);
  if (state) state.parser.free();
  socket[kClientState] = undefined;
  // The socket goes back to the agent on the next tick, after the
  // user's 'end' handlers ran.
  process.nextTick(emitFreeNT, req);
  req.destroyed = true;
  if (req.res) {
    // Detach the response from the socket that goes back to the pool.
    req.res.socket = null;
  }
}

function emitFreeNT(req) {
  req._closed = true;
  req.emit('close');
  if (req.socket) req.socket.emit('free');
}

module.exports = {
  ClientRequest: callable(ClientRequest),
};
void validateFunction;
void isURL;
