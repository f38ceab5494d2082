'use strict';
// node:http2. The protocol engine is the Go binding internalBinding('http2')
// (lib/internal/http2/core.js drives it over net and tls sockets); the
// compatibility API (Http2ServerRequest/Http2ServerResponse) is in
// lib/internal/http2/compat.js.

const core = require('internal/http2/core');
const compat = require('internal/http2/compat');
const util = require('internal/http2/util');

module.exports = {
  connect: core.connect,
  constants: require('internal/http2/constants'),
  createServer: core.createServer,
  createSecureServer: core.createSecureServer,
  getDefaultSettings: util.getDefaultSettings,
  getPackedSettings: util.getPackedSettings,
  getUnpackedSettings: util.getUnpackedSettings,
  performServerHandshake: core.performServerHandshake,
  sensitiveHeaders: util.sensitiveHeaders,
  Http2ServerRequest: compat.Http2ServerRequest,
  Http2ServerResponse: compat.Http2ServerResponse,
};
