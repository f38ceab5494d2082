'use strict';
// structuredClone: the HTML structured clone algorithm, within one realm.

const { codes: { ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { DOMException } = require('internal/per_context/domexception');

let messaging;
function detach(ab) {
  messaging ??= internalBinding('messaging');
  messaging.detachArrayBuffer(ab);
}

const errorConstructors = new Map([
  ['Error', Error], ['EvalError', EvalError], ['RangeError', RangeError], ['ReferenceError', ReferenceError],
  ['SyntaxError', SyntaxError], ['TypeError', TypeError], ['URIError', URIError],
]);

const typedArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
if (typeof Float16Array === 'function') typedArrays.push(Float16Array);

const toStringTag = (v) => Object.prototype.toString.call(v).slice(8, -1);

function describe(v) {
  if (typeof v === 'function') return `${Function.prototype.toString.call(v)}`;
  if (typeof v === 'symbol') return String(v);
  return `#<${v?.constructor?.name ?? toStringTag(v)}>`;
}

function cloneError(v) {
  return new DOMException(`${describe(v)} could not be cloned.`, 'DataCloneError');
}

function isTypedArray(v) {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

// clone copies v; memory maps originals to copies (cycles, sharing) and
// transferred ArrayBuffers to their new owners.
function clone(v, memory) {
  const type = typeof v;
  if (type === 'symbol' || type === 'function') throw cloneError(v);
  if (v === null || type !== 'object') return v;
  if (memory.has(v)) return memory.get(v);
  if (typeof v[kTransfer] === 'function') {
    // A MessagePort (or other transferable) not in the transfer list.
    throw new DOMException('Object that needs transfer was found in message but not listed in transferList', 'DataCloneError');
  }

  if (v instanceof DOMException) {
    // A DOMException (or subclass) clones as a plain DOMException with its
    // name, message and stack only.
    const out = new DOMException(v.message, v.name);
    memory.set(v, out);
    if (typeof v.stack === 'string') {
      Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true, enumerable: false });
    }
    return out;
  }
  const tag = toStringTag(v);
  if (uncloneableObjects.has(v) && !markIgnored.has(tag) && !isTypedArray(v)) {
    throw new DOMException('Cannot clone object of unsupported type.', 'DataCloneError');
  }
  let out;
  switch (tag) {
    case 'Boolean': out = Object(Boolean.prototype.valueOf.call(v)); break;
    case 'Number': out = Object(Number.prototype.valueOf.call(v)); break;
    case 'String': out = Object(String.prototype.valueOf.call(v)); break;
    case 'BigInt': out = Object(BigInt.prototype.valueOf.call(v)); break;
    case 'Symbol': throw cloneError(v);
    case 'Date': out = new Date(Date.prototype.getTime.call(v)); break;
    case 'RegExp': out = new RegExp(v.source, v.flags); break;
    case 'ArrayBuffer': {
      out = v.slice(0);
      break;
    }
    case 'SharedArrayBuffer': out = v; break;
    case 'WebAssembly.Module': out = require('internal/wasm').cloneModule(v); break;
    case 'WebAssembly.Memory':
      // Only a shared memory can be cloned: a new object, same memory.
      if (!(v.buffer instanceof SharedArrayBuffer)) throw cloneError(v);
      out = require('internal/wasm').cloneMemory(v);
      break;
    case 'DataView': {
      const buf = clone(v.buffer, memory);
      out = new DataView(buf, v.byteOffset, v.byteLength);
      break;
    }
    case 'Map': {
      out = new Map();
      memory.set(v, out);
      for (const [k, val] of Map.prototype.entries.call(v)) out.set(clone(k, memory), clone(val, memory));
      return out;
    }
    case 'Set': {
      out = new Set();
      memory.set(v, out);
      for (const k of Set.prototype.values.call(v)) out.add(clone(k, memory));
      return out;
    }
    case 'Error': {
      let name = v.name;
      const C = errorConstructors.get(name) ?? Error;
      if (!errorConstructors.has(name)) name = 'Error';
      out = Object.create(C.prototype);
      memory.set(v, out);
      const md = Object.getOwnPropertyDescriptor(v, 'message');
      if (md !== undefined && 'value' in md) {
        Object.defineProperty(out, 'message', { value: `${md.value}`, writable: true, configurable: true, enumerable: false });
      }
      if (Object.prototype.hasOwnProperty.call(v, 'cause')) {
        Object.defineProperty(out, 'cause', { value: clone(v.cause, memory), writable: true, configurable: true, enumerable: false });
      }
      if (typeof v.stack === 'string') {
        Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true, enumerable: false });
      }
      return out;
    }
    case 'Array': {
      out = new Array(v.length);
      memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
      return out;
    }
    case 'Object':
    case 'Arguments': {
      if (isTypedArray(v)) break;
      if (Object.getPrototypeOf(v) !== null && !isPlainObjectLike(v)) throw cloneError(v);
      out = {};
      memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
      return out;
    }
    default:
      if (!isTypedArray(v)) {
        const { Blob, File } = require('buffer');
        if (v instanceof Blob) {
          // Blobs (and Files) clone with their bytes and type.
          out = v instanceof File ?
            new File([v], v.name, { type: v.type, lastModified: v.lastModified }) :
            new Blob([v], { type: v.type });
          memory.set(v, out);
          return out;
        }
        if (tag === 'Object' || isPlainObjectLike(v)) {
          out = {};
          memory.set(v, out);
          for (const k of Object.keys(v)) out[k] = clone(v[k], memory);
          return out;
        }
        throw cloneError(v);
      }
  }
  if (out === undefined && isTypedArray(v)) {
    const buf = clone(v.buffer, memory);
    const C = typedArrays.find((T) => v instanceof T) ?? Uint8Array;
    out = new C(buf, v.byteOffset, v.length);
  }
  memory.set(v, out);
  return out;
}

// Host objects (promises, weak collections, ...) cannot be cloned; other
// objects, whatever their prototype, clone as plain objects.
const uncloneable = new Set(['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Generator',
  'AsyncGenerator', 'Proxy', 'Module']);
function isPlainObjectLike(v) {
  const tag = toStringTag(v);
  if (uncloneable.has(tag)) return false;
  if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) return false;
  return true;
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('The value argument must be specified');
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const transfer = options?.transfer;
  const memory = new Map();
  const toDetach = [];
  if (transfer !== undefined && transfer !== null) {
    if (typeof transfer !== 'object' || typeof transfer[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options.transfer', 'Array', transfer);
    }
    for (const t of transfer) {
      if (t instanceof ArrayBuffer) {
        if (toDetach.includes(t)) throw new DOMException('ArrayBuffer at index 1 is a duplicate of an earlier ArrayBuffer. Duplicate ArrayBuffers are not allowed in the transfer list.', 'DataCloneError');
        if (t.detached) throw new DOMException('An ArrayBuffer is detached and could not be cloned.', 'DataCloneError');
        // The new owner gets the bytes; the source is detached below.
        memory.set(t, t.slice(0));
        toDetach.push(t);
      } else if (t !== null && typeof t === 'object' && typeof t[kTransfer] === 'function') {
        memory.set(t, t[kTransfer]());
      } else {
        throw new DOMException('Value not transferable', 'DataCloneError');
      }
    }
  }
  const out = clone(value, memory);
  for (const ab of toDetach) detach(ab);
  return out;
}

// uncloneableObjects holds the objects given to
// worker_threads.markAsUncloneable; markIgnored are the kinds the mark does
// not affect (as in node, only plain and platform objects refuse cloning).
const uncloneableObjects = new WeakSet();
const markIgnored = new Set(['Array', 'ArrayBuffer', 'SharedArrayBuffer', 'Map', 'Set', 'Date', 'RegExp',
  'Boolean', 'Number', 'String', 'BigInt', 'Error', 'DataView']);

// kTransfer marks objects (MessagePort) that transfer themselves.
const kTransfer = Symbol.for('nodejs.internal.kTransfer');

module.exports = { structuredClone, kTransfer, uncloneableObjects };
