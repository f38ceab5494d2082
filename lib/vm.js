'use strict';
// node:vm. Scripts and functions run in this context or in new contexts:
// each vm context is a separate engine realm linked to a sandbox object
// (see internal/vm/context). vm modules (behind --experimental-vm-modules)
// are in internal/vm/module.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_SCRIPT_EXECUTION_TIMEOUT },
  notImplemented,
} = require('internal/errors');
const {
  validateString, validateArray, validateObject, validateBoolean, validateUint32,
  validateInt32, validateOneOf, validateFunction,
} = require('internal/validators');
const vmContext = require('internal/vm/context');
const { registerImportHandler } = require('internal/vm/imports');
const { headerOf, setFirstLineOffset } = require('internal/errors_v8');

const contextify = internalBinding('contextify');

const kFilename = Symbol('kFilename');
const kCode = Symbol('kCode');

const constants = Object.freeze({
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

function validateImportHook(value, name) {
  if (value === undefined || value === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
  validateFunction(value, name);
}

function scriptOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined) return {};
  validateObject(options, 'options');
  return options;
}

// Pads code so that its first line starts at lineOffset/columnOffset
// (non-negative offsets only; the engine has no origin offsets).
function offsetCode(code, lineOffset, columnOffset) {
  // Huge offsets are ignored rather than padded.
  let prefix = '';
  if (lineOffset > 0 && lineOffset <= 100000) prefix += '\n'.repeat(lineOffset);
  if (columnOffset > 0 && columnOffset <= 100000) prefix += ' '.repeat(columnOffset);
  return prefix === '' ? code : prefix + code;
}

function runOptions(options) {
  if (options === undefined) return {};
  validateObject(options, 'options');
  const { displayErrors = true, breakOnSigint = false, timeout } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  return options;
}

function validateContext(contextifiedObject) {
  const rec = vmContext.getContext(contextifiedObject);
  if (rec === undefined) {
    validateObject(contextifiedObject, 'object', { allowArray: true, allowFunction: true });
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
  return rec;
}

const decorated = new WeakSet();

// With displayErrors, node prefixes the stack of an error thrown by a
// script with the script's line where it was thrown and an arrow under it.
function decorateError(err, code, filename) {
  if (err === null || typeof err !== 'object' || decorated.has(err)) return;
  let stack;
  try { stack = err.stack; } catch { return; }
  if (typeof stack !== 'string') return;
  decorated.add(err);
  const at = `${filename}:`;
  let line = 0;
  let col = 0;
  for (let i = stack.indexOf(at); i >= 0; i = stack.indexOf(at, i + 1)) {
    const m = /^(\d+):(\d+)/.exec(stack.slice(i + at.length));
    const prev = i === 0 ? ' ' : stack[i - 1];
    if (m !== null && (prev === ' ' || prev === '(')) {
      line = +m[1];
      col = +m[2];
      break;
    }
  }
  if (line === 0) return;
  const src = code.split('\n')[line - 1];
  if (src === undefined) return;
  if (stack.startsWith('    at ')) stack = `${headerOf(err)}\n${stack}`;
  try {
    err.stack = `${filename}:${line}\n${src}\n${' '.repeat(Math.max(0, col - 1))}^\n\n${stack}`;
  } catch { /* frozen */ }
}

function run(code, filename, rec, options) {
  const timeout = options.timeout;
  if (rec !== null) vmContext.syncIn(rec);
  try {
    return contextify.runScript(code, filename, rec === null ? 0 : rec.id, timeout ?? 0,
      rec !== null && rec.options.microtaskMode === 'afterEvaluate');
  } catch (e) {
    if (e === contextify.kTimeout) throw new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout);
    if (options.displayErrors !== false) decorateError(e, code, filename);
    throw e;
  } finally {
    if (rec !== null) vmContext.syncOut(rec);
  }
}

class Script {
  constructor(code, options = {}) {
    code = `${code}`;
    options = scriptOptions(options);
    const {
      filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0,
      cachedData, produceCachedData = false, importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    validateImportHook(importModuleDynamically, 'options.importModuleDynamically');
    code = offsetCode(code, lineOffset, columnOffset);
    try {
      contextify.checkScript(code, filename);
    } catch (e) {
      decorateError(e, code, filename);
      throw e;
    }
    this[kFilename] = filename;
    this[kCode] = code;
    registerImportHandler(filename, importModuleDynamically, this, constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      options.filename === undefined);
    // The engine has no code cache: produced data is empty, and only
    // empty data (what createCachedData gives) is accepted.
    if (cachedData !== undefined) this.cachedDataRejected = cachedData.byteLength !== 0;
    if (produceCachedData) {
      const { Buffer } = require('buffer');
      this.cachedDataProduced = false;
      this.cachedData = Buffer.alloc(0);
    }
  }

  runInThisContext(options) {
    return run(this[kCode], this[kFilename], null, runOptions(options));
  }

  runInContext(contextifiedObject, options) {
    const rec = validateContext(contextifiedObject);
    return run(this[kCode], this[kFilename], rec, runOptions(options));
  }

  runInNewContext(contextObject, options) {
    const ctx = createContext(contextObject, getContextOptions(options));
    return this.runInContext(ctx, options);
  }

  createCachedData() {
    const { Buffer } = require('buffer');
    return Buffer.alloc(0);
  }

  get sourceMapURL() {
    const m = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(this[kCode]);
    return m ? m[1] : undefined;
  }
}

function getContextOptions(options) {
  if (options === undefined || options === null || typeof options !== 'object') return {};
  const out = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: options.contextCodeGeneration,
    microtaskMode: options.microtaskMode,
  };
  if (out.name !== undefined) validateString(out.name, 'options.contextName');
  if (out.origin !== undefined) validateString(out.origin, 'options.contextOrigin');
  if (out.codeGeneration !== undefined) validateObject(out.codeGeneration, 'options.contextCodeGeneration');
  return out;
}

let contextCount = 0;

function isContext(object) {
  validateObject(object, 'object', { allowArray: true, allowFunction: true });
  return vmContext.getContext(object) !== undefined;
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== constants.DONT_CONTEXTIFY) {
    validateObject(contextObject, 'object', { allowArray: true, allowFunction: true });
    if (vmContext.getContext(contextObject) !== undefined) return contextObject;
  }
  validateObject(options, 'options');
  const {
    name = `VM Context ${contextCount + 1}`, origin, codeGeneration,
    microtaskMode, importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings = true, wasm = true } = codeGeneration;
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  if (microtaskMode !== undefined) {
    validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  }
  validateImportHook(importModuleDynamically, 'options.importModuleDynamically');
  contextCount++;
  const opts = { name, origin, codeGeneration, microtaskMode };
  if (contextObject === constants.DONT_CONTEXTIFY) {
    return vmContext.plainRealm(opts).global;
  }
  vmContext.contextify(contextObject, opts);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  return createScript(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((p, i) => validateString(p, `params[${i}]`));
  validateObject(options, 'options');
  const {
    filename = '', lineOffset = 0, columnOffset = 0, cachedData, produceCachedData = false,
    parsingContext, contextExtensions = [], importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(lineOffset, 'options.lineOffset');
  validateInt32(columnOffset, 'options.columnOffset');
  if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  let rec = null;
  if (parsingContext !== undefined) {
    if (parsingContext === null || typeof parsingContext !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
    rec = vmContext.getContext(parsingContext);
    if (rec === undefined) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((e, i) => validateObject(e, `options.contextExtensions[${i}]`, { nullable: true }));
  validateImportHook(importModuleDynamically, 'options.importModuleDynamically');
  if (rec !== null) vmContext.syncIn(rec);
  if (filename !== '' && lineOffset <= 0) {
    // Columns on line 1 are reported past the wrapper the binding adds.
    const wrapper = contextExtensions.length > 0 ?
      '(function (__vmExt) {'.length + contextExtensions.length * 'with (__vmExt[0]) '.length +
        contextExtensions.reduce((n, e, i) => n + String(i).length - 1, 0) + 'return function ('.length +
        params.join(', ').length + ') {'.length :
      '(function ('.length + params.join(', ').length + ') {'.length;
    setFirstLineOffset(filename, wrapper);
  }
  const fn = contextify.compileFunction(offsetCode(code, lineOffset, columnOffset), filename, params,
    rec === null ? 0 : rec.id, contextExtensions.length > 0 ? contextExtensions : undefined);
  registerImportHandler(filename, importModuleDynamically, fn, constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    options.filename === undefined);
  if (produceCachedData) {
    const { Buffer } = require('buffer');
    fn.cachedDataProduced = false;
    fn.cachedData = Buffer.alloc(0);
  }
  if (cachedData !== undefined) fn.cachedDataRejected = cachedData.byteLength !== 0;
  return fn;
}

function measureMemory(options = {}) {
  validateObject(options, 'options');
  return Promise.reject(notImplemented('vm.measureMemory'));
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};

// vm.Module and friends exist only with --experimental-vm-modules in node.
if (process.execArgv.includes('--experimental-vm-modules')) {
  const { Module, SourceTextModule, SyntheticModule } = require('internal/vm/module');
  module.exports.Module = Module;
  module.exports.SourceTextModule = SourceTextModule;
  module.exports.SyntheticModule = SyntheticModule;
}
