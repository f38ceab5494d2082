'use strict';

// TLSSocket, tls.Server and tls.connect over the Go tls_wrap binding: the
// TLS engine runs as a memory transform above a net.Socket (the parent).

const net = require('net');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_TLS_CERT_ALTNAME_INVALID,
    ERR_SOCKET_CLOSED,
  },
  notImplemented,
} = require('internal/errors');

const binding = internalBinding('tls_wrap');

const engines = new Map();

binding.setCallbacks(
  // onCipher: bytes to send on the parent socket.
  (id, ab) => {
    const s = engines.get(id);
    if (s && s._parent && !s._parent.destroyed) s._parent.write(Buffer.from(ab));
  },
  // onPlain: decrypted bytes, or null at the end of the stream.
  (id, ab, err) => {
    const s = engines.get(id);
    if (!s) return;
    if (ab !== null) {
      s._unrefTimerRefresh();
      if (!s.push(Buffer.from(ab))) s._parent.pause();
      return;
    }
    if (err) {
      s.destroy(tlsError(err));
      return;
    }
    s.push(null);
    s.read(0);
  },
  // onHandshake(id, err, info)
  (id, err, info) => {
    const s = engines.get(id);
    if (s) s._onHandshake(err, info);
  },
);

function tlsError(msg) {
  const err = new Error(msg);
  if (/certificate/.test(msg)) err.code = 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE';
  else if (/handshake failure|no shared cipher|protocol version/.test(msg)) err.code = 'ERR_SSL_NO_SHARED_CIPHER';
  else err.code = 'ECONNRESET';
  return err;
}

const kEngine = Symbol('kEngine');
const kInfo = Symbol('kInfo');

function engineOptions(options, isServer) {
  return {
    cert: options.cert,
    key: options.key,
    ca: options.ca,
    servername: options.servername,
    ALPNProtocols: normalizeALPN(options.ALPNProtocols),
    requestCert: !!options.requestCert,
    minVersion: options.minVersion,
    maxVersion: options.maxVersion,
    isServer,
  };
}

function normalizeALPN(p) {
  if (p === undefined || p === null) return undefined;
  if (Array.isArray(p)) return p.map(String);
  if (p instanceof Uint8Array) {
    // The wire format: length-prefixed names.
    const out = [];
    for (let i = 0; i < p.length;) {
      const n = p[i];
      out.push(Buffer.from(p.subarray(i + 1, i + 1 + n)).toString());
      i += 1 + n;
    }
    return out;
  }
  throw new ERR_INVALID_ARG_TYPE('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray', 'DataView'], p);
}

class TLSSocket extends net.Socket {
  constructor(socket, opts) {
    const options = { rejectUnauthorized: true, ...opts };
    super({ allowHalfOpen: socket ? socket.allowHalfOpen : options.allowHalfOpen });
    this.encrypted = true;
    this.authorized = false;
    this.authorizationError = null;
    this.alpnProtocol = null;
    this.servername = null;
    this._tlsOptions = options;
    this._secureEstablished = false;
    this._rejectUnauthorized = options.rejectUnauthorized !== false;
    this[kInfo] = null;
    this[kEngine] = 0;
    this._parent = null;
    this.server = options.server || null;
    this._server = null;
    if (socket) this._wrap(socket);
  }

  _wrap(socket) {
    const options = this._tlsOptions;
    this._parent = socket;
    this.connecting = socket.connecting;
    const id = binding.create(!!options.isServer, engineOptions(options, !!options.isServer));
    this[kEngine] = id;
    engines.set(id, this);
    socket.on('data', (d) => binding.feed(id, d));
    socket.on('end', () => binding.feedEnd(id));
    socket.on('error', (err) => {
      // A write of the closing alert can race the peer's close: once this
      // side has ended, EPIPE/ECONNRESET only mean the peer is gone first.
      if ((err.code === 'EPIPE' || err.code === 'ECONNRESET') &&
          (this.writableEnded || this.readableEnded)) {
        this.destroy();
        return;
      }
      this.destroy(err);
    });
    socket.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
    const start = () => {
      this.connecting = false;
      binding.start(id);
    };
    if (socket.connecting) socket.once('connect', start);
    else start();
  }

  _onHandshake(err, info) {
    if (err !== null) {
      const e = tlsError(err);
      if (this._tlsOptions.isServer && this.server) {
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
    if (this._tlsOptions.isServer) {
      this.servername = info.servername || false;
      const opts = this._tlsOptions;
      if (opts.requestCert && opts.rejectUnauthorized && !this.authorized) {
        this.destroy();
        return;
      }
      this.emit('secure');
      if (this.server) this.server.emit('secureConnection', this);
      return;
    }
    let verifyError = null;
    if (!this.authorized) {
      verifyError = new Error(authMessage(this.authorizationError));
      verifyError.code = this.authorizationError;
    } else if (info.hostnameError) {
      const check = this._tlsOptions.checkServerIdentity;
      if (typeof check === 'function') {
        verifyError = check(this._tlsOptions.servername || this._tlsOptions.host, this.getPeerCertificate()) || null;
      } else {
        verifyError = new ERR_TLS_CERT_ALTNAME_INVALID(info.hostnameError);
        verifyError.reason = info.hostnameError;
        verifyError.host = this._tlsOptions.servername;
        verifyError.cert = this.getPeerCertificate();
      }
      if (verifyError) {
        this.authorized = false;
        this.authorizationError = verifyError.code || verifyError.message;
      }
    }
    if (verifyError && this._rejectUnauthorized) {
      this.destroy(verifyError);
      return;
    }
    this.emit('secureConnect');
    this.emit('connect');
    this.emit('ready');
  }

  _read(n) {
    if (this._parent && this._parent.isPaused()) this._parent.resume();
  }

  _writeGeneric(writev, data, encoding, cb) {
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
    binding.write(this[kEngine], payload, (status) => {
      if (status < 0) cb(new ERR_SOCKET_CLOSED());
      else cb();
    });
  }

  _final(cb) {
    if (!this[kEngine]) return cb();
    binding.shutdown(this[kEngine], () => {
      if (this._parent && !this._parent.destroyed) this._parent.end();
      cb();
    });
  }

  _destroy(err, cb) {
    const id = this[kEngine];
    if (id) {
      this[kEngine] = 0;
      engines.delete(id);
      binding.close(id);
    }
    if (this._parent && !this._parent.destroyed) this._parent.destroy();
    cb(err);
    process.nextTick(() => this.emit('close', !!err));
  }

  _getpeername() { return this._parent ? this._parent._getpeername() : {}; }
  _getsockname() { return this._parent ? this._parent._getsockname() : {}; }
  get pending() { return !this._secureEstablished; }
  get readyState() { return this._parent ? this._parent.readyState : 'closed'; }

  setNoDelay(enable) { if (this._parent) this._parent.setNoDelay(enable); return this; }
  setKeepAlive(enable, delay) { if (this._parent) this._parent.setKeepAlive(enable, delay); return this; }
  ref() { if (this._parent) this._parent.ref(); return this; }
  unref() { if (this._parent) this._parent.unref(); return this; }

  getPeerCertificate(detailed) {
    const info = this[kInfo];
    if (!info || !info.peerCertificate) return this._secureEstablished ? {} : null;
    return info.peerCertificate;
  }

  getCertificate() { return this._secureEstablished ? {} : null; }
  getProtocol() { return this[kInfo] ? this[kInfo].protocol : null; }
  getCipher() {
    const info = this[kInfo];
    if (!info) return null;
    return { name: info.cipher, standardName: info.cipher, version: info.protocol };
  }
  getSession() { return undefined; }
  isSessionReused() { return false; }
  getEphemeralKeyInfo() { return this._tlsOptions.isServer ? null : {}; }
  setServername(name) { this._tlsOptions.servername = name; }
  setMaxSendFragment() { return true; }
  renegotiate() { throw notImplemented('tls.TLSSocket.renegotiate'); }
  exportKeyingMaterial() { throw notImplemented('tls.TLSSocket.exportKeyingMaterial'); }
  getFinished() { return undefined; }
  getPeerFinished() { return undefined; }
  getX509Certificate() { return undefined; }
  getPeerX509Certificate() { return undefined; }
  disableRenegotiation() {}
  enableTrace() {}
}

// Node 24 adds a hint to the "unknown issuer" family of failures.
const caHint = '; if the root CA is installed locally, try running Node.js with --use-system-ca';

function authMessage(code) {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT': return 'self-signed certificate' + caHint;
    case 'SELF_SIGNED_CERT_IN_CHAIN': return 'self-signed certificate in certificate chain' + caHint;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': return 'unable to verify the first certificate' + caHint;
    case 'UNABLE_TO_GET_ISSUER_CERT': return 'unable to get issuer certificate' + caHint;
    case 'CERT_HAS_EXPIRED': return 'certificate has expired';
    case 'CERT_NOT_YET_VALID': return 'certificate is not yet valid';
    default: return code || 'certificate verification failed';
  }
}

class Server extends net.Server {
  constructor(options, listener) {
    if (typeof options === 'function') {
      listener = options;
      options = {};
    } else if (options == null) {
      options = {};
    }
    super({ allowHalfOpen: options.allowHalfOpen, pauseOnConnect: false, noDelay: options.noDelay });
    this._tlsOptions = { rejectUnauthorized: true, ...options };
    if (listener) this.on('secureConnection', listener);
    this.on('connection', tlsConnectionListener);
  }

  setSecureContext(options) {
    Object.assign(this._tlsOptions, options);
  }

  addContext() { throw notImplemented('tls.Server.addContext'); }
  getTicketKeys() { throw notImplemented('tls.Server.getTicketKeys'); }
  setTicketKeys() { throw notImplemented('tls.Server.setTicketKeys'); }
}

function tlsConnectionListener(rawSocket) {
  const opts = this._tlsOptions;
  const socket = new TLSSocket(rawSocket, {
    ...opts,
    isServer: true,
    server: this,
    rejectUnauthorized: opts.rejectUnauthorized !== false,
  });
  socket._server = null;
  socket.server = this;
}

function createServer(options, listener) {
  return new Server(options, listener);
}

function connect(...args) {
  let options = {};
  let cb;
  if (typeof args[args.length - 1] === 'function') cb = args.pop();
  if (args[0] !== null && typeof args[0] === 'object') {
    options = { ...args[0] };
  } else {
    if (args[0] !== undefined) options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
    if (args[1] !== null && typeof args[1] === 'object') Object.assign(options, args[1]);
    if (args[2] !== null && typeof args[2] === 'object') Object.assign(options, args[2]);
  }
  options = { rejectUnauthorized: true, ...options };
  const host = options.host || 'localhost';
  if (options.servername === undefined && !net.isIP(host)) options.servername = host;
  let socket = options.socket;
  if (!socket) {
    const connOpts = { port: options.port, host, localAddress: options.localAddress, family: options.family };
    if (options.path) connOpts.path = options.path;
    if (options.timeout) connOpts.timeout = options.timeout;
    socket = net.connect(connOpts);
  }
  const tlsSocket = new TLSSocket(socket, { ...options, isServer: false });
  tlsSocket._host = host;
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
