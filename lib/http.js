'use strict';

// node:http: server, client, agent.

const { methods, parseError, callable } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('_http_outgoing');
const { STATUS_CODES, Server, ServerResponse } = require('_http_server');
const { defaultMaxHeaderSize } = require('_http_common');

let agentModule;
function lazyAgent() {
  if (agentModule === undefined) agentModule = require('_http_agent');
  return agentModule;
}
let clientModule;
function lazyClient() {
  if (clientModule === undefined) clientModule = require('_http_client');
  return clientModule;
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  const { ClientRequest } = lazyClient();
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

let maxHeaderSize;

module.exports = {
  _connectionListener: require('_http_server')._connectionListener,
  METHODS: methods.slice().sort(),
  STATUS_CODES,
  get Agent() { return lazyAgent().Agent; },
  get ClientRequest() { return lazyClient().ClientRequest; },
  IncomingMessage,
  OutgoingMessage: callable(OutgoingMessage),
  Server: callable(Server),
  ServerResponse: callable(ServerResponse),
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    require('internal/validators').validateInteger(max, 'max', 1);
    require('_http_common').parsers.max = max;
  },
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  configurable: true,
  enumerable: true,
  get() {
    if (maxHeaderSize === undefined) maxHeaderSize = defaultMaxHeaderSize();
    return maxHeaderSize;
  },
});

Object.defineProperty(module.exports, 'globalAgent', {
  configurable: true,
  enumerable: true,
  get() { return lazyAgent().globalAgent; },
  set(value) { lazyAgent().globalAgent = value; },
});
void parseError;
