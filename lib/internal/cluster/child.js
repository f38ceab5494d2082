'use strict';
// The worker's side of node:cluster: cluster.worker, the 'online'
// handshake, listening on ports the primary settles, and disconnecting
// (closing this worker's servers, then the IPC channel).

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const state = require('internal/cluster/state');
const { sendHelper, internal } = require('internal/cluster/utils');

const cluster = new EventEmitter();
// Servers listening in this worker, closed on disconnect.
const servers = new Set();

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, cb) {
  return sendHelper(process, message, cb);
}

// setup runs at start-up in a worker, once the IPC channel exists.
function setup() {
  const worker = new Worker({ id: state.id, process, state: 'online' });
  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    // The primary went away (or cut us off) without asking: exit now.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
  process.on('internalMessage', internal(worker, function onmessage(message) {
    if (message.act === 'disconnect') disconnect.call(worker, true);
  }));
  send({ act: 'online' });
}

// Each server of this worker listening on the same address and port gets
// its own index, so that a worker's second server on port 0 gets a port of
// its own, shared with the other workers' second servers.
const indexes = new Map();

function addressKey(address, port, addressType, options) {
  const base = `${address}:${port}:${addressType}:${Boolean(options && options.ipv6Only)}`;
  let entry = indexes.get(base);
  if (entry === undefined) {
    entry = { next: 0, live: new Set() };
    indexes.set(base, entry);
  }
  const index = entry.next++;
  entry.live.add(index);
  const release = () => {
    entry.live.delete(index);
    if (entry.live.size === 0) indexes.delete(base);
  };
  return { key: `${base}:${index}`, release };
}

// listen is net's listenInCluster in a worker: ask the primary which port
// to use, then listen on it with SO_REUSEPORT.
function listen(server, address, port, addressType, backlog, options) {
  const { key, release } = addressKey(address, port, addressType, options);
  send({
    act: 'queryServer', key, address, port, addressType, backlog,
    ipv6Only: Boolean(options && options.ipv6Only),
  }, (reply) => {
    if (reply.errno !== undefined) {
      release();
      const { uvExceptionWithHostPort } = require('internal/net');
      const err = uvExceptionWithHostPort(reply.errno, 'bind', address === null ? '::' : address, port);
      server.emit('error', err);
      return;
    }
    server._listen2(address, reply.port, addressType, backlog, { ...options, reusePort: true });
    if (server._handle) {
      server[kKey] = key;
      server.once('close', release);
      listened(server, address, addressType);
    } else {
      release();
    }
  });
}

const kKey = Symbol('clusterKey');

// listened tells the primary that a server of this worker listens.
function listened(server, address, addressType) {
  if (!server._handle) return;
  servers.add(server);
  server.once('close', () => {
    servers.delete(server);
    if (server[kKey] !== undefined) send({ act: 'close', key: server[kKey] });
  });
  const addr = server.address();
  send({
    act: 'listening',
    address: addr && typeof addr === 'object' ? addr.address : address,
    port: addr && typeof addr === 'object' ? addr.port : -1,
    addressType,
    fd: undefined,
  });
}

function disconnect(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  for (const server of servers) server.close();
  servers.clear();
  if (primaryInitiated) {
    process.disconnect();
  } else {
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  }
}

Worker.prototype.disconnect = function() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnect.call(this, false);
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
module.exports.setup = setup;
module.exports.listen = listen;
module.exports.listened = listened;
