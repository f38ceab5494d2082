'use strict';

// node:https: http over tls.

const tls = require('tls');
const http = require('http');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { Server: HttpServer, storeHTTPOptions, initHTTPServer } = require('_http_server');
const { URL, urlToHttpOptions } = require('internal/url');
const { callable } = require('_http_common');
const { validateObject } = require('internal/validators');

class Server extends tls.Server {
  constructor(opts, requestListener) {
    if (typeof opts === 'function') {
      requestListener = opts;
      opts = {};
    } else if (opts == null) {
      opts = {};
    } else {
      validateObject(opts, 'options');
      opts = { ...opts };
    }
    if (!opts.ALPNProtocols && !opts.ALPNCallback) opts.ALPNProtocols = ['http/1.1'];
    super(opts);
    storeHTTPOptions.call(this, opts);
    initHTTPServer(this, requestListener, 'secureConnection');
    this.on('tlsClientError', (err, conn) => {
      if (!this.emit('clientError', err, conn)) conn.destroy(err);
    });
  }
}
for (const name of ['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout']) {
  Server.prototype[name] = HttpServer.prototype[name];
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

class Agent extends HttpAgent {
  constructor(options) {
    super(options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = this.options.maxCachedSessions;
    if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  }

  // createConnection(options[, cb]) or (port[, host][, options][, cb]).
  createConnection(...args) {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    const [port, host, options] = args;
    let opts;
    if (port !== null && typeof port === 'object') opts = { ...port };
    else if (host !== null && typeof host === 'object') opts = { ...host };
    else if (options !== null && typeof options === 'object') opts = { ...options };
    else opts = {};
    if (typeof port === 'number') opts.port = port;
    if (typeof host === 'string') opts.host = host;
    if (opts.servername === undefined || opts.servername === '') {
      if (opts.host && !require('net').isIP(opts.host)) opts.servername = opts.host;
    }
    const socket = tls.connect(opts);
    if (cb) {
      // The request may start writing at once: the TLS engine queues the
      // bytes until the handshake is done.
      cb(null, socket);
      return undefined;
    }
    return socket;
  }

  getName(options = {}) {
    let name = super.getName(options);
    const add = (v) => {
      name += ':';
      if (v !== undefined) name += v;
    };
    add(options.ca);
    add(options.cert);
    add(options.clientCertEngine);
    add(options.ciphers);
    add(options.key);
    add(options.pfx);
    add(options.rejectUnauthorized);
    add(options.servername && options.servername !== options.host ? options.servername : undefined);
    add(options.minVersion);
    add(options.maxVersion);
    add(options.secureProtocol);
    add(options.crl);
    add(options.honorCipherOrder);
    add(options.ecdhCurve);
    add(options.dhparam);
    add(options.secureOptions);
    add(options.sessionIdContext);
    add(options.sigalgs !== undefined ? JSON.stringify(options.sigalgs) : undefined);
    add(options.privateKeyIdentifier);
    add(options.privateKeyEngine);
    return name;
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(args.shift()));
  } else if (args[0] instanceof URL) {
    options = urlToHttpOptions(args.shift());
  }
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  args.unshift(options);
  return new ClientRequest(...args);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent: callable(Agent),
  globalAgent,
  Server: callable(Server),
  createServer,
  get,
  request,
};
void http;
