'use strict';
// PLACEHOLDER: minimal console, replaced by the full Console class.

const { format } = require('internal/util/inspect');

const consoleObj = {
  log(...args) { process.stdout.write(format(...args) + '\n'); },
  error(...args) { process.stderr.write(format(...args) + '\n'); },
};
consoleObj.info = consoleObj.log;
consoleObj.debug = consoleObj.log;
consoleObj.warn = consoleObj.error;

module.exports = consoleObj;
