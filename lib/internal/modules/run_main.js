'use strict';
// Runs the entry point: CommonJS through Module._load, ES modules (.mjs,
// .mts, "type": "module", or module syntax in an ambiguous file) through
// the ES module loader.

function runMain(main) {
  const { Module } = require('internal/modules/cjs/loader');
  const path = require('path');
  const resolved = Module._findPath(path.resolve(main), null, true);
  if (!resolved) {
    // Let the loader produce Node's MODULE_NOT_FOUND error.
    Module._load(path.resolve(main), null, true);
    return;
  }
  if (shouldUseESMLoader(resolved)) {
    runESMEntry(resolved);
    return;
  }
  Module._load(resolved, null, true);
}

function shouldUseESMLoader(filename) {
  if (filename.endsWith('.mjs') || filename.endsWith('.mts') || filename.endsWith('.wasm')) return true;
  if (filename.endsWith('.cjs') || filename.endsWith('.cts')) return false;
  const type = require('internal/modules/package_json_reader').getPackageType(filename);
  return type === 'module' && (filename.endsWith('.js') || filename.endsWith('.ts') || !/\.[^/]*$/.test(filename));
}

function runESMEntry(filename) {
  const { pathToFileURLString } = require('internal/modules/esm/utils');
  require('internal/modules/esm/loader').runEntryPoint(pathToFileURLString(filename));
}

// Runs source text as the main ES module (--input-type=module, or -e code
// that uses module syntax).
function runESMSource(source, name) {
  return require('internal/modules/esm/loader').runSourceAsModule(source, name);
}

module.exports = { runMain, runESMEntry, runESMSource, shouldUseESMLoader };
