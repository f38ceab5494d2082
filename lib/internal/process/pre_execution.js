'use strict';
// What node does between bootstrap and the main script: --env-file,
// -r/--require preloads, --import preloads.

const { getOptionValue } = require('internal/options');

function loadEnvFiles() {
  const files = getOptionValue('--env-file') || [];
  const optional = getOptionValue('--env-file-if-exists') || [];
  if (files.length === 0 && optional.length === 0) return;
  const fs = require('fs');
  const { parseEnv } = require('util');
  for (const [list, required] of [[files, true], [optional, false]]) {
    for (const file of list) {
      let content;
      try {
        content = fs.readFileSync(file, 'utf8');
      } catch (err) {
        if (!required && err.code === 'ENOENT') continue;
        // node: "node: <file>: not found", exit code 9.
        internalBinding('process_methods').writeSync(2, `${process.release.name}: ${file}: not found\n`);
        process.reallyExit(9);
      }
      const parsed = parseEnv(content);
      for (const key of Object.keys(parsed)) {
        if (process.env[key] === undefined) process.env[key] = parsed[key];
      }
    }
  }
}

function preloadModules() {
  const requires = getOptionValue('--require') || [];
  if (requires.length > 0) {
    require('internal/modules/cjs/loader').Module._preloadModules(requires);
  }
  const imports = getOptionValue('--import') || [];
  if (imports.length > 0) {
    const { notImplemented } = require('internal/errors');
    throw notImplemented('--import');
  }
}

function prepareMainThreadExecution() {
  loadEnvFiles();
  preloadModules();
}

module.exports = { prepareMainThreadExecution };
