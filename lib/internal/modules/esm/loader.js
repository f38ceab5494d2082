'use strict';
// The ES module loader: the resolve/load callbacks the engine calls (through
// internalBinding('module_wrap')), formats (module, commonjs, json,
// builtin, TypeScript), import.meta, the ESM entry point and require(esm).

const path = require('path');
const fsBinding = internalBinding('fs');
const binding = internalBinding('module_wrap');
const packageJson = require('internal/modules/package_json_reader');
const { defaultResolve } = require('internal/modules/esm/resolve');
const {
  pathToFileURLString, fileURLToPathString, isURL, containsModuleSyntax,
} = require('internal/modules/esm/utils');
const {
  codes: {
    ERR_IMPORT_ATTRIBUTE_MISSING, ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE,
    ERR_IMPORT_ATTRIBUTE_UNSUPPORTED, ERR_UNKNOWN_FILE_EXTENSION, ERR_INVALID_URL, ERR_REQUIRE_ASYNC_MODULE,
  },
} = require('internal/errors');

// Sources of modules that have no file (--input-type=module, -e).
const virtualSources = new Map();

// The URL an import in referrer is resolved against: referrer is a module
// URL, a CommonJS filename, or a name like "[eval]".
function referrerURL(referrer) {
  if (referrer === undefined || referrer === '') return pathToFileURLString(path.join(process.cwd(), '[eval1]'));
  if (referrer.startsWith('/')) return pathToFileURLString(referrer);
  if (isURL(referrer)) return referrer;
  return pathToFileURLString(path.join(process.cwd(), referrer.startsWith('[eval') ? '[eval1]' : referrer));
}

function resolve(specifier, referrer) {
  if (specifier.startsWith('file:') && virtualSources.has(specifier)) return specifier;
  return defaultResolve(specifier, referrerURL(referrer));
}

function extname(p) {
  const base = path.basename(p);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

// Decides the format of a file: module, commonjs, json, module-typescript,
// commonjs-typescript.
function formatOfFile(filename, source) {
  const ext = extname(filename);
  switch (ext) {
    case '.mjs': return 'module';
    case '.cjs': return 'commonjs';
    case '.json': return 'json';
    case '.mts': return 'module-typescript';
    case '.cts': return 'commonjs-typescript';
    case '.node': return 'addon';
    case '.wasm': return 'wasm';
  }
  const type = packageJson.getPackageType(filename);
  if (ext === '.js' || ext === '' || ext === '.ts') {
    const ts = ext === '.ts' ? '-typescript' : '';
    if (type === 'module') {
      if (ext === '') return source().startsWith('\0asm') ? 'wasm' : 'module';
      return 'module' + ts;
    }
    if (type === 'commonjs') return 'commonjs' + ts;
    let src = source();
    if (ext === '' && src.startsWith('\0asm')) return 'wasm';
    if (ts) src = stripTypes(src, filename);
    return (containsModuleSyntax(src, filename) ? 'module' : 'commonjs') + ts;
  }
  if (type === 'module') throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filename);
  return 'commonjs';
}

function stripTypes(source, filename) {
  require('internal/errors_v8').enableStackMapping();
  return binding.stripTypeScript(source, filename);
}

function readSource(filename) {
  const source = require('internal/modules/helpers').stripBOM(fsBinding.readFileUtf8(filename));
  require('internal/source_map').maybeRegisterSourceMap(filename, source);
  return source;
}

function checkAttributes(url, format, type) {
  if (type !== undefined && type !== 'json') {
    throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type);
  }
  if (format === 'json' && type !== 'json') throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, 'type', 'json');
  if (format !== 'json' && type === 'json') throw new ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE(url, 'json');
}

function load(url, type) {
  if (url.startsWith('node:')) {
    checkAttributes(url, 'builtin', type);
    return loadBuiltin(url.slice(5));
  }
  if (url.startsWith('data:')) return loadData(url, type);
  if (virtualSources.has(url)) {
    checkAttributes(url, 'module', type);
    return { format: 'module', source: virtualSources.get(url) };
  }
  const filename = fileURLToPathString(url);
  let cached;
  const source = () => (cached ??= readSource(filename));
  const format = formatOfFile(filename, source);
  checkAttributes(url, format, type);
  switch (format) {
    case 'module':
      return { format, source: source() };
    case 'module-typescript':
      return { format: 'module', source: stripTypes(source(), filename) };
    case 'json': {
      let value;
      try {
        value = JSON.parse(source());
      } catch (err) {
        err.message = `${filename}: ${err.message}`;
        throw err;
      }
      return { format, names: [], evaluate: () => ({ __proto__: null, default: value }) };
    }
    case 'commonjs':
    case 'commonjs-typescript':
      return loadCommonJS(filename, format === 'commonjs-typescript' ? stripTypes(source(), filename) : source());
    case 'wasm':
      wasmURLs.add(url);
      return { format: 'module', source: require('internal/wasm').esmSource(filename, url) };
    case 'addon': {
      const { notImplemented } = require('internal/errors');
      throw notImplemented(`import of ${format === 'addon' ? 'native addons' : 'WebAssembly modules'} (${filename})`);
    }
  }
  throw new ERR_UNKNOWN_FILE_EXTENSION(extname(filename), filename);
}

function loadBuiltin(id) {
  const { Module } = require('internal/modules/cjs/loader');
  const exports = Module._load('node:' + id, null, false);
  const names = Object.keys(exports).filter((n) => n !== 'default');
  return {
    format: 'builtin',
    names,
    evaluate() {
      const out = { __proto__: null, default: exports };
      for (const n of names) {
        try {
          out[n] = exports[n];
        } catch {
          // A lazy getter that fails leaves the export undefined.
        }
      }
      return out;
    },
  };
}

function loadData(url, type) {
  const m = /^data:([^,;]*)((?:;[^,;]*)*?)(;base64)?,([\s\S]*)$/i.exec(url);
  if (!m) throw new ERR_INVALID_URL(url);
  const mime = m[1].toLowerCase();
  let body = m[4];
  if (m[3]) {
    body = require('buffer').Buffer.from(decodeURIComponent(body), 'base64').toString('utf8');
  } else {
    body = decodeURIComponent(body);
  }
  if (mime === 'text/javascript' || mime === 'application/javascript') {
    checkAttributes(url, 'module', type);
    return { format: 'module', source: body };
  }
  if (mime === 'application/json') {
    checkAttributes(url, 'json', type);
    const value = JSON.parse(body);
    return { format: 'json', names: [], evaluate: () => ({ __proto__: null, default: value }) };
  }
  const { codes: { ERR_UNKNOWN_MODULE_FORMAT } } = require('internal/errors');
  throw new ERR_UNKNOWN_MODULE_FORMAT(mime, url);
}

// Export names of a CommonJS module, found statically, following
// module.exports = require('x') re-exports.
function cjsExportNames(filename, source, seen = new Set()) {
  const names = new Set();
  if (seen.has(filename)) return names;
  seen.add(filename);
  const { exports, reexports } = binding.cjsLexer(source);
  for (const n of exports) names.add(n);
  if (reexports.length) {
    const { Module } = require('internal/modules/cjs/loader');
    const fake = new Module(filename, null);
    fake.filename = filename;
    fake.paths = Module._nodeModulePaths(path.dirname(filename));
    for (const r of reexports) {
      let resolved;
      try {
        resolved = Module._resolveFilename(r, fake, false);
      } catch {
        continue;
      }
      if (resolved.startsWith('node:') || !/\.(c?js|c?ts)$|^[^.]*$/.test(path.basename(resolved))) continue;
      let src;
      try {
        src = readSource(resolved);
        if (/\.c?ts$/.test(resolved)) src = stripTypes(src, resolved);
      } catch {
        continue;
      }
      for (const n of cjsExportNames(resolved, src, seen)) names.add(n);
    }
  }
  return names;
}

function loadCommonJS(filename, source) {
  const names = [...cjsExportNames(filename, source)].filter((n) => n !== 'default');
  names.push('module.exports');
  return {
    format: 'commonjs',
    names,
    evaluate() {
      const { Module } = require('internal/modules/cjs/loader');
      let mod = Module._cache[filename];
      if (mod === undefined) {
        mod = new Module(filename, null);
        Module._cache[filename] = mod;
        let threw = true;
        try {
          mod.load(filename);
          threw = false;
        } finally {
          if (threw) delete Module._cache[filename];
        }
      }
      const exp = mod.exports;
      const out = { __proto__: null, default: exp };
      for (const n of names) {
        if (n === 'module.exports') out[n] = exp;
        else if (exp !== null && (typeof exp === 'object' || typeof exp === 'function')) out[n] = exp[n];
      }
      return out;
    },
  };
}

function initImportMeta(meta, url) {
  if (url.startsWith('file:')) {
    const filename = fileURLToPathString(url);
    meta.dirname = path.dirname(filename);
    meta.filename = filename;
  }
  meta.main = url === mainURL;
  meta.resolve = function resolve(specifier) {
    return defaultResolve(`${specifier}`, url);
  };
  meta.url = url;
  if (wasmURLs.has(url)) require('internal/wasm').initMeta(meta, url);
}

// URLs of .wasm modules: their import.meta links the instance.
const wasmURLs = new Set();

let mainURL;

// Runs an ES module as the entry point. Rejections of its evaluation go to
// the uncaught exception path; a top-level await that never settles ends
// the process with code 13, as in Node.
function runEntryPoint(url) {
  mainURL = url;
  let settled = false;
  const promise = binding.runMain(url);
  // A rejection is left unhandled on purpose: Node reports errors of the
  // entry module through the unhandled rejection path.
  promise.then(() => { settled = true; }, (err) => {
    settled = true;
    throw err;
  });
  process.on('exit', (code) => {
    if (!settled && (code === 0 || code === undefined)) {
      internalBinding('process_methods').writeSync(2,
        `Warning: Detected unsettled top-level await at ${url}\n\n\n`);
      process.exitCode = 13;
    }
  });
  return promise;
}

// Runs source text as an ES module entry point (--input-type=module).
function runSourceAsModule(source, name = '[eval1]') {
  const url = pathToFileURLString(path.join(process.cwd(), name));
  virtualSources.set(url, source);
  return runEntryPoint(url);
}

// require() of an ES module: its namespace, evaluated synchronously.
function requireESM(filename, parentFilename) {
  try {
    return binding.requireModule(pathToFileURLString(filename));
  } catch (err) {
    if (err?.code === 'ERR_REQUIRE_ASYNC_MODULE' && !(err instanceof ERR_REQUIRE_ASYNC_MODULE)) {
      throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
    }
    throw err;
  }
}

binding.setCallbacks(resolve, load, initImportMeta);

module.exports = {
  resolve,
  load,
  runEntryPoint,
  runSourceAsModule,
  requireESM,
  formatOfFile,
  stripTypes,
  cjsExportNames,
};
