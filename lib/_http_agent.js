'use strict';

// http.Agent: pools client sockets per host:port, keeps idle ones alive
// when keepAlive is on, queues requests beyond maxSockets.

const EventEmitter = require('events');
const net = require('net');
const { callable } = require('_http_common');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateNumber, validateOneOf } = require('internal/validators');

// After its first call, debug is the plain logger (a no-op unless
// NODE_DEBUG names http).
let debug = require('util').debuglog('http', (fn) => { debug = fn; });

const kOnKeylog = Symbol('onkeylog');
const kRequestOptions = Symbol('requestOptions');

function freeSocketErrorListener(err) {
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = { __proto__: null, ...options };
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    // Don't confuse net and make it think that we're connecting to a pipe.
    this.options.path = null;
    this.requests = { __proto__: null };
    this.sockets = { __proto__: null };
    this.freeSockets = { __proto__: null };
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets;
    this.totalSocketCount = 0;
    // How long before a server's announced keep-alive timeout the agent
    // stops reusing an idle socket.
    const buffer = this.options.agentKeepAliveTimeoutBuffer;
    this.agentKeepAliveTimeoutBuffer =
      typeof buffer === 'number' && buffer >= 0 && Number.isFinite(buffer) ? buffer : 1000;
    validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
    if (this.maxTotalSockets !== undefined) {
      validateNumber(this.maxTotalSockets, 'maxTotalSockets');
      if (this.maxTotalSockets <= 0 || Number.isNaN(this.maxTotalSockets)) {
        throw new ERR_OUT_OF_RANGE('maxTotalSockets', '> 0', this.maxTotalSockets);
      }
    } else {
      this.maxTotalSockets = Infinity;
    }
    this[kOnKeylog] = null;

    this.on('free', (socket, options) => {
      const name = this.getName(options);
      debug('agent.on(free)', name);
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const requests = this.requests[name];
      if (requests && requests.length) {
        const req = requests.shift();
        if (requests.length === 0) delete this.requests[name];
        req[kRequestOptions] = undefined;
        socket.removeListener('error', freeSocketErrorListener);
        setRequestSocket(this, req, socket);
        return;
      }
      const req = socket._httpMessage;
      if (!req || !req.shouldKeepAlive || !this.keepAlive) {
        socket.destroy();
        return;
      }
      const freeSockets = this.freeSockets[name] || [];
      const freeLen = freeSockets.length;
      let count = freeLen;
      if (this.sockets[name]) count += this.sockets[name].length;
      if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets ||
          freeLen >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
        socket.destroy();
        return;
      }
      this.freeSockets[name] = freeSockets;
      socket._httpMessage = null;
      this.removeSocket(socket, options);
      socket.once('error', freeSocketErrorListener);
      freeSockets.push(socket);
    });
  }

  createConnection(...args) {
    return net.createConnection(...args);
  }

  getName(options = {}) {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  }

  addRequest(req, options, port, localAddress) {
    if (typeof options === 'string') {
      options = { __proto__: null, host: options, port, localAddress };
    }
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    normalizeServerName(options, req);
    const name = this.getName(options);
    if (!this.sockets[name]) this.sockets[name] = [];
    const freeSockets = this.freeSockets[name];
    let socket;
    if (freeSockets) {
      while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
      socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
      if (!freeSockets.length) delete this.freeSockets[name];
    }
    const freeLen = freeSockets ? freeSockets.length : 0;
    const sockLen = freeLen + this.sockets[name].length;
    if (socket) {
      this.reuseSocket(socket, req);
      setRequestSocket(this, req, socket);
      this.sockets[name].push(socket);
    } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
      this.createSocket(req, options, (err, s) => {
        if (err) req.onSocket(s, err);
        else setRequestSocket(this, req, s);
      });
    } else {
      if (!this.requests[name]) this.requests[name] = [];
      // Kept to open a socket for it when one of another origin closes.
      req[kRequestOptions] = options;
      this.requests[name].push(req);
    }
  }

  createSocket(req, options, cb) {
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    normalizeServerName(options, req);
    const name = this.getName(options);
    debug('createConnection', name);
    options._agentKey = name;
    options.encoding = null;
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
    let called = false;
    const oncreate = (err, s) => {
      if (called) return;
      called = true;
      if (err) return cb(err);
      if (!this.sockets[name]) this.sockets[name] = [];
      this.sockets[name].push(s);
      this.totalSocketCount++;
      installListeners(this, s, options);
      cb(null, s);
    };
    let newSocket;
    try {
      newSocket = this.createConnection(options, oncreate);
    } catch (err) {
      oncreate(err);
      return;
    }
    if (newSocket) oncreate(null, newSocket);
  }

  removeSocket(s, options) {
    const name = this.getName(options);
    debug('removeSocket', name, 'writable:', s.writable);
    const sets = [this.sockets];
    // A dead socket leaves the free list too.
    if (!s.writable) sets.push(this.freeSockets);
    for (const sockets of sets) {
      if (sockets[name]) {
        const index = sockets[name].indexOf(s);
        if (index !== -1) {
          sockets[name].splice(index, 1);
          if (sockets[name].length === 0) delete sockets[name];
        }
      }
    }
    // A socket slot came free: open one for a waiting request, of this
    // origin first, else of an origin that has no socket at all.
    let req;
    const requests = this.requests[name];
    if (requests && requests.length) {
      req = requests[0];
    } else {
      for (const key of Object.keys(this.requests)) {
        if (this.sockets[key] && this.sockets[key].length) break;
        req = this.requests[key][0];
        options = req[kRequestOptions];
        break;
      }
    }
    if (req && options) {
      req[kRequestOptions] = undefined;
      // The new socket's 'free' event takes the first queued request.
      this.createSocket(req, options, (err, socket) => {
        if (err) req.onSocket(socket, err);
        else socket.emit('free');
      });
    }
  }

  keepSocketAlive(socket) {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    let agentTimeout = this.options.timeout || 0;
    let keep = true;
    // A server's "Keep-Alive: timeout=N" hint: stop reusing the socket a
    // little before the server would close it.
    const req = socket._httpMessage;
    const hint = req && req.res ? req.res.headers['keep-alive'] : undefined;
    if (hint) {
      const m = /^timeout=(\d+)/.exec(hint);
      if (m) {
        const ms = Math.max(Number.parseInt(m[1], 10) * 1000 - this.agentKeepAliveTimeoutBuffer, 0);
        if (ms === 0) keep = false;
        else if (ms < agentTimeout) agentTimeout = ms;
      }
    }
    if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
    return keep;
  }

  reuseSocket(socket, req) {
    req.reusedSocket = true;
    // The connection now serves this request: its callbacks run in the
    // request's async context (node's asyncResetHandle).
    if (typeof socket._handle?.asyncReset === 'function') socket._handle.asyncReset();
    socket.removeListener('error', freeSocketErrorListener);
    socket.ref();
  }

  destroy() {
    for (const set of [this.freeSockets, this.sockets]) {
      for (const key of Object.keys(set)) {
        for (const s of set[key].slice()) s.destroy();
      }
    }
  }
}
Agent.defaultMaxSockets = Infinity;

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') {
    let host = options.host || '';
    if (req && req.getHeader) {
      const h = req.getHeader('host');
      if (h && typeof h !== 'string') throw new ERR_INVALID_ARG_TYPE('options.headers.host', 'String', h);
      if (typeof h === 'string') host = h.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    }
    options.servername = net.isIP(host) ? '' : host;
  }
}

function installListeners(agent, s, options) {
  function onFree() {
    agent.emit('free', s, options);
  }
  s.on('free', onFree);
  function onClose() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);
  function onTimeout() {
    // Only idle (free) sockets are destroyed by the agent's timeout.
    const sockets = agent.freeSockets;
    for (const name of Object.keys(sockets)) {
      if (sockets[name].includes(s)) return s.destroy();
    }
  }
  s.on('timeout', onTimeout);
  function onRemove() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

module.exports = {
  Agent: callable(Agent),
  globalAgent: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }),
};
