'use strict';
// node:tty. isatty works; the ReadStream/WriteStream classes are not
// implemented yet (process.stdout/stderr carry isTTY and columns/rows).

const { notImplemented } = require('internal/errors');

const binding = internalBinding('process_methods');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

class ReadStream {
  constructor() { throw notImplemented('tty.ReadStream'); }
}

class WriteStream {
  constructor() { throw notImplemented('tty.WriteStream'); }
}

module.exports = { isatty, ReadStream, WriteStream };
