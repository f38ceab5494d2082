'use strict';
// import() in code compiled by node:vm (scripts, compileFunction,
// SourceTextModule): the engine names the calling code by its file name,
// so each file name maps to the importModuleDynamically option of the
// code compiled last under it. Calls from names registered here are
// served by the contextify binding, which asks makeThen for the result.

const {
  codes: { ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, ERR_VM_MODULE_NOT_MODULE },
} = require('internal/errors');

const contextify = internalBinding('contextify');

// file name -> { callback, referrer } | { main: true } | { missing: true }
const handlers = new Map();
let installed = false;

// Registers the importModuleDynamically option (a function, the
// USE_MAIN_CONTEXT_DEFAULT_LOADER constant, or undefined) of code compiled
// under filename; referrer is what node passes to the callback. Without
// the option, import() rejects, as in node, when the name is one vm chose
// (defaulted); a name the program chose, which may be a real file's, keeps
// the main loader.
function registerImportHandler(filename, importModuleDynamically, referrer, useMainLoader, defaulted) {
  let entry;
  if (typeof importModuleDynamically === 'function') {
    entry = { callback: importModuleDynamically, referrer };
  } else if (importModuleDynamically === useMainLoader && importModuleDynamically !== undefined) {
    entry = { main: true };
  } else if (defaulted) {
    entry = { missing: true };
  } else {
    if (handlers.delete(filename)) contextify.claimImports(filename, false);
    return;
  }
  if (!installed) {
    installed = true;
    contextify.setImportHandler(makeThen);
  }
  handlers.set(filename, entry);
  contextify.claimImports(filename, true);
}

async function runImport(entry, base, specifier, attributes) {
  if (entry === undefined || entry.missing) throw new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING();
  if (entry.main) {
    const url = require('internal/modules/esm/loader').resolve(specifier, base);
    return import(url, { with: attributes });
  }
  const result = await entry.callback(specifier, entry.referrer, attributes, 'evaluation');
  const { Module } = require('internal/vm/module');
  if (Module.isModule(result)) return result.namespace;
  if (!require('internal/util/types').isModuleNamespaceObject(result)) {
    throw new ERR_VM_MODULE_NOT_MODULE();
  }
  return result;
}

// The `then` export of the module the binding loads for one import():
// import() adopts the namespace it yields.
function makeThen(base, specifier, attributes, name) {
  const entry = handlers.get(base);
  const attrs = { __proto__: null, ...attributes };
  return function then(resolve, reject) {
    Promise.resolve().then(() => contextify.importDone(name));
    runImport(entry, base, specifier, attrs).then(resolve, reject);
  };
}

module.exports = { registerImportHandler };
