'use strict';
// node:_stream_wrap is the deprecated public name (DEP0125) of the
// JSStreamSocket class: a net.Socket over any JS Duplex.

module.exports = require('internal/js_stream_socket');

process.emitWarning('The _stream_wrap module is deprecated.', 'DeprecationWarning', 'DEP0125');
