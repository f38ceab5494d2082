'use strict';

function runMain(main) {
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  const resolved = Module._findPath(path.resolve(main), null, true);
  if (!resolved) {
    // Let the loader produce Node's MODULE_NOT_FOUND error.
    Module._load(path.resolve(main), null, true);
    return;
  }
  if (resolved.endsWith('.mjs') || resolved.endsWith('.mts') ||
      ((resolved.endsWith('.js') || resolved.endsWith('.ts')) && require('internal/modules/package_json_reader').getPackageType(resolved) === 'module')) {
    const { notImplemented } = require('internal/errors');
    throw notImplemented('ES module entry points');
  }
  Module._load(resolved, null, true);
}

module.exports = { runMain };
