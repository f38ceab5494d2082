'use strict';
// node:vm in the main context only: scripts and functions compile and run
// in this context; new contexts (createContext, runInNewContext,
// runInContext) and vm modules are not implemented yet.

const {
  codes: { ERR_INVALID_ARG_TYPE },
  notImplemented,
} = require('internal/errors');
const { validateString, validateArray, validateObject } = require('internal/validators');

const contextify = internalBinding('contextify');

const kFilename = Symbol('kFilename');
const kCode = Symbol('kCode');

function scriptOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined) return {};
  validateObject(options, 'options');
  return options;
}

class Script {
  constructor(code, options = {}) {
    code = `${code}`;
    options = scriptOptions(options);
    const { filename = 'evalmachine.<anonymous>' } = options;
    validateString(filename, 'options.filename');
    if (options.cachedData !== undefined && !ArrayBuffer.isView(options.cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], options.cachedData);
    }
    this[kFilename] = filename;
    this[kCode] = code;
    this.cachedDataRejected = options.cachedData !== undefined ? true : undefined;
    if (this.cachedDataRejected === undefined) delete this.cachedDataRejected;
  }

  runInThisContext(options) {
    if (options !== undefined) validateObject(options, 'options');
    return contextify.runScript(this[kCode], this[kFilename]);
  }

  runInContext(contextifiedObject) {
    void contextifiedObject;
    throw notImplemented('vm.Script.runInContext');
  }

  runInNewContext() {
    throw notImplemented('vm.Script.runInNewContext');
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

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext(options);
}

function isContext(object) {
  validateObject(object, 'object', { allowArray: true });
  return false;
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((p, i) => validateString(p, `params[${i}]`));
  validateObject(options, 'options');
  const { filename = '', parsingContext, contextExtensions } = options;
  validateString(filename, 'options.filename');
  if (parsingContext !== undefined) throw notImplemented('vm.compileFunction with parsingContext');
  if (contextExtensions !== undefined && contextExtensions.length > 0) {
    throw notImplemented('vm.compileFunction with contextExtensions');
  }
  return contextify.compileFunction(code, filename, params);
}

function stub(name) {
  return function() { throw notImplemented(`vm.${name}`); };
}

class Module {
  constructor() { throw notImplemented('vm.Module'); }
}

module.exports = {
  Script,
  runInThisContext,
  isContext,
  compileFunction,
  createContext: stub('createContext'),
  runInContext: stub('runInContext'),
  runInNewContext: stub('runInNewContext'),
  createScript: (code, options) => new Script(code, options),
  measureMemory: stub('measureMemory'),
  Module,
  SourceTextModule: Module,
  SyntheticModule: Module,
  constants: Object.freeze({
    USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
    DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
  }),
};
