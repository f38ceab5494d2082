'use strict';
// node:sys is the deprecated old name of node:util (DEP0025).

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
module.exports = require('util');
