'use strict';
// node:constants (deprecated, still widely required, e.g. by graceful-fs):
// the union of os.constants' groups, fs.constants and crypto.constants.

const os = require('os').constants;
const fs = require('fs').constants;

const constants = {};
Object.assign(constants, os.dlopen, os.errno, os.priority, os.signals, fs);
let cryptoConstants;
try {
  cryptoConstants = require('crypto').constants;
} catch {
  cryptoConstants = undefined;
}
if (cryptoConstants) Object.assign(constants, cryptoConstants);

module.exports = Object.freeze(constants);
