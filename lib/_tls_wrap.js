'use strict';

// TLSSocket, tls.Server and tls.connect over the Go tls_wrap binding: the
// TLS engine runs as a memory transform above a parent stream (a
// net.Socket, or any Duplex).

const net = require('net');
const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_SOCKET_CLOSED,
    ERR_TLS_SNI_FROM_SERVER,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
    ERR_TLS_ALPN_CALLBACK_INVALID_RESULT,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_MULTIPLE_CALLBACK,
  },
  notImplemented,
} = require('internal/errors');
const {
  validateObject,
  validateFunction,
  validateNumber,
  validateString,
} = require('internal/validators');
const {
  SecureContext,
  createSecureContext,
  alpnList,
  convertALPNProtocols,
  contextId,
  useSystemCA,
} = require('internal/tls/secure-context');

const { kTimeout } = require('internal/timers');

const binding = internalBinding('tls_wrap');

const engines = new Map();

binding.setCallbacks(
  // onCipher: bytes to send on the parent stream.
  (id, ab) => {
    const s = engines.get(id);
    // A write encrypted at once completes when the parent has written
    // its records (parent errors reach the 'error' listener instead).
    const done = s ? s._syncWriteCb : null;
    if (done) s._syncWriteCb = null;
    if (s && s._parent && !s._parent.destroyed && !s._parent.writableEnded) {
      s._parent.write(Buffer.from(ab), done ? () => done() : undefined);
    } else if (done) {
      process.nextTick(done);
    }
  },
  // onPlain: decrypted bytes, or null at the end of the stream.
  (id, ab, err) => {
    const s = engines.get(id);
    if (!s) return;
    if (ab !== null) {
      s._unrefTimerRefresh();
      s._tlsBytesRead = (s._tlsBytesRead || 0) + ab.byteLength;
      if (!s.push(Buffer.from(ab)) && s._parent.pause) s._parent.pause();
      return;
    }
    if (err) {
      s.destroy(tlsError(err));
      return;
    }
    s._plainEnded = true;
    s.push(null);
    s.read(0);
    if (s._parentClosed) {
      if (s.readableLength === 0) process.nextTick(() => s.destroy());
      else s.once('end', () => s.destroy());
    }
  },
  // onHandshake(id, err, info)
  (id, err, info) => {
    const s = engines.get(id);
    if (s) s._onHandshake(err, info);
  },
  // onHello(id, servername, protocols): a server's ClientHello.
  (id, servername, protocols) => {
    const s = engines.get(id);
    if (s) s._onHello(servername, protocols);
    else binding.helloDone(id, 0, undefined, 'socket closed');
  },
  // onSession(id, bytes): a client's new session (ticket and state).
  (id, ab) => {
    const s = engines.get(id);
    if (!s) return;
    const buf = Buffer.from(ab);
    s[kSession] = buf;
    // A TLS 1.2 session comes within the handshake: node emits it after
    // 'secureConnect'.
    if (s._secureEstablished) s.emit('session', buf);
    else (s._pendingSessions || (s._pendingSessions = [])).push(buf);
  },
);

// tlsError names a Go handshake or record failure as node's OpenSSL
// errors are named.
function tlsError(msg) {
  let code = 'ECONNRESET';
  let text = msg;
  if (/^http request/.test(msg)) {
    code = 'ERR_SSL_HTTP_REQUEST';
    text = 'SSL routines::http request';
  } else if (/first record does not look like a TLS handshake|unsupported SSLv2|oversized record|record overflow/.test(msg)) {
    code = 'ERR_SSL_WRONG_VERSION_NUMBER';
    text = 'SSL routines:ssl3_get_record:wrong version number';
  } else if (/certificate required/.test(msg)) {
    code = 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED';
  } else if (/bad certificate|certificate/.test(msg)) {
    code = 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE';
  } else if (/no application protocol|unsupported application protocols/.test(msg)) {
    code = 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL';
  } else if (/protocol version|unsupported versions/.test(msg)) {
    code = 'ERR_SSL_UNSUPPORTED_PROTOCOL';
  } else if (/handshake failure|no shared cipher|no cipher suite supported/.test(msg)) {
    code = 'ERR_SSL_NO_SHARED_CIPHER';
  } else if (/internal error/.test(msg)) {
    code = 'ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR';
  }
  const err = new Error(text);
  err.code = code;
  return err;
}

function toU8(v) {
  if (typeof v === 'string') return Buffer.from(v, 'latin1');
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function disconnectError(s) {
  if (s._tlsOptions.isServer) {
    const e = new Error('socket hang up');
    e.code = 'ECONNRESET';
    return e;
  }
  const err = new Error('Client network socket disconnected before secure TLS connection was established');
  err.code = 'ECONNRESET';
  err.path = s._tlsOptions.path;
  err.host = s._tlsOptions.host;
  err.port = s._tlsOptions.port;
  err.localAddress = s._tlsOptions.localAddress;
  return err;
}

// cancelledWrite is the error of a write dropped when the socket closed.
function cancelledWrite() {
  const err = new Error('write ECANCELED');
  err.errno = -125;
  err.code = 'ECANCELED';
  err.syscall = 'write';
  return err;
}

const kEngine = Symbol('kEngine');
const kInfo = Symbol('kInfo');
const kSession = Symbol('kSession');
const kOwner = Symbol('kOwner');

let JSStreamSocket;

// TLSWrap is a TLS socket's _handle, as in node: what lies under the
// TLS layer (_parentWrap: the net.Socket, or the JSStreamSocket that
// carries a JS Duplex; _parent: that socket's handle). Libraries read
// these (got reaches JSStreamSocket through _handle._parentWrap).
class TLSWrap {
  constructor(owner) {
    this[kOwner] = owner;
    this._parent = null;
    this._parentWrap = null;
    this._secureContext = owner._secureContext;
  }

  // Plaintext written but not yet handed to the parent stream.
  get writeQueueSize() { return this[kOwner].writableLength; }

  // shutdown(req) sends close_notify after the writes queued, then ends
  // the parent stream; req.oncomplete(status) follows (a stream_wrap
  // ShutdownWrap, as node's StreamBase takes).
  shutdown(req) {
    const owner = this[kOwner];
    const id = owner[kEngine];
    if (!id) return -9; // UV_EBADF
    binding.shutdown(id, (status) => {
      const parent = owner._parent;
      if (parent && !parent.destroyed) parent.end();
      if (typeof req.oncomplete === 'function') req.oncomplete(status < 0 ? status : 0);
    });
    return 0;
  }
}

function certObjects(info, detailed) {
  if (!info || !info.peerChain || info.peerChain.length === 0) return null;
  const chain = info.peerChain.map(fixCert);
  if (!detailed) return chain[0];
  for (let i = 0; i < chain.length - 1; i++) chain[i].issuerCertificate = chain[i + 1];
  const last = chain[chain.length - 1];
  if (last.fingerprint256 && isSelfIssued(last)) last.issuerCertificate = last;
  return chain[0];
}

function isSelfIssued(c) {
  const a = c.subject;
  const b = c.issuer;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (String(a[k]) !== String(b[k])) return false;
  return true;
}

function fixCert(c) {
  const o = { ...c };
  if (o.raw) o.raw = Buffer.from(o.raw.buffer, o.raw.byteOffset, o.raw.byteLength);
  if (o.pubkey) o.pubkey = Buffer.from(o.pubkey.buffer, o.pubkey.byteOffset, o.pubkey.byteLength);
  return o;
}

// Node 24 adds a hint to the "unknown issuer" family of failures.
const caHint = '; if the root CA is installed locally, try running Node.js with --use-system-ca';

function authMessage(code) {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT': return 'self-signed certificate' + caHint;
    case 'SELF_SIGNED_CERT_IN_CHAIN': return 'self-signed certificate in certificate chain';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': return 'unable to verify the first certificate' + caHint;
    case 'UNABLE_TO_GET_ISSUER_CERT': return 'unable to get issuer certificate' + caHint;
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY': return 'unable to get local issuer certificate' + caHint;
    case 'CERT_HAS_EXPIRED': return 'certificate has expired';
    case 'CERT_NOT_YET_VALID': return 'certificate is not yet valid';
    case 'CERT_REJECTED': return 'certificate rejected';
    default: return code || 'certificate verification failed';
  }
}

class TLSSocket extends net.Socket {
  constructor(socket, opts) {
    const options = { rejectUnauthorized: true, ...opts };
    if (socket !== undefined && socket !== null && !(socket instanceof Duplex) &&
        !(socket instanceof net.Socket)) {
      throw new ERR_INVALID_ARG_TYPE('socket', ['net.Socket', 'stream.Duplex'], socket);
    }
    if (options.SNICallback !== undefined && options.SNICallback !== null &&
        typeof options.SNICallback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options.SNICallback', 'Function', options.SNICallback);
    }
    if (options.ALPNCallback !== undefined && options.ALPNCallback !== null) {
      validateFunction(options.ALPNCallback, 'options.ALPNCallback');
      if (options.ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
    }
    const alpn = alpnList(options.ALPNProtocols);
    super({
      allowHalfOpen: socket ? socket.allowHalfOpen : options.allowHalfOpen,
      highWaterMark: options.highWaterMark,
      signal: options.signal,
      // Recorded as node's TLSSocket does (tls.connect gives them to the
      // underlying connection too).
      noDelay: options.noDelay,
      keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay,
    });
    this.encrypted = true;
    this.authorized = false;
    this.authorizationError = null;
    this.alpnProtocol = null;
    this.servername = null;
    this._tlsOptions = options;
    this._alpn = alpn;
    this._secureEstablished = false;
    this._rejectUnauthorized = options.rejectUnauthorized !== false;
    this._requestCert = !!options.requestCert;
    this[kInfo] = null;
    this[kEngine] = 0;
    this._parent = null;
    this.server = options.server || null;
    this._server = null;
    this.ssl = null;
    let sc = options.secureContext;
    if (sc !== undefined && sc !== null) {
      if (!(sc instanceof SecureContext)) throw new ERR_TLS_INVALID_CONTEXT('context');
    } else {
      sc = createSecureContext(options);
    }
    this._secureContext = sc;
    // Until control is released (tls.connect, or a server socket once
    // secure), errors are reported as '_tlsError' only.
    this._controlReleased = false;
    this.on('error', this._tlsError);
    if (socket) this._wrap(socket);
  }

  // _unrefTimerRefresh restarts the idle timers of this socket and its
  // parents; a parent may be any Duplex (no _parent of its own).
  _unrefTimerRefresh() {
    for (let s = this; s; s = s._parent) {
      if (s[kTimeout]) s[kTimeout].refresh();
    }
  }

  _tlsError(err) {
    this.emit('_tlsError', err);
    if (this._controlReleased) return err;
    return null;
  }

  _releaseControl() {
    if (this._controlReleased) return false;
    this._controlReleased = true;
    this.removeListener('error', this._tlsError);
    return true;
  }

  _wrap(socket) {
    const options = this._tlsOptions;
    // Any other Duplex is carried by a JSStreamSocket, as in node.
    if (socket instanceof Duplex && !(socket instanceof net.Socket)) {
      JSStreamSocket ??= require('internal/js_stream_socket');
      socket = new JSStreamSocket(socket);
    }
    this._parent = socket;
    this._handle = new TLSWrap(this);
    this._handle._parentWrap = socket;
    this._handle._parent = socket._handle || null;
    // The TLS socket decides when its side ends: the parent must not end
    // itself on the peer's FIN while a reply is still to be sent.
    if (socket instanceof net.Socket) socket.allowHalfOpen = true;
    this.connecting = !!socket.connecting;
    const isServer = !!options.isServer;
    const id = binding.create(isServer, contextId(this._secureContext), {
      servername: options.servername,
      ALPNProtocols: this._alpn,
      requestCert: this._requestCert,
      useSystemCA: useSystemCA(),
      hello: isServer,
      session: !isServer && options.session ? toU8(options.session) : undefined,
    });
    this[kEngine] = id;
    if (this._unrefd) binding.setRef(id, false);
    this.ssl = { id };
    engines.set(id, this);
    socket.on('data', (d) => {
      if (!this._sawData) {
        this._sawData = true;
        // A plain HTTP request sent to a TLS port, as OpenSSL names it.
        this._httpRequest = /^(GET|POST|PUT|HEAD|DELETE|OPTIONS|PATCH|CONNECT) /.test(d.subarray(0, 8).toString('latin1'));
      }
      if (this[kEngine]) binding.feed(this[kEngine], d);
    });
    socket.on('end', () => {
      if (this[kEngine]) binding.feedEnd(this[kEngine]);
    });
    socket.on('error', (err) => {
      // A write of the closing alert can race the peer's close: once this
      // side has ended, EPIPE/ECONNRESET only mean the peer is gone first.
      if ((err.code === 'EPIPE' || err.code === 'ECONNRESET') &&
          (this.writableEnded || this.readableEnded)) {
        this.destroy();
        return;
      }
      if (!this._secureEstablished && this._fromServer && this.server) {
        this.server.emit('tlsClientError', err, this);
        this.destroy();
        return;
      }
      this.destroy(err);
    });
    socket.on('close', () => {
      if (this.destroyed) return;
      // Let the engine finish: plaintext already read is still delivered,
      // then the end of the stream (or a handshake failure).
      this._parentClosed = true;
      // A parent destroyed on this side (no end from the peer) takes the
      // secure socket with it at once, as node's shared handle does.
      if (this._secureEstablished && !this._plainEnded && !socket.readableEnded) this.destroy();
      else if (this._plainEnded) process.nextTick(() => this.destroy());
      else if (this[kEngine] && this._engineStarted) binding.feedEnd(this[kEngine]);
      else this.destroy(this._secureEstablished ? undefined : disconnectError(this));
    });
    // A client made with new TLSSocket (not tls.connect) starts its
    // handshake with its first write or end (_start), as node's does.
    this._pendingStart = !isServer && !this._controlReleased;
    const start = () => {
      this.connecting = false;
      if (this._pendingStart) return;
      this._engineStarted = true;
      if (this[kEngine]) binding.start(this[kEngine]);
    };
    if (socket.connecting) {
      socket.once('connect', () => {
        start();
        if (!this._tlsOptions.isServer) this.emit('connect');
      });
    } else {
      start();
    }
  }

  // _start begins a client's handshake that waited for it (see _wrap).
  _start() {
    if (!this._pendingStart) return;
    this._pendingStart = false;
    if (this.connecting || this._engineStarted) return;
    this._engineStarted = true;
    if (this[kEngine]) binding.start(this[kEngine]);
  }

  _onHello(servername, protocols) {
    const id = this[kEngine];
    const opts = this._tlsOptions;
    let alpn;
    const alpnCb = opts.ALPNCallback || (this.server && this.server._ALPNCallback);
    if (alpnCb && protocols.length > 0) {
      let r;
      try {
        r = alpnCb.call(this, { servername, protocols });
      } catch (err) {
        binding.helloDone(id, 0, undefined, 'callback error');
        process.nextTick(() => this._helloFailed(err));
        return;
      }
      if (r === undefined) {
        alpn = false;
      } else if (!protocols.includes(r)) {
        const err = new ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(r, protocols);
        binding.helloDone(id, 0, undefined, 'callback error');
        process.nextTick(() => this._helloFailed(err));
        return;
      } else {
        alpn = r;
      }
    }
    const sni = opts.SNICallback || (this.server && this.server._SNICallback);
    const keyCert = this._keyCertContext ? contextId(this._keyCertContext) : 0;
    if (!servername || typeof sni !== 'function') {
      binding.helloDone(id, keyCert, alpn, undefined);
      return;
    }
    let called = false;
    sni.call(this.server || this, servername, (err, context) => {
      if (called) {
        this.destroy(new ERR_MULTIPLE_CALLBACK());
        return;
      }
      called = true;
      if (!this[kEngine]) return;
      if (err) {
        binding.helloDone(id, 0, undefined, 'SNI callback error');
        this._helloFailed(err);
        return;
      }
      let ctxId = keyCert;
      if (context) {
        if (!(context instanceof SecureContext)) {
          if (context.context && context.context instanceof Object && context.context.constructor &&
              context.context.constructor.name === 'NativeSecureContext') {
            context = { context: context.context, __proto__: SecureContext.prototype };
          } else {
            // Only a secure context (or an object holding a native one)
            // will do, as in node.
            binding.helloDone(id, 0, undefined, 'SNI context error');
            this._helloFailed(new TypeError('Invalid SNI context'));
            return;
          }
        }
        ctxId = contextId(context);
        this._secureContext = context;
      }
      binding.helloDone(id, ctxId, alpn, undefined);
    });
  }

  // _helloFailed ends a server socket whose SNI or ALPN callback failed:
  // the server hears of it as 'tlsClientError'.
  _helloFailed(err) {
    this._helloError = true;
    if (this._fromServer && this.server) {
      this.server.emit('tlsClientError', err, this);
      this.destroy();
    } else {
      this.destroy(err);
    }
  }

  _onHandshake(err, info) {
    if (err !== null) {
      let e;
      if (/^(unexpected )?EOF$/.test(err)) e = disconnectError(this);
      else e = tlsError(this._httpRequest && this._tlsOptions.isServer ? 'http request' : err);
      if (this._fromServer && this.server) {
        this.server.emit('tlsClientError', e, this);
        this.destroy();
      } else {
        this.destroy(e);
      }
      return;
    }
    this[kInfo] = info;
    this._secureEstablished = true;
    this.authorized = info.authorized;
    this.authorizationError = info.authorizationError || null;
    this.alpnProtocol = info.alpnProtocol;
    if (this._handshakeTimer) {
      clearTimeout(this._handshakeTimer);
      this._handshakeTimer = null;
    }
    if (this._tlsOptions.isServer) {
      this.servername = info.servername || false;
      if (!info.peerChain) {
        this.authorized = false;
        if (this._requestCert) this.authorizationError = 'UNABLE_TO_GET_ISSUER_CERT';
      }
      if (this._requestCert && this._rejectUnauthorized && !this.authorized) {
        this.destroy();
        return;
      }
      if (!this._requestCert) {
        this.authorized = false;
        this.authorizationError = null;
      }
      this._releaseControl();
      this.emit('secure');
      if (this.server) this.server.emit('secureConnection', this);
      return;
    }
    let verifyError = null;
    if (!this.authorized) {
      verifyError = new Error(authMessage(this.authorizationError));
      verifyError.code = this.authorizationError;
    } else {
      const opts = this._tlsOptions;
      const host = opts.servername || opts.host || (opts.socket && opts.socket._host) || 'localhost';
      const check = opts.checkServerIdentity;
      verifyError = check(host, this.getPeerCertificate(true)) || null;
      if (verifyError) {
        this.authorized = false;
        this.authorizationError = verifyError.code || verifyError.message;
      }
    }
    if (verifyError && this._rejectUnauthorized) {
      this.destroy(verifyError);
      return;
    }
    // The server checked out: writes queued so far may go.
    if (this[kEngine]) binding.allowWrite(this[kEngine]);
    this.emit('secureConnect');
    this.emit('ready');
    if (this._pendingSessions) {
      const list = this._pendingSessions;
      this._pendingSessions = null;
      for (const buf of list) this.emit('session', buf);
    }
  }

  _read(n) {
    if (this._parent && this._parent.isPaused && this._parent.isPaused()) this._parent.resume();
  }

  _writeGeneric(writev, data, encoding, cb) {
    if (this._pendingStart) this._start();
    if (!this[kEngine]) {
      cb(new ERR_SOCKET_CLOSED());
      return;
    }
    let payload;
    if (writev) {
      payload = Buffer.concat(data.map((c) => (typeof c.chunk === 'string' ? Buffer.from(c.chunk, c.encoding) : c.chunk)));
    } else {
      payload = typeof data === 'string' ? Buffer.from(data, encoding) : data;
    }
    this._bytesDispatched = (this._bytesDispatched || 0) + payload.length;
    this._syncWriteCb = cb;
    const r = binding.write(this[kEngine], payload, (status) => {
      if (status === -125) cb(cancelledWrite());
      else if (status < 0) cb(new ERR_SOCKET_CLOSED());
      else cb();
    });
    // r 1: encrypted and handed to the parent at once; cb runs when the
    // parent has written it (or now, when nothing went out).
    const pending = this._syncWriteCb;
    this._syncWriteCb = null;
    if (r === 1) {
      if (pending) cb();
    } else if (r === -32 || r === -1) {
      cb(new ERR_SOCKET_CLOSED());
    }
  }

  get bytesRead() { return this._tlsBytesRead || 0; }

  get bufferSize() {
    if (this[kEngine]) return this.writableLength;
    return undefined;
  }

  get bytesWritten() {
    // Read on a prototype (no socket state): undefined, as node's.
    if (this._writableState === undefined) return undefined;
    if (this._parent && typeof this._parent.bytesWritten === 'number') return this._parent.bytesWritten;
    return this._bytesDispatched || 0;
  }

  _final(cb) {
    if (this._pendingStart) this._start();
    if (!this[kEngine]) return cb();
    binding.shutdown(this[kEngine], () => {
      if (this._parent && !this._parent.destroyed) this._parent.end();
      cb();
    });
  }

  _destroy(err, cb) {
    this._handle = null;
    const id = this[kEngine];
    if (id) {
      this[kEngine] = 0;
      engines.delete(id);
      binding.close(id);
    }
    if (this._handshakeTimer) {
      clearTimeout(this._handshakeTimer);
      this._handshakeTimer = null;
    }
    if (this._parent && !this._parent.destroyed) this._parent.destroy();
    cb(err);
    process.nextTick(() => this.emit('close', !!err));
  }

  // A TLS socket cannot be reset (its handle is not a TCP one), as in
  // node.
  resetAndDestroy() {
    if (this._handle) throw new ERR_INVALID_HANDLE_TYPE();
    this.destroy(new ERR_SOCKET_CLOSED());
    return this;
  }

  // _destroySSL drops the TLS engine, leaving the stream to be destroyed.
  _destroySSL() {
    const id = this[kEngine];
    if (!id) return;
    this[kEngine] = 0;
    engines.delete(id);
    binding.close(id);
  }

  _getpeername() { return this._parent && this._parent._getpeername ? this._parent._getpeername() : {}; }
  _getsockname() { return this._parent && this._parent._getsockname ? this._parent._getsockname() : {}; }
  get pending() { return !this._secureEstablished; }
  get readyState() { return this._parent ? this._parent.readyState : 'closed'; }

  setNoDelay(enable) { if (this._parent && this._parent.setNoDelay) this._parent.setNoDelay(enable); return this; }
  setKeepAlive(enable, delay) { if (this._parent && this._parent.setKeepAlive) this._parent.setKeepAlive(enable, delay); return this; }
  ref() {
    if (this[kEngine]) binding.setRef(this[kEngine], true);
    this._unrefd = false;
    if (this._parent && this._parent.ref) this._parent.ref();
    return this;
  }

  unref() {
    if (this[kEngine]) binding.setRef(this[kEngine], false);
    this._unrefd = true;
    if (this._parent && this._parent.unref) this._parent.unref();
    return this;
  }

  getPeerCertificate(detailed) {
    if (!this._secureEstablished) return null;
    return certObjects(this[kInfo], !!detailed) || {};
  }

  getCertificate() {
    if (!this._secureEstablished) return null;
    const der = this._secureContext.context.getCertificate();
    if (!der) return {};
    return require('tls')._certificateObject(der) || {};
  }

  getPeerX509Certificate() {
    if (!this._secureEstablished) return undefined;
    const info = this[kInfo];
    if (!info || !info.peerChain || info.peerChain.length === 0) return undefined;
    const { X509Certificate, setIssuerCertificate } = require('internal/crypto/x509');
    // Each certificate of the peer's chain links to its issuer's; the
    // last one has none.
    const certs = info.peerChain.map((c) => new X509Certificate(c.raw));
    for (let i = 0; i < certs.length - 1; i++) setIssuerCertificate(certs[i], certs[i + 1]);
    return certs[0];
  }

  getX509Certificate() {
    if (!this._secureEstablished) return undefined;
    const der = this._secureContext.context.getCertificate();
    if (!der) return undefined;
    const { X509Certificate } = require('crypto');
    if (typeof X509Certificate !== 'function') throw notImplemented('crypto.X509Certificate');
    return new X509Certificate(der);
  }

  getProtocol() {
    if (this[kInfo]) return this[kInfo].protocol;
    return this._secureEstablished ? 'unknown' : null;
  }

  getCipher() {
    const info = this[kInfo];
    if (!info) return undefined;
    return { name: info.cipher, standardName: info.standardName, version: info.cipherVersion };
  }

  getSharedSigalgs() { return []; }
  getSession() { return this[kSession]; }
  getTLSTicket() { return undefined; }
  isSessionReused() { return !!(this[kInfo] && this[kInfo].resumed); }
  getEphemeralKeyInfo() {
    if (!this._secureEstablished) return null;
    return this._tlsOptions.isServer ? null : {};
  }

  setServername(name) {
    validateString(name, 'name');
    if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
    this._tlsOptions.servername = name;
  }

  // setKeyCert replaces the certificate a server socket presents; called
  // from ALPNCallback, it applies to the handshake in progress.
  setKeyCert(context) {
    if (!(context instanceof SecureContext)) context = createSecureContext(context);
    this._keyCertContext = context;
    this._secureContext = context;
  }

  setSession(session) {
    if (typeof session === 'string') session = Buffer.from(session, 'latin1');
    this._tlsOptions.session = session;
  }
  setMaxSendFragment(size) {
    validateNumber(size, 'size');
    return size >= 512 && size <= 16384;
  }
  renegotiate() { throw notImplemented('tls.TLSSocket.renegotiate'); }
  exportKeyingMaterial() { throw notImplemented('tls.TLSSocket.exportKeyingMaterial'); }
  getFinished() { return undefined; }
  getPeerFinished() { return undefined; }
  disableRenegotiation() {}
  enableTrace() { throw notImplemented('tls.TLSSocket.enableTrace'); }
}

function onServerSocketSecure() {}
void onServerSocketSecure;

const kSNICallbackDefault = function defaultSNICallback(servername, cb) {
  let ctx;
  const list = this._contexts || [];
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i][0].test(servername)) {
      ctx = list[i][1];
      break;
    }
  }
  cb(null, ctx);
};

class Server extends net.Server {
  // A rejected async 'secureConnection' listener destroys that socket;
  // other events go to net.Server's handler.
  [Symbol.for('nodejs.rejection')](err, event, sock) {
    if (event === 'secureConnection') {
      sock.destroy(err);
      return;
    }
    const base = net.Server.prototype[Symbol.for('nodejs.rejection')];
    if (typeof base === 'function') base.call(this, err, event, sock);
    else this.emit('error', err);
  }

  constructor(options, listener) {
    if (typeof options === 'function') {
      listener = options;
      options = {};
    } else if (options == null) {
      options = {};
    } else {
      validateObject(options, 'options');
    }
    super({
      allowHalfOpen: options.allowHalfOpen,
      pauseOnConnect: options.pauseOnConnect,
      noDelay: options.noDelay,
      keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay,
      highWaterMark: options.highWaterMark,
    });
    this._contexts = [];
    this.requestCert = options.requestCert === true;
    this.rejectUnauthorized = options.rejectUnauthorized !== false;
    const { handshakeTimeout = 120000, SNICallback, ALPNCallback, ALPNProtocols } = options;
    validateNumber(handshakeTimeout, 'options.handshakeTimeout');
    this._handshakeTimeout = handshakeTimeout;
    if (SNICallback !== undefined && SNICallback !== null && typeof SNICallback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options.SNICallback', 'Function', SNICallback);
    }
    this._SNICallback = SNICallback || kSNICallbackDefault;
    if (ALPNCallback !== undefined && ALPNCallback !== null) {
      validateFunction(ALPNCallback, 'options.ALPNCallback');
      if (ALPNProtocols) throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
    }
    this._ALPNCallback = ALPNCallback || null;
    this.ALPNCallback = ALPNCallback;
    if (ALPNProtocols) convertALPNProtocols(ALPNProtocols, this);
    this._tlsOptions = { ...options };
    this.setSecureContext(options);
    if (listener) this.on('secureConnection', listener);
    this.on('connection', tlsConnectionListener);
  }

  setSecureContext(options) {
    validateObject(options, 'options');
    // A server honors its cipher order unless told otherwise.
    if (options.honorCipherOrder !== undefined) this.honorCipherOrder = !!options.honorCipherOrder;
    else if (this.honorCipherOrder === undefined) this.honorCipherOrder = true;
    this._sharedCreds = createSecureContext({ ...this._tlsOptions, ...options, honorCipherOrder: this.honorCipherOrder });
    Object.assign(this._tlsOptions, options);
  }

  addContext(servername, context) {
    if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
    const re = new RegExp('^' + servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1').replace(/\*/g, '[^.]*') + '$');
    const sc = context instanceof SecureContext ? context : createSecureContext(context);
    this._contexts.push([re, sc]);
  }

  getTicketKeys() {
    return this._sharedCreds.context.getTicketKeys();
  }

  setTicketKeys(keys) {
    if (!ArrayBuffer.isView(keys)) {
      throw new ERR_INVALID_ARG_TYPE('keys', ['Buffer', 'TypedArray', 'DataView'], keys);
    }
    if (keys.byteLength !== 48) {
      const err = new Error('Session ticket keys must be a 48-byte buffer\n' +
        'This is caused by either a bug in Node.js or incorrect usage of Node.js internals.\n' +
        'Please open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
      err.code = 'ERR_INTERNAL_ASSERTION';
      throw err;
    }
    this._sharedCreds.context.setTicketKeys(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
  }
}

function tlsConnectionListener(rawSocket) {
  const opts = this._tlsOptions;
  const socket = new TLSSocket(rawSocket, {
    ...opts,
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    SNICallback: undefined,
    ALPNCallback: undefined,
    ALPNProtocols: this.ALPNProtocols,
  });
  socket._server = null;
  socket.server = this;
  socket._fromServer = true;
  // pauseOnConnect pauses the TLS socket; the handshake still runs over
  // the raw socket.
  if (rawSocket.isPaused && rawSocket.isPaused()) {
    socket.pause();
    rawSocket.resume();
  }
  if (this._handshakeTimeout > 0) {
    socket._handshakeTimer = setTimeout(() => {
      socket._handshakeTimer = null;
      if (socket._secureEstablished || socket.destroyed) return;
      const err = new ERR_TLS_HANDSHAKE_TIMEOUT();
      this.emit('tlsClientError', err, socket);
      socket.destroy();
    }, this._handshakeTimeout);
    if (socket._handshakeTimer.unref) socket._handshakeTimer.unref();
  }
}

function createServer(options, listener) {
  return new Server(options, listener);
}

function connect(...args) {
  const [normalized, cb] = net._normalizeArgs(args);
  let options = normalized;
  if (args[1] !== null && typeof args[1] === 'object' && typeof args[0] !== 'object') {
    options = { ...args[1], ...options };
  }
  if (args[2] !== null && typeof args[2] === 'object') options = { ...args[2], ...options };
  const tls = require('tls');
  options = {
    rejectUnauthorized: !/^(0|false)$/i.test(process.env.NODE_TLS_REJECT_UNAUTHORIZED || ''),
    ciphers: tls.DEFAULT_CIPHERS,
    checkServerIdentity: tls.checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (options.rejectUnauthorized === undefined) options.rejectUnauthorized = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);
  const host = options.host || 'localhost';
  if (options.servername === undefined && !net.isIP(host) && !options.path) options.servername = host;
  if (options.servername !== undefined && options.servername !== null) {
    validateString(options.servername, 'options.servername');
    if (net.isIP(options.servername)) {
      throw new ERR_INVALID_ARG_VALUE('options.servername', options.servername,
                                      'must not be an IP address');
    }
  }
  let socket = options.socket;
  const tlsSocket = new TLSSocket(null, { ...options, isServer: false });
  if (!socket) {
    const connOpts = { ...options };
    delete connOpts.socket;
    delete connOpts.timeout;
    // The TLS socket watches the signal and destroys its parent.
    delete connOpts.signal;
    socket = net.connect(connOpts);
  }
  tlsSocket._host = host;
  tlsSocket._releaseControl();
  tlsSocket._wrap(socket);
  if (cb) tlsSocket.once('secureConnect', cb);
  if (options.timeout) tlsSocket.setTimeout(options.timeout);
  return tlsSocket;
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
};
