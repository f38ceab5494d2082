'use strict';
// The IPC channel between a parent and a child started by fork(): a Unix
// socket carrying newline-delimited JSON, as Node's default 'json'
// serialization does. The same code serves both ends: the ChildProcess
// object in the parent, and `process` in the child (set up from
// bootstrap when NODE_CHANNEL_FD is in the environment).

const { StringDecoder } = require('string_decoder');
const { Buffer } = require('buffer');
const {
  codes: { ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED, ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE },
  notImplemented,
} = require('internal/errors');

// setupChannel gives target send/disconnect/connected/channel over the
// pipe pipeId of the process_wrap binding. refd says whether the channel
// keeps the loop alive from the start (the parent's does; the child's only
// while it has 'message' or 'disconnect' listeners).
function setupChannel(target, pipeId, refd) {
  const { binding, pipes, ensureCallbacks, errnoException } = require('internal/child_process');
  ensureCallbacks();
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let closed = false;
  let refCount = 0;

  const channel = {
    fd: undefined,
    ref() { if (!closed) binding.pipeRef(pipeId, true); },
    unref() { if (!closed) binding.pipeRef(pipeId, false); },
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
  }

  function handleLine(line) {
    if (line === '') return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch (err) {
      process.nextTick(() => target.emit('error', err));
      return;
    }
    // Each message is emitted on its own tick, as node does: a listener
    // that throws does not stop the ones after it.
    const event = msg !== null && typeof msg === 'object' && typeof msg.cmd === 'string' &&
      msg.cmd.startsWith('NODE_') ? 'internalMessage' : 'message';
    process.nextTick(() => target.emit(event, msg, undefined));
  }

  pipes.set(pipeId, {
    onread(chunk, status) {
      if (chunk !== null) {
        pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        let nl;
        while (target.connected && (nl = pending.indexOf('\n')) !== -1) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          handleLine(line);
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
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (handle !== undefined && handle !== null) {
      const net = require('net');
      if (!(handle instanceof net.Socket || handle instanceof net.Server)) {
        throw new (require('internal/errors').codes.ERR_INVALID_HANDLE_TYPE)();
      }
      throw notImplemented('child_process send() with a handle');
    }
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    if (!target.connected) {
      const err = new ERR_IPC_CHANNEL_CLOSED();
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => target.emit('error', err));
      return false;
    }
    const line = JSON.stringify(message) + '\n';
    const done = (status) => {
      if (typeof callback === 'function') callback(status < 0 ? errnoException(status, 'write') : null);
    };
    const r = binding.write(pipeId, line, done);
    if (r <= 0) process.nextTick(done, r);
    return true;
  };

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
  const mode = proc.env.NODE_CHANNEL_SERIALIZATION_MODE;
  delete proc.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!Number.isInteger(fd) || fd < 0) return;
  if (mode && mode !== 'json') throw notImplemented(`child_process serialization '${mode}'`);
  const { binding } = require('internal/child_process');
  const id = binding.openFd(fd);
  if (id < 0) return;
  setupChannel(proc, id, false);
}

module.exports = { setupChannel, setupChild };
