'use strict';
// The primary's side of node:cluster: forking workers, tracking their
// state and events, and settling which port workers that listen on the
// same address share. Workers listen themselves with SO_REUSEPORT (the
// kernel spreads connections among them), so no listening handle crosses
// the IPC channel; schedulingPolicy is accepted and recorded.

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { sendHelper, internal } = require('internal/cluster/utils');

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const SCHED_NONE = 1;
const SCHED_RR = 2;

// Ports settled for port-0 listens, by address key, while a worker uses them.
const ports = new Map();
let ids = 0;
let initialized = false;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
{
  const policy = process.env.NODE_CLUSTER_SCHED_POLICY;
  cluster.schedulingPolicy = policy === 'none' ? SCHED_NONE : policy === 'rr' ? SCHED_RR : SCHED_RR;
}

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (initialized) {
    process.nextTick(() => cluster.emit('setup', settings));
    return;
  }
  initialized = true;
  if (cluster.schedulingPolicy !== SCHED_NONE && cluster.schedulingPolicy !== SCHED_RR) {
    throw new Error(`Bad cluster.schedulingPolicy: ${cluster.schedulingPolicy}`);
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const { fork } = require('child_process');
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  const execArgv = [...(cluster.settings.execArgv || [])];
  return fork(cluster.settings.exec, cluster.settings.args, {
    cwd: cluster.settings.cwd,
    env: workerEnv,
    serialization: cluster.settings.serialization,
    silent: cluster.settings.silent,
    windowsHide: cluster.settings.windowsHide,
    execArgv,
    stdio: cluster.settings.stdio,
    gid: cluster.settings.gid,
    uid: cluster.settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, entry] of ports) {
    entry.workers.delete(worker.id);
    if (entry.workers.size === 0) ports.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });
  worker.process.once('exit', (exitCode, signalCode) => {
    // The worker may exit without disconnecting first (a crash): it is
    // forgotten once both have happened.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.process.on('internalMessage', internal(worker, onmessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of workers) {
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

function onmessage(message) {
  const worker = this;
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      queryServer(worker, message);
      break;
    case 'listening': {
      const info = { addressType: message.addressType, address: message.address, port: message.port, fd: message.fd };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      sendHelper(worker.process, { ack: message.seq });
      break;
    case 'close':
      for (const [key, entry] of ports) {
        if (key === message.key) {
          entry.workers.delete(worker.id);
          if (entry.workers.size === 0) ports.delete(key);
        }
      }
      break;
    default:
      break;
  }
}

// queryServer answers a worker that wants to listen: the port to use.
// The first query for an address key probes it by listening (without
// SO_REUSEPORT, so a port held by anyone else, even another cluster, is
// EADDRINUSE as it would be for node's primary); port 0 thus becomes one
// free port, shared by all workers asking for the same key while any of
// them holds it.
function queryServer(worker, message) {
  if (!worker.isConnected()) return;
  const key = message.key;
  const reply = (extra) => sendHelper(worker.process, { ack: message.seq, ...extra });
  const entry = ports.get(key);
  if (entry !== undefined) {
    entry.workers.add(worker.id);
    if (entry.port !== undefined) reply({ port: entry.port });
    else entry.waiting.push(reply);
    return;
  }
  const fresh = { port: undefined, workers: new Set([worker.id]), waiting: [reply] };
  ports.set(key, fresh);
  const probe = require('net').createServer();
  probe.once('error', (err) => {
    ports.delete(key);
    for (const fn of fresh.waiting) fn({ errno: err.errno, code: err.code });
  });
  const opts = { port: message.port, ipv6Only: Boolean(message.ipv6Only), backlog: message.backlog };
  if (message.address !== null && message.address !== undefined) opts.host = message.address;
  probe.listen(opts, () => {
    fresh.port = probe.address().port;
    probe.close();
    for (const fn of fresh.waiting) fn({ port: fresh.port });
    fresh.waiting = [];
  });
}

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  sendHelper(this.process, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function destroy(signo) {
  const proc = this.process;
  const signal = signo || 'SIGTERM';
  proc.kill(signal);
};

module.exports = cluster;
