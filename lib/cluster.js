'use strict';
// node:cluster. The primary side's bookkeeping exists; starting workers
// (cluster.fork) is not implemented yet and says so.

const EventEmitter = require('events');
const { notImplemented } = require('internal/errors');

const isWorker = 'NODE_UNIQUE_ID' in process.env;
const cluster = new EventEmitter();

cluster.isWorker = isWorker;
cluster.isPrimary = !isWorker;
cluster.isMaster = !isWorker;
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.settings = {};
cluster.workers = {};
cluster.Worker = class Worker extends EventEmitter {};

cluster.setupPrimary = function setupPrimary(settings) {
  cluster.settings = { args: process.argv.slice(2), exec: process.argv[1], execArgv: process.execArgv,
    silent: false, ...cluster.settings, ...settings };
  cluster.emit('setup', cluster.settings);
};
cluster.setupMaster = cluster.setupPrimary;
cluster.fork = function fork() { throw notImplemented('cluster.fork'); };
cluster.disconnect = function disconnect(cb) {
  if (typeof cb === 'function') process.nextTick(cb);
};

module.exports = cluster;
