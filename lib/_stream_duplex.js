'use strict';
// node:_stream_duplex: the legacy alias of stream.Duplex.

module.exports = require('stream').Duplex;
