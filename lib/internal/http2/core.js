'use strict';
// node:http2 core: sessions, streams, servers and connect. The protocol
// engine (frames, HPACK, stream states, flow control) is the Go binding
// internalBinding('http2'); this file moves bytes between it and a net or
// tls socket and turns its events into node's API.

const EventEmitter = require('events');
const net = require('net');
const tls = require('tls');
const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_HTTP2_GOAWAY_SESSION,
    ERR_HTTP2_HEADERS_SENT,
    ERR_HTTP2_INFO_STATUS_NOT_ALLOWED,
    ERR_HTTP2_INVALID_INFO_STATUS,
    ERR_HTTP2_INVALID_SESSION,
    ERR_HTTP2_INVALID_STREAM,
    ERR_HTTP2_OUT_OF_STREAMS,
    ERR_HTTP2_PAYLOAD_FORBIDDEN,
    ERR_HTTP2_PING_CANCEL,
    ERR_HTTP2_PING_LENGTH,
    ERR_HTTP2_SESSION_ERROR,
    ERR_HTTP2_SETTINGS_CANCEL,
    ERR_HTTP2_STATUS_101,
    ERR_HTTP2_STATUS_INVALID,
    ERR_HTTP2_STREAM_CANCEL,
    ERR_HTTP2_STREAM_ERROR,
    ERR_HTTP2_STREAM_SELF_DEPENDENCY,
    ERR_HTTP2_TRAILERS_ALREADY_SENT,
    ERR_HTTP2_TRAILERS_NOT_READY,
    ERR_HTTP2_UNSUPPORTED_PROTOCOL,
    ERR_HTTP2_CONNECT_AUTHORITY,
    ERR_HTTP2_CONNECT_PATH,
    ERR_HTTP2_CONNECT_SCHEME,
    ERR_HTTP2_PUSH_DISABLED,
    ERR_HTTP2_SEND_FILE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateNumber,
  validateObject,
  validateUint32,
  validateInt32,
} = require('internal/validators');

function validateBuffer(value, name) {
  if (!ArrayBuffer.isView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], value);
  }
}
const constants = require('internal/http2/constants');
const {
  applySetting,
  getDefaultSettings,
  headersFromArray,
  kSocket,
  mapToHeaders,
  NghttpError,
  nameForErrorCode,
  sensitiveHeaders,
  settingNames,
  settingsPairs,
  toHeaderObject,
  validateSettings,
} = require('internal/http2/util');

const binding = internalBinding('http2');

const dc = require('diagnostics_channel');
const chClientCreated = dc.channel('http2.client.stream.created');
const chClientStart = dc.channel('http2.client.stream.start');
const chClientError = dc.channel('http2.client.stream.error');
const chClientFinish = dc.channel('http2.client.stream.finish');
const chClientClose = dc.channel('http2.client.stream.close');
const chClientBodyChunk = dc.channel('http2.client.stream.bodyChunkSent');
const chClientBodySent = dc.channel('http2.client.stream.bodySent');
const chServerCreated = dc.channel('http2.server.stream.created');
const chServerStart = dc.channel('http2.server.stream.start');
const chServerError = dc.channel('http2.server.stream.error');
const chServerFinish = dc.channel('http2.server.stream.finish');
const chServerClose = dc.channel('http2.server.stream.close');

// publish sends msg on the client or server channel of a stream.
function publish(stream, clientCh, serverCh, msg) {
  const ch = stream[kSession][kState].type === NGHTTP2_SESSION_SERVER ? serverCh : clientCh;
  if (ch && ch.hasSubscribers) ch.publish(msg);
}

const {
  NGHTTP2_NO_ERROR,
  NGHTTP2_PROTOCOL_ERROR,
  NGHTTP2_INTERNAL_ERROR,
  NGHTTP2_CANCEL,
  NGHTTP2_SESSION_SERVER,
  NGHTTP2_SESSION_CLIENT,
  HTTP2_HEADER_STATUS,
  HTTP2_HEADER_METHOD,
  HTTP2_HEADER_PATH,
  HTTP2_HEADER_AUTHORITY,
  HTTP2_HEADER_SCHEME,
  HTTP2_HEADER_DATE,
  HTTP2_METHOD_GET,
  HTTP2_METHOD_HEAD,
  HTTP2_METHOD_CONNECT,
} = constants;

const kHandle = Symbol('handle');
const kSession = Symbol('session');
const kState = Symbol('state');
const kID = Symbol('id');
const kServer = Symbol('server');
const kFlush = Symbol('flush');
const kScheduleFlush = Symbol('scheduleFlush');
const kAfterFlush = Symbol('afterFlush');
const kStreams = Symbol('streams');
const kOptions = Symbol('options');
const kRaw = Symbol('raw');
const kBoundSession = Symbol('http2Session');
const kHttp1Connection = Symbol('http1Connection');
const kScope = Symbol('asyncScope');

function copySettings(settings) {
  const out = Object.assign({}, settings);
  if (settings.customSettings) out.customSettings = Object.assign({}, settings.customSettings);
  return out;
}

let nextTick;
function tick(fn, ...args) {
  if (!nextTick) nextTick = process.nextTick;
  nextTick(fn, ...args);
}

function sessionClosedError(session) {
  return session.destroyed ? new ERR_HTTP2_INVALID_SESSION() : new ERR_HTTP2_GOAWAY_SESSION();
}

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    super();
    if (socket[kBoundSession]) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_HTTP2_SOCKET_BOUND();
    }
    socket[kBoundSession] = this;
    this[kOptions] = options || {};
    this[kSocket] = socket;
    this[kStreams] = new Map();
    this[kState] = {
      type,
      closed: false,
      destroyed: false,
      connecting: false,
      goawayCode: null,
      goawayLastStreamID: null,
      destroyCode: NGHTTP2_NO_ERROR,
      pendingSettings: [],
      pendingPings: [],
      localSettings: getDefaultSettings(),
      remoteSettings: getDefaultSettings(),
      remoteSettingsSeen: false,
      outQueue: null,
      flushing: false,
      timeout: 0,
      timer: null,
    };
    const settings = Object.assign({}, this[kOptions].settings);
    validateSettings(settings);
    const pairs = settingsPairs(settings);
    // Custom settings have no negotiated state: they show at once.
    if (settings.customSettings && Object.keys(settings.customSettings).length) {
      this[kState].localSettings.customSettings = Object.assign({}, settings.customSettings);
    }
    this[kState].pendingSettings.push({ pairs, cb: null, start: Date.now() });
    this[kHandle] = binding.create(type === NGHTTP2_SESSION_SERVER, pairs);
    for (const name of ['maxReservedRemoteStreams', 'maxSettings', 'maxHeaderListPairs',
      'maxSendHeaderBlockLength', 'maxSessionInvalidFrames']) {
      const n = this[kOptions][name];
      if (typeof n === 'number' && n >= 0) binding.setLimit(this[kHandle], name, n);
    }
    if (this[kOptions].strictFieldWhitespaceValidation === false) {
      binding.setLimit(this[kHandle], 'strictFieldWhitespaceValidation', 0);
    }
    this.encrypted = socket instanceof tls.TLSSocket;
    this.alpnProtocol = this.encrypted ? (socket.alpnProtocol || 'h2') : 'h2c';
    const onData = (chunk) => {
      if (this[kState].destroyed) return;
      binding.receive(this[kHandle], chunk);
      this[kFlush]();
    };
    const onEnd = () => {
      if (!this[kState].destroyed) this.destroy();
    };
    const onError = (err) => {
      if (!this[kState].destroyed) this.destroy(err);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
    socket.on('timeout', () => this.emit('timeout'));
    this[kState].detach = () => {
      socket.removeListener('data', onData);
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts) {
    const obj = {
      type: this.type,
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      localSettings: this.localSettings,
      remoteSettings: this.remoteSettings,
    };
    return `${this.constructor.name} ${require('util').inspect(obj, opts)}`;
  }

  get type() { return this[kState].type; }
  get originSet() {
    if (!this.encrypted || this.destroyed) return undefined;
    if (this[kState].originSet) return this[kState].originSet.slice();
    const socket = this[kSocket];
    return [`https://${socket.servername}:${socket.remotePort}`];
  }
  set originSet(v) { this[kState].originSet = v; }
  get closed() { return this[kState].closed; }
  get destroyed() { return this[kState].destroyed; }
  get connecting() { return this[kState].connecting; }
  get socket() { return this[kSocket]; }
  get pendingSettingsAck() { return this[kState].pendingSettings.length > 0; }
  // The settings objects stay the same until the settings change.
  get localSettings() {
    const st = this[kState];
    if (!st.localCopy) st.localCopy = copySettings(st.localSettings);
    return st.localCopy;
  }

  get remoteSettings() {
    const st = this[kState];
    if (!st.remoteCopy) st.remoteCopy = copySettings(st.remoteSettings);
    return st.remoteCopy;
  }

  get state() {
    if (this[kState].destroyed) return {};
    const s = binding.state(this[kHandle]);
    if (!s) return {};
    return {
      effectiveLocalWindowSize: s[0],
      effectiveRecvDataLength: s[1],
      nextStreamID: s[2],
      localWindowSize: s[3],
      lastProcStreamID: s[4],
      remoteWindowSize: s[5],
      outboundQueueSize: s[6],
      deflateDynamicTableSize: s[7],
      inflateDynamicTableSize: s[8],
    };
  }

  [kFlush]() {
    const st = this[kState];
    if (st.flushing) {
      st.again = true;
      return;
    }
    st.flushing = true;
    try {
      do {
        st.again = false;
        if (this[kHandle] === undefined) break;
        const r = binding.take(this[kHandle]);
        if (!r) break;
        if (r[0]) this.#write(r[0]);
        for (const ev of r[1]) {
          if (r[1].length) st.again = true;
          this.#onEvent(ev);
        }
      } while (st.again);
    } finally {
      st.flushing = false;
    }
    // While a flush is scheduled, output waits for it: one socket write
    // then carries everything (Nagle would hold a second small write).
    if (!st.flushScheduled) this._writePending();
  }

  // _writePending writes the output kFlush held back.
  _writePending() {
    const st = this[kState];
    const list = st.pendingOut;
    if (!list) return;
    st.pendingOut = null;
    const socket = this[kSocket];
    if (!socket.destroyed && socket.writable) {
      socket.write(list.length === 1 ? list[0] : Buffer.concat(list));
    }
  }

  // kScheduleFlush writes what streams queued once the current tick is
  // done (as nghttp2 does), so that a push promise made after end() still
  // goes out ahead of the parent's end of stream.
  [kScheduleFlush]() {
    const st = this[kState];
    if (st.flushScheduled) return;
    st.flushScheduled = true;
    setImmediate(() => {
      st.flushScheduled = false;
      if (!st.destroyed) this[kFlush]();
      const cbs = st.afterFlush;
      if (cbs) {
        st.afterFlush = null;
        for (const cb of cbs) cb();
      }
    });
  }

  // kAfterFlush runs cb once the scheduled flush has run.
  [kAfterFlush](cb) {
    const st = this[kState];
    if (!st.flushScheduled) {
      cb();
      return;
    }
    if (!st.afterFlush) st.afterFlush = [];
    st.afterFlush.push(cb);
  }

  #write(bytes) {
    const st = this[kState];
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (st.outQueue) {
      st.outQueue.push(buf);
      return;
    }
    if (!st.pendingOut) st.pendingOut = [];
    st.pendingOut.push(buf);
  }

  // Client sessions hold output until the socket connects.
  _holdOutput() { this[kState].outQueue = []; this[kState].connecting = true; }
  _releaseOutput() {
    const st = this[kState];
    for (const stream of this[kStreams].values()) stream[kState].pendingConnect = false;
    const q = st.outQueue;
    st.outQueue = null;
    st.connecting = false;
    if (q) for (const b of q) this.#write(b);
    if (!st.flushScheduled) this._writePending();
  }

  #onEvent(ev) {
    const [kind, id, a, b, data, rawStrs, flag, msg] = ev;
    const strs = rawStrs || [];
    const st = this[kState];
    switch (kind) {
      case 'headers': {
        const headers = toHeaderObject(strs);
        headers[sensitiveHeaders] = msg ? msg.split('\n') : [];
        this._onHeaders(id, headers, a, strs, flag);
        break;
      }
      case 'push': {
        const headers = toHeaderObject(strs);
        headers[sensitiveHeaders] = msg ? msg.split('\n') : [];
        this._onPush(id, a, headers, b, strs);
        break;
      }
      case 'altsvc': {
        this.emit('altsvc', Buffer.from(data).toString('latin1'), msg, id);
        break;
      }
      case 'origin': {
        if (!this.encrypted) break;
        const set = st.originSet || (st.originSet = []);
        for (const o of strs) if (!set.includes(o)) set.push(o);
        this.emit('origin', strs.slice());
        break;
      }
      case 'data': {
        const stream = this[kStreams].get(id);
        if (stream) {
          if (data && data.byteLength) stream.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
          if (flag) stream.push(null);
        }
        break;
      }
      case 'rst': {
        const stream = this[kStreams].get(id);
        if (stream) stream[kState].rstCode = a;
        break;
      }
      case 'close': {
        const stream = this[kStreams].get(id);
        if (stream) stream._onClose(a);
        this._maybeDone();
        break;
      }
      case 'settings': {
        const allowed = this[kOptions].remoteCustomSettings;
        for (let i = 0; i + 1 < strs.length; i += 2) {
          const sid = Number(strs[i]);
          if (!settingNames[sid] && !(Array.isArray(allowed) && allowed.includes(sid))) continue;
          applySetting(st.remoteSettings, sid, Number(strs[i + 1]));
        }
        st.remoteCopy = null;
        st.remoteSettingsSeen = true;
        this.emit('remoteSettings', this.remoteSettings);
        break;
      }
      case 'settingsAck': {
        const p = st.pendingSettings.shift();
        if (p) {
          for (let i = 0; i + 1 < p.pairs.length; i += 2) applySetting(st.localSettings, p.pairs[i], p.pairs[i + 1]);
          st.localCopy = null;
          const settings = this.localSettings;
          if (p.cb) p.cb(null, settings, Date.now() - p.start);
          this.emit('localSettings', settings);
        }
        break;
      }
      case 'ping': {
        this.emit('ping', Buffer.from(data));
        break;
      }
      case 'pingAck': {
        const p = st.pendingPings.shift();
        if (p) {
          p.cb(null, Date.now() - p.start, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        } else {
          // An unsolicited PING ack: nghttp2's NGHTTP2_ERR_PROTO.
          this.destroy(new NghttpError(-505));
        }
        break;
      }
      case 'goaway': {
        st.goawayCode = a;
        st.goawayLastStreamID = b;
        this.emit('goaway', a, b, data && data.byteLength ? Buffer.from(data) : undefined);
        if (a === NGHTTP2_NO_ERROR) {
          this.close();
        } else {
          this.destroy(new ERR_HTTP2_SESSION_ERROR(a), a);
        }
        break;
      }
      case 'frameError': {
        const stream = this[kStreams].get(id);
        this.emit('frameError', b, a, id);
        if (stream) stream.emit('frameError', b, a, id);
        break;
      }
      case 'error': {
        const err = new ERR_HTTP2_SESSION_ERROR(nameForErrorCode(a));
        err.message = err.message;
        this.destroy(err, a);
        break;
      }
      case 'tooManyInvalidFrames': {
        const { codes } = require('internal/errors');
        this.destroy(new codes.ERR_HTTP2_TOO_MANY_INVALID_FRAMES());
        break;
      }
      case 'ngError': {
        this.destroy(new NghttpError(a));
        break;
      }
      case 'badPreface': {
        // nghttp2's NGHTTP2_ERR_BAD_CLIENT_MAGIC.
        this.destroy(new NghttpError(-903), NGHTTP2_PROTOCOL_ERROR);
        break;
      }
      default:
        void msg;
    }
  }

  _onHeaders() {}

  _onPush() {}

  // With captureRejections, a rejected async 'stream' listener destroys
  // that stream with the error.
  [Symbol.for('nodejs.rejection')](err, event, ...args) {
    if (event === 'stream' && args[0] && typeof args[0].destroy === 'function') {
      args[0].destroy(err);
    } else {
      this.emit('error', err);
    }
  }

  _maybeDone() {
    if (this[kState].closed && !this[kState].destroyed && this[kStreams].size === 0) {
      this.destroy();
    }
  }

  settings(settings, callback) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateObject(settings, 'settings');
    validateSettings(settings);
    if (callback !== undefined) validateFunction(callback, 'callback');
    const pairs = settingsPairs(settings);
    const max = this[kOptions].maxOutstandingSettings ?? 10;
    if (this[kState].pendingSettings.length >= max) {
      const { codes } = require('internal/errors');
      const err = new codes.ERR_HTTP2_MAX_PENDING_SETTINGS_ACK();
      tick(() => this.destroy(err));
      return;
    }
    this[kState].pendingSettings.push({ pairs, cb: callback || null, start: Date.now() });
    binding.settings(this[kHandle], pairs);
    this[kFlush]();
  }

  ping(payload, callback) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (typeof payload === 'function') {
      callback = payload;
      payload = undefined;
    }
    if (payload !== undefined) {
      validateBuffer(payload, 'payload');
      if (payload.byteLength !== 8) throw new ERR_HTTP2_PING_LENGTH();
    }
    validateFunction(callback, 'callback');
    const max = this[kOptions].maxOutstandingPings ?? 10;
    if (this[kState].pendingPings.length >= max) {
      tick(callback, new ERR_HTTP2_PING_CANCEL());
      return false;
    }
    const buf = payload !== undefined ?
      new Uint8Array(payload.buffer, payload.byteOffset, 8) :
      new Uint8Array(8).map(() => Math.floor(Math.random() * 256));
    this[kState].pendingPings.push({ cb: callback, start: Date.now() });
    binding.ping(this[kHandle], buf);
    this[kFlush]();
    return true;
  }

  goaway(code = NGHTTP2_NO_ERROR, lastStreamID = 0, opaqueData) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateNumber(code, 'code');
    validateNumber(lastStreamID, 'lastStreamID');
    if (opaqueData !== undefined) validateBuffer(opaqueData, 'opaqueData');
    binding.goaway(this[kHandle], code, lastStreamID, opaqueData || new Uint8Array(0));
    this[kFlush]();
  }

  setLocalWindowSize(windowSize) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateInt32(windowSize, 'windowSize', 0);
    binding.setLocalWindowSize(this[kHandle], windowSize);
    this[kFlush]();
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    validateNumber(msecs, 'msecs');
    if (callback !== undefined) validateFunction(callback, 'callback');
    this[kSocket].setTimeout(msecs);
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
    return this;
  }

  ref() { if (this[kSocket].ref) this[kSocket].ref(); }
  unref() { if (this[kSocket].unref) this[kSocket].unref(); }

  close(callback) {
    if (this.closed || this.destroyed) {
      if (typeof callback === 'function') this.once('close', callback);
      return;
    }
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('close', callback);
    }
    this[kState].closed = true;
    if (this[kHandle] !== undefined && this[kState].goawayCode === null) {
      binding.goaway(this[kHandle], NGHTTP2_NO_ERROR, -1, new Uint8Array(0));
      this[kFlush]();
    }
    if (this[kStreams].size === 0) tick(() => this._maybeDone());
  }

  destroy(error = NGHTTP2_NO_ERROR, code) {
    const st = this[kState];
    if (st.destroyed) return;
    if (typeof error === 'number') {
      code = error;
      error = code !== NGHTTP2_NO_ERROR ? new ERR_HTTP2_SESSION_ERROR(code) : undefined;
    }
    if (code === undefined && error != null) code = NGHTTP2_INTERNAL_ERROR;
    st.destroyed = true;
    st.destroyCode = code || 0;
    for (const stream of this[kStreams].values()) {
      if (stream[kState].pendingConnect) stream.destroy(new ERR_HTTP2_STREAM_CANCEL(error));
      else stream.destroy(error);
    }
    for (const p of st.pendingPings) p.cb(new ERR_HTTP2_PING_CANCEL());
    st.pendingPings = [];
    for (const p of st.pendingSettings) {
      if (p.cb) p.cb(new ERR_HTTP2_SETTINGS_CANCEL());
    }
    st.pendingSettings = [];
    const socket = this[kSocket];
    if (this[kHandle] !== undefined) {
      if (st.goawayCode === null && !socket.destroyed) {
        binding.goaway(this[kHandle], code || 0, -1, new Uint8Array(0));
      }
      if (st.outQueue === null) this._writePending();
      const r = binding.take(this[kHandle]);
      if (r && r[0] && st.outQueue === null && !socket.destroyed && socket.writable) {
        socket.write(Buffer.from(r[0].buffer, r[0].byteOffset, r[0].byteLength));
      }
      binding.destroy(this[kHandle]);
      this[kHandle] = undefined;
    }
    st.detach();
    const finish = () => tick(() => {
      if (error) this.emit('error', error);
      this.emit('close');
    });
    if (!socket.destroyed) {
      socket.once('close', finish);
      if (error) socket.destroy();
      else socket.end();
      socket.setTimeout?.(0);
    } else {
      finish();
    }
  }
}

let priorityWarned = false;
let streamPriorityWarned = false;
function priorityWarn() {
  if (!priorityWarned) {
    priorityWarned = true;
    process.emitWarning('Priority signaling has been deprecated as of RFC 9113.', 'DeprecationWarning', 'DEP0194');
  }
}

function validatePriority(options) {
  if (options.parent !== undefined || options.weight !== undefined || options.exclusive !== undefined) {
    priorityWarn();
  }
  if (options.parent !== undefined) validateNumber(options.parent, 'options.parent');
  if (options.weight !== undefined) validateNumber(options.weight, 'options.weight');
  if (options.exclusive !== undefined && typeof options.exclusive !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.exclusive', 'boolean', options.exclusive);
  }
  if (options.silent !== undefined && typeof options.silent !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.silent', 'boolean', options.silent);
  }
}

class ClientHttp2Session extends Http2Session {
  constructor(options, socket) {
    super(NGHTTP2_SESSION_CLIENT, options, socket);
  }

  _onHeaders(id, headers, flags, raw, end) {
    const stream = this[kStreams].get(id);
    if (!stream) return;
    const status = headers[HTTP2_HEADER_STATUS];
    if (!stream[kState].gotResponse) {
      if (status >= 100 && status < 200) {
        if (status === 100) stream.emit('continue');
        stream.emit('headers', headers, flags, raw);
      } else {
        stream[kState].gotResponse = true;
        stream.endAfterHeaders = !!end;
        if (status === 421 && this[kState].originSet) {
          // Misdirected Request: the server is not authoritative for it.
          const authority = stream[kState].sentHeaders?.[HTTP2_HEADER_AUTHORITY];
          if (authority) {
            let origin;
            try { origin = new URL(`https://${authority}`).origin; } catch { origin = undefined; }
            const set = this[kState].originSet;
            const i = set.indexOf(origin);
            if (i >= 0) set.splice(i, 1);
          }
        }
        if (chClientFinish.hasSubscribers) chClientFinish.publish({ stream, headers, flags });
        stream.emit(stream[kState].pushed ? 'push' : 'response', headers, flags, raw);
      }
    } else {
      stream.emit('trailers', headers, flags, raw);
    }
    if (end) stream.push(null);
  }

  _onPush(id, parentId, headers, flags, raw) {
    const stream = new ClientHttp2Stream(this, {});
    stream[kID] = id;
    stream[kState].pushed = true;
    stream[kState].endSent = true;
    stream[kState].sentHeaders = headers;
    this[kStreams].set(id, stream);
    stream.uncork();
    stream.end();
    if (chClientCreated.hasSubscribers) chClientCreated.publish({ stream, headers });
    if (chClientStart.hasSubscribers) chClientStart.publish({ stream, headers });
    this.emit('stream', stream, headers, flags, raw);
  }

  setNextStreamID(id) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateNumber(id, 'id');
    if (id <= 0 || id > 2 ** 32 - 1) throw new ERR_OUT_OF_RANGE('id', `> 0 and <= ${2 ** 32 - 1}`, id);
    binding.setNextStreamID(this[kHandle], id);
  }

  request(headers, options) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (this.closed) throw new ERR_HTTP2_GOAWAY_SESSION();
    if (headers !== undefined && headers !== null) validateObject(headers, 'headers', { allowArray: true });
    headers = headers == null ? {} : headers;
    if (options !== undefined) validateObject(options, 'options');
    options = Object.assign({}, options);
    validatePriority(options);
    if (options.endStream !== undefined && typeof options.endStream !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.endStream', 'boolean', options.endStream);
    }
    if (options.waitForTrailers !== undefined && typeof options.waitForTrailers !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.waitForTrailers', 'boolean', options.waitForTrailers);
    }
    let raw = null;
    if (Array.isArray(headers)) {
      raw = headers.slice();
      if (headers[sensitiveHeaders]) raw[sensitiveHeaders] = headers[sensitiveHeaders];
      headers = headersFromArray(headers);
    } else {
      const h = Object.assign({ __proto__: null }, headers);
      if (headers[sensitiveHeaders]) h[sensitiveHeaders] = headers[sensitiveHeaders];
      headers = h;
    }
    const before = Object.keys(headers).length;
    if (headers[HTTP2_HEADER_METHOD] === undefined) headers[HTTP2_HEADER_METHOD] = HTTP2_METHOD_GET;
    const connect = headers[HTTP2_HEADER_METHOD] === HTTP2_METHOD_CONNECT;
    if (!connect || headers[':protocol'] !== undefined) {
      if (headers[HTTP2_HEADER_AUTHORITY] === undefined && headers.host === undefined) {
        headers[HTTP2_HEADER_AUTHORITY] = this._authority;
      }
      if (headers[HTTP2_HEADER_SCHEME] === undefined) {
        headers[HTTP2_HEADER_SCHEME] = this._protocol.slice(0, -1);
      }
      if (headers[HTTP2_HEADER_PATH] === undefined) headers[HTTP2_HEADER_PATH] = '/';
    } else {
      if (headers[HTTP2_HEADER_AUTHORITY] === undefined) throw new ERR_HTTP2_CONNECT_AUTHORITY();
      if (headers[HTTP2_HEADER_SCHEME] !== undefined) throw new ERR_HTTP2_CONNECT_SCHEME();
      if (headers[HTTP2_HEADER_PATH] !== undefined) throw new ERR_HTTP2_CONNECT_PATH();
    }
    let source = headers;
    if (raw) {
      source = raw;
      for (const k of Object.keys(headers).slice(before)) raw.push(k, headers[k]);
    }
    const [list, sensitive] = mapToHeaders(source, assertRequestPseudo,
                                           this[kOptions].strictSingleValueFields !== false);
    const method = headers[HTTP2_HEADER_METHOD];
    if (options.endStream === undefined) {
      options.endStream = method === HTTP2_METHOD_GET || method === HTTP2_METHOD_HEAD ||
        method === 'DELETE' || method === 'OPTIONS' || method === 'TRACE';
      options.endStream = options.endStream && !options.waitForTrailers ? options.endStream : false;
      if (method === 'DELETE' || method === 'OPTIONS' || method === 'TRACE') options.endStream = false;
    }
    const stream = new ClientHttp2Stream(this, options);
    stream[kState].sentHeaders = headers;
    if (chClientCreated.hasSubscribers) chClientCreated.publish({ stream, headers });
    const endStream = !!options.endStream && !options.waitForTrailers;
    const id = binding.request(this[kHandle], list, sensitive, endStream);
    if (id === 0) {
      const err = new ERR_HTTP2_OUT_OF_STREAMS();
      tick(() => stream.destroy(err));
      return stream;
    }
    if (chClientStart.hasSubscribers) chClientStart.publish({ stream, headers });
    stream[kID] = id;
    this[kStreams].set(id, stream);
    if (this[kState].connecting) stream[kState].pendingConnect = true;
    if (options.endStream) {
      stream[kState].endSent = !options.waitForTrailers;
      stream.end();
    }
    if (options.signal) {
      const signal = options.signal;
      const abort = () => {
        const { AbortError } = require('internal/errors');
        stream.destroy(new AbortError(undefined, { cause: signal.reason }));
      };
      if (signal.aborted) tick(abort);
      else signal.addEventListener('abort', abort, { once: true });
    }
    tick(() => {
      stream.uncork();
      stream.emit('ready');
    });
    // Sent after the writes of this tick, so headers and body share a write.
    this[kScheduleFlush]();
    return stream;
  }
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(NGHTTP2_SESSION_SERVER, options, socket);
    this[kServer] = server;
  }

  get server() { return this[kServer]; }

  _onHeaders(id, headers, flags, raw, end) {
    let stream = this[kStreams].get(id);
    if (!stream) {
      if (this.closed) return;
      stream = new ServerHttp2Stream(this, id, headers);
      this[kStreams].set(id, stream);
      if (chServerCreated.hasSubscribers) chServerCreated.publish({ stream, headers });
      if (end) {
        stream.endAfterHeaders = true;
        stream.push(null);
      }
      if (chServerStart.hasSubscribers) chServerStart.publish({ stream, headers });
      this.emit('stream', stream, headers, flags, raw);
      return;
    }
    stream.emit('trailers', headers, flags, raw);
    if (end) stream.push(null);
  }

  altsvc(alt, originOrStream) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    const { codes } = require('internal/errors');
    let stream = 0;
    let origin = '';
    if (typeof originOrStream === 'string') {
      origin = new URL(originOrStream).origin;
      if (origin === 'null') throw new codes.ERR_HTTP2_ALTSVC_INVALID_ORIGIN();
    } else if (typeof originOrStream === 'number') {
      if (originOrStream >>> 0 !== originOrStream || originOrStream === 0) {
        throw new ERR_OUT_OF_RANGE('originOrStream', '> 0 && < 4294967296', originOrStream);
      }
      stream = originOrStream;
    } else if (originOrStream !== undefined) {
      if (originOrStream === null || typeof originOrStream !== 'object' ||
          typeof originOrStream.origin !== 'string') {
        throw new ERR_INVALID_ARG_TYPE('originOrStream', ['string', 'number', 'URL', 'object'], originOrStream);
      }
      origin = originOrStream.origin;
      if (origin === 'null' || origin.length === 0) throw new codes.ERR_HTTP2_ALTSVC_INVALID_ORIGIN();
    }
    if (typeof alt !== 'string') throw new ERR_INVALID_ARG_TYPE('alt', 'string', alt);
    if (!/^[\t\x20-\x5b\x5d-\x7e\x80-\xff]*$/.test(alt)) throw new codes.ERR_INVALID_CHAR('alt');
    if (origin.length + alt.length > 16382) throw new codes.ERR_HTTP2_ALTSVC_LENGTH();
    binding.altsvc(this[kHandle], stream, origin, alt);
    this[kFlush]();
  }

  origin(...origins) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (origins.length === 0) return;
    const { codes } = require('internal/errors');
    const list = [];
    let len = 0;
    for (let o of origins) {
      if (typeof o === 'string') {
        o = new URL(o).origin;
      } else if (o != null && typeof o === 'object' && typeof o.origin === 'string') {
        o = o.origin;
      } else {
        throw new ERR_INVALID_ARG_TYPE('origin', ['string', 'URL', 'object'], o);
      }
      if (o === 'null') throw new codes.ERR_HTTP2_INVALID_ORIGIN();
      len += o.length;
      if (len > 16382) throw new codes.ERR_HTTP2_ORIGIN_LENGTH();
      list.push(o);
    }
    binding.origin(this[kHandle], list);
    this[kFlush]();
  }
}

class Http2Stream extends Duplex {
  constructor(session, options) {
    super({ allowHalfOpen: true, decodeStrings: false, autoDestroy: false });
    this[kSession] = session;
    this[kID] = undefined;
    this[kState] = {
      rstCode: NGHTTP2_NO_ERROR,
      closed: false,
      headersSent: false,
      sentTrailers: undefined,
      sentInfoHeaders: [],
      wantTrailers: !!(options && options.waitForTrailers),
      trailersReady: false,
      endSent: false,
      gotResponse: false,
      aborted: false,
    };
    this.endAfterHeaders = false;
    this.timeout = 0;
    // Events run in the async context the stream was made in (so that
    // AsyncLocalStorage stores follow a request's events).
    this[kScope] = require('async_hooks').AsyncLocalStorage.snapshot();
    this.on('pause', () => {});
  }

  emit(...args) {
    const scope = this[kScope];
    return scope ? scope((...a) => super.emit(...a), ...args) : super.emit(...args);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, opts) {
    const obj = {
      id: this[kID] || '<pending>',
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      readableState: this._readableState,
      writableState: this._writableState,
    };
    return `${this.constructor.name} ${require('util').inspect(obj, opts)}`;
  }

  get id() { return this[kID]; }
  get session() { return this[kSession]; }
  get pending() { return this[kID] === undefined || !!this[kState].pendingConnect; }
  get closed() { return this[kState].closed; }
  get aborted() { return this[kState].aborted; }
  get rstCode() { return this[kState].rstCode; }
  get sentHeaders() { return this[kState].sentHeaders; }
  get sentTrailers() { return this[kState].sentTrailers; }
  get sentInfoHeaders() { return this[kState].sentInfoHeaders; }
  get bufferSize() { return this.writableLength; }
  get headersSent() { return this[kState].headersSent; }

  get state() {
    const session = this[kSession];
    if (this.destroyed || session[kHandle] === undefined || this[kID] === undefined) {
      return {};
    }
    const s = binding.streamState(session[kHandle], this[kID]);
    return {
      state: s[0], weight: s[1], sumDependencyWeight: s[2],
      localClose: s[3], remoteClose: s[4], localWindowSize: s[5],
    };
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    validateNumber(msecs, 'msecs');
    if (callback !== undefined) validateFunction(callback, 'callback');
    this.timeout = msecs;
    clearTimeout(this[kState].timer);
    if (msecs > 0) {
      this[kState].timer = setTimeout(() => this.emit('timeout'), msecs);
      this[kState].timer.unref?.();
    }
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
    return this;
  }

  priority(options) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_STREAM();
    validateObject(options, 'options');
    if (!streamPriorityWarned) {
      streamPriorityWarned = true;
      process.emitWarning('http2Stream.priority is longer supported after priority signalling was deprecated in RFC 9113',
                          'DeprecationWarning', 'DEP0194');
    }
    priorityWarned = true;
    validatePriority(options);
    if (options.parent === this[kID]) throw new ERR_HTTP2_STREAM_SELF_DEPENDENCY();
    if (options.silent) return;
    binding.priority(this[kSession][kHandle], this[kID], options.parent || 0,
                     options.weight || 16, !!options.exclusive);
    this[kSession][kFlush]();
  }

  _read() {}

  _beforeWrite() {}

  _write(chunk, encoding, cb) {
    const data = chunk;
    if (!this.#send(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk, cb)) return;
    if (chClientBodyChunk.hasSubscribers && this[kSession][kState].type !== NGHTTP2_SESSION_SERVER) {
      chClientBodyChunk.publish({ stream: this, writev: false, data, encoding });
    }
    this.#written(cb);
  }

  _writev(chunks, cb) {
    const bufs = chunks.map(({ chunk, encoding }) =>
      (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
    if (!this.#send(Buffer.concat(bufs), cb)) return;
    if (chClientBodyChunk.hasSubscribers && this[kSession][kState].type !== NGHTTP2_SESSION_SERVER) {
      const allBuffers = chunks.every(({ chunk }) => typeof chunk !== 'string');
      const data = allBuffers ? chunks.map(({ chunk }) => chunk) : chunks;
      chClientBodyChunk.publish({ stream: this, writev: true, data, encoding: '' });
    }
    this.#written(cb);
  }

  // #written completes a write: at once, or, while more than a high
  // water mark of this stream's data waits unsent, after the next flush
  // (so a fast producer waits for the socket).
  #written(cb) {
    const session = this[kSession];
    if (binding.pending(session[kHandle], this[kID]) <= this.writableHighWaterMark) {
      cb();
      return;
    }
    session[kAfterFlush](cb);
  }

  #send(buf, cb) {
    if (this.destroyed || (this[kState].closed && !this[kState].closePending)) {
      cb(new ERR_HTTP2_INVALID_STREAM());
      return false;
    }
    this._beforeWrite();
    const session = this[kSession];
    binding.data(session[kHandle], this[kID], buf, false);
    session[kScheduleFlush]();
    return true;
  }

  #bodySent() {
    if (chClientBodySent.hasSubscribers && this[kSession][kState].type !== NGHTTP2_SESSION_SERVER) {
      chClientBodySent.publish({ stream: this });
    }
  }

  _final(cb) {
    if (this.destroyed || (this[kState].closed && !this[kState].closePending) || this[kID] === undefined) {
      cb();
      return;
    }
    const st = this[kState];
    if (st.pushed && !st.headersSent && this[kSession][kState].type === NGHTTP2_SESSION_SERVER) {
      // A push stream ended before respond(): the response ends the stream.
      st.endPending = true;
      cb();
      return;
    }
    this._beforeWrite();
    const session = this[kSession];
    if (st.endSent) {
      this.#bodySent();
      cb();
      return;
    }
    if (st.wantTrailers) {
      st.trailersReady = true;
      this.#bodySent();
      cb();
      tick(() => {
        // Without a 'wantTrailers' listener the stream just ends.
        if (!this.destroyed && !this[kState].closed && !this.emit('wantTrailers')) this.sendTrailers({});
      });
      return;
    }
    st.endSent = true;
    binding.data(session[kHandle], this[kID], new Uint8Array(0), true);
    session[kScheduleFlush]();
    this.#bodySent();
    cb();
  }

  sendTrailers(headers) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this[kState].sentTrailers) throw new ERR_HTTP2_TRAILERS_ALREADY_SENT();
    if (!this[kState].trailersReady) throw new ERR_HTTP2_TRAILERS_NOT_READY();
    validateObject(headers, 'headers');
    const [list, sensitive] = mapToHeaders(headers, (name) => {
      const { codes } = require('internal/errors');
      throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name);
    });
    this[kState].sentTrailers = headers;
    this[kState].endSent = true;
    const session = this[kSession];
    if (list.length === 0) {
      binding.data(session[kHandle], this[kID], new Uint8Array(0), true);
    } else {
      binding.headers(session[kHandle], this[kID], list, sensitive, true);
    }
    session[kScheduleFlush]();
  }

  close(code = NGHTTP2_NO_ERROR, callback) {
    validateUint32(code, 'code');
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.closed) return;
    if (callback !== undefined) this.once('close', callback);
    this[kState].closed = true;
    this[kState].userClosed = true;
    this[kState].rstCode = code;
    const session = this[kSession];
    const doClose = () => {
      if (session[kHandle] !== undefined && this[kID] !== undefined) {
        binding.rst(session[kHandle], this[kID], code);
        session[kFlush]();
      }
      // Like node, finish once the reset has gone out to the socket.
      setImmediate(() => this.#finishClose(code));
    };
    if (!this.writableEnded && code === NGHTTP2_NO_ERROR) {
      this[kState].endSent = false;
    }
    if (this[kID] === undefined) {
      this.once('ready', doClose);
    } else if (code === NGHTTP2_NO_ERROR && this.writableEnded && !this.writableFinished) {
      // Ending: the writes still buffered go out first.
      this[kState].closePending = true;
      this.once('finish', () => {
        this[kState].closePending = false;
        doClose();
      });
    } else {
      doClose();
    }
  }

  // _onClose runs when the engine reports the stream closed.
  _onClose(code) {
    const st = this[kState];
    const session = this[kSession];
    session[kStreams].delete(this[kID]);
    // close() finishes once its reset has gone out.
    if (st.userClosed) return;
    if (!st.closed) {
      st.closed = true;
      st.rstCode = code;
    }
    this.#finishClose(st.rstCode);
  }

  #finishClose(code) {
    const st = this[kState];
    if (st.finished) return;
    st.finished = true;
    this[kSession][kStreams].delete(this[kID]);
    clearTimeout(st.timer);
    publish(this, chClientClose, chServerClose, { stream: this });
    this.#maybeAbort();
    if (st.userClosed && !this.readableEnded && this.readableFlowing) {
      // A stream closed here still ends its readable side first.
      this.once('end', () => this.destroy());
      this.push(null);
      this.read(0);
    } else if (this.readableEnded || code !== NGHTTP2_NO_ERROR) {
      this.destroy();
    } else {
      this.once('end', () => this.destroy());
      this.push(null);
      if (this[kSession].type === NGHTTP2_SESSION_SERVER &&
          this.readableFlowing === null && this.listenerCount('readable') === 0) {
        this.resume();
      } else {
        this.read(0);
      }
    }
    tick(() => this[kSession]._maybeDone());
  }

  #maybeAbort() {
    const st = this[kState];
    if (!this.writableEnded && !st.aborted) {
      st.aborted = true;
      this.emit('aborted');
    }
  }

  _destroy(err, cb) {
    const st = this[kState];
    const session = this[kSession];
    if (!st.finished) this.#maybeAbort();
    let code = st.closed ? st.rstCode : (session[kState].goawayCode || session[kState].destroyCode);
    if (err != null && !st.closed) {
      const sessionCode = session[kState].goawayCode || session[kState].destroyCode;
      code = sessionCode || (err.name === 'AbortError' ? NGHTTP2_CANCEL : NGHTTP2_INTERNAL_ERROR);
    }
    if (!st.closed) {
      st.closed = true;
      st.rstCode = code;
      if (session[kHandle] !== undefined && this[kID] !== undefined && !session.destroyed) {
        binding.rst(session[kHandle], this[kID], code);
        session[kFlush]();
      }
    }
    clearTimeout(st.timer);
    session[kStreams].delete(this[kID]);
    if (err == null && code !== NGHTTP2_NO_ERROR && code !== NGHTTP2_CANCEL) {
      err = new ERR_HTTP2_STREAM_ERROR(nameForErrorCode(code));
    }
    if (err != null) publish(this, chClientError, chServerError, { stream: this, error: err });
    if (!st.finished) publish(this, chClientClose, chServerClose, { stream: this });
    st.finished = true;
    tick(() => session._maybeDone());
    cb(err);
  }
}

class ClientHttp2Stream extends Http2Stream {
  constructor(session, options) {
    super(session, options);
    this[kState].headersSent = true;
    // Writes wait (corked) until the stream is ready, then go out together.
    this.cork();
  }
}

function assertResponsePseudo(name) {
  if (name !== HTTP2_HEADER_STATUS) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name);
  }
}

function assertRequestPseudo(name) {
  if (name === HTTP2_HEADER_STATUS || !/^:(method|authority|scheme|path|protocol)$/.test(name)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name);
  }
}

function validateFileOptions(options) {
  if (options.offset !== undefined && typeof options.offset !== 'number') {
    throw new ERR_INVALID_ARG_VALUE('options.offset', options.offset);
  }
  if (options.length !== undefined && typeof options.length !== 'number') {
    throw new ERR_INVALID_ARG_VALUE('options.length', options.length);
  }
  if (options.statCheck !== undefined && typeof options.statCheck !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('options.statCheck', options.statCheck);
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('options.onError', options.onError);
  }
}

function isPayloadMeaningless(method) { return method === HTTP2_METHOD_HEAD; }

class ServerHttp2Stream extends Http2Stream {
  constructor(session, id, headers) {
    super(session, {});
    this[kID] = id;
    this[kState].requestHeaders = headers;
  }

  get pushAllowed() {
    const session = this[kSession];
    return !this.destroyed && !this.closed && !session.closed && !session.destroyed &&
      session[kState].remoteSettings.enablePush !== false;
  }

  pushStream(headers, options, callback) {
    if (this[kState].pushed) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_HTTP2_NESTED_PUSH();
    }
    if (!this.pushAllowed) throw new ERR_HTTP2_PUSH_DISABLED();
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    if (options !== undefined) validateObject(options, 'options');
    options = Object.assign({}, options);
    options.endStream = !!options.endStream;
    if (headers !== undefined) validateObject(headers, 'headers');
    const h = Object.assign({ __proto__: null }, headers);
    if (headers && headers[sensitiveHeaders]) h[sensitiveHeaders] = headers[sensitiveHeaders];
    const req = this[kState].requestHeaders || {};
    if (h[HTTP2_HEADER_METHOD] === undefined) h[HTTP2_HEADER_METHOD] = HTTP2_METHOD_GET;
    if (h[HTTP2_HEADER_AUTHORITY] === undefined && h.host === undefined) {
      h[HTTP2_HEADER_AUTHORITY] = req[HTTP2_HEADER_AUTHORITY] || req.host;
    }
    if (h[HTTP2_HEADER_SCHEME] === undefined) h[HTTP2_HEADER_SCHEME] = req[HTTP2_HEADER_SCHEME] || 'http';
    if (h[HTTP2_HEADER_PATH] === undefined) h[HTTP2_HEADER_PATH] = '/';
    const head = h[HTTP2_HEADER_METHOD] === HTTP2_METHOD_HEAD;
    if (head) options.endStream = true;
    const [list, sensitive] = mapToHeaders(h, assertRequestPseudo);
    const session = this[kSession];
    const ret = binding.pushPromise(session[kHandle], this[kID], list, sensitive);
    session[kScheduleFlush]();
    if (typeof ret !== 'number') {
      const { codes } = require('internal/errors');
      const err = ret === 'ids' ? new ERR_HTTP2_OUT_OF_STREAMS() :
        ret === 'disabled' ? new ERR_HTTP2_PUSH_DISABLED() : new codes.ERR_HTTP2_INVALID_STREAM();
      tick(callback, err);
      return;
    }
    const stream = new ServerHttp2Stream(session, ret, h);
    stream[kState].pushed = true;
    stream[kState].sentHeaders = h;
    session[kStreams].set(ret, stream);
    if (chServerCreated.hasSubscribers) chServerCreated.publish({ stream, headers: h });
    stream.push(null);
    if (options.endStream) stream.end();
    tick(() => {
      if (chServerStart.hasSubscribers) chServerStart.publish({ stream, headers: h });
      callback(null, stream, h, 0);
    });
  }

  _beforeWrite() {
    if (!this[kState].headersSent) this.respond();
  }

  #prepareResponse(headers, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this[kState].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    if (options !== undefined) validateObject(options, 'options');
    options = Object.assign({}, options);
    if (options.endStream !== undefined && typeof options.endStream !== 'boolean') {
      throw new ERR_INVALID_ARG_VALUE('options.endStream', options.endStream);
    }
    if (options.waitForTrailers !== undefined && typeof options.waitForTrailers !== 'boolean') {
      throw new ERR_INVALID_ARG_VALUE('options.waitForTrailers', options.waitForTrailers);
    }
    if (headers != null) validateObject(headers, 'headers', { allowArray: true });
    let raw = null;
    let h;
    if (Array.isArray(headers)) {
      raw = headers.slice();
      if (headers[sensitiveHeaders]) raw[sensitiveHeaders] = headers[sensitiveHeaders];
      h = headersFromArray(headers);
    } else {
      h = Object.assign({ __proto__: null }, headers);
      if (headers && headers[sensitiveHeaders]) h[sensitiveHeaders] = headers[sensitiveHeaders];
    }
    const before = Object.keys(h).length;
    if (h[HTTP2_HEADER_STATUS] === undefined) h[HTTP2_HEADER_STATUS] = 200;
    const status = Number(h[HTTP2_HEADER_STATUS]) | 0;
    if (status === 101) throw new ERR_HTTP2_STATUS_101();
    if (status < 200 || status > 599) {
      if (status >= 100 && status < 200) throw new ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
      throw new ERR_HTTP2_STATUS_INVALID(h[HTTP2_HEADER_STATUS]);
    }
    if (options.sendDate !== false && this[kSession][kServer]?.[kOptions]?.sendDate !== false &&
        !Object.keys(h).some((k) => k.toLowerCase() === HTTP2_HEADER_DATE)) {
      h[HTTP2_HEADER_DATE] = new Date().toUTCString();
    }
    if (status === 204 || status === 205 || status === 304 ||
        isPayloadMeaningless(this[kState].requestHeaders[HTTP2_HEADER_METHOD])) {
      options.endStream = true;
    }
    if (raw) {
      for (const k of Object.keys(h).slice(before)) raw.push(k, h[k]);
      Object.defineProperty(h, kRaw, { value: raw, enumerable: false });
    }
    return [h, options, status];
  }

  respond(headers, options) {
    const [h, opts] = this.#prepareResponse(headers, options);
    this.#sendResponse(h, opts);
  }

  #sendResponse(h, opts) {
    const [list, sensitive] = mapToHeaders(h[kRaw] || h, assertResponsePseudo,
                                           this[kSession][kOptions].strictSingleValueFields !== false);
    const st = this[kState];
    st.headersSent = true;
    st.sentHeaders = h;
    if (opts.waitForTrailers) st.wantTrailers = true;
    if (st.endPending) opts.endStream = true;
    const endStream = !!opts.endStream && !opts.waitForTrailers;
    const session = this[kSession];
    binding.headers(session[kHandle], this[kID], list, sensitive, endStream);
    if (chServerFinish.hasSubscribers) chServerFinish.publish({ stream: this, headers: h, flags: endStream ? 1 : 0 });
    if (opts.endStream) {
      st.endSent = endStream;
      if (!this.writableEnded) this.end();
    }
    session[kScheduleFlush]();
  }

  additionalHeaders(headers) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this[kState].headersSent) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_HTTP2_HEADERS_AFTER_RESPOND();
    }
    validateObject(headers, 'headers');
    const h = Object.assign({ __proto__: null }, headers);
    for (const k of Object.keys(h)) if (k[0] === ':') assertResponsePseudo(k.toLowerCase());
    if (h[HTTP2_HEADER_STATUS] !== undefined) {
      const status = h[HTTP2_HEADER_STATUS] = Number(h[HTTP2_HEADER_STATUS]) | 0;
      if (status === 101) throw new ERR_HTTP2_STATUS_101();
      if (status < 100 || status >= 200) throw new ERR_HTTP2_INVALID_INFO_STATUS(h[HTTP2_HEADER_STATUS]);
    } else {
      h[HTTP2_HEADER_STATUS] = 100;
    }
    const [list, sensitive] = mapToHeaders(h, assertResponsePseudo);
    this[kState].sentInfoHeaders.push(h);
    const session = this[kSession];
    binding.headers(session[kHandle], this[kID], list, sensitive, false);
    session[kFlush]();
  }

  respondWithFD(fd, headers, options) {
    const fs = require('fs');
    if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') fd = fd.fd;
    if (typeof fd !== 'number') throw new ERR_INVALID_ARG_TYPE('fd', ['number', 'FileHandle'], fd);
    validateUint32(fd, 'fd');
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this[kState].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    if (options !== undefined) validateObject(options, 'options');
    validateFileOptions(Object.assign({}, options));
    let stat;
    try {
      stat = fs.fstatSync(fd);
    } catch (err) {
      if (options && options.statCheck) throw err;
      // As node: the response goes out, then reading the descriptor
      // fails and the stream is reset with INTERNAL_ERROR.
      const [h, opts] = this.#prepareResponse(headers, options);
      this.#sendResponse(h, opts);
      tick(() => {
        if (!this.destroyed) this.close(NGHTTP2_INTERNAL_ERROR);
      });
      return;
    }
    this.#respondWithStream(stat, () => fs.createReadStream(null, { fd, autoClose: false, start: this[kState].fileStart, end: this[kState].fileEnd }), headers, options);
  }

  respondWithFile(path, headers, options) {
    const fs = require('fs');
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this[kState].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    if (options !== undefined) validateObject(options, 'options');
    options = Object.assign({}, options);
    validateFileOptions(options);
    if (headers != null && typeof headers === 'object') {
      const st = Number(headers[HTTP2_HEADER_STATUS]);
      if (st === 204 || st === 205 || st === 304) throw new ERR_HTTP2_PAYLOAD_FORBIDDEN(st);
    }
    const fail = (e) => {
      if (typeof options.onError === 'function') options.onError(e);
      else this.destroy(e);
    };
    fs.open(path, 'r', (err, fd) => {
      if (err) return fail(err);
      fs.fstat(fd, (err, stat) => {
        if (err) {
          fs.close(fd, () => {});
          return fail(err);
        }
        if (stat.isDirectory()) {
          fs.close(fd, () => {});
          return fail(new ERR_HTTP2_SEND_FILE());
        }
        if (!stat.isFile() && (options.offset !== undefined || options.length !== undefined)) {
          fs.close(fd, () => {});
          const { codes } = require('internal/errors');
          return fail(new codes.ERR_HTTP2_SEND_FILE_NOSEEK());
        }
        if (this.destroyed || this.closed) {
          fs.close(fd, () => {});
          return;
        }
        try {
          this.#respondWithStream(stat, () => fs.createReadStream(null, {
            fd, autoClose: true, start: this[kState].fileStart, end: this[kState].fileEnd,
          }), headers, options);
          if (!this[kState].fileOpened) fs.close(fd, () => {});
        } catch (e) {
          fs.close(fd, () => {});
          fail(e);
        }
      });
    });
  }

  #respondWithStream(stat, open, headers, options) {
    options = Object.assign({}, options);
    validateFileOptions(options);
    const [h, opts, status] = this.#prepareResponse(headers, options);
    if (status === 204 || status === 205 || status === 304) throw new ERR_HTTP2_PAYLOAD_FORBIDDEN(status);
    const offset = options.offset || 0;
    let length = options.length !== undefined && options.length >= 0 ? options.length : stat.size - offset;
    if (stat.isFile()) {
      length = Math.min(length, Math.max(stat.size - offset, 0));
      if (h['content-length'] === undefined) h['content-length'] = length;
    }
    if (options.statCheck &&
        options.statCheck(stat, h, { offset, length: options.length !== undefined ? options.length : length }) === false) {
      return;
    }
    // Pipes and other unseekable files are read as they come.
    this[kState].fileStart = stat.isFile() ? offset : undefined;
    this[kState].fileEnd = stat.isFile() && length > 0 ? offset + length - 1 : undefined;
    if (opts.endStream || (stat.isFile() && length === 0)) {
      opts.endStream = true;
      this.#sendResponse(h, opts);
      return;
    }
    this.#sendResponse(h, opts);
    this[kState].fileOpened = true;
    const rs = open();
    rs.on('error', (err) => this.destroy(err));
    rs.pipe(this);
  }
}

// Servers

function onServerStream(stream, headers, flags, raw) {
  const server = this[kServer];
  server.emit('stream', stream, headers, flags, raw);
}

function setupServerSession(server, socket) {
  const session = new ServerHttp2Session(server[kOptions], socket, server);
  server[kState].sessions.add(session);
  session.on('stream', onServerStream);
  session.on('close', () => server[kState].sessions.delete(session));
  session.on('error', (err) => {
    if (server.listenerCount('sessionError') > 0) server.emit('sessionError', err, session);
  });
  session.on('timeout', () => {
    if (server.listenerCount('timeout') > 0) server.emit('timeout', session);
    else session.destroy();
  });
  if (server.timeout) socket.setTimeout(server.timeout);
  session[kState].hasErrorListener = true;
  const origins = server[kOptions].origins;
  if (Array.isArray(origins) && origins.length) session.origin(...origins);
  server.emit('session', session);
  tick(() => session.emit('connect', session, socket));
  // The server preface goes out with the first scheduled write, as
  // nghttp2's does.
  session[kScheduleFlush]();
  return session;
}

function initServerOptions(options) {
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  options = Object.assign({}, options);
  if (options.settings !== undefined) {
    validateObject(options.settings, 'options.settings');
    validateSettings(Object.assign({}, options.settings));
  }
  if (options.maxSessionInvalidFrames !== undefined) {
    validateUint32(options.maxSessionInvalidFrames, 'maxSessionInvalidFrames');
  }
  if (options.maxSessionRejectedStreams !== undefined) {
    validateUint32(options.maxSessionRejectedStreams, 'maxSessionRejectedStreams');
  }
  return options;
}

function serverRequestHandler(server, handler) {
  if (typeof handler === 'function') server.on('request', handler);
  server.on('stream', (stream, headers, flags, raw) => {
    if (server.listenerCount('request') === 0) return;
    require('internal/http2/compat').onServerStream(server, stream, headers, flags, raw);
  });
}

// With captureRejections, a rejected async 'stream' or 'request'
// listener answers 500 (or resets the stream once headers went out).
function serverRejection(err, event, ...args) {
  switch (event) {
    case 'stream': {
      const stream = args[0];
      if (stream.headersSent) {
        stream.destroy(err);
      } else {
        stream.respond({ [HTTP2_HEADER_STATUS]: 500 });
        stream.end();
      }
      break;
    }
    case 'request': {
      const res = args[1];
      if (!res.headersSent && !res.finished) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.statusCode = 500;
        res.end();
      } else {
        res.destroy();
      }
      break;
    }
    default:
      args.unshift(err, event);
      this.emit('error', ...args);
  }
}

function closeSessions(server) {
  for (const s of server[kState].sessions) s.close();
}

// setTimeout and updateSettings of both server classes (Http2Server over
// net, Http2SecureServer over tls).
function setServerTimeout(server, msecs, callback) {
  server.timeout = msecs;
  if (callback !== undefined) {
    validateFunction(callback, 'callback');
    server.on('timeout', callback);
  }
  return server;
}

function updateServerSettings(server, settings) {
  validateObject(settings, 'settings');
  validateSettings(settings);
  server[kOptions].settings = Object.assign({}, server[kOptions].settings, settings);
}

class Http2Server extends net.Server {
  constructor(options, handler) {
    if (typeof options === 'function') {
      handler = options;
      options = {};
    }
    options = initServerOptions(options);
    super({ allowHalfOpen: true });
    this[kOptions] = options;
    this[kState] = { sessions: new Set() };
    this.timeout = 0;
    this.on('connection', (socket) => setupServerSession(this, socket));
    serverRequestHandler(this, handler);
  }

  setTimeout(msecs, callback) { return setServerTimeout(this, msecs, callback); }

  updateSettings(settings) { updateServerSettings(this, settings); }

  close(cb) {
    closeSessions(this);
    return super.close(cb);
  }
}

class Http2SecureServer extends tls.Server {
  constructor(options, handler) {
    options = initServerOptions(options);
    const tlsOptions = Object.assign({}, options);
    if (!tlsOptions.ALPNProtocols && !tlsOptions.ALPNCallback) {
      tlsOptions.ALPNProtocols = options.allowHTTP1 ? ['h2', 'http/1.1'] : ['h2'];
    }
    super(tlsOptions);
    this[kOptions] = options;
    this[kState] = { sessions: new Set() };
    if (options.allowHTTP1 === true) {
      // HTTP/1 clients are served by node:http's connection handling.
      const httpServer = require('_http_server');
      const h1 = Object.assign({}, options, options.http1Options);
      if (!h1.IncomingMessage && options.Http1IncomingMessage) h1.IncomingMessage = options.Http1IncomingMessage;
      if (!h1.ServerResponse && options.Http1ServerResponse) h1.ServerResponse = options.Http1ServerResponse;
      httpServer.storeHTTPOptions.call(this, h1);
      httpServer.initHTTPServer(this, undefined, kHttp1Connection);
    }
    this.timeout = 0;
    this.on('secureConnection', (socket) => {
      if (socket.alpnProtocol !== 'h2') {
        if (options.allowHTTP1 === true &&
            (socket.alpnProtocol === false || socket.alpnProtocol === 'http/1.1' || !socket.alpnProtocol)) {
          this.emit(kHttp1Connection, socket);
          return;
        }
        if (this.listenerCount('unknownProtocol') > 0) {
          this.emit('unknownProtocol', socket);
        } else {
          // Tell an HTTP/1 client what is wrong, then hang up.
          socket.end('HTTP/1.0 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n' +
            'Missing ALPN Protocol, expected `h2` to be available.\n' +
            'If this is a HTTP request: The server was not configured with the `allowHTTP1` ' +
            'option or a listener for the `unknownProtocol` event.\n');
        }
        const timer = setTimeout(() => {
          if (!socket.destroyed) socket.destroy();
        }, options.unknownProtocolTimeout ?? 10000);
        timer.unref?.();
        socket.once('close', () => clearTimeout(timer));
        return;
      }
      setupServerSession(this, socket);
    });
    serverRequestHandler(this, handler);
  }

  setTimeout(msecs, callback) { return setServerTimeout(this, msecs, callback); }

  updateSettings(settings) { updateServerSettings(this, settings); }

  close(cb) {
    closeSessions(this);
    const r = super.close(cb);
    if (this[kOptions].allowHTTP1 === true) {
      require('_http_server').Server.prototype.closeIdleConnections.call(this);
    }
    return r;
  }
}

Http2Server.prototype[Symbol.for('nodejs.rejection')] = serverRejection;
Http2SecureServer.prototype[Symbol.for('nodejs.rejection')] = serverRejection;

function createServer(options, handler) {
  return new Http2Server(options, handler);
}

function createSecureServer(options, handler) {
  return new Http2SecureServer(options, handler);
}

// Client

function connect(authority, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  if (options !== undefined) validateObject(options, 'options');
  options = Object.assign({}, options);
  if (typeof authority === 'string') authority = new URL(authority);
  else if (authority === null || typeof authority !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('authority', ['string', 'URL'], authority);
  }
  const protocol = authority.protocol || options.protocol || 'https:';
  const port = String(authority.port || options.port || (protocol === 'http:' ? 80 : 443));
  let host = 'localhost';
  if (authority.hostname) {
    host = authority.hostname;
    if (host[0] === '[') host = host.slice(1, -1);
  } else if (authority.host) {
    host = authority.host;
  }
  let socket;
  if (typeof options.createConnection === 'function') {
    socket = options.createConnection(authority, options);
  } else if (protocol === 'http:') {
    socket = net.connect({ port, host, localAddress: options.localAddress, family: options.family, lookup: options.lookup });
  } else if (protocol === 'https:') {
    const tlsOpts = Object.assign({}, options, {
      port,
      host,
      ALPNProtocols: ['h2'],
    });
    if (!tlsOpts.servername && !net.isIP(host)) tlsOpts.servername = host;
    socket = tls.connect(tlsOpts);
  } else {
    throw new ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol);
  }
  const session = new ClientHttp2Session(options, socket);
  const authHost = options.servername || host;
  session._authority = net.isIPv6(authHost) ? `[${authHost}]:${port}` : `${authHost}:${port}`;
  session._protocol = protocol;
  if (protocol === 'https:') {
    session.originSet = [options.servername ? `https://${options.servername}:${port}` :
      (typeof authority.origin === 'string' && authority.origin !== 'null' ?
        authority.origin : `https://${session._authority}`)];
  }
  const connected = socket.encrypted ? !socket.connecting && socket._secureEstablished : !socket.connecting;
  if (!connected) {
    session._holdOutput();
    const ev = socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect';
    socket.once(ev, () => {
      if (session.destroyed) return;
      if (socket instanceof tls.TLSSocket) session.alpnProtocol = socket.alpnProtocol;
      session.encrypted = socket instanceof tls.TLSSocket;
      if (session.closed) {
        // Requests made before close() but still waiting for the socket
        // are not started.
        for (const stream of session[kStreams].values()) {
          if (stream[kState].pendingConnect) stream.destroy(new ERR_HTTP2_GOAWAY_SESSION());
        }
      }
      session._releaseOutput();
      session[kFlush]();
      session.emit('connect', session, socket);
    });
  } else {
    tick(() => session.emit('connect', session, socket));
  }
  if (typeof listener === 'function') session.once('connect', listener);
  session[kFlush]();
  return session;
}

// util.promisify(connect) resolves with the session once it connects.
// Named connect, as node's (inside it, that name is the function itself:
// the real connect is reached through connectSession).
const connectSession = connect;
Object.defineProperty(connect, require('util').promisify.custom, {
  value: function connect(authority, options) {
    return new Promise((resolve, reject) => {
      const session = connectSession(authority, options, () => {
        session.removeListener('error', reject);
        resolve(session);
      });
      session.once('error', reject);
    });
  },
});

function performServerHandshake(socket, options = {}) {
  return new ServerHttp2Session(initServerOptions(options), socket, null);
}

module.exports = {
  ClientHttp2Session,
  ClientHttp2Stream,
  Http2Session,
  Http2Stream,
  Http2Server,
  Http2SecureServer,
  ServerHttp2Session,
  ServerHttp2Stream,
  connect,
  createServer,
  createSecureServer,
  performServerHandshake,
  kSession,
  kState,
  kID,
  kOptions,
  nameForErrorCode,
  sessionClosedError,
  ERR_HTTP2_STREAM_CANCEL,
  ERR_HTTP2_PUSH_DISABLED,
  ERR_OUT_OF_RANGE,
};
