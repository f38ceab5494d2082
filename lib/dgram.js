'use strict';
// node:dgram: UDP sockets over internalBinding('udp') (Go's net.UDPConn).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_SOCKET_ALREADY_BOUND, ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BAD_TYPE, ERR_SOCKET_DGRAM_IS_CONNECTED, ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING, ERR_SOCKET_BUFFER_SIZE, ERR_BUFFER_OUT_OF_BOUNDS,
  },
} = require('internal/errors');
const {
  validateFunction, validateNumber, validateString, validateAbortSignal,
} = require('internal/validators');
const {
  isIP, errnoException, exceptionWithHostPort, validatePort, uvErrorInfo,
} = require('internal/net');

const binding = internalBinding('udp');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;
const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const kState = Symbol('kStateSymbol');
const sockets = new Map();

binding.setCallbacks((id, ab, address, family, port) => {
  const socket = sockets.get(id);
  if (socket === undefined) return;
  const msg = Buffer.from(ab);
  socket.emit('message', msg, { address, family, port, size: msg.length });
}, (id, errno) => {
  const socket = sockets.get(id);
  if (socket === undefined) return;
  socket.emit('error', errnoException(errno, 'recvmsg'));
});

// dns.lookup as it is when called (tests and tools replace it).
function defaultLookup(address, family, callback) {
  require('dns').lookup(address, family, callback);
}

class Socket extends EventEmitter {
  constructor(type, listener) {
    super();
    let options;
    if (type !== null && typeof type === 'object') {
      options = type;
      type = options.type;
    }
    if (type !== 'udp4' && type !== 'udp6') throw new ERR_SOCKET_BAD_TYPE();
    options = options || {};
    let lookup = defaultLookup;
    if (options.lookup !== undefined) {
      validateFunction(options.lookup, 'lookup');
      lookup = options.lookup;
    }
    const recvBufferSize = options.recvBufferSize;
    const sendBufferSize = options.sendBufferSize;
    if (recvBufferSize !== undefined) {
      validateNumber(recvBufferSize, 'options.recvBufferSize');
      validateBufferSize(recvBufferSize);
    }
    if (sendBufferSize !== undefined) {
      validateNumber(sendBufferSize, 'options.sendBufferSize');
      validateBufferSize(sendBufferSize);
    }
    if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
    this.type = type;
    this[kState] = {
      id: binding.create(type === 'udp6', !!options.reuseAddr, !!options.ipv6Only,
                         recvBufferSize | 0, sendBufferSize | 0),
      type,
      lookup,
      family: type === 'udp6' ? 6 : 4,
      bindState: BIND_STATE_UNBOUND,
      connectState: CONNECT_STATE_DISCONNECTED,
      queue: undefined,
      closed: false,
      refd: true,
    };
    if (options.signal !== undefined) {
      const signal = options.signal;
      const onAbort = () => {
        if (!this[kState].closed) this.close();
      };
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    if (typeof listener === 'function') this.on('message', listener);
  }

  bind(port_, address_, callback) {
    const state = this[kState];
    healthCheck(this);
    if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
    state.bindState = BIND_STATE_BINDING;

    let port = port_;
    let address = address_;
    const cb = arguments.length && typeof arguments[arguments.length - 1] === 'function' ?
      arguments[arguments.length - 1] : undefined;
    if (cb) this.once('listening', cb);
    // A failed bind drops its callback, so a retry does not pile them up.
    const dropCallback = () => {
      if (cb) this.removeListener('listening', cb);
    };

    if (port !== null && typeof port === 'object') {
      if (port.fd !== undefined) {
        throw require('internal/errors').notImplemented('dgram socket.bind() with options.fd');
      }
      address = port.address || '';
      port = port.port;
      if (port === undefined) port = 0;
    } else if (typeof address === 'function' || address == null) {
      address = '';
    }
    if (port === undefined || port === null || typeof port === 'function') port = 0;
    port = validatePort(port, 'Port', true);
    if (typeof address !== 'string') address = '';
    if (address === '') address = state.type === 'udp6' ? '::' : '0.0.0.0';

    state.lookup(address, state.family, (err, ip) => {
      if (state.closed) return;
      if (err) {
        state.bindState = BIND_STATE_UNBOUND;
        dropCallback();
        this.emit('error', err);
        return;
      }
      const r = binding.bind(state.id, ip, port);
      if (r < 0) {
        state.bindState = BIND_STATE_UNBOUND;
        dropCallback();
        this.emit('error', exceptionWithHostPort(r, 'bind', ip, port));
        return;
      }
      bound(this);
      startListening(this);
    });
    return this;
  }

  connect(port, address, callback) {
    port = validatePort(port, 'Port', false);
    if (typeof address === 'function') {
      callback = address;
      address = '';
    } else if (address === undefined) {
      address = '';
    }
    validateString(address, 'address');
    const state = this[kState];
    if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
    state.connectState = CONNECT_STATE_CONNECTING;
    if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true });
    if (state.bindState !== BIND_STATE_BOUND) {
      enqueue(this, () => doConnect(this, port, address, callback));
      return;
    }
    doConnect(this, port, address, callback);
  }

  disconnect() {
    const state = this[kState];
    healthCheck(this);
    if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
    binding.disconnect(state.id);
    state.connectState = CONNECT_STATE_DISCONNECTED;
  }

  send(buffer, offset, length, port, address, callback) {
    let list;
    const state = this[kState];
    const connected = state.connectState === CONNECT_STATE_CONNECTED;
    if (!connected) {
      if (address || (port && typeof port !== 'function')) {
        buffer = sliceBuffer(buffer, offset, length);
      } else {
        callback = port;
        port = offset;
        address = length;
      }
    } else if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (connected && (port || address)) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();

    if (!Array.isArray(buffer)) {
      if (typeof buffer === 'string') {
        list = [Buffer.from(buffer)];
      } else if (!ArrayBuffer.isView(buffer)) {
        throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
      } else {
        list = [buffer];
      }
    } else if (!(list = fixBufferList(buffer))) {
      throw new ERR_INVALID_ARG_TYPE('buffer list arguments', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
    }

    if (!connected) port = validatePort(port, 'Port', false);

    if (typeof address === 'function') {
      callback = address;
      address = undefined;
    } else if (address != null) {
      validateString(address, 'address');
    }

    healthCheck(this);

    if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true });
    if (list.length === 0) list.push(Buffer.alloc(0));

    if (state.bindState !== BIND_STATE_BOUND) {
      enqueue(this, () => this.send(list, port, address, callback));
      return;
    }

    const afterDns = (ex, ip) => {
      doSend(ex, this, ip, list, address, port, callback);
    };
    if (!connected) {
      state.lookup(address || (state.type === 'udp6' ? '::1' : '127.0.0.1'), state.family, afterDns);
    } else {
      afterDns(null, '');
    }
  }

  close(callback) {
    const state = this[kState];
    const queue = state.queue;
    if (typeof callback === 'function') this.on('close', callback);
    if (queue !== undefined) {
      queue.push(() => this.close());
      return this;
    }
    healthCheck(this);
    state.closed = true;
    binding.close(state.id);
    sockets.delete(state.id);
    process.nextTick(() => this.emit('close'));
    return this;
  }

  address() {
    healthCheck(this);
    const r = binding.address(this[kState].id);
    if (typeof r === 'number') throw errnoException(r, 'getsockname');
    return { address: r[0], family: r[1], port: r[2] };
  }

  remoteAddress() {
    healthCheck(this);
    const state = this[kState];
    if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
    const r = binding.remoteAddress(state.id);
    if (typeof r === 'number') throw errnoException(r, 'getpeername');
    return { address: r[0], family: r[1], port: r[2] };
  }

  setBroadcast(arg) {
    setOption(this, 'broadcast', !!arg, 'setBroadcast');
  }

  setTTL(ttl) {
    validateNumber(ttl, 'ttl');
    setOption(this, 'ttl', ttl, 'setTTL');
    return ttl;
  }

  setMulticastTTL(ttl) {
    validateNumber(ttl, 'ttl');
    setOption(this, 'multicastTTL', ttl, 'setMulticastTTL');
    return ttl;
  }

  setMulticastLoopback(arg) {
    setOption(this, 'multicastLoopback', !!arg, 'setMulticastLoopback');
    return arg;
  }

  setMulticastInterface(interfaceAddress) {
    healthCheck(this);
    validateString(interfaceAddress, 'interfaceAddress');
    const r = binding.setMulticastInterface(this[kState].id, interfaceAddress);
    if (r < 0) throw errnoException(r, 'setMulticastInterface');
  }

  addMembership(multicastAddress, interfaceAddress) {
    healthCheck(this);
    if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
    membership(this, true, multicastAddress, interfaceAddress, undefined, 'addMembership');
  }

  dropMembership(multicastAddress, interfaceAddress) {
    healthCheck(this);
    if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
    membership(this, false, multicastAddress, interfaceAddress, undefined, 'dropMembership');
  }

  addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    membership(this, true, groupAddress, interfaceAddress, sourceAddress, 'addSourceSpecificMembership');
  }

  dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    membership(this, false, groupAddress, interfaceAddress, sourceAddress, 'dropSourceSpecificMembership');
  }

  ref() {
    const state = this[kState];
    state.refd = true;
    if (!state.closed) binding.ref(state.id, true);
    return this;
  }

  unref() {
    const state = this[kState];
    state.refd = false;
    if (!state.closed) binding.ref(state.id, false);
    return this;
  }

  setRecvBufferSize(size) {
    bufferSize(this, size, true, true);
  }

  setSendBufferSize(size) {
    bufferSize(this, size, false, true);
  }

  getRecvBufferSize() {
    return bufferSize(this, 0, true, false);
  }

  getSendBufferSize() {
    return bufferSize(this, 0, false, false);
  }

  sendto(buffer, offset, length, port, address, callback) {
    validateNumber(offset, 'offset');
    validateNumber(length, 'length');
    validateNumber(port, 'port');
    validateString(address, 'address');
    this.send(buffer, offset, length, port, address, callback);
  }

  getSendQueueSize() {
    return 0;
  }

  getSendQueueCount() {
    return 0;
  }

  [Symbol.asyncDispose]() {
    if (this[kState].closed) return Promise.resolve();
    return new Promise((resolve) => this.close(resolve));
  }
}

function validateBufferSize(size) {
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0 || size > 0x7fffffff) {
    throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  }
}

function bufferSize(socket, size, recv, set) {
  const state = socket[kState];
  const syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
  const fail = (errno) => {
    const [code, desc] = uvErrorInfo(errno);
    const e = new ERR_SOCKET_BUFFER_SIZE(`${syscall} returned ${code} (${desc})`);
    e.info = { errno, code, message: desc, syscall };
    return e;
  };
  if (state.closed || state.bindState !== BIND_STATE_BOUND) throw fail(-9);
  if (set) validateBufferSize(size);
  if (!set) {
    const r = binding.getBufferSize(state.id, recv);
    if (r < 0) throw fail(r);
    return r;
  }
  const r = binding.setOption(state.id, recv ? 'recvBufferSize' : 'sendBufferSize', size);
  if (r < 0) throw fail(r);
  return undefined;
}

function setOption(socket, name, value, syscall) {
  healthCheck(socket);
  if (socket[kState].bindState !== BIND_STATE_BOUND) throw errnoException(-9, syscall);
  const r = binding.setOption(socket[kState].id, name, value);
  if (r < 0) throw errnoException(r, syscall);
}

function membership(socket, add, group, iface, source, syscall) {
  const state = socket[kState];
  if (!isIP(`${group}`) || (source !== undefined && !isIP(source)) ||
      (iface !== undefined && iface !== null && !isIP(`${iface}`))) {
    throw errnoException(-22, syscall);
  }
  if (state.bindState === BIND_STATE_BINDING) throw errnoException(-9, syscall);
  implicitBind(socket, syscall);
  const r = binding.membership(state.id, add, `${group}`, iface === undefined ? undefined : `${iface}`, source);
  if (r < 0) throw errnoException(r, syscall);
}

function healthCheck(socket) {
  if (socket[kState].closed) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') buffer = Buffer.from(buffer);
  else if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (typeof buf === 'string') out[i] = Buffer.from(buf);
    else if (!ArrayBuffer.isView(buf)) return null;
    else out[i] = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return out;
}

function enqueue(socket, fn) {
  const state = socket[kState];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once('error', onListenError);
    socket.once('listening', onListenSuccess);
  }
  state.queue.push(fn);
}

function onListenSuccess() {
  this.removeListener('error', onListenError);
  const state = this[kState];
  const queue = state.queue;
  state.queue = undefined;
  if (queue) for (const fn of queue) fn();
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kState].queue = undefined;
}

// bound records a socket whose binding is now bound, and applies the
// options set before that.
function bound(socket) {
  const state = socket[kState];
  sockets.set(state.id, socket);
  if (!state.refd) binding.ref(state.id, false);
  state.bindState = BIND_STATE_BOUND;
}

// implicitBind binds an unbound socket to the any address at once, as
// libuv does for calls that need a bound socket (no 'listening').
function implicitBind(socket, syscall) {
  const state = socket[kState];
  if (state.bindState !== BIND_STATE_UNBOUND) return;
  const r = binding.bind(state.id, state.type === 'udp6' ? '::' : '0.0.0.0', 0);
  if (r < 0) throw errnoException(r, syscall);
  bound(socket);
}

function startListening(socket) {
  socket.emit('listening');
}

function doConnect(socket, port, address, callback) {
  const state = socket[kState];
  if (state.closed) return;
  const host = address || (state.type === 'udp6' ? '::1' : '127.0.0.1');
  state.lookup(host, state.family, (err, ip) => {
    if (state.closed) return;
    if (!err) {
      const r = binding.connect(state.id, ip, port);
      if (r < 0) err = exceptionWithHostPort(r, 'connect', ip, port);
    }
    if (err) {
      state.connectState = CONNECT_STATE_DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          socket.removeListener('connect', callback);
          callback(err);
        } else {
          socket.emit('error', err);
        }
      });
      return;
    }
    state.connectState = CONNECT_STATE_CONNECTED;
    if (callback) socket.once('connect', callback);
    process.nextTick(() => socket.emit('connect'));
  });
}

function doSend(ex, socket, ip, list, address, port, callback) {
  const state = socket[kState];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => socket.emit('error', ex));
    return;
  }
  if (state.closed) return;
  const r = binding.send(state.id, list, ip, port || 0);
  let err = null;
  if (r < 0) {
    err = address || port ? exceptionWithHostPort(r, 'send', address || ip, port) : errnoException(r, 'send');
  }
  if (typeof callback === 'function') {
    process.nextTick(callback, err, err ? undefined : r);
  } else if (err) {
    process.nextTick(() => socket.emit('error', err));
  }
}

function createSocket(type, listener) {
  const socket = new Socket(type, listener);
  // diagnostics_channel 'udp.socket': every socket made by createSocket.
  const channel = require('diagnostics_channel').channel('udp.socket');
  if (channel.hasSubscribers) channel.publish({ socket });
  return socket;
}

module.exports = { createSocket, Socket };
Object.defineProperty(module.exports, Symbol.for('gonode.dgram.internals'), {
  value: { kStateSymbol: kState },
});

// The IPC side of child_process (internal/child_process/ipc) sends and
// adopts bound sockets through these.
Object.defineProperty(module.exports, Symbol.for('gonode.dgram.ipc'), {
  value: {
    fd(socket) {
      const state = socket[kState];
      return state.closed || state.bindState !== BIND_STATE_BOUND ? -1 : binding.fd(state.id);
    },
    // socketFromFd makes a socket of type ('udp4' or 'udp6') over a bound
    // descriptor; it emits 'listening' on the next tick.
    socketFromFd(fd, type) {
      const socket = new Socket(type === 'udp6' ? 'udp6' : 'udp4');
      const r = binding.bindFd(socket[kState].id, fd);
      if (r < 0) throw errnoException(r, 'bind');
      bound(socket);
      process.nextTick(startListening, socket);
      return socket;
    },
  },
});
