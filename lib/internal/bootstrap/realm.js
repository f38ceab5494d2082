'use strict';
// The built-in module loader. Every file under lib/ is a module whose id
// is its path without ".js". Ids under internal/ can only be required by
// other built-ins; users get the public ones (with or without "node:").

const builtins = internalBinding('builtins');
const cache = new Map();

class BuiltinModule {
  // Fields, not assignments: they define own properties even when a program
  // has put setters of these names on Object.prototype.
  id;
  filename;
  exports = {};
  loaded = false;
  loading = false;

  constructor(id) {
    this.id = id;
    this.filename = `node:${id}`;
  }

  compileForInternalLoader() {
    if (this.loaded || this.loading) return this.exports;
    this.loading = true;
    try {
      const fn = builtins.compileFunction(this.id);
      fn(this.exports, requireBuiltin, this, processObject, internalBinding);
      this.loaded = true;
    } finally {
      this.loading = false;
    }
    return this.exports;
  }

  static exists(id) {
    return builtins.hasBuiltin(id);
  }

  static canBeRequiredByUsers(id) {
    if (id.startsWith('internal/')) return exposeInternals() && builtins.hasBuiltin(id);
    return builtins.hasBuiltin(id) && !schemeOnly.has(id) && !hidden.has(id);
  }

  static canBeRequiredWithoutScheme(id) {
    return BuiltinModule.canBeRequiredByUsers(id);
  }

  static getSchemeOnlyModuleNames() {
    return [...schemeOnly];
  }

  // publicIds lists what require('module').builtinModules does: the
  // modules that exist only as node:<name> carry the prefix.
  static publicIds() {
    return builtins.ids().filter((id) => !id.startsWith('internal/') && !hidden.has(id))
      .map((id) => (schemeOnly.has(id) ? `node:${id}` : id));
  }
}

// Modules that exist only as node:<name>.
const schemeOnly = new Set(['test', 'test/reporters', 'sqlite', 'sea']);
// Library files that are not modules users may load.
const hidden = new Set([]);

// --expose-internals lets user code require('internal/...'), as Node's
// own tests do.
let exposeInternalsFlag;
function exposeInternals() {
  exposeInternalsFlag ??= internalBinding('process_methods').options
    .some((o) => o === '--expose-internals' || o === '--expose_internals');
  return exposeInternalsFlag;
}

let processObject;  // set by internal/bootstrap/node before anything else loads

function requireBuiltin(id) {
  if (id.startsWith('node:')) id = id.slice(5);
  let mod = cache.get(id);
  if (mod === undefined) {
    if (!builtins.hasBuiltin(id)) {
      const err = new Error(`No such built-in module: ${id}`);
      err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
      throw err;
    }
    mod = new BuiltinModule(id);
    cache.set(id, mod);
  }
  return mod.compileForInternalLoader();
}

function setProcess(p) { processObject = p; }

module.exports = { BuiltinModule, requireBuiltin, setProcess, cache };

// The loader itself was run by Go, not through requireBuiltin: register it
// so that other built-ins can require it.
{
  const self = new BuiltinModule('internal/bootstrap/realm');
  self.exports = module.exports;
  self.loaded = true;
  cache.set(self.id, self);
}
