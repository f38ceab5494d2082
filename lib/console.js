'use strict';
// node:console: the global console, an object whose methods write to
// process.stdout/stderr, with the Console class attached.

const { createGlobalConsole } = require('internal/console/constructor');

module.exports = createGlobalConsole();
