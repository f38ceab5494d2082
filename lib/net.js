'use strict';
// PLACEHOLDER: node:net without networking yet. The address checks and
// the auto-select-family settings work; sockets and servers throw
// ERR_NOT_IMPLEMENTED until the network module lands.

const { notImplemented } = require('internal/errors');
const { isIP, isIPv4, isIPv6 } = require('internal/net');
const { validateBoolean, validateInt32 } = require('internal/validators');

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

function getDefaultAutoSelectFamily() { return autoSelectFamily; }
function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}
function getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeout; }
function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
}

class Socket {
  constructor() { throw notImplemented('net.Socket'); }
}
class Server {
  constructor() { throw notImplemented('net.Server'); }
}
class BlockList {
  constructor() { throw notImplemented('net.BlockList'); }
}
class SocketAddress {
  constructor() { throw notImplemented('net.SocketAddress'); }
}

function createServer() { throw notImplemented('net.createServer'); }
function connect() { throw notImplemented('net.connect'); }

module.exports = {
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
  Socket,
  Stream: Socket,
  Server,
  BlockList,
  SocketAddress,
  createServer,
  connect,
  createConnection: connect,
};
