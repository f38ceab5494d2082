'use strict';
// The WebAssembly global (the JS API), over the wasm binding
// (internal/ops/wasm, on wazero). Loaded on first access to the global.

const binding = internalBinding('wasm');
const { notImplemented } = require('internal/errors');

function defineTag(proto, tag) {
  Object.defineProperty(proto, Symbol.toStringTag, { value: tag, configurable: true });
}

// The NativeError-like classes: callable with or without new.
function makeError(name) {
  const C = function(message, options) {
    return Reflect.construct(Error, arguments, new.target ?? C);
  };
  Object.defineProperty(C, 'name', { value: name });
  Object.defineProperty(C, 'length', { value: 1 });
  Object.setPrototypeOf(C, Error);
  C.prototype = Object.create(Error.prototype, {
    constructor: { value: C, writable: true, configurable: true },
    name: { value: name, writable: true, configurable: true },
    message: { value: '', writable: true, configurable: true },
  });
  Object.defineProperty(C, 'prototype', { writable: false });
  return C;
}

const CompileError = makeError('CompileError');
const LinkError = makeError('LinkError');
const RuntimeError = makeError('RuntimeError');
const SuspendError = makeError('SuspendError');
binding.setup(CompileError, LinkError, RuntimeError, SuspendError);

// Go handles of the JS objects, by object.
const moduleHandles = new WeakMap();
const instanceExports = new WeakMap();
const memoryHandles = new WeakMap();
const globalHandles = new WeakMap();
const tableHandles = new WeakMap();
const funcHandles = new WeakMap();
function isObject(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// EnforceRange [unsigned long] of a descriptor property.
function rangeProperty(api, desc, name, lower, upper, required) {
  const v = desc[name];
  if (v === undefined) {
    if (required) throw new TypeError(`${api}: Property '${name}' is required`);
    return undefined;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) {
    throw new TypeError(`${api}: Property '${name}' must be convertible to a valid number`);
  }
  if (n < 0) throw new TypeError(`${api}: Property '${name}' must be non-negative`);
  const i = Math.trunc(n);
  if (i > upper) {
    throw new RangeError(`${api}: Property '${name}': value ${i} is above the upper bound ${upper}`);
  }
  if (i < lower) {
    throw new RangeError(`${api}: Property '${name}': value ${i} is below the lower bound ${lower}`);
  }
  return i;
}

const kMaxPages = 65536;

class Module {
  constructor(bytes) {
    moduleHandles.set(this, binding.compile(bytes, 'WebAssembly.Module()'));
  }

  static exports(module) {
    return binding.moduleExports(moduleHandle(module, 'WebAssembly.Module.exports()'));
  }

  static imports(module) {
    return binding.moduleImports(moduleHandle(module, 'WebAssembly.Module.imports()'));
  }

  static customSections(module, sectionName) {
    const h = moduleHandle(module, 'WebAssembly.Module.customSections()');
    if (sectionName === undefined) {
      throw new TypeError('WebAssembly.Module.customSections(): Argument 1 is required');
    }
    return binding.customSections(h, String(sectionName));
  }
}
defineTag(Module.prototype, 'WebAssembly.Module');

function moduleHandle(module, api) {
  const h = moduleHandles.get(module);
  if (h === undefined) throw new TypeError(`${api}: Argument 0 must be a WebAssembly.Module`);
  return h;
}

function moduleFromHandle(h) {
  const m = Object.create(Module.prototype);
  moduleHandles.set(m, h);
  return m;
}

// Reads the imports the module asks for from importObject, links and
// instantiates; returns the frozen exports object.
function instantiateHandle(h, importObject, api) {
  const imports = binding.moduleImports(h);
  if (importObject !== undefined && !isObject(importObject)) {
    throw new TypeError(`${api}: Argument 1 must be an object`);
  }
  if (imports.length > 0 && importObject === undefined) {
    throw new TypeError(`${api}: Imports argument must be present and must be an object`);
  }
  const list = new Array(imports.length);
  const values = new Array(imports.length);
  for (let i = 0; i < imports.length; i++) {
    const { module, name, kind } = imports[i];
    const ns = importObject[module];
    if (!isObject(ns)) {
      throw new TypeError(`${api}: Import #${i} "${module}": module is not an object or function`);
    }
    const v = ns[name];
    values[i] = v;
    const where = `${api}: Import #${i} "${module}" "${name}"`;
    let ih;
    switch (kind) {
      case 'function':
        if (suspendingFns.has(v)) {
          ih = { suspending: suspendingFns.get(v) };
          break;
        }
        if (typeof v !== 'function') throw new LinkError(`${where}: function import requires a callable`);
        ih = funcHandles.get(v) ?? v;
        break;
      case 'memory':
        ih = memoryHandles.get(v);
        if (ih === undefined) throw new LinkError(`${where}: memory import must be a WebAssembly.Memory object`);
        break;
      case 'table':
        ih = tableHandles.get(v);
        if (ih === undefined) throw new LinkError(`${where}: table import requires a WebAssembly.Table`);
        break;
      case 'global': {
        ih = globalHandles.get(v);
        if (ih !== undefined) break;
        const [type, mutable] = binding.importGlobalType(h, i);
        if (typeof v === 'number' || typeof v === 'bigint') {
          if (mutable) throw new LinkError(`${where}: imported mutable global must be a WebAssembly.Global object`);
          if (type === 'i64' && typeof v !== 'bigint') {
            throw new LinkError(`${where}: global import must be a BigInt value`);
          }
          if (type !== 'i64' && typeof v === 'bigint') {
            throw new LinkError(`${where}: global import must be a number, valid Wasm reference, or WebAssembly.Global object`);
          }
          ih = binding.newGlobal(type, false, v);
        } else if ((type === 'externref' || type === 'anyfunc') && !mutable) {
          ih = binding.newGlobal(type, false, v);
        } else {
          throw new LinkError(`${where}: global import must be a number, valid Wasm reference, or WebAssembly.Global object`);
        }
        break;
      }
      default:
        throw notImplemented(`WebAssembly ${kind} imports`);
    }
    list[i] = ih;
  }
  const rows = binding.instantiate(h, list);
  const exports = Object.create(null);
  // One object per memory or global, however many names export it.
  const sameExport = new Map();
  for (let i = 0; i < rows.length; i++) {
    const [name, kind, eh, fn, id, importIndex] = rows[i];
    let v;
    switch (kind) {
      case 'function':
        if (importIndex !== undefined) {
          // A re-exported import is the imported function itself.
          v = values[importIndex];
          break;
        }
        funcHandles.set(fn, eh);
        v = fn;
        break;
      case 'memory':
      case 'global':
        // A re-exported import is the imported object itself (a number
        // imported as a global gets a Global made for it, once).
        if (importIndex !== undefined && isObject(values[importIndex])) {
          v = values[importIndex];
        } else {
          v = sameExport.get(id);
          if (v === undefined) {
            v = kind === 'memory' ? wrap(Memory, memoryHandles, eh) : wrap(Global, globalHandles, eh);
            sameExport.set(id, v);
          }
        }
        break;
      case 'table':
        v = wrap(Table, tableHandles, eh);
        break;
      default:
        v = undefined;
    }
    exports[name] = v;
  }
  return Object.freeze(exports);
}

function wrap(C, handles, h) {
  const obj = Object.create(C.prototype);
  handles.set(obj, h);
  return obj;
}

class Instance {
  constructor(module, importObject = undefined) {
    const h = moduleHandle(module, 'WebAssembly.Instance()');
    instanceExports.set(this, instantiateHandle(h, importObject, 'WebAssembly.Instance()'));
  }

  get exports() {
    const e = instanceExports.get(this);
    if (e === undefined) throw new TypeError('Receiver is not a WebAssembly.Instance');
    return e;
  }
}
defineTag(Instance.prototype, 'WebAssembly.Instance');

function instanceFrom(moduleH, importObject, api) {
  const inst = Object.create(Instance.prototype);
  instanceExports.set(inst, instantiateHandle(moduleH, importObject, api));
  return inst;
}

class Memory {
  constructor(descriptor) {
    const api = 'WebAssembly.Memory()';
    if (!isObject(descriptor)) throw new TypeError(`${api}: Argument 0 must be a memory descriptor`);
    const initial = rangeProperty(api, descriptor, 'initial', 0, kMaxPages, true);
    const maximum = rangeProperty(api, descriptor, 'maximum', initial, kMaxPages, false);
    const shared = Boolean(descriptor.shared);
    if (shared && maximum === undefined) {
      throw new TypeError(`${api}: If shared is true, maximum property should be defined.`);
    }
    memoryHandles.set(this, binding.newMemory(initial, maximum ?? -1, shared));
  }

  grow(delta) {
    const h = memoryHandle(this);
    const n = Number(delta);
    if (!Number.isFinite(n) || n < 0 || n > 0xffffffff) {
      throw new TypeError('WebAssembly.Memory.grow(): Argument 0 must be non-negative');
    }
    const old = binding.memoryGrow(h, Math.trunc(n));
    if (old < 0) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    return old;
  }

  get buffer() {
    return binding.memoryBuffer(memoryHandle(this));
  }
}
defineTag(Memory.prototype, 'WebAssembly.Memory');

function memoryHandle(m) {
  const h = memoryHandles.get(m);
  if (h === undefined) throw new TypeError('Receiver is not a WebAssembly.Memory');
  return h;
}

const valueTypes = ['i32', 'i64', 'f32', 'f64', 'externref', 'anyfunc', 'funcref'];

class Global {
  constructor(descriptor, value = undefined) {
    const api = 'WebAssembly.Global()';
    if (!isObject(descriptor)) throw new TypeError(`${api}: Argument 0 must be a global descriptor`);
    const mutable = Boolean(descriptor.mutable);
    const type = String(descriptor.value);
    if (!valueTypes.includes(type)) {
      throw new TypeError(`${api}: Descriptor property 'value' must be a WebAssembly type`);
    }
    globalHandles.set(this, binding.newGlobal(type, mutable, value));
  }

  valueOf() {
    return binding.globalGet(globalHandle(this));
  }

  get value() {
    return binding.globalGet(globalHandle(this));
  }

  set value(v) {
    const h = globalHandle(this);
    if (!binding.globalType(h)[1]) {
      throw new TypeError("set WebAssembly.Global.value): Can't set the value of an immutable global.");
    }
    binding.globalSet(h, v);
  }
}
defineTag(Global.prototype, 'WebAssembly.Global');

function globalHandle(g) {
  const h = globalHandles.get(g);
  if (h === undefined) throw new TypeError('Receiver is not a WebAssembly.Global');
  return h;
}

class Table {
  constructor(descriptor, value = undefined) {
    const api = 'WebAssembly.Table()';
    if (!isObject(descriptor)) throw new TypeError(`${api}: Argument 0 must be a table descriptor`);
    const element = String(descriptor.element);
    if (element !== 'anyfunc' && element !== 'funcref' && element !== 'externref') {
      throw new TypeError(`${api}: Descriptor property 'element' must be a WebAssembly reference type`);
    }
    const initial = rangeProperty(api, descriptor, 'initial', 0, 10000000, true);
    const maximum = rangeProperty(api, descriptor, 'maximum', initial, 0xffffffff, false);
    if (value !== undefined && value !== null) throw notImplemented('WebAssembly.Table initial values');
    tableHandles.set(this, binding.newTable(element, initial, maximum ?? -1));
  }

  get length() { throw notImplemented('WebAssembly.Table.prototype.length'); }
  get(index) { throw notImplemented('WebAssembly.Table.prototype.get'); }
  set(index, value) { throw notImplemented('WebAssembly.Table.prototype.set'); }
  grow(delta) { throw notImplemented('WebAssembly.Table.prototype.grow'); }
}
defineTag(Table.prototype, 'WebAssembly.Table');

// JSPI: a Suspending import may return a promise, which suspends the
// wasm call that promising() started until it settles.
const suspendingFns = new WeakMap();

class Suspending {
  constructor(fn) {
    if (typeof fn !== 'function') {
      throw new TypeError('WebAssembly.Suspending(): Argument 0 must be a function');
    }
    suspendingFns.set(this, fn);
  }
}
defineTag(Suspending.prototype, 'WebAssembly.Suspending');

function promising(fn) {
  const h = funcHandles.get(fn);
  if (h === undefined) {
    throw new TypeError('WebAssembly.promising(): Argument 0 must be a WebAssembly exported function');
  }
  const f = function(...args) {
    return binding.callPromising(h, args);
  };
  Object.defineProperty(f, 'length', { value: fn.length });
  return f;
}

class Tag {
  constructor() { throw notImplemented('WebAssembly.Tag'); }
}

class Exception {
  constructor() { throw notImplemented('WebAssembly.Exception'); }
}

function validate(bytes) {
  return binding.validate(bytes);
}

// WebAssembly.compile and friends compile off the loop thread.
function compileAsync(bytes, api) {
  try {
    return binding.compileAsync(bytes, api);
  } catch (err) {
    return Promise.reject(err);
  }
}

function compile(bytes) {
  return compileAsync(bytes, 'WebAssembly.compile()').then(moduleFromHandle);
}

function instantiate(source, importObject = undefined) {
  return new Promise((resolve) => {
    const mh = moduleHandles.get(source);
    if (mh !== undefined) {
      resolve(instanceFrom(mh, importObject, 'WebAssembly.instantiate()'));
      return;
    }
    if (!ArrayBuffer.isView(source) && !isArrayBuffer(source)) {
      throw new TypeError('WebAssembly.instantiate(): Argument 0 must be a buffer source or a WebAssembly.Module object');
    }
    if (importObject !== undefined && !isObject(importObject)) {
      throw new TypeError('WebAssembly.instantiate(): Argument 1 must be an object');
    }
    resolve(compileAsync(source, 'WebAssembly.instantiate()').then((h) => ({
      module: moduleFromHandle(h),
      instance: instanceFrom(h, importObject, 'WebAssembly.instantiate()'),
    })));
  });
}

function isArrayBuffer(v) {
  const tag = Object.prototype.toString.call(v);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

// Reads a fetch Response (or a promise of one) as a module's bytes.
async function responseBytes(source) {
  const response = await source;
  const { Response } = require('internal/webfetch');
  const { codes: { ERR_INVALID_ARG_TYPE, ERR_WEBASSEMBLY_RESPONSE } } = require('internal/errors');
  if (!(response instanceof Response)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Response', 'Promise resolving to Response'], response);
  }
  const type = response.headers.get('Content-Type');
  if (type !== 'application/wasm') {
    throw new ERR_WEBASSEMBLY_RESPONSE(`has unsupported MIME type '${type}'`);
  }
  if (!response.ok) {
    throw new ERR_WEBASSEMBLY_RESPONSE(`has status code ${response.status}`);
  }
  if (response.bodyUsed) throw new ERR_WEBASSEMBLY_RESPONSE('body has already been used');
  return new Uint8Array(await response.arrayBuffer());
}

async function compileStreaming(source) {
  const bytes = await responseBytes(source);
  return moduleFromHandle(await compileAsync(bytes, 'WebAssembly.compileStreaming()'));
}

async function instantiateStreaming(source, importObject = undefined) {
  const bytes = await responseBytes(source);
  const h = await compileAsync(bytes, 'WebAssembly.instantiateStreaming()');
  return {
    module: moduleFromHandle(h),
    instance: instanceFrom(h, importObject, 'WebAssembly.instantiateStreaming()'),
  };
}

// import of a .wasm file: the loader asks esmSource for the source of an
// ES module that stands for it. That module imports each module the wasm
// imports from, instantiates through its import.meta (initMeta), and
// exports the wasm exports (globals as their values). A wasm module
// imported by another gets the first one's raw exports (Global objects,
// not their values).
const esmModules = new Map(); // url -> { handle, exports }

function esmSource(filename, url) {
  require('internal/util').emitExperimentalWarning('Importing WebAssembly module instances');
  const handle = binding.compile(require('fs').readFileSync(filename), 'WebAssembly.Module()');
  const imports = binding.moduleImports(handle);
  const specs = [];
  for (const imp of imports) {
    if (imp.module.startsWith('wasm-js:')) {
      throw new LinkError(`Invalid Wasm import "${imp.module}" in ${url}`);
    }
    if (imp.name.startsWith('wasm:') || imp.name.startsWith('wasm-js:')) {
      throw new LinkError(`Invalid Wasm import name "${imp.name}" in ${url}`);
    }
    if (!specs.includes(imp.module)) specs.push(imp.module);
  }
  const exports = binding.moduleExports(handle);
  for (const exp of exports) {
    if (exp.name.startsWith('wasm:') || exp.name.startsWith('wasm-js:')) {
      throw new LinkError(`Invalid Wasm export name "${exp.name}" in ${url}`);
    }
  }
  esmModules.set(url, { handle, exports: undefined });
  const q = JSON.stringify;
  const lines = specs.map((spec, i) => `import * as __i${i} from ${q(spec)};`);
  lines.push(`const __x = import.meta.wasmInstantiate({ ${specs.map((spec, i) => `${q(spec)}: __i${i}`).join(', ')} });`);
  exports.forEach((exp, i) => {
    lines.push(`const __e${i} = __x[${q(exp.name)}];`, `export { __e${i} as ${q(exp.name)} };`);
  });
  return lines.join('\n');
}

function initMeta(meta, url) {
  meta.wasmInstantiate = function(namespaces) {
    const entry = esmModules.get(url);
    const importObject = {};
    for (const spec of Object.keys(namespaces)) {
      let dep;
      try {
        dep = esmModules.get(meta.resolve(spec));
      } catch {
        dep = undefined;
      }
      importObject[spec] = dep?.exports ?? namespaces[spec];
    }
    const raw = instantiateHandle(entry.handle, importObject, 'WebAssembly.Instance()');
    entry.exports = raw;
    const out = {};
    for (const name of Object.keys(raw)) {
      const v = raw[name];
      if (v instanceof Global) {
        // A v128 global has no JS value: its binding stays undefined.
        try {
          out[name] = v.value;
        } catch {
          out[name] = undefined;
        }
      } else {
        out[name] = v;
      }
    }
    return out;
  };
}

const WebAssembly = {};
const members = {
  compile, validate, instantiate, Module, Instance, Table, Memory, Global, Tag, Exception,
  CompileError, LinkError, RuntimeError, compileStreaming, instantiateStreaming,
  Suspending, promising, SuspendError,
};
for (const name of Object.keys(members)) {
  Object.defineProperty(WebAssembly, name, {
    value: members[name], writable: true, configurable: true, enumerable: false,
  });
}
defineTag(WebAssembly, 'WebAssembly');

// For structured clone: a module's bytes (a copy), and a new Module
// object over the same compiled module.
function moduleBytes(module) {
  return binding.moduleBytes(moduleHandle(module, 'structuredClone'));
}

function cloneModule(module) {
  return moduleFromHandle(moduleHandle(module, 'structuredClone'));
}

// memoryFromShared makes a Memory over the bytes of a shared memory's
// SharedArrayBuffer (one posted from another thread).
function memoryFromShared(sab) {
  return wrap(Memory, memoryHandles, binding.memoryFromShared(sab));
}

function cloneMemory(memory) {
  return wrap(Memory, memoryHandles, memoryHandle(memory));
}

module.exports = {
  WebAssembly, esmSource, initMeta, moduleBytes, cloneModule, cloneMemory, memoryFromShared,
};
