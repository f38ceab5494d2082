'use strict';
// node:worker_threads in the main thread. Workers are not implemented
// yet: creating one throws ERR_NOT_IMPLEMENTED.

const { notImplemented } = require('internal/errors');

const environmentData = new Map();

class Worker {
  constructor() { throw notImplemented('worker_threads.Worker'); }
}

class MessageChannel {
  constructor() { throw notImplemented('worker_threads.MessageChannel'); }
}

class MessagePort {
  constructor() { throw notImplemented('worker_threads.MessagePort'); }
}

class BroadcastChannel {
  constructor() { throw notImplemented('worker_threads.BroadcastChannel'); }
}

function getEnvironmentData(key) { return environmentData.get(key); }
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function markAsUntransferable() {}
function isMarkedAsUntransferable() { return false; }
function markAsUncloneable() {}
function moveMessagePortToContext() { throw notImplemented('worker_threads.moveMessagePortToContext'); }
function receiveMessageOnPort() { throw notImplemented('worker_threads.receiveMessageOnPort'); }

module.exports = {
  isMainThread: true,
  isInternalThread: false,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  MessageChannel,
  MessagePort,
  BroadcastChannel,
  getEnvironmentData,
  setEnvironmentData,
  markAsUntransferable,
  isMarkedAsUntransferable,
  markAsUncloneable,
  moveMessagePortToContext,
  receiveMessageOnPort,
};
