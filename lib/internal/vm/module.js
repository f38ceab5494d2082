'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (node:vm, behind
// --experimental-vm-modules), over the engine's module records (the
// module functions of the contextify binding).
//
// The engine compiles a module with its imports unlinked; linking sets
// each import to the module the linker (or linkRequests) chose, and
// instantiate() resolves the bindings of the whole graph. The engine keeps
// one request per import declaration; moduleRequests merges equal ones
// (same specifier, attributes and phase) as V8 does.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS, ERR_MODULE_LINK_MISMATCH,
    ERR_SCRIPT_EXECUTION_TIMEOUT, ERR_VM_MODULE_ALREADY_LINKED, ERR_VM_MODULE_CACHED_DATA_REJECTED,
    ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA, ERR_VM_MODULE_DIFFERENT_CONTEXT,
    ERR_VM_MODULE_LINK_FAILURE, ERR_VM_MODULE_NOT_MODULE, ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const {
  validateArray, validateBoolean, validateFunction, validateInt32, validateObject,
  validateString, validateUint32,
} = require('internal/validators');
const vmContext = require('internal/vm/context');
const { registerImportHandler } = require('internal/vm/imports');

const contextify = internalBinding('contextify');

// Engine states (moduleStatus) as node names them; an async evaluation
// in progress is 'evaluated', as V8 reports it.
const kStatusNames = ['unlinked', 'linking', 'linked', 'evaluating', 'evaluated', 'evaluated', 'errored'];
const kUnlinked = 0;

// The attribute that marks a source phase import (see compileSource).
const kPhaseKey = 'gonode:phase';

// Default identifiers count per context: vm:module(0), vm:module(1), ...
const identifierCounts = new WeakMap();
let mainIdentifierCount = 0;

function nextIdentifier(context) {
  if (context === undefined) return `vm:module(${mainIdentifierCount++})`;
  const n = identifierCounts.get(context) ?? 0;
  identifierCounts.set(context, n + 1);
  return `vm:module(${n})`;
}

let internalConstruct = false;

class Module {
  #handle;
  #realm; // the context record, or null for the main context
  #context;
  #identifier;
  // 'unlinked', 'linking' or 'errored' while the engine says unlinked.
  #linkState = 'unlinked';
  #linkError;

  constructor(handle, realm, context, identifier) {
    if (new.target === Module || !internalConstruct) {
      throw new TypeError('Module is not a constructor');
    }
    internalConstruct = false;
    require('internal/util').emitExperimentalWarning('VM Modules');
    this.#handle = handle;
    this.#realm = realm;
    this.#context = context;
    this.#identifier = identifier;
  }

  static isModule(value) {
    return value !== null && typeof value === 'object' && #handle in value;
  }

  static handleOf(m) { return m.#handle; }
  static realmId(m) { return m.#realm === null ? 0 : m.#realm.id; }
  static engineStatus(m) { return contextify.moduleStatus(m.#handle, Module.realmId(m)); }
  static setLinkState(m, state, error) {
    m.#linkState = state;
    m.#linkError = error;
  }
  static linkState(m) { return m.#linkState; }

  get identifier() {
    checkModule(this);
    return this.#identifier;
  }

  get context() {
    checkModule(this);
    return this.#context;
  }

  get status() {
    checkModule(this);
    const s = Module.engineStatus(this);
    if (s === kUnlinked) return this.#linkState;
    return kStatusNames[s];
  }

  get namespace() {
    checkModule(this);
    // (A module whose linking failed is 'errored' but has no bindings.)
    if (Module.engineStatus(this) === kUnlinked) {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return contextify.moduleNamespace(this.#handle, Module.realmId(this));
  }

  get error() {
    checkModule(this);
    if (this.status !== 'errored') throw new ERR_VM_MODULE_STATUS('must be errored');
    if (Module.engineStatus(this) === kUnlinked) return this.#linkError;
    return contextify.moduleError(this.#handle, Module.realmId(this));
  }

  async link(linker) {
    if (!Module.isModule(this)) throw new ERR_INVALID_THIS('Module');
    validateFunction(linker, 'linker');
    if (this instanceof SyntheticModule) return;
    const status = this.status;
    if (status === 'linked') throw new ERR_VM_MODULE_ALREADY_LINKED();
    if (status !== 'unlinked') throw new ERR_VM_MODULE_STATUS('must be unlinked');
    await linkWith(this, linker);
    instantiateGraph(this);
  }

  evaluate(options = {}) {
    if (!Module.isModule(this)) return Promise.reject(new ERR_INVALID_THIS('Module'));
    let timeout;
    try {
      validateObject(options, 'options');
      const { breakOnSigint = false } = options;
      timeout = options.timeout;
      if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
      validateBoolean(breakOnSigint, 'options.breakOnSigint');
      const status = this.status;
      if (status !== 'linked' && status !== 'evaluated' && status !== 'errored') {
        throw new ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
      }
    } catch (e) {
      return Promise.reject(e);
    }
    const rec = this.#realm;
    if (rec !== null) vmContext.syncIn(rec);
    try {
      return contextify.moduleEvaluate(this.#handle, Module.realmId(this), timeout ?? 0,
        rec !== null && rec.options?.microtaskMode === 'afterEvaluate');
    } catch (e) {
      if (e === contextify.kTimeout) return Promise.reject(new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout));
      return Promise.reject(e);
    } finally {
      if (rec !== null) vmContext.syncOut(rec);
    }
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    if (!Module.isModule(this)) throw new ERR_INVALID_THIS('Module');
    if (typeof depth === 'number' && depth < 0) return `[${this.constructor.name}]`;
    const o = {
      __proto__: Object.getPrototypeOf(this),
      status: this.status,
      identifier: this.identifier,
      context: this.context,
    };
    const { inspect } = require('internal/util/inspect');
    return inspect(o, { ...options, customInspect: false, depth });
  }
}

function checkModule(m) {
  if (!Module.isModule(m)) throw new ERR_INVALID_THIS('Module');
}

function contextOption(context) {
  if (context === undefined) return null;
  validateObject(context, 'options.context', { allowArray: true, allowFunction: true });
  const rec = vmContext.getContext(context);
  if (rec === undefined) throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
  return rec;
}

function identifierOption(identifier, context) {
  if (identifier === undefined) return nextIdentifier(context);
  validateString(identifier, 'options.identifier');
  return identifier;
}

// Rewrites each `import source x from '...'` (source phase imports, which
// the engine does not parse) as a default import whose attributes carry
// kPhaseKey, keeping lengths of lines. Returns null if there is none.
function rewriteSourcePhase(source) {
  const re = /\bimport\s+source\s+([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)\s+from\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')(\s*with\s*\{)?/gu;
  let found = false;
  const out = source.replace(re, (all, name, spec, withClause) => {
    found = true;
    const attr = `"${kPhaseKey}": "source"`;
    return withClause === undefined ?
      `import ${name} from ${spec} with { ${attr} }` :
      `import ${name} from ${spec} with { ${attr}, `;
  });
  return found ? out : null;
}

function compileSource(source, identifier, realmId) {
  try {
    return contextify.moduleCompile(source, identifier, realmId);
  } catch (e) {
    const rewritten = e instanceof SyntaxError ? rewriteSourcePhase(source) : null;
    if (rewritten === null) throw e;
    try {
      return contextify.moduleCompile(rewritten, identifier, realmId);
    } catch {
      throw e;
    }
  }
}

function attributesKey(attributes) {
  return Object.keys(attributes).sort().map((k) => `${k}\0${attributes[k]}`).join('\0');
}

// Per SourceTextModule: its merged requests and the engine's.
class SourceTextModule extends Module {
  #source;
  #requests; // frozen moduleRequests
  #specifiers;
  #entryIndex; // engine request i -> index in #requests
  #linked; // modules linked to #requests, once linkRequests ran
  #initializeImportMeta;
  #metaDone = false;

  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      context, lineOffset = 0, columnOffset = 0, initializeImportMeta,
      importModuleDynamically, cachedData,
    } = options;
    const rec = contextOption(context);
    const identifier = identifierOption(options.identifier, context);
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined &&
        importModuleDynamically !== require('vm').constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    // The engine has no code cache: the data createCachedData gives only
    // identifies the source, and is rejected for another source.
    if (cachedData !== undefined && !cacheMatches(cachedData, sourceText)) {
      throw new ERR_VM_MODULE_CACHED_DATA_REJECTED();
    }
    let code = sourceText;
    if (lineOffset > 0 && lineOffset <= 100000) code = '\n'.repeat(lineOffset) + code;
    if (columnOffset > 0 && columnOffset <= 100000) code = ' '.repeat(columnOffset) + code;
    const handle = compileSource(code, identifier, rec === null ? 0 : rec.id);
    internalConstruct = true;
    super(handle, rec, context, identifier);
    this.#source = sourceText;
    registerImportHandler(identifier, importModuleDynamically, this,
      require('vm').constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, options.identifier === undefined);
    this.#initializeImportMeta = initializeImportMeta;
  }

  #loadRequests() {
    if (this.#requests !== undefined) return;
    const raw = contextify.moduleRequests(Module.handleOf(this), Module.realmId(this));
    const requests = [];
    const byKey = new Map();
    this.#entryIndex = raw.map(([specifier, attrs]) => {
      const attributes = { __proto__: null };
      let phase = 'evaluation';
      if (attrs !== undefined) {
        for (const k of Object.keys(attrs)) {
          if (k === kPhaseKey) phase = attrs[k];
          else attributes[k] = attrs[k];
        }
      }
      const key = `${specifier}\0${attributesKey(attributes)}\0${phase}`;
      let i = byKey.get(key);
      if (i === undefined) {
        i = requests.length;
        byKey.set(key, i);
        requests.push(Object.freeze({
          __proto__: null, specifier, attributes: Object.freeze(attributes), phase,
        }));
      }
      return i;
    });
    this.#requests = Object.freeze(requests);
    this.#specifiers = Object.freeze(requests.map((r) => r.specifier));
  }

  get moduleRequests() {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    this.#loadRequests();
    return this.#requests;
  }

  get dependencySpecifiers() {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    this.#loadRequests();
    return this.#specifiers;
  }

  static linkedModules(m) { return m.#linked; }

  linkRequests(modules) {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    validateArray(modules, 'modules');
    if (this.#linked !== undefined || Module.engineStatus(this) !== kUnlinked) {
      throw new ERR_VM_MODULE_ALREADY_LINKED();
    }
    const requests = this.moduleRequests;
    for (const m of modules) {
      if (!Module.isModule(m)) throw new ERR_VM_MODULE_NOT_MODULE();
      if (m.context !== this.context) throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
    }
    if (modules.length !== requests.length) {
      throw new ERR_MODULE_LINK_MISMATCH(
        `Module '${this.identifier}' has ${requests.length} module requests, ` +
        `but ${modules.length} modules were given`);
    }
    // Requests that differ only in phase must resolve to the same module.
    const byKey = new Map();
    for (let i = 0; i < requests.length; i++) {
      const key = `${requests[i].specifier}\0${attributesKey(requests[i].attributes)}`;
      const prev = byKey.get(key);
      if (prev === undefined) {
        byKey.set(key, modules[i]);
      } else if (prev !== modules[i]) {
        throw new ERR_MODULE_LINK_MISMATCH(
          `Module request '${requests[i].specifier}' of module '${this.identifier}' ` +
          'must be linked to the same module in every phase');
      }
    }
    const handles = this.#entryIndex.map((i) => Module.handleOf(modules[i]));
    contextify.moduleLink(Module.handleOf(this), Module.realmId(this), handles);
    this.#linked = Array.from(modules);
  }

  instantiate() {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    instantiateGraph(this);
  }

  // Calls initializeImportMeta once, before the module can run.
  static initMeta(m) {
    if (m.#metaDone || m.#initializeImportMeta === undefined) return;
    m.#metaDone = true;
    if (!/\bimport\s*\.\s*meta\b/.test(m.#source)) return;
    const meta = contextify.moduleImportMeta(Module.handleOf(m), Module.realmId(m));
    Reflect.apply(m.#initializeImportMeta, undefined, [meta, m]);
  }

  hasTopLevelAwait() {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    return contextify.moduleHasTLA(Module.handleOf(this), Module.realmId(this));
  }

  hasAsyncGraph() {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    const s = this.status;
    if (s !== 'linked' && s !== 'evaluating' && s !== 'evaluated' && s !== 'errored') {
      throw new ERR_VM_MODULE_STATUS('must be linked, evaluating, evaluated, or errored');
    }
    const seen = new Set();
    const visit = (m) => {
      if (seen.has(m)) return false;
      seen.add(m);
      if (!(m instanceof SourceTextModule)) return false;
      if (m.hasTopLevelAwait()) return true;
      return (SourceTextModule.linkedModules(m) ?? []).some(visit);
    };
    return visit(this);
  }

  createCachedData() {
    if (!(#source in this)) throw new ERR_INVALID_THIS('SourceTextModule');
    const s = this.status;
    if (s === 'evaluating' || s === 'evaluated' || s === 'errored') {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    const { Buffer } = require('buffer');
    return Buffer.from(cacheTag(this.#source), 'latin1');
  }
}

// The cached data of a module: a tag with the length and an FNV-1a hash
// of its source.
function cacheTag(source) {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `gonode-vm-module:${source.length}:${h.toString(16)}`;
}

function cacheMatches(data, source) {
  const tag = cacheTag(source);
  if (data.byteLength !== tag.length) return false;
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < tag.length; i++) {
    if (bytes[i] !== tag.charCodeAt(i)) return false;
  }
  return true;
}

// link(linker): resolves m's requests through linker, recursively for the
// unlinked modules it returns, then links the requests.
async function linkWith(m, linker) {
  Module.setLinkState(m, 'linking');
  try {
    const requests = m.moduleRequests;
    const promises = requests.map(async (req) => {
      const dep = await linker(req.specifier, m, { attributes: req.attributes, assert: req.attributes });
      if (!Module.isModule(dep)) throw new ERR_VM_MODULE_NOT_MODULE();
      if (dep.context !== m.context) throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
      const status = dep.status;
      if (status === 'errored') {
        throw new ERR_VM_MODULE_LINK_FAILURE(`request for '${req.specifier}' resolved to an errored module`,
          dep.error);
      }
      if (status === 'unlinked' && dep instanceof SourceTextModule &&
          SourceTextModule.linkedModules(dep) === undefined) {
        await linkWith(dep, linker);
      }
      return dep;
    });
    const modules = await Promise.all(promises);
    m.linkRequests(modules);
  } catch (e) {
    Module.setLinkState(m, 'errored', e);
    throw e;
  }
}

// Checks that every module reachable from root has its requests linked,
// initializes import.meta where asked, then links the graph.
function instantiateGraph(root) {
  const seen = new Set();
  const visit = (m) => {
    if (seen.has(m)) return;
    seen.add(m);
    if (!(m instanceof SourceTextModule) || Module.engineStatus(m) !== kUnlinked) return;
    const linked = SourceTextModule.linkedModules(m);
    if (linked === undefined) {
      const requests = m.moduleRequests;
      if (requests.length > 0) {
        throw new ERR_VM_MODULE_LINK_FAILURE(
          `request for '${requests[0].specifier}' can not be resolved on module '${m.identifier}' ` +
          'that is not linked');
      }
      // A dependency without requests needs no linking.
      if (m === root) throw new ERR_VM_MODULE_LINK_FAILURE(`module '${m.identifier}' is not linked`);
    }
    SourceTextModule.initMeta(m);
    for (const dep of linked ?? []) visit(dep);
  };
  visit(root);
  try {
    contextify.moduleInstantiate(Module.handleOf(root), Module.realmId(root));
  } finally {
    // Modules linked by link() stop being 'linking'; those the engine
    // could not link (a binding that does not resolve) are unlinked again.
    for (const m of seen) {
      if (Module.linkState(m) === 'linking') Module.setLinkState(m, 'unlinked');
    }
  }
}

class SyntheticModule extends Module {
  #exportNames;

  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((e) => typeof e !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    const seen = new Set();
    for (const name of exportNames) {
      if (seen.has(name)) throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name, 'is duplicated');
      seen.add(name);
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context } = options;
    const rec = contextOption(context);
    const identifier = identifierOption(options.identifier, context);
    let self;
    const steps = () => Reflect.apply(evaluateCallback, self, []);
    const handle = contextify.moduleSynthetic(identifier, exportNames, steps, rec === null ? 0 : rec.id);
    internalConstruct = true;
    super(handle, rec, context, identifier);
    self = this;
    this.#exportNames = exportNames.slice();
  }

  setExport(name, value) {
    if (!Module.isModule(this) || !(#exportNames in this)) throw new ERR_INVALID_THIS('SyntheticModule');
    validateString(name, 'name');
    if (!contextify.moduleSetExport(Module.handleOf(this), Module.realmId(this), name, value)) {
      throw new ReferenceError(`Export '${name}' is not defined in module`);
    }
  }
}

module.exports = { Module, SourceTextModule, SyntheticModule };
