'use strict';
// The IPC channel between a parent and a child started by fork() (or
// spawn() with an 'ipc' stdio entry): a Unix socket. The same code serves
// both ends: the ChildProcess object in the parent, and `process` in the
// child (set up from bootstrap when NODE_CHANNEL_FD is in the
// environment).
//
// Messages are newline-delimited JSON ('json' serialization, node's
// default) or, with 'advanced' serialization, frames of a 4-byte
// big-endian length and the engine's structured-clone bytes (both ends
// are gonode, so the encoding is ours).
//
// Handles (net.Socket, net.Server, dgram.Socket, or a raw net handle)
// travel as their file descriptor, attached to the message bytes with
// SCM_RIGHTS by the Go side; the message itself is the envelope
// { cmd: 'NODE_HANDLE', type, msg, key? }. The receiver answers
// NODE_HANDLE_ACK once it adopted the descriptor; until then the sender
// queues further messages, so that messages and handles arrive in order.
// A sent net.Socket is closed on the sender's side after the ACK unless
// options.keepOpen is set.
//
// Sockets accepted by a net.Server and sent to another process stay
// counted by that server: server.getConnections() and server.close() ask
// the receivers (NODE_SOCKET_GET_COUNT / NODE_SOCKET_NOTIFY_CLOSE).

const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const EventEmitter = require('events');
const {
  codes: {
    ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED, ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HANDLE_TYPE,
  },
} = require('internal/errors');

const kNetIpc = Symbol.for('gonode.net.ipc');
const kDgramIpc = Symbol.for('gonode.dgram.ipc');

// A message of node's internal protocol (cluster, handles) goes to
// 'internalMessage' listeners instead of 'message' ones.
function isInternal(msg) {
  return msg !== null && typeof msg === 'object' && typeof msg.cmd === 'string' &&
    msg.cmd.length > 5 && msg.cmd.startsWith('NODE_');
}

// ---- advanced serialization ---------------------------------------------------

// A Buffer comes back as a Buffer (not a plain Uint8Array): the sender
// swaps each one for a marked placeholder, the receiver swaps back.
const kBufMark = '\u0000gonode:buffer';

// hasBuffer reports whether v holds a Buffer. It throws for a
// SharedArrayBuffer, which cannot cross a process boundary (node's
// serializer refuses it too).
function hasBuffer(v, seen) {
  if (v === null || typeof v !== 'object' || seen.has(v)) return false;
  seen.add(v);
  if (v instanceof SharedArrayBuffer ||
      (ArrayBuffer.isView(v) && v.buffer instanceof SharedArrayBuffer)) {
    throw new Error('#<SharedArrayBuffer> could not be cloned.');
  }
  if (Buffer.isBuffer(v)) return true;
  if (ArrayBuffer.isView(v)) return false;
  if (v instanceof Map) {
    for (const [k, x] of v) if (hasBuffer(k, seen) || hasBuffer(x, seen)) return true;
    return false;
  }
  if (v instanceof Set) {
    for (const x of v) if (hasBuffer(x, seen)) return true;
    return false;
  }
  for (const k of Object.keys(v)) if (hasBuffer(v[k], seen)) return true;
  return false;
}

function markBuffers(v, seen) {
  if (v === null || typeof v !== 'object') return v;
  let out = seen.get(v);
  if (out !== undefined) return out;
  if (Buffer.isBuffer(v)) {
    out = { [kBufMark]: new Uint8Array(v) };
  } else if (ArrayBuffer.isView(v) || v instanceof Error || v instanceof Date || v instanceof RegExp ||
             v instanceof ArrayBuffer) {
    out = v;
  } else if (v instanceof Map) {
    out = new Map();
    seen.set(v, out);
    for (const [k, x] of v) out.set(markBuffers(k, seen), markBuffers(x, seen));
    return out;
  } else if (v instanceof Set) {
    out = new Set();
    seen.set(v, out);
    for (const x of v) out.add(markBuffers(x, seen));
    return out;
  } else {
    out = Array.isArray(v) ? new Array(v.length) : {};
    seen.set(v, out);
    for (const k of Object.keys(v)) out[k] = markBuffers(v[k], seen);
    return out;
  }
  seen.set(v, out);
  return out;
}

function unmarkBuffers(v, seen) {
  if (v === null || typeof v !== 'object' || seen.has(v)) return v;
  seen.add(v);
  if (ArrayBuffer.isView(v)) return v;
  if (Object.prototype.hasOwnProperty.call(v, kBufMark)) {
    const u8 = v[kBufMark];
    return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  }
  if (v instanceof Map) {
    const entries = [...v];
    v.clear();
    for (const [k, x] of entries) v.set(unmarkBuffers(k, seen), unmarkBuffers(x, seen));
  } else if (v instanceof Set) {
    const values = [...v];
    v.clear();
    for (const x of values) v.add(unmarkBuffers(x, seen));
  } else {
    for (const k of Object.keys(v)) v[k] = unmarkBuffers(v[k], seen);
  }
  return v;
}

// encodeAdvanced returns one frame: [u32 BE length][u8 flags][bytes].
function encodeAdvanced(message) {
  const clone = require('internal/worker/clone');
  const marked = hasBuffer(message, new Set());
  let bytes;
  try {
    bytes = new Uint8Array(clone.serialize(marked ? markBuffers(message, new Map()) : message));
  } catch (err) {
    // As node's serializer: a plain Error.
    if (err && err.name === 'DataCloneError') throw new Error(err.message);
    throw err;
  }
  const frame = Buffer.allocUnsafe(5 + bytes.byteLength);
  frame.writeUInt32BE(bytes.byteLength + 1, 0);
  frame[4] = marked ? 1 : 0;
  frame.set(bytes, 5);
  return frame;
}

function decodeAdvanced(body) {
  const clone = require('internal/worker/clone');
  const bytes = body.buffer.slice(body.byteOffset + 1, body.byteOffset + body.byteLength);
  const { value } = clone.deserialize(bytes);
  return body[0] === 1 ? unmarkBuffers(value, new Set()) : value;
}

// ---- handle conversions -----------------------------------------------------------

function netIpc() { return require('net')[kNetIpc]; }

// handleType names what handle is on the wire, or throws.
function handleType(handle) {
  const net = require('net');
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  const dgram = require('dgram');
  if (handle instanceof dgram.Socket) return 'dgram.Socket';
  if (netIpc().isHandle(handle)) return 'net.Native';
  throw new ERR_INVALID_HANDLE_TYPE();
}

// releaseHttp lets go of what an HTTP server or response held for a
// socket that was sent away: the response no longer writes to it, and no
// parser reads it here.
function releaseHttp(socket) {
  const res = socket._httpMessage;
  if (res && typeof res.detachSocket === 'function') res.detachSocket(socket);
  socket._httpMessage = null;
  socket.parser = null;
}

// SocketListSend is the sender's view of the sockets a net.Server handed
// to one channel: the server asks it how many are still open, or to wait
// until they all closed.
class SocketListSend extends EventEmitter {
  constructor(target, key) {
    super();
    this.key = key;
    this.target = target;
    target.once('disconnect', () => this.emit('disconnect'));
  }

  _request(msg, want, cb) {
    if (!this.target.connected) {
      cb(null, 0);
      return;
    }
    const onDisconnect = () => {
      this.target.removeListener('internalMessage', onReply);
      cb(null, 0);
    };
    const onReply = (m) => {
      if (m.key !== this.key || m.cmd !== want) return;
      this.target.removeListener('internalMessage', onReply);
      this.removeListener('disconnect', onDisconnect);
      cb(null, m.count);
    };
    this.target.on('internalMessage', onReply);
    this.once('disconnect', onDisconnect);
    this.target._send(msg, undefined, { swallowErrors: true }, undefined);
  }

  close(cb) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', cb);
  }

  getConnections(cb) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', cb);
  }
}

// SocketListReceive tracks, on the receiving side, the sockets that came
// from one sender's server, to answer its questions.
class SocketListReceive {
  constructor(target, key) {
    this.key = key;
    this.target = target;
    this.connections = 0;
    this.notify = false;
  }

  add(socket) {
    this.connections++;
    socket.once('close', () => {
      this.connections--;
      if (this.notify && this.connections === 0) this._allClosed();
    });
  }

  _allClosed() {
    this.notify = false;
    if (this.target.connected) {
      this.target._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: this.key }, undefined, { swallowErrors: true }, undefined);
    }
  }

  onMessage(msg) {
    if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
      if (this.target.connected) {
        this.target._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections }, undefined, { swallowErrors: true }, undefined);
      }
    } else if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
      if (this.connections === 0) this._allClosed();
      else this.notify = true;
    }
  }
}

// ---- the channel ------------------------------------------------------------------

// setupChannel gives target send/disconnect/connected/channel over the
// pipe pipeId of the process_wrap binding. refd says whether the channel
// keeps the loop alive from the start (the parent's does; the child's only
// while it has 'message' or 'disconnect' listeners). serialization is
// 'json' or 'advanced'.
function setupChannel(target, pipeId, refd, serialization = 'json') {
  const { binding, pipes, ensureCallbacks, errnoException } = require('internal/child_process');
  ensureCallbacks();
  const advanced = serialization === 'advanced';
  const decoder = new StringDecoder('utf8');
  let pending = '';
  // advanced: received chunks not yet making a whole frame
  let chunks = [];
  let buffered = 0;
  let frameLen = -1;

  let closed = false;
  let refCount = 0;
  const fds = []; // received descriptors, in order
  let handleQueue = null; // messages held while a handle waits for its ACK
  let pendingHandle = null; // the sent handle to close on ACK
  const socketLists = { send: new Map(), got: new Map() };

  const channel = {
    get fd() { return closed ? undefined : binding.fd(pipeId); },
    ref() { if (!closed) binding.pipeRef(pipeId, true); },
    unref() { if (!closed) binding.pipeRef(pipeId, false); },
    sockets: socketLists,
  };
  if (!refd) channel.unref();
  target.channel = channel;
  target._channel = channel;
  target.connected = true;

  function closeChannel() {
    if (closed) return;
    closed = true;
    pipes.delete(pipeId);
    binding.close(pipeId);
    target.channel = null;
    target._channel = null;
    for (const fd of fds.splice(0)) binding.closeFd(fd);
    // A socket sent without an answer yet: nobody will take it now.
    if (pendingHandle !== null) {
      pendingHandle.close();
      pendingHandle = null;
    }
  }

  function emitMessage(msg, handle) {
    const event = isInternal(msg) ? 'internalMessage' : 'message';
    process.nextTick(() => target.emit(event, msg, handle));
  }

  // gotHandle adopts the descriptor of a NODE_HANDLE message and emits
  // the message with its handle.
  function gotHandle(msg) {
    const fd = fds.shift();
    if (target.connected) target._send({ cmd: 'NODE_HANDLE_ACK' }, undefined, { swallowErrors: true }, undefined);
    if (fd === undefined) {
      process.nextTick(() => target.emit('error', new Error('IPC: handle message without a descriptor')));
      return;
    }
    const inner = msg.msg;
    const emit = (handle) => emitMessage(inner, handle);
    try {
      switch (msg.type) {
        case 'net.Socket': {
          const socket = netIpc().socketFromFd(fd);
          if (msg.key) {
            let list = socketLists.got.get(msg.key);
            if (!list) {
              list = new SocketListReceive(target, msg.key);
              socketLists.got.set(msg.key, list);
            }
            list.add(socket);
          }
          emit(socket);
          break;
        }
        case 'net.Server': {
          const server = netIpc().serverFromFd(fd);
          server.once('listening', () => emit(server));
          break;
        }
        case 'dgram.Socket': {
          const dgram = require('dgram');
          const socket = dgram[kDgramIpc].socketFromFd(fd, msg.dgramType);
          socket.once('listening', () => emit(socket));
          break;
        }
        case 'net.Native':
          emit(netIpc().handleFromFd(fd, msg.server === true));
          break;
        default:
          binding.closeFd(fd);
          emit(undefined);
      }
    } catch (err) {
      process.nextTick(() => target.emit('error', err));
    }
  }

  function handleMessage(msg) {
    if (isInternal(msg)) {
      switch (msg.cmd) {
        case 'NODE_HANDLE':
          gotHandle(msg);
          return;
        case 'NODE_HANDLE_ACK':
          onAck();
          return;
        case 'NODE_HANDLE_NACK':
          return;
        case 'NODE_SOCKET_GET_COUNT':
        case 'NODE_SOCKET_NOTIFY_CLOSE': {
          const list = socketLists.got.get(msg.key);
          if (list) list.onMessage(msg);
          else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
            target._send({ cmd: 'NODE_SOCKET_COUNT', key: msg.key, count: 0 }, undefined, { swallowErrors: true }, undefined);
          } else {
            target._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: msg.key }, undefined, { swallowErrors: true }, undefined);
          }
          return;
        }
      }
    }
    // Each message is emitted on its own tick, as node does: a listener
    // that throws does not stop the ones after it.
    emitMessage(msg, undefined);
  }

  function onAck() {
    const p = pendingHandle;
    pendingHandle = null;
    if (p) p.close();
    const queue = handleQueue;
    handleQueue = null;
    if (queue) {
      for (const q of queue) target._send(q.message, q.handle, q.options, q.callback);
    }
  }

  function readJSON(chunk) {
    pending += decoder.write(chunk);
    let nl;
    while (target.connected && (nl = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line === '') continue;
      let msg;
      try {
        msg = JSON.parse(line);
      } catch (err) {
        process.nextTick(() => target.emit('error', err));
        continue;
      }
      handleMessage(msg);
    }
  }

  function readFrames(chunk) {
    chunks.push(chunk);
    buffered += chunk.length;
    while (target.connected) {
      if (frameLen < 0) {
        if (buffered < 4) return;
        if (chunks[0].length < 4) chunks = [Buffer.concat(chunks)];
        frameLen = chunks[0].readUInt32BE(0);
      }
      if (buffered < 4 + frameLen) return;
      const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const body = all.subarray(4, 4 + frameLen);
      const rest = all.subarray(4 + frameLen);
      chunks = rest.length ? [rest] : [];
      buffered = rest.length;
      frameLen = -1;
      if (body.length === 0) continue;
      let msg;
      try {
        msg = decodeAdvanced(body);
      } catch (err) {
        process.nextTick(() => target.emit('error', err));
        continue;
      }
      handleMessage(msg);
    }
  }

  pipes.set(pipeId, {
    onread(chunk, status, gotFds) {
      if (gotFds !== undefined) {
        if (closed) for (const fd of gotFds) binding.closeFd(fd);
        else fds.push(...gotFds);
      }
      if (chunk !== null) {
        if (chunk.byteLength > 0) {
          const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          if (advanced) readFrames(buf);
          else readJSON(buf);
        }
        if (!closed) binding.read(pipeId);
        return;
      }
      // The other end closed the channel.
      if (target.connected) {
        target.connected = false;
        closeChannel();
        process.nextTick(() => target.emit('disconnect'));
      } else {
        closeChannel();
      }
      void status;
    },
  });
  binding.read(pipeId);

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    options = { swallowErrors: false, ...options };
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (handle !== undefined && handle !== null) {
      message = { cmd: 'NODE_HANDLE', type: handleType(handle), msg: message };
    } else {
      handle = undefined;
    }
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    return target._send(message, handle, options, callback);
  };

  // _send writes one message (with its handle). It returns false when the
  // caller should back off.
  target._send = function _send(message, handle, options, callback) {
    if (!target.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => target.emit('error', err));
      return false;
    }
    if (handleQueue !== null &&
        !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      handleQueue.push({ message, handle, options, callback });
      return handleQueue.length === 1;
    }
    let fd = -1;
    let toClose = null;
    if (handle !== undefined) {
      const r = prepareHandle(message, handle, options || {});
      if (r === null) {
        // Nothing left to send (a socket already closed): the message
        // goes alone.
        message = message.msg;
        handle = undefined;
      } else {
        fd = r.fd;
        toClose = r.detach;
      }
    }
    const data = advanced ? encodeAdvanced(message) : JSON.stringify(message) + '\n';
    // The sender's socket lets go of its handle only once the message
    // could be encoded.
    if (toClose !== null) {
      const socket = toClose;
      toClose = netIpc().detachSocket(socket);
      releaseHttp(socket);
    }
    // As in node, a write that fails later (the peer went away) is not
    // reported: the channel's end shows as 'disconnect'. Only a write
    // refused at once is an error.
    const done = () => {
      if (typeof callback === 'function') callback(null);
    };
    let r;
    if (fd >= 0) {
      handleQueue = [];
      if (toClose) pendingHandle = toClose;
      r = binding.writeFd(pipeId, data, fd, done);
      if (r < 0) {
        handleQueue = null;
        pendingHandle = null;
        if (toClose) toClose.close();
      }
    } else {
      r = binding.write(pipeId, data, done);
    }
    if (r === 0) {
      process.nextTick(done);
    } else if (r < 0) {
      if (!options || !options.swallowErrors) {
        const err = errnoException(r, 'write');
        if (typeof callback === 'function') process.nextTick(callback, err);
        else process.nextTick(() => target.emit('error', err));
      }
      return false;
    }
    return true;
  };

  // prepareHandle turns a handle into its descriptor for the envelope
  // message, adding what the receiver needs to rebuild it. It returns
  // { fd, detach } (detach: a net.Socket to detach now and close after
  // the ACK, or null), or null when the handle is gone.
  function prepareHandle(message, handle, options) {
    const ipc = netIpc();
    switch (message.type) {
      case 'net.Socket': {
        if (!handle._handle) return null;
        const fd = ipc.handleFd(handle._handle);
        if (fd < 0) return null;
        const server = handle.server;
        if (server && server._connectionKey) {
          const key = server._connectionKey;
          message.key = key;
          let list = socketLists.send.get(key);
          if (!list) {
            list = new SocketListSend(target, key);
            socketLists.send.set(key, list);
            server._setupWorker(list);
          }
          if (!options.keepOpen) server._connections--;
        }
        return { fd, detach: options.keepOpen ? null : handle };
      }
      case 'net.Server': {
        if (!handle._handle) return null;
        const fd = ipc.handleFd(handle._handle);
        return fd < 0 ? null : { fd, detach: null };
      }
      case 'dgram.Socket': {
        const dgram = require('dgram');
        const fd = dgram[kDgramIpc].fd(handle);
        if (fd < 0) return null;
        message.dgramType = handle.type;
        return { fd, detach: null };
      }
      case 'net.Native': {
        const fd = ipc.handleFd(handle);
        if (fd < 0) return null;
        message.server = ipc.isServerHandle(handle);
        return { fd, detach: null };
      }
    }
    return null;
  }

  target.disconnect = function disconnect() {
    if (!target.connected) {
      target.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    target.connected = false;
    // Let queued messages go out first, then close.
    binding.end(pipeId, () => closeChannel());
    process.nextTick(() => target.emit('disconnect'));
  };

  if (!refd) {
    // The child's channel keeps it alive only while someone listens.
    const counted = (name) => name === 'message' || name === 'disconnect';
    target.on('newListener', (name) => {
      if (counted(name) && refCount++ === 0) channel.ref();
    });
    target.on('removeListener', (name) => {
      if (counted(name) && --refCount === 0) channel.unref();
    });
  }
}

// setupChild wires process.send & co in a child started with an IPC
// channel (NODE_CHANNEL_FD).
function setupChild(proc) {
  const fd = Number(proc.env.NODE_CHANNEL_FD);
  delete proc.env.NODE_CHANNEL_FD;
  const mode = proc.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete proc.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!Number.isInteger(fd) || fd < 0) return;
  const { binding } = require('internal/child_process');
  const id = binding.openFd(fd);
  if (id < 0) return;
  setupChannel(proc, id, false, mode === 'advanced' ? 'advanced' : 'json');
}

module.exports = { setupChannel, setupChild };
