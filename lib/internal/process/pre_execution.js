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
  if (imports.length > 0) return importPreloads(imports);
  return undefined;
}

// importPreloads imports the --import modules one after the other, each
// resolved from the current directory as node does; the main entry runs
// once they are all evaluated.
async function importPreloads(specifiers) {
  const path = require('path');
  // The ES module loader's hooks must be in place before import().
  require('internal/modules/esm/loader');
  // import() from a function compiled as a file of the current directory
  // resolves its specifier from there.
  const importFromCwd = internalBinding('contextify').compileFunction(
    'return import(specifier);', path.join(process.cwd(), '[preload]'), ['specifier']);
  for (const specifier of specifiers) await importFromCwd(specifier);
}

// prepareMainThreadExecution runs what comes before the main entry; it
// returns a promise when --import modules must be evaluated first.
function prepareMainThreadExecution() {
  loadEnvFiles();
  return preloadModules();
}

// runAfterPreload calls run now, or after the --import preloads; an error
// of a preload is an uncaught exception, and the entry does not run.
function runAfterPreload(run) {
  const pending = prepareMainThreadExecution();
  if (pending === undefined) return run();
  pending.then(run, (err) => {
    process.nextTick(() => { throw err; });
  });
  return undefined;
}

module.exports = { prepareMainThreadExecution, runAfterPreload };
