'use strict';
// The cluster's internal messages: { cmd: 'NODE_CLUSTER', act, seq, ... }
// over the child_process IPC channel, answered by messages carrying
// `ack: seq`. They arrive as 'internalMessage' events, never as 'message'.

const callbacks = new Map();
let seq = 0;

function sendHelper(proc, message, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  return proc.send(message, null, {}, () => {});
}

// internal wraps a handler of internal messages: answers go to the
// callback waiting for them, the rest to cb as (message) with `this` the
// worker.
function internal(worker, cb) {
  return function onInternalMessage(message) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    if (message.ack !== undefined) {
      const fn = callbacks.get(message.ack);
      if (fn !== undefined) {
        callbacks.delete(message.ack);
        fn.call(worker, message);
      }
      return;
    }
    cb.call(worker, message);
  };
}

module.exports = { sendHelper, internal };
