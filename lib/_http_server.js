'use strict';

// The HTTP server: http.Server over net.Server, one Go parser per
// connection, ServerResponse.

const { startPerf, stopPerf } = require('internal/perf/observe');
const kServerResponseStatistics = Symbol('kServerResponseStatistics');
// perf_hooks observers of 'http' entries: a typed array read per request.
const { observerCounts, constants: { NODE_PERFORMANCE_ENTRY_TYPE_HTTP: kHttpEntries } } = internalBinding('performance');

const net = require('net');
const {
  HTTPParser,
  parseError,
  continueExpression,
  kEvHead,
  kEvBody,
  kEvComplete,
  kEvError,
  kEvPaused,
  kEvBegun,
  kEvHeadComplete,
  kHeadUpgrade,
  kHeadHost,
  kHeadExpect,
  EventEmitter,
  EEProto,
  kCapture,
  eeInit,
  initEmitter,
} = require('_http_common');
const { IncomingMessage, kOnRead, kHasState, kEndPending, kLazyClosed } = require('_http_incoming');
const IncomingMessagePrototype = IncomingMessage.prototype;
const {
  OutgoingMessage, kOutHeaders, kFastWrite, kReadRefreshed, kFinishHook, kCorked, sendWhole, utcDate,
  kHighWaterMark, kRejectNonStandardBodyWrites,
} = require('_http_outgoing');
const { byteLengthUtf8 } = internalBinding('buffer');
const { dateCache } = require('internal/http');
const { hasPendingTicks } = require('internal/process/task_queues');
const { FastBuffer } = require('internal/buffer');
const FastBufferPrototype = FastBuffer.prototype;
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_CHAR,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateInteger, validateBoolean, validateObject, validateFunction } = require('internal/validators');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
  417: 'Expectation Failed', 418: 'I\'m a Teapot', 421: 'Misdirected Request',
  422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early',
  426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
};

const kServerResponse = Symbol('ServerResponse');
const kIncomingMessage = Symbol('IncomingMessage');
const kConnections = Symbol('http.server.connections');
const kCheckInterval = Symbol('http.server.checkInterval');
// The diagnostics channels the server publishes on. hasSubscribers is a
// getter call: dcState.active (no channel has subscribers) is read first.
const dcState = require('internal/diagnostics_channel_state');
const dc = (() => {
  const diagnostics = require('diagnostics_channel');
  return {
    requestStart: diagnostics.channel('http.server.request.start'),
    responseCreated: diagnostics.channel('http.server.response.created'),
    responseFinish: diagnostics.channel('http.server.response.finish'),
  };
})();
const kState = Symbol('http.server.state');
const kResState = Symbol('http.server.resState');

// ---- ServerResponse ------------------------------------------------------------

// ServerResponse is an OutgoingMessage. It is declared as a base class
// with its prototype chain set below, so that its constructor does
// OutgoingMessage's and EventEmitter's initialisation inline instead of
// through a chain of super() calls (one response is made per request).
class ServerResponse {
  constructor(req, options) {
    initEmitter(this);
    this.outputData = [];
    if (options) {
      const hwm = options.highWaterMark;
      if (hwm && hwm !== this[kHighWaterMark]) this[kHighWaterMark] = hwm;
      if (options.rejectNonStandardBodyWrites) this[kRejectNonStandardBodyWrites] = true;
    }
    this.req = req;
    if (req.method === 'HEAD') this._hasBody = false;
    if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor < 1)) {
      this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te || '');
      this.shouldKeepAlive = false;
    }
  }

  assignSocket(socket) {
    if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
    socket._httpMessage = this;
    // Connections of our server report close through socketOnClose.
    if (socket[kState] === undefined) socket.on('close', onServerResponseClose);
    this.socket = socket;
    this.emit('socket', socket);
    this._flush();
  }

  detachSocket(socket) {
    if (socket[kState] === undefined) socket.removeListener('close', onServerResponseClose);
    socket._httpMessage = null;
    this.socket = null;
  }

  writeContinue(cb) {
    this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
    this._sent100 = true;
  }

  writeProcessing(cb) {
    this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
  }

  writeEarlyHints(hints, cb) {
    validateObject(hints, 'hints');
    // Nothing is sent without a Link.
    const link = hints.link;
    if (link === null || link === undefined || (Array.isArray(link) ? link.length === 0 : `${link}` === '')) return;
    let head = 'HTTP/1.1 103 Early Hints\r\n';
    for (const key of Object.keys(hints)) {
      const v = hints[key];
      if (Array.isArray(v)) for (const x of v) head += `${key}: ${x}\r\n`;
      else head += `${key}: ${v}\r\n`;
    }
    this._writeRaw(head + '\r\n', 'ascii', cb);
  }

  _implicitHeader() {
    this.writeHead(this.statusCode);
  }

  writeHead(statusCode, reason, obj) {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');
    const originalStatusCode = statusCode;
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999) throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);

    if (typeof reason === 'string') {
      this.statusMessage = reason;
    } else {
      if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
      if (obj === undefined || obj === null) obj = reason;
    }
    this.statusCode = statusCode;

    let headers;
    if (this[kOutHeaders]) {
      if (obj !== undefined && obj !== null) {
        if (Array.isArray(obj)) {
          if (obj.length % 2 !== 0 && !(obj.length && Array.isArray(obj[0]))) {
            throw new ERR_INVALID_ARG_VALUE('headers', obj);
          }
          // The array's fields replace earlier ones but may repeat
          // among themselves.
          if (obj.length && Array.isArray(obj[0])) {
            for (let i = 0; i < obj.length; i++) this.removeHeader(obj[i][0]);
            for (let i = 0; i < obj.length; i++) if (obj[i][0]) this.appendHeader(obj[i][0], obj[i][1]);
          } else {
            for (let i = 0; i < obj.length; i += 2) this.removeHeader(obj[i]);
            for (let i = 0; i < obj.length; i += 2) if (obj[i]) this.appendHeader(obj[i], obj[i + 1]);
          }
        } else {
          for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
        }
      }
      headers = this[kOutHeaders];
    } else {
      headers = obj;
    }

    const sm = this.statusMessage;
    if (typeof sm === 'string' && (sm.indexOf('\r') !== -1 || sm.indexOf('\n') !== -1)) {
      throw new ERR_INVALID_CHAR('statusMessage');
    }

    const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;

    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
      this._hasBody = false;
    }
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;

    this._storeHeader(statusLine, headers);
    return this;
  }

  writeHeader(...args) { return this.writeHead(...args); }

  // end(string) as the only write of a plain response (no headers set,
  // nothing written, a socket that takes fast writes) builds the head
  // here and writes head and body in one call: the head is what
  // writeHead and _storeHeader would make for it. Anything else takes
  // the general path.
  end(chunk, encoding, callback) {
    if (typeof chunk === 'string' && chunk.length !== 0 && encoding === undefined && callback === undefined &&
        this._header === null && this.finished === false &&
        this.destroyed === false && this._hasBody === true && this.chunkedEncoding === false &&
        this.sendDate === true && this.useChunkedEncodingByDefault === true && this.strictContentLength === false &&
        this._expect_continue === false && this._removedContLen === false && this._removedConnection === false &&
        this[kCorked] === 0) {
      const conn = this.socket;
      const statusCode = this.statusCode;
      // The socket's Writable state is read directly: its getters
      // (writable, writableLength...) are calls.
      let ws;
      if (conn !== null && conn._httpMessage === this && conn[kFastWrite] === true &&
          typeof statusCode === 'number' && (statusCode | 0) === statusCode && statusCode >= 200 &&
          statusCode <= 999 && statusCode !== 204 && statusCode !== 304 &&
          (ws = conn._writableState) !== undefined && ws.length === 0 && ws.corked === 0 &&
          ws.writable !== false && !ws.destroyed && !ws.errored && !ws.ending && !ws.ended && conn._handle) {
        let sm = this.statusMessage;
        if (!sm) {
          sm = STATUS_CODES[statusCode] || 'unknown';
          this.statusMessage = sm;
        }
        const own = this[kOutHeaders] === null ? '' : plainHeaderLines(this[kOutHeaders]);
        if (own !== null && typeof sm === 'string' &&
            (sm === lastStatusMessage || (sm.indexOf('\r') === -1 && sm.indexOf('\n') === -1))) {
          lastStatusMessage = sm;
          let mode;
          if (!this.shouldKeepAlive) mode = kModeClose;
          else if (this.maxRequestsOnConnectionReached) mode = kModeMaxReached;
          else if (this._keepAliveTimeout && this._defaultKeepAlive) mode = kModeKeepAliveTimeout;
          else mode = kModeKeepAlive;
          let date = dateCache.value;
          if (date === undefined) date = utcDate();
          // The head up to its own headers is the same for every response
          // of a kind within a second: it is remembered.
          const hc = headCache;
          let start;
          if (hc.date === date && hc.status === statusCode && hc.sm === sm && hc.mode === mode &&
              (mode !== kModeKeepAliveTimeout ||
               (hc.ka === this._keepAliveTimeout && hc.max === this._maxRequestsPerSocket))) {
            start = hc.start;
          } else {
            start = 'HTTP/1.1 ' + statusCode + ' ' + sm + '\r\n';
            hc.date = date;
            hc.status = statusCode;
            hc.sm = sm;
            hc.mode = mode;
            hc.ka = this._keepAliveTimeout;
            hc.max = this._maxRequestsPerSocket;
            hc.start = start;
            let tail = 'Date: ' + date + '\r\n';
            switch (mode) {
              case kModeClose:
              case kModeMaxReached:
                tail += 'Connection: close\r\n';
                break;
              case kModeKeepAlive:
                tail += 'Connection: keep-alive\r\n';
                break;
              default:
                tail += 'Connection: keep-alive\r\nKeep-Alive: timeout=' + Math.floor(hc.ka / 1000) +
                  (hc.max > 0 ? ', max=' + hc.max : '') + '\r\n';
            }
            hc.tail = tail;
          }
          if (mode === kModeClose) this._last = true;
          const len = byteLengthUtf8(chunk);
          this._contentLength = len;
          const head = start + own + hc.tail + 'Content-Length: ' + len + '\r\n\r\n';
          this._header = head;
          sendWhole(this, conn, head + chunk);
          return this;
        }
      }
    }
    return super.end(chunk, encoding, callback);
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);
const { assignSocket, detachSocket } = ServerResponse.prototype;
const ServerResponsePrototype = ServerResponse.prototype;

// The fast path of ServerResponse.end: the last status message checked
// for CR and LF, and the head it built last (see end).
let lastStatusMessage = 'OK';
const kModeClose = 0;
const kModeMaxReached = 1;
const kModeKeepAlive = 2;
const kModeKeepAliveTimeout = 3;
const headCache = { date: '', status: 0, sm: '', mode: -1, ka: 0, max: 0, start: '', tail: '' };

Object.assign(ServerResponse.prototype, {
  statusCode: 200,
  statusMessage: undefined,
  sendDate: true,
  _sent100: false,
  _expect_continue: false,
});

function onServerResponseClose() {
  const msg = this._httpMessage;
  if (msg) {
    msg.destroyed = true;
    msg._closed = true;
    msg.emit('close');
  }
}

// ---- Server --------------------------------------------------------------------

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;

  const optimizeEmptyRequests = options.optimizeEmptyRequests;
  if (optimizeEmptyRequests !== undefined) validateBoolean(optimizeEmptyRequests, 'options.optimizeEmptyRequests');
  this.optimizeEmptyRequests = optimizeEmptyRequests === true;

  const requestTimeout = options.requestTimeout;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300000;
  }
  const headersTimeout = options.headersTimeout;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else {
    this.headersTimeout = Math.min(60000, this.requestTimeout);
  }
  if (this.requestTimeout > 0 && this.headersTimeout > 0 && this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', this.headersTimeout);
  }
  const keepAliveTimeout = options.keepAliveTimeout;
  if (keepAliveTimeout !== undefined) {
    validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = keepAliveTimeout;
  } else {
    this.keepAliveTimeout = 5000;
  }
  // The connection's idle timer runs this much longer than the announced
  // keep-alive timeout, so that a client reusing a connection at the last
  // moment does not meet a reset (node 24.6+).
  const buf = options.keepAliveTimeoutBuffer;
  this.keepAliveTimeoutBuffer = typeof buf === 'number' && Number.isFinite(buf) && buf >= 0 ? buf : 1000;
  const connectionsCheckingInterval = options.connectionsCheckingInterval;
  if (connectionsCheckingInterval !== undefined) {
    validateInteger(connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = connectionsCheckingInterval;
  } else {
    this.connectionsCheckingInterval = 30000;
  }
  if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this.requireHostHeader = options.requireHostHeader !== undefined ? !!options.requireHostHeader : true;
  if (options.shouldUpgradeCallback !== undefined) {
    validateFunction(options.shouldUpgradeCallback, 'options.shouldUpgradeCallback');
    this.shouldUpgradeCallback = options.shouldUpgradeCallback;
  } else {
    this.shouldUpgradeCallback = hasUpgradeListener;
  }
  this.rejectNonStandardBodyWrites = !!options.rejectNonStandardBodyWrites;
  this.highWaterMark = options.highWaterMark;
  this.uniqueHeaders = options.uniqueHeaders;
}

class Server extends net.Server {
  constructor(options, requestListener) {
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    } else if (options == null) {
      options = {};
    } else {
      validateObject(options, 'options');
    }
    super({
      allowHalfOpen: true,
      noDelay: options.noDelay !== undefined ? options.noDelay : true,
      keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay,
      highWaterMark: options.highWaterMark,
    });
    storeHTTPOptions.call(this, options);
    initHTTPServer(this, requestListener, 'connection');
  }

  close(cb) {
    if (this[kCheckInterval]) {
      // Cleared, not dropped: node keeps the (destroyed) timer.
      clearInterval(this[kCheckInterval]);
    }
    super.close(cb);
    this.closeIdleConnections();
    return this;
  }

  closeAllConnections() {
    for (const socket of this[kConnections]) socket.destroy();
  }

  closeIdleConnections() {
    for (const socket of this[kConnections]) {
      const state = socket[kState];
      if (state && state.incoming.length === 0 && !state.inMessage && !socket._httpMessage) socket.destroy();
    }
  }

  setTimeout(msecs, callback) {
    this.timeout = msecs;
    if (callback) this.on('timeout', callback);
    return this;
  }

  [Symbol.asyncDispose]() {
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  }
}

// initHTTPServer sets up the HTTP side of a server (http.Server, or
// https.Server over tls.Server with event 'secureConnection').
function initHTTPServer(server, requestListener, connectionEvent) {
  if (requestListener) server.on('request', requestListener);
  server.httpAllowHalfOpen = false;
  server.on(connectionEvent, connectionListener);
  server.on('listening', setupConnectionsTracking);
  server.timeout = 0;
  server.maxHeadersCount = null;
  server.maxRequestsPerSocket = 0;
  server[kConnections] = new Set();
  server[kCheckInterval] = null;
}

function setupConnectionsTracking() {
  if (this[kCheckInterval]) clearInterval(this[kCheckInterval]);
  if (this.connectionsCheckingInterval > 0 && (this.headersTimeout > 0 || this.requestTimeout > 0)) {
    this[kCheckInterval] = setInterval(checkConnections.bind(this), this.connectionsCheckingInterval);
    this[kCheckInterval].unref();
  }
}

function checkConnections() {
  const now = Date.now();
  for (const socket of this[kConnections]) {
    const state = socket[kState];
    if (!state || state.reqStart === 0) continue;
    const age = now - state.reqStart;
    if ((this.requestTimeout > 0 && age > this.requestTimeout) ||
        (this.headersTimeout > 0 && !state.headDone && age > this.headersTimeout)) {
      socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
    }
  }
}

// ---- one connection ------------------------------------------------------------

function connectionListener(socket) {
  const server = this;
  // As node: a socket emitted by hand (one received over IPC) belongs to
  // this server from now on.
  socket.server = server;
  const state = {
    server,
    socket,
    parser: new HTTPParser(HTTPParser.REQUEST, server.maxHeaderSize, server.insecureHTTPParser),
    incoming: [], // requests whose responses are not finished
    outgoing: [], // responses waiting for the socket
    req: null, // the request whose body is being read
    inMessage: false,
    headDone: false,
    // As node's parser, a new connection counts as a request started now
    // for headersTimeout/requestTimeout: a client that sends nothing
    // gets 408.
    reqStart: Date.now(),
    keepAliveTimeoutSet: false,
    requestsCount: 0,
    pausedByBody: false,
    pausedByFlood: false,
    resOptions: null,
    // The server makes messages of its own classes (see onHead).
    plainMessages: server[kIncomingMessage] === IncomingMessage && server[kServerResponse] === ServerResponse,
    fast: false,
    onClose: null,
  };
  socket[kState] = state;
  // As node's, the connection's parser is socket.parser; it is freed
  // through that property when the connection closes.
  socket.parser = state.parser;
  socket.setEncoding = socketSetEncoding;
  server[kConnections].add(socket);

  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', socketOnTimeout);
  // Like node's parser consuming the socket's handle, reads go straight
  // from the native handle to the parser, not through the Readable side.
  const h = socket._handle;
  if (typeof socket._onread === 'function' && h && typeof h.readStart === 'function' && typeof h.id === 'number' &&
      !socket.connecting && socket.listenerCount('data') === 0 && socket.readableFlowing !== true &&
      socket.readableLength === 0) {
    state.fast = true;
    // The end of the stream and errors come through _onread; the bytes,
    // parsed in Go, through onParsed.
    socket._onread = fastOnRead;
    socket[kFastWrite] = true;
    state.parser.attach(h.id, onParsed, state);
    if (!h.reading) h.readStart();
  } else {
    socket.on('data', socketOnData);
  }
  socket.on('end', socketOnEnd);
  // Bound, as node's: it acts on this connection whatever it is called on.
  state.onClose = socketOnClose.bind(socket);
  socket.on('close', state.onClose);
  // Node adds this per response in assignSocket, after socketOnClose;
  // once per connection does the same (it acts on the current response).
  socket.on('close', onServerResponseClose);
  socket.on('error', socketOnError);
  socket.on('drain', socketOnDrain);
  socket._paused = false;
}

// socketSetEncoding replaces setEncoding on the connections of a server:
// HTTP is bytes.
function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

// hasUpgradeListener is the default shouldUpgradeCallback: upgrade when
// the server listens for 'upgrade'.
function hasUpgradeListener() {
  return this.listenerCount('upgrade') > 0;
}

function socketOnData(d) {
  const state = this[kState];
  if (!state.inMessage) {
    state.inMessage = true;
    state.headDone = false;
    state.reqStart = Date.now();
  }
  processEvents(state, state.parser.execute(d), d, null, 0);
}

function fastOnRead(nread, ab) {
  const state = this[kState];
  if (nread > 0 && state !== undefined) {
    this._unrefTimerRefresh();
    if (!state.inMessage) {
      state.inMessage = true;
      state.headDone = false;
      state.reqStart = Date.now();
    }
    this[kReadRefreshed] = true;
    try {
      processEvents(state, state.parser.executeRaw(ab, nread), null, ab, nread);
    } finally {
      this[kReadRefreshed] = false;
    }
    return;
  }
  Object.getPrototypeOf(this)._onread.call(this, nread, ab);
}

// onParsed handles what the parser made of a chunk read from a fast
// connection (HTTPParser.attach): events, and the chunk's bytes as the
// first n bytes of ab when an event refers to them; now is Date.now().
// For a chunk that held one whole request without a body, ev is
// kEvHeadComplete and the head's values follow (see onHead).
function onParsed(state, ev, ab, n, now, method, url, major, minor, raw, keepAlive, seen) {
  const socket = state.socket;
  socket._unrefTimerRefresh();
  if (!state.inMessage) {
    state.inMessage = true;
    state.headDone = false;
    state.reqStart = now;
  }
  socket[kReadRefreshed] = true;
  try {
    if (ev === kEvHeadComplete) {
      onHead(state, method, url, major, minor, raw, keepAlive, seen);
      // A handler that closed the connection freed the parser.
      if (state.parser.id !== 0) onComplete(state, null);
    } else {
      processEvents(state, ev, null, ab, n);
    }
  } finally {
    socket[kReadRefreshed] = false;
  }
}

function stopFastRead(state) {
  if (state.fast) {
    state.fast = false;
    state.parser.detach();
    delete state.socket._onread;
    state.socket[kFastWrite] = false;
  }
}

// processEvents handles the flat event array of one parser call over d,
// a Buffer, or (when d is null) over the first n bytes of ArrayBuffer ab.
function processEvents(state, ev, d, ab, n) {
  const socket = state.socket;
  const parser = state.parser;
  for (let i = 0; i < ev.length;) {
    // A handler that closed the connection freed the parser: the rest of
    // the chunk (pipelined requests) is not served.
    if (parser.id === 0) return;
    switch (ev[i]) {
      case kEvHead:
        onHead(state, ev[i + 1], ev[i + 2], ev[i + 3], ev[i + 4], ev[i + 5], ev[i + 6], ev[i + 7]);
        i += 8;
        break;
      case kEvBody: {
        const req = state.req;
        if (req !== null && !req._dumped) {
          // A Buffer over the body bytes: a Uint8Array given Buffer's
          // prototype is what new FastBuffer makes, without a derived-class
          // construction.
          const chunk = d !== null ? d.subarray(ev[i + 1], ev[i + 2]) :
            Object.setPrototypeOf(new Uint8Array(ab, ev[i + 1], ev[i + 2] - ev[i + 1]), FastBufferPrototype);
          if (!req.push(chunk) && !state.pausedByBody) {
            state.pausedByBody = true;
            req[kOnRead] = resumeForBody.bind(undefined, state);
            pauseReads(state, socket);
          }
        }
        i += 3;
        break;
      }
      case kEvComplete:
        onComplete(state, ev[i + 1]);
        i += 2;
        break;
      case kEvError: {
        const err = parseError(ev[i + 1], ev[i + 2], ev[i + 3], d !== null ? d : Buffer.from(ab, 0, n));
        socketOnError.call(socket, err);
        return;
      }
      case kEvBegun:
        // The next message's head has begun in this chunk.
        if (!state.inMessage) {
          state.inMessage = true;
          state.headDone = false;
          state.reqStart = Date.now();
        }
        i += 1;
        break;
      case kEvPaused: {
        const off = ev[i + 1];
        const req = state.req;
        const rest = d !== null ? d.subarray(off) : Buffer.from(ab, off, n - off);
        if (req !== null && req.upgrade) {
          upgrade(state, req, rest);
          return;
        }
        // Not handled as an upgrade: go on reading HTTP.
        state.parser.resume();
        processEvents(state, state.parser.execute(rest), rest, null, 0);
        return;
      }
      default:
        return;
    }
  }
}

// onHead handles the head of a request (a kEvHead event): method, url,
// HTTP version, raw headers, whether the connection persists, and the
// kHead* bits of what the head holds.
function onHead(state, method, url, major, minor, raw, keepAlive, seen) {
  const server = state.server;
  const socket = state.socket;
  const max = server.maxHeadersCount;
  if (max > 0 && raw.length > max * 2) {
    raw = raw.slice(0, max * 2);
    // Which of Host and Expect the head holds (see hostAndExpect).
    seen = (seen & kHeadUpgrade) | hostAndExpect(raw);
  }
  // The server's own message classes, with EventEmitter's
  // initialisation as initEmitter does it inline: the request (and its
  // response, see parserOnIncoming) is made as one literal, its fields
  // defined at once (assigning them one by one to a new object costs a
  // search of its prototype chain each).
  const plain = state.plainMessages && EventEmitter.init === eeInit && EventEmitter.usingDomains !== true &&
    EEProto[kCapture] !== true;
  let req;
  if (plain) {
    req = {
      __proto__: IncomingMessagePrototype,
      _events: { __proto__: null },
      _eventsCount: 0,
      _maxListeners: undefined,
      socket,
      client: socket,
      method,
      url,
      httpVersionMajor: major,
      httpVersionMinor: minor,
      httpVersion: major === 1 && minor === 1 ? '1.1' : major + '.' + minor,
      rawHeaders: raw,
      upgrade: false,
    };
  } else {
    req = new server[kIncomingMessage](socket);
    req.method = method;
    req.url = url;
    req.httpVersionMajor = major;
    req.httpVersionMinor = minor;
    req.httpVersion = major === 1 && minor === 1 ? '1.1' : major + '.' + minor;
    req.rawHeaders = raw;
  }
  if (server.joinDuplicateHeaders) req.joinDuplicateHeaders = true;
  state.headDone = true;
  state.req = req;
  if ((seen & kHeadUpgrade) !== 0) {
    req.upgrade = true;
    if (req.method === 'CONNECT' || server.shouldUpgradeCallback(req)) {
      // Handled at the pause event that follows.
      return;
    }
  }
  req.upgrade = false;
  parserOnIncoming(state, req, keepAlive, seen, plain);
}

// onComplete handles the end of a message (a kEvComplete event), with
// its raw trailers or null.
function onComplete(state, trailers) {
  const req = state.req;
  if (req !== null) {
    if (trailers !== null) req.rawTrailers = trailers;
    if (state.plainMessages && req[kHasState] !== true) {
      // What _complete does for a message never read as a stream.
      req.complete = true;
      req[kEndPending] = true;
    } else {
      req._complete();
    }
    state.req = null;
  }
  state.inMessage = false;
  state.reqStart = 0;
}

function resumeForBody(state) {
  if (state.pausedByBody) {
    state.pausedByBody = false;
    if (!state.pausedByFlood) resumeReads(state, state.socket);
  }
}

// pauseReads stops reading the connection. One read by the parser in Go
// (state.fast) has no stream buffer to fill, so its handle stops reading;
// resumeReads starts it again.
function pauseReads(state, socket) {
  socket.pause();
  const h = socket._handle;
  if (state.fast && h && h.reading) h.readStop();
}

function resumeReads(state, socket) {
  socket.resume();
  const h = socket._handle;
  if (state.fast && h && !h.reading && !socket.destroyed) h.readStart();
}

// Flood prevention, as node's: a client that pipelines requests without
// reading the responses would make the server queue responses without
// bound. When a request arrives while responses back up (the socket's
// writes wait beyond its high water mark, natively or in its stream, or
// the waiting responses hold that much output), the connection stops
// reading until they have all been written. Many waiting responses with
// little output count too (kMaxWaitingResponses).
const kMaxWaitingResponses = 1024;

function checkFlood(state, socket) {
  if (state.pausedByFlood) return;
  const ws = socket._writableState;
  const h = socket._handle;
  const hwm = socket.writableHighWaterMark;
  const outgoing = state.outgoing;
  let waiting = 0;
  for (let i = 0; i < outgoing.length && waiting < hwm; i++) waiting += outgoing[i].outputSize;
  if ((ws !== undefined && ws.needDrain) || waiting >= hwm || outgoing.length >= kMaxWaitingResponses ||
      (h && typeof h.writeQueueSize === 'number' && h.writeQueueSize >= hwm)) {
    state.pausedByFlood = true;
    pauseReads(state, socket);
  }
}

function releaseFlood(state, socket) {
  if (state.pausedByFlood && state.outgoing.length === 0) {
    state.pausedByFlood = false;
    if (!state.pausedByBody) resumeReads(state, socket);
  }
}

function upgrade(state, req, head) {
  const socket = state.socket;
  const server = state.server;
  const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  stopFastRead(state);
  socket.removeListener('data', socketOnData);
  socket.removeListener('end', socketOnEnd);
  socket.removeListener('close', state.onClose);
  socket.removeListener('close', onServerResponseClose);
  socket.removeListener('drain', socketOnDrain);
  socket.removeListener('error', socketOnError);
  socket.removeListener('timeout', socketOnTimeout);
  state.parser.free();
  socket.parser = null;
  server[kConnections].delete(socket);
  socket[kState] = undefined;
  state.inMessage = false;
  state.reqStart = 0;
  if (server.listenerCount(event) > 0) {
    socket.pause();
    // Neither paused nor flowing: a 'data' listener added by the handler
    // starts the flow of the upgraded stream.
    socket.readableFlowing = null;
    server.emit(event, req, socket, Buffer.from(head));
  } else {
    socket.destroy();
  }
}

// plainHeaderLines returns the head lines of headers set with setHeader,
// or null when one of them changes how the head is framed (Connection,
// Content-Length, Date...) or has several values: those take the general
// path (_storeHeader).
function plainHeaderLines(headers) {
  let lines = '';
  for (const key in headers) {
    switch (key) {
      case 'connection':
      case 'transfer-encoding':
      case 'content-length':
      case 'date':
      case 'expect':
      case 'trailer':
      case 'keep-alive':
        return null;
    }
    const entry = headers[key];
    if (typeof entry[1] === 'object') return null;
    lines += entry[0] + ': ' + entry[1] + '\r\n';
  }
  return lines;
}

const kSeenHost = kHeadHost;
const kSeenExpect = kHeadExpect;

// hostAndExpect reports which of Host and Expect the raw headers hold
// (the parser reports it for the whole head; this is for a head cut
// short by maxHeadersCount).
function hostAndExpect(raw) {
  let seen = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const n = raw[i];
    if (n.length === 4) {
      if (n === 'Host' || n.toLowerCase() === 'host') seen |= kSeenHost;
    } else if (n.length === 6 && n.toLowerCase() === 'expect') {
      seen |= kSeenExpect;
    }
  }
  return seen;
}

// bodyless reports whether raw headers have neither Content-Length nor
// Transfer-Encoding.
function bodyless(raw) {
  for (let i = 0; i < raw.length; i += 2) {
    const n = raw[i].toLowerCase();
    if (n === 'content-length' || n === 'transfer-encoding') return false;
  }
  return true;
}

// parserOnIncoming starts serving req; seen holds the kHead* bits of its
// head event.
function parserOnIncoming(state, req, keepAlive, seen, plain) {
  const server = state.server;
  const socket = state.socket;
  state.incoming.push(req);
  state.requestsCount++;

  let resOptions = state.resOptions;
  if (resOptions === null) {
    const hwm = socket.writableHighWaterMark;
    resOptions = state.resOptions = {
      highWaterMark: hwm,
      rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
      // What ServerResponse's constructor would set from the two.
      ownHighWaterMark: hwm && hwm !== ServerResponse.prototype[kHighWaterMark] ? hwm : 0,
    };
  }
  let res;
  if (plain) {
    // What new ServerResponse(req, resOptions) makes, and the fields set
    // below, in one literal (see onHead).
    res = {
      __proto__: ServerResponsePrototype,
      _events: { __proto__: null },
      _eventsCount: 0,
      _maxListeners: undefined,
      outputData: [],
      req,
      _keepAliveTimeout: server.keepAliveTimeout,
      [kResState]: state,
      [kFinishHook]: onResFinish,
    };
    if (resOptions.ownHighWaterMark !== 0) res[kHighWaterMark] = resOptions.ownHighWaterMark;
    if (resOptions.rejectNonStandardBodyWrites) res[kRejectNonStandardBodyWrites] = true;
    if (req.method === 'HEAD') res._hasBody = false;
    const major = req.httpVersionMajor;
    if (major < 1 || (major === 1 && req.httpVersionMinor < 1)) {
      res.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te || '');
      res.shouldKeepAlive = false;
    }
  } else {
    res = new server[kServerResponse](req, resOptions);
  }
  if (dcState.active !== 0 && dc.responseCreated.hasSubscribers) dc.responseCreated.publish({ request: req, response: res });
  if (observerCounts[kHttpEntries] > 0) {
    startPerf(res, kServerResponseStatistics, {
      type: 'http', name: 'HttpRequest',
      detail: { req: { method: req.method, url: req.url, headers: req.headers } },
    });
  }
  // Values equal to the prototype's defaults are not set: each new own
  // property of a per-request object costs.
  if (res.shouldKeepAlive !== keepAlive) res.shouldKeepAlive = keepAlive;
  if (!plain) {
    res._keepAliveTimeout = server.keepAliveTimeout;
  }
  const maxRequests = server.maxRequestsPerSocket;
  if (maxRequests !== 0) res._maxRequestsPerSocket = maxRequests;
  if (!plain) res[kResState] = state;
  if (maxRequests > 0 && state.requestsCount >= maxRequests) {
    res.maxRequestsOnConnectionReached = true;
  }

  if (maxRequests > 0 && state.requestsCount > maxRequests) {
    // Beyond the per-connection budget: refuse, and close.
    server.emit('dropRequest', req, socket);
    res[kFinishHook] = onResFinish;
    if (socket._httpMessage) state.outgoing.push(res);
    else res.assignSocket(socket);
    res.shouldKeepAlive = false;
    res.writeHead(503);
    res.end();
    return;
  }

  if (req.httpVersionMajor !== 1 || req.httpVersionMinor !== 1) seen = 0;
  if ((seen & kSeenHost) === 0 && server.requireHostHeader && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    res[kFinishHook] = onResFinish;
    if (socket._httpMessage) state.outgoing.push(res);
    else res.assignSocket(socket);
    res.writeHead(400, ['Connection', 'close']);
    res.end();
    return;
  }

  if (socket._httpMessage) {
    state.outgoing.push(res);
    // Pipelined behind a response in progress: only then can responses
    // back up (see checkFlood).
    checkFlood(state, socket);
  } else if (res.assignSocket === assignSocket && res.emit === EEProto.emit && res._events.socket === undefined) {
    // What assignSocket does for a new response of this server: nobody
    // can listen for 'socket' yet, and nothing is buffered to flush.
    socket._httpMessage = res;
    res.socket = socket;
  } else {
    res.assignSocket(socket);
  }

  if (!plain) res[kFinishHook] = onResFinish;

  if ((seen & kSeenExpect) !== 0) {
    const expect = req.headers.expect;
    if (continueExpression.test(expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        server.emit('request', req, res);
      }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
    return;
  }
  if (server.optimizeEmptyRequests === true && (req.method === 'HEAD' || bodyless(req.rawHeaders))) {
    // optimizeEmptyRequests: a request with no body is handed over with
    // its stream already ended and closed; it emits no stream events.
    req._dumped = true;
    req.complete = true;
    const rs = req._readableState;
    rs.ended = true;
    rs.endEmitted = true;
    rs.destroyed = true;
    rs.closed = true;
    rs.closeEmitted = true;
  }
  if (dcState.active !== 0 && dc.requestStart.hasSubscribers) {
    dc.requestStart.publish({ request: req, response: res, socket, server });
  }
  // One plain 'request' listener is called as emit would call it (when
  // emit is EventEmitter's own, with no domain to enter).
  const ev = server._events;
  const listener = ev !== undefined ? ev.request : undefined;
  if (typeof listener === 'function' && server.emit === EEProto.emit && server[kCapture] !== true &&
      EventEmitter.usingDomains !== true) {
    listener.call(server, req, res);
  } else {
    server.emit('request', req, res);
  }
}

// onResFinish is the server's part of a response's 'finish': it runs
// before the 'finish' listeners.
function onResFinish(res) {
  if (observerCounts[kHttpEntries] > 0 && res[kServerResponseStatistics]) {
    stopPerf(res, kServerResponseStatistics, {
      detail: { res: { statusCode: res.statusCode, statusMessage: res.statusMessage, headers: res.getHeaders() } },
    });
  }
  const state = res[kResState];
  const req = res.req;
  const socket = state.socket;
  if (dcState.active !== 0 && dc.responseFinish.hasSubscribers) {
    dc.responseFinish.publish({ request: req, response: res, socket, server: state.server });
  }
  const incoming = state.incoming;
  if (incoming[0] === req) {
    incoming.shift();
  } else {
    const i = incoming.indexOf(req);
    if (i >= 0) incoming.splice(i, 1);
  }
  // A body someone has started to read ('data' emitted, even before any
  // _read call) is left to its reader; an unread one is discarded.
  if (!req._consuming) {
    if (req[kHasState] !== true) {
      // What _dump does for a complete message of ours that nobody reads
      // or listens to (a request without a body).
      const events = req._events;
      if (state.plainMessages && req._dumped === false && req[kEndPending] === true && events !== undefined &&
          events.data === undefined && events.end === undefined && events.readable === undefined &&
          events.close === undefined) {
        req._dumped = true;
      } else {
        req._dump();
      }
    } else if (!req._readableState.resumeScheduled && !req._readableState.dataEmitted) {
      req._dump();
    }
  }
  if (res.detachSocket === detachSocket) {
    // What detachSocket does for a connection of this server.
    socket._httpMessage = null;
    res.socket = null;
  } else {
    res.detachSocket(socket);
  }
  // 'close' comes a tick after 'finish'. When no other tick is waiting,
  // that tick would run right after this one: onFinish runs the step
  // itself once 'finish' is emitted (see onFinish).
  let after;
  if (hasPendingTicks()) process.nextTick(emitCloseNT, res, req);
  else after = emitResClose;
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    // The keep-alive timer is armed once and left running: socket reads
    // and writes refresh it, and socketOnTimeout ignores it while a
    // request is in progress (setting and clearing a timer per request is
    // costly).
    const ka = state.server.keepAliveTimeout;
    if (ka && !state.keepAliveTimeoutSet && !state.server.timeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(ka + state.server.keepAliveTimeoutBuffer);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
    releaseFlood(state, socket);
  }
  return after;
}

// emitResClose is emitCloseNT run by onFinish (see onResFinish).
function emitResClose(res) {
  emitCloseNT(res, res.req);
}

function emitCloseNT(res, req) {
  if (!res._closed) {
    res.destroyed = true;
    res._closed = true;
    // An event nobody listens for is not emitted (unless emit is
    // replaced, and so observable).
    const ev = res._events;
    if (ev === undefined || ev.close !== undefined || res.emit !== EEProto.emit) res.emit('close');
  }
  // A request never read as a stream is closed here; others close when
  // their stream ends (autoDestroy).
  if (req && req.complete && req[kHasState] !== true) {
    const state = res[kResState];
    if (state !== undefined && state.plainMessages) {
      // What _closeAfterResponse does for a message without stream state.
      if (req[kLazyClosed] !== true) {
        req[kLazyClosed] = true;
        const ev = req._events;
        if (ev === undefined || ev.close !== undefined || req.emit !== EEProto.emit) req.emit('close');
      }
    } else {
      req._closeAfterResponse();
    }
  }
}

function socketOnDrain() {
  const msg = this._httpMessage;
  if (msg && msg[Symbol.for('kNeedDrain')]) {
    msg.emit('drain');
  } else if (msg && msg.writableNeedDrain) {
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const state = this[kState];
  if (state && state.keepAliveTimeoutSet) {
    if (state.inMessage || state.incoming.length > 0 || this._httpMessage) {
      // Busy, not idle: the keep-alive timer does not apply; re-arm it.
      this.setTimeout(state.server.keepAliveTimeout + state.server.keepAliveTimeoutBuffer);
      return;
    }
    // Idle past keepAliveTimeout: as node, the server hears of it first.
    if (!state.server.emit('timeout', this)) this.destroy();
    return;
  }
  const req = state && state.incoming[0];
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = state && state.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnEnd() {
  const state = this[kState];
  if (!state) return;
  const ev = state.parser.finish();
  for (let i = 0; i < ev.length; i++) {
    if (ev[i] === kEvError) {
      socketOnError.call(this, parseError(ev[i + 1], ev[i + 2], ev[i + 3]));
      return;
    }
  }
  if (!state.server.httpAllowHalfOpen) {
    abortIncoming(state);
    if (this.writable) this.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (this._httpMessage) {
    this._httpMessage._last = true;
  } else if (this.writable) {
    this.end();
  }
}

function abortIncoming(state) {
  // Requests still waiting for their body are aborted.
  const req = state.req;
  if (req !== null && !req.complete) {
    // As node: the request fails with ECONNRESET 'aborted' (seen by its
    // 'error' listeners, if it has any).
    const err = new Error('aborted');
    err.code = 'ECONNRESET';
    req.destroy(err);
  }
  state.req = null;
}

function socketOnClose() {
  const state = this[kState];
  if (!state) return;
  // The Go side stops reading for the parser whatever free() does (a
  // program may replace it).
  stopFastRead(state);
  const parser = this.parser;
  if (parser) {
    this.parser = null;
    parser.free();
  } else {
    state.parser.free();
  }
  state.server[kConnections].delete(this);
  // As node: every request whose response is not finished is destroyed
  // with ECONNRESET 'aborted' (seen by its 'error' listeners, if any;
  // 'aborted' is emitted when its body was not read to the end).
  state.req = null;
  const incoming = state.incoming;
  state.incoming = [];
  for (let i = 0; i < incoming.length; i++) {
    const err = new Error('aborted');
    err.code = 'ECONNRESET';
    incoming[i].destroy(err);
  }
  for (const res of state.outgoing) {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }
  state.outgoing.length = 0;
}

const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const requestHeaderFieldsTooLargeResponse = 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const requestTimeoutResponse = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';

function socketOnError(e) {
  const state = this[kState];
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);
  if (state) {
    state.inMessage = false;
    state.reqStart = 0;
  }
  const server = state ? state.server : null;
  if (server && server.listenerCount('clientError') > 0) {
    server.emit('clientError', e, this);
    return;
  }
  if (this.destroyed) return;
  let wrote = false;
  if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent) && (this.bytesWritten === 0 || !this._httpMessage)) {
    let response;
    switch (e.code) {
      case 'HPE_HEADER_OVERFLOW': response = requestHeaderFieldsTooLargeResponse; break;
      case 'ERR_HTTP_REQUEST_TIMEOUT': response = requestTimeoutResponse; break;
      default: response = badRequestResponse;
    }
    if (e.code === undefined || e.code.startsWith('HPE_') || e.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      this.write(response);
      wrote = true;
    }
  }
  if (wrote) this.destroySoon();
  else this.destroy(e);
}

function noop() {}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

module.exports = {
  STATUS_CODES,
  kConnectionsCheckingInterval: kCheckInterval,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  initHTTPServer,
  createServer,
  _connectionListener: connectionListener,
  kServerResponse,
  kIncomingMessage,
};
