'use strict';
// node:_stream_readable: the legacy alias of stream.Readable.

module.exports = require('stream').Readable;
