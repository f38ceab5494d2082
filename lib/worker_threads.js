'use strict';
// node:worker_threads. Workers run on their own goroutine with their own
// engine and event loop (lib/internal/worker.js, internal/node/worker.go).

const worker = require('internal/worker');
const io = require('internal/worker/io');

const { uncloneableObjects } = require('internal/structured_clone');

// markAsUncloneable(obj): structuredClone and postMessage refuse obj
// (DataCloneError) from now on.
function markAsUncloneable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') uncloneableObjects.add(obj);
}

module.exports = {
  isMainThread: worker.isMainThread,
  isInternalThread: false,
  threadId: worker.threadId,
  threadName: worker.threadName,
  parentPort: worker.parentPort,
  workerData: worker.workerData,
  resourceLimits: worker.resourceLimits(),
  SHARE_ENV: worker.SHARE_ENV,
  Worker: worker.Worker,
  MessageChannel: io.MessageChannel,
  MessagePort: io.MessagePort,
  BroadcastChannel: io.BroadcastChannel,
  getEnvironmentData: worker.getEnvironmentData,
  setEnvironmentData: worker.setEnvironmentData,
  markAsUntransferable: worker.markAsUntransferable,
  isMarkedAsUntransferable: worker.isMarkedAsUntransferable,
  markAsUncloneable,
  moveMessagePortToContext: io.moveMessagePortToContext,
  receiveMessageOnPort: io.receiveMessageOnPort,
  postMessageToThread: require('internal/worker/messaging').postMessageToThread,
};
