'use strict';
// The CommonJS loader, following Node's algorithm: built-ins, relative and
// absolute paths with extension and directory probing, node_modules lookup,
// package.json "main" and "exports", NODE_PATH.

const path = require('path');
const fsBinding = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const { noteWrapped } = require('internal/errors_v8');
const { maybeRegisterSourceMap } = require('internal/source_map');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { makeRequireFunction, stripBOM } = require('internal/modules/helpers');
const packageJson = require('internal/modules/package_json_reader');
const { validateString } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_REQUIRE_ESM, ERR_PACKAGE_PATH_NOT_EXPORTED, ERR_DLOPEN_FAILED },
} = require('internal/errors');

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

const kModuleParent = Symbol('kModuleParent');
const lazyVm = () => require('vm');

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  Object.defineProperty(this, 'exports', { value: {}, writable: true, enumerable: true, configurable: true });
  this[kModuleParent] = parent;
  this.filename = null;
  this.loaded = false;
  this.children = [];
  if (parent && parent.children) parent.children.push(this);
}

// module.parent: deprecated (DEP0144), warned about under
// --pending-deprecation.
{
  let warned = false;
  const pending = () => {
    if (warned || !require('internal/options').getOptionValue('--pending-deprecation')) return;
    warned = true;
    process.emitWarning('module.parent is deprecated due to accuracy issues. Please use ' +
      'require.main to find program entry point instead.', 'DeprecationWarning', 'DEP0144');
  };
  Object.defineProperty(Module.prototype, 'parent', {
    get() {
      pending();
      return this[kModuleParent];
    },
    set(value) {
      pending();
      this[kModuleParent] = value;
    },
    enumerable: false,
    configurable: true,
  });
}

// Requiring a module that is still loading (a cycle) gives its exports so
// far; reading a property they do not have yet warns, as node does, through
// a prototype that is removed once the module has loaded.
const circularWarningProto = new Proxy(Object.create(null), {
  get(target, prop) {
    if (prop in Object.prototype || prop === '__esModule') return Object.prototype[prop];
    if (typeof prop !== 'symbol' || !prop.description?.startsWith('nodejs.')) {
      process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
    }
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.hasOwn(Object.prototype, prop) || prop === '__esModule') {
      return Object.getOwnPropertyDescriptor(Object.prototype, prop);
    }
    process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports inside circular dependency`);
    return undefined;
  },
});

function exportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports !== null && typeof exports === 'object' && !require('internal/util/types').isProxy(exports) &&
      Object.getPrototypeOf(exports) === Object.prototype && !exports.__esModule) {
    Object.setPrototypeOf(exports, circularWarningProto);
  }
  return exports;
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
Module.builtinModules = BuiltinModule.publicIds();
Module.Module = Module;

const statCache = new Map();
function stat(filename) {
  let r = statCache.get(filename);
  if (r === undefined) {
    r = fsBinding.internalModuleStat(filename);
    statCache.set(filename, r);
  }
  return r;
}

function toRealPath(requestPath) {
  try {
    return fsBinding.realpath(requestPath);
  } catch {
    return requestPath;
  }
}

function tryFile(requestPath, isMain) {
  if (stat(requestPath) !== 0) return false;
  if (preserveSymlinks() && !isMain) return path.resolve(requestPath);
  return toRealPath(requestPath);
}

function tryExtensions(basePath, exts, isMain) {
  for (const ext of exts) {
    const filename = tryFile(basePath + ext, isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = packageJson.read(path.resolve(requestPath, 'package.json'));
  const pkgMain = pkg?.main;
  if (!pkgMain) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  const filename = path.resolve(requestPath, pkgMain);
  let actual = tryFile(filename, isMain) ||
    tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
  }
  return actual;
}

function resolveExports(nmPath, request, conditions) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (!m) return undefined;
  const pkgPath = path.resolve(nmPath, m[1]);
  const pkg = packageJson.read(path.join(pkgPath, 'package.json'));
  if (pkg?.exports != null) {
    const { packageExportsResolve } = require('internal/modules/esm/resolve');
    return packageExportsResolve(pkgPath, '.' + (m[2] || ''), pkg, conditions);
  }
  return undefined;
}

let cjsConditionSet;
const cjsConditions = () => {
  cjsConditionSet ??= new Set(['require', 'node', 'node-addons', 'module-sync',
    ...require('internal/modules/esm/utils').getUserConditions()]);
  return cjsConditionSet;
};

const preserveSymlinks = () => require('internal/options').getOptionValue('--preserve-symlinks') === true;

Module._findPath = function(request, paths, isMain) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) paths = [''];
  else if (!paths || paths.length === 0) return false;

  const cacheKey = request + '\x00' + (paths.length === 1 ? paths[0] : paths.join('\x00'));
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;

  const trailingSlash = request.length > 0 &&
    (request.endsWith('/') || request.endsWith('/.') || request.endsWith('/..') || request === '.' || request === '..');
  const exts = Object.keys(Module._extensions);

  for (const curPath of paths) {
    if (curPath && stat(curPath) < 1) continue;
    if (!absoluteRequest) {
      const exportsResolved = resolveExports(curPath, request, cjsConditions());
      if (exportsResolved) {
        Module._pathCache[cacheKey] = exportsResolved;
        return exportsResolved;
      }
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        filename = preserveSymlinks() && !isMain ? path.resolve(basePath) : toRealPath(basePath);
      }
      if (!filename) filename = tryExtensions(basePath, exts, isMain);
    }
    if (!filename && rc === 1) filename = tryPackage(basePath, exts, isMain, request);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/') || '';
    paths.push(dir + '/node_modules');
  }
  paths.push('/node_modules');
  return paths.filter((p, i, a) => a.indexOf(p) === i && p !== '//node_modules');
};

Module._resolveLookupPaths = function(request, parent) {
  if (BuiltinModule.canBeRequiredByUsers(request) || request.startsWith('node:')) return null;
  if (request.charAt(0) !== '.' ||
      (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    let paths = Module.globalPaths;
    if (parent?.paths?.length) paths = parent.paths.concat(paths);
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

Module._resolveFilename = function(request, parent, isMain, options) {
  if (request.startsWith('node:') || BuiltinModule.canBeRequiredByUsers(request)) {
    return request;
  }
  let paths;
  if (typeof options === 'object' && options !== null) {
    if (Array.isArray(options.paths)) {
      const isRelative = request.startsWith('./') || request.startsWith('../');
      if (isRelative) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (const p of options.paths) {
          fakeParent.paths = Module._nodeModulePaths(p);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (const lp of lookupPaths) if (!paths.includes(lp)) paths.push(lp);
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  // Package imports ("#x") and self-reference by package name.
  if (parent?.filename) {
    const pkg = packageJson.getNearestParentPackageJSON(parent.filename);
    if (request[0] === '#' && pkg?.imports != null) {
      const { packageImportsResolve } = require('internal/modules/esm/resolve');
      return packageImportsResolve(request, path.dirname(pkg.pjsonPath), pkg, cjsConditions(), parent.filename);
    }
    if (pkg?.name && pkg.exports != null && (request === pkg.name || request.startsWith(pkg.name + '/'))) {
      const { packageExportsResolve } = require('internal/modules/esm/resolve');
      const r = packageExportsResolve(path.dirname(pkg.pjsonPath), '.' + request.slice(pkg.name.length), pkg, cjsConditions());
      if (r) return r;
    }
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor.parent) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += '\nRequire stack:\n- ' + requireStack.join('\n- ');
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

function loadBuiltin(id) {
  const { requireBuiltin } = require('internal/bootstrap/realm');
  return requireBuiltin(id);
}

// --- gonode embedder modules (hook owned by the embedding API) ---------
// Go-implemented modules registered through gonode.Options.Modules, loaded
// as require('name') or require('gonode:name'); node's built-ins keep their
// plain names. Returns undefined when request names no such module.
let embedderBinding;
let embedderNames;
const embedderCache = new Map();
function loadEmbedderModule(request) {
  if (embedderNames === undefined) {
    embedderBinding = internalBinding('builtins');
    embedderNames = new Set(embedderBinding.embedderModuleNames);
  }
  if (embedderNames.size === 0) return undefined;
  let name = request;
  if (request.startsWith('gonode:')) name = request.slice(7);
  else if (BuiltinModule.canBeRequiredWithoutScheme(request)) return undefined;
  if (!embedderNames.has(name)) return undefined;
  let exports = embedderCache.get(name);
  if (exports === undefined) {
    exports = embedderBinding.embedderModule(name);
    embedderCache.set(name, exports);
  }
  return exports;
}
// --- end gonode embedder modules ------------------------------------------

Module._load = function(request, parent, isMain) {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!BuiltinModule.exists(id) || id.startsWith('internal/')) {
      const { codes: { ERR_UNKNOWN_BUILTIN_MODULE } } = require('internal/errors');
      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return loadBuiltin(id);
  }
  const embedded = loadEmbedderModule(request); // gonode embedder hook
  if (embedded !== undefined) return embedded;
  if (parent?.filename) {
    const relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const cachedName = relativeResolveCache[relResolveCacheIdentifier];
    if (cachedName !== undefined) {
      const cached = Module._cache[cachedName];
      if (cached !== undefined) {
        if (parent.children && !parent.children.includes(cached)) parent.children.push(cached);
        return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
      }
    }
  }
  if (BuiltinModule.canBeRequiredWithoutScheme(request)) return loadBuiltin(request);

  const filename = Module._resolveFilename(request, parent, isMain);
  if (filename.startsWith('node:')) return loadBuiltin(filename.slice(5));
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent?.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.loaded ? cached.exports : exportsForCircularRequire(cached);
  }

  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  if (parent?.filename) relativeResolveCache[`${parent.path}\x00${request}`] = filename;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent?.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    } else if (module.exports !== null && typeof module.exports === 'object' &&
        !require('internal/util/types').isProxy(module.exports) &&
        Object.getPrototypeOf(module.exports) === circularWarningProto) {
      Object.setPrototypeOf(module.exports, Object.prototype);
    }
  }
  return module.exports;
};
const relativeResolveCache = { __proto__: null };

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let ext = findLongestRegisteredExtension(filename);
  if (!Module._extensions[ext]) ext = '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = name.indexOf('.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = name.slice(index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

let requireTrace;
Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  // diagnostics_channel tracing:module.require (start/end/error).
  requireTrace ??= require('diagnostics_channel').tracingChannel('module.require');
  if (requireTrace.hasSubscribers) {
    return requireTrace.traceSync(Module._load, { parentFilename: this.filename, id }, Module, id, this, false);
  }
  return Module._load(id, this, false);
};

Module.prototype._compile = function(content, filename) {
  maybeRegisterSourceMap(filename, content);
  let fn;
  if (wrapperPatched) {
    // A program changed Module.wrap or Module.wrapper: compile its wrapping.
    fn = lazyVm().runInThisContext(Module.wrap(content), { filename, displayErrors: true });
  } else {
    try {
      fn = compileFunction(content, filename, wrapperParams);
    } catch (err) {
      // The engine has no `using` declarations: retry with them rewritten.
      const lowered = err instanceof SyntaxError ? internalBinding('module_wrap').lowerForEngine(content, filename) : null;
      if (lowered === null) throw err;
      fn = compileFunction(lowered, filename, wrapperParams);
    }
    noteWrapped(filename, wrapperParams);
  }
  // Stack frames of the module's top level read "Object.<anonymous>", as
  // V8 names an anonymous function called on module.exports.
  Object.defineProperty(fn, 'name', { value: 'Object.<anonymous>', configurable: true });
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  return Reflect.apply(fn, exports, [exports, require, this, filename, dirname]);
};

Module._extensions['.js'] = function(module, filename) {
  const content = stripBOM(fsBinding.readFileUtf8(filename));
  loadSource(module, filename, content, filename.endsWith('.ts'));
};

// Compiles a .js/.ts/.cjs/.cts file as CommonJS, or hands it to the ES
// module loader when it is an ES module: by extension, by package "type",
// or (no "type") because it uses module syntax.
function loadSource(module, filename, content, typescript) {
  const ext = path.extname(filename);
  let esm = ext === '.mjs' || ext === '.mts';
  if (!esm && ext !== '.cjs' && ext !== '.cts') {
    const type = packageJson.getPackageType(filename);
    if (type === 'module' && (ext === '.js' || ext === '.ts')) esm = true;
  }
  if (!esm && typescript) content = require('internal/modules/esm/loader').stripTypes(content, filename);
  if (!esm) {
    try {
      module._compile(content, filename);
      return;
    } catch (err) {
      if (!(err instanceof SyntaxError) || packageJson.getPackageType(filename) !== 'none' ||
          ext === '.cjs' || ext === '.cts' ||
          !require('internal/modules/esm/utils').containsModuleSyntax(content, filename)) {
        throw err;
      }
    }
  }
  loadESMFromCJS(module, filename);
}

function loadESMFromCJS(module, filename) {
  if (module.id === '.' && process.mainModule === module) {
    // The entry point: evaluated asynchronously, top-level await allowed.
    process.mainModule = undefined;
    require('internal/modules/run_main').runESMEntry(filename);
    return;
  }
  const ns = require('internal/modules/esm/loader').requireESM(filename, module[kModuleParent]?.filename);
  module.exports = ns !== null && typeof ns === 'object' && 'module.exports' in ns ? ns['module.exports'] : ns;
}

Module._extensions['.json'] = function(module, filename) {
  const content = fsBinding.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  throw new ERR_DLOPEN_FAILED(`Cannot load native addon ${filename}: gonode does not support Node-API addons`);
};

// TypeScript and .mjs handlers are not enumerable: Node does not list them
// in require.extensions nor probe them for extensionless requests.
for (const ext of ['.ts', '.cts', '.mts']) {
  defineHidden(ext, function(module, filename) {
    const content = stripBOM(fsBinding.readFileUtf8(filename));
    if (ext === '.mts') {
      loadESMFromCJS(module, filename);
      return;
    }
    loadSource(module, filename, content, true);
  });
}
defineHidden('.mjs', function(module, filename) {
  loadESMFromCJS(module, filename);
});
function defineHidden(ext, fn) {
  Object.defineProperty(Module._extensions, ext, { value: fn, writable: true, configurable: true, enumerable: false });
}

Module.createRequire = function createRequire(filename) {
  let filepath = filename;
  if (typeof filename === 'object' && filename?.href) filepath = require('internal/url').fileURLToPath(filename);
  else if (typeof filename === 'string' && filename.startsWith('file:')) filepath = require('internal/url').fileURLToPath(filename);
  else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

Module.isBuiltin = function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  return BuiltinModule.canBeRequiredByUsers(id.startsWith('node:') ? id.slice(5) : id) ||
    (id.startsWith('node:') && BuiltinModule.exists(id.slice(5)) && !id.slice(5).startsWith('internal/'));
};

Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths.unshift(path.resolve(homeDir, '.node_libraries'));
    paths.unshift(path.resolve(homeDir, '.node_modules'));
  }
  if (nodePath) paths = nodePath.split(':').filter(Boolean).concat(paths);
  Module.globalPaths = paths;
};
Module._initPaths();

// Module.wrap and Module.wrapper may be replaced or edited by programs;
// once they are, modules compile through them (see _compile).
let wrapperPatched = false;
const wrapperProxy = new Proxy(['(function (exports, require, module, __filename, __dirname) { ', '\n});'], {
  set(target, prop, value) {
    wrapperPatched = true;
    return Reflect.set(target, prop, value);
  },
  defineProperty(target, prop, desc) {
    wrapperPatched = true;
    return Reflect.defineProperty(target, prop, desc);
  },
});
let wrapper = wrapperProxy;
let wrap = function wrap(script) { return Module.wrapper[0] + script + Module.wrapper[1]; };
Object.defineProperty(Module, 'wrap', {
  get() { return wrap; },
  set(value) {
    wrapperPatched = true;
    wrap = value;
  },
  configurable: true,
  enumerable: true,
});
Object.defineProperty(Module, 'wrapper', {
  get() { return wrapper; },
  set(value) {
    wrapperPatched = true;
    wrapper = value;
  },
  configurable: true,
  enumerable: true,
});
Module._stat = function _stat(filename) {
  return fsBinding.internalModuleStat(path.toNamespacedPath(filename));
};
Module._preloadModules = function(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const r of requests) parent.require(r);
};
Module.syncBuiltinESMExports = function() {};
Module.findSourceMap = function() { return undefined; };
Module.register = function() {
  const { notImplemented } = require('internal/errors');
  throw notImplemented('module.register');
};

// import() from CommonJS or -e code loads the ES module loader on demand.
internalBinding('module_wrap').setLazyLoader(() => require('internal/modules/esm/loader'));

void ERR_PACKAGE_PATH_NOT_EXPORTED;
void ERR_REQUIRE_ESM;

module.exports = { Module };
