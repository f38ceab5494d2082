'use strict';
// worker_threads.postMessageToThread: a message to any thread of the
// process by its threadId, emitted there as process 'workerMessage'
// (value, sourceThreadId). Each thread has an inbox endpoint in the
// cross-thread hub (internal/node/worker.go). A message carries a reply
// port on which the receiver says whether a listener took it.

const {
  codes: {
    ERR_WORKER_MESSAGING_ERRORED, ERR_WORKER_MESSAGING_FAILED, ERR_WORKER_MESSAGING_SAME_THREAD,
    ERR_WORKER_MESSAGING_TIMEOUT,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');
const io = require('internal/worker/io');
const { serialize, deserialize } = require('internal/worker/clone');

const binding = internalBinding('worker');

let ownThreadId = 0;

// setup opens this thread's inbox; threadId is its id.
function setup(threadId) {
  ownThreadId = threadId;
  const inbox = binding.threadInbox(threadId);
  binding.attach(inbox, () => drain(inbox));
}

function drain(inbox) {
  for (;;) {
    const bytes = binding.receive(inbox);
    if (bytes === undefined || bytes === null) return;
    let msg;
    try {
      msg = deserialize(bytes, { portIn: io.remotePort }).value;
    } catch {
      continue;
    }
    receive(msg);
  }
}

function receive({ source, value, reply }) {
  let status = 'ok';
  if (process.listenerCount('workerMessage') === 0) {
    status = 'failed';
  } else {
    try {
      process.emit('workerMessage', value, source);
    } catch {
      // The sender learns that the listener threw.
      status = 'errored';
    }
  }
  reply.postMessage(status);
  reply.close();
}

async function postMessageToThread(threadId, value, transferList, timeout) {
  if (typeof transferList === 'number' && typeof timeout === 'undefined') {
    timeout = transferList;
    transferList = [];
  }
  if (timeout !== undefined) validateNumber(timeout, 'timeout', 0);
  if (threadId === ownThreadId) throw new ERR_WORKER_MESSAGING_SAME_THREAD();
  const { port1, port2 } = new io.MessageChannel();
  const transfer = [port2];
  if (transferList !== undefined && transferList !== null) {
    if (typeof transferList[Symbol.iterator] === 'function') transfer.push(...transferList);
  }
  io.checkTransferList(transfer, null);
  const bytes = serialize({ source: ownThreadId, value, reply: port2 }, transfer, { portOut: io.portOut });
  if (typeof threadId !== 'number' || !binding.threadPost(threadId, bytes)) {
    port1.close();
    throw new ERR_WORKER_MESSAGING_FAILED();
  }
  return new Promise((resolve, reject) => {
    let timer;
    if (timeout !== undefined) {
      timer = setTimeout(() => {
        port1.close();
        reject(new ERR_WORKER_MESSAGING_TIMEOUT());
      }, timeout);
    }
    port1.once('message', (status) => {
      clearTimeout(timer);
      port1.close();
      if (status === 'ok') resolve();
      else if (status === 'errored') reject(new ERR_WORKER_MESSAGING_ERRORED());
      else reject(new ERR_WORKER_MESSAGING_FAILED());
    });
  });
}

module.exports = { setup, postMessageToThread };
