'use strict';
// Messages between threads. The sender structured-clones the value (which
// validates it and detaches transferred ArrayBuffers), then rewrites what
// the engine's serializer cannot write (Map, Set, RegExp, errors,
// DataView, transferred MessagePorts) as placeholder objects listed in a
// side table, and serializes [value, table] with the engine (shared
// references and cycles kept; SharedArrayBuffers shared, not copied). The receiver deserializes, rebuilds the
// listed objects and puts them where their placeholders were.

const { structuredClone } = require('internal/structured_clone');

let binding;
function native() {
  binding ??= internalBinding('worker');
  return binding;
}

const toStringTag = (v) => Object.prototype.toString.call(v).slice(8, -1);

const errorConstructors = {
  Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

// prepare returns a copy of v (already a structured clone) that the engine
// can serialize; table collects [placeholder, kind, ...data] entries.
function prepare(v, table, seen, hooks) {
  if (v === null || typeof v !== 'object') return v;
  let out = seen.get(v);
  if (out !== undefined) return out;
  const port = hooks.portOut?.(v);
  if (port !== undefined) {
    out = {};
    seen.set(v, out);
    table.push([out, 'port', port]);
    return out;
  }
  // structuredClone makes errors with Object.create: no [[ErrorData]].
  const tag = v instanceof Error ? 'Error' : toStringTag(v);
  switch (tag) {
    case 'Map': {
      out = {};
      seen.set(v, out);
      const entries = [];
      table.push([out, 'map', entries]);
      for (const [k, val] of v) entries.push([prepare(k, table, seen, hooks), prepare(val, table, seen, hooks)]);
      return out;
    }
    case 'Set': {
      out = {};
      seen.set(v, out);
      const values = [];
      table.push([out, 'set', values]);
      for (const k of v) values.push(prepare(k, table, seen, hooks));
      return out;
    }
    case 'RegExp':
      out = {};
      seen.set(v, out);
      table.push([out, 'regexp', v.source, v.flags]);
      return out;
    case 'Error': {
      out = {};
      seen.set(v, out);
      const name = Object.prototype.hasOwnProperty.call(errorConstructors, v.name) ? v.name : 'Error';
      let stack;
      try {
        stack = typeof v.stack === 'string' ? v.stack : undefined;
      } catch {
        // A throwing stack getter: no stack.
      }
      const entry = [out, 'error', name, v.message, stack];
      table.push(entry);
      if (Object.prototype.hasOwnProperty.call(v, 'cause')) entry.push(prepare(v.cause, table, seen, hooks));
      return out;
    }
    case 'DataView':
      out = {};
      seen.set(v, out);
      table.push([out, 'dataview', prepare(v.buffer, table, seen, hooks), v.byteOffset, v.byteLength]);
      return out;
    case 'Array': {
      out = new Array(v.length);
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = prepare(v[k], table, seen, hooks);
      return out;
    }
    case 'Date': case 'ArrayBuffer': case 'SharedArrayBuffer': case 'Number': case 'String': case 'Boolean': case 'BigInt':
      seen.set(v, v);
      return v;
    case 'WebAssembly.Memory':
      // A shared memory travels as its SharedArrayBuffer; the receiver
      // makes a Memory over the same bytes.
      out = {};
      seen.set(v, out);
      table.push([out, 'wasmmem', v.buffer]);
      return out;
    case 'WebAssembly.Module':
      // A compiled module travels as its bytes and compiles again.
      out = {};
      seen.set(v, out);
      table.push([out, 'wasm', require('internal/wasm').moduleBytes(v)]);
      return out;
    default:
      if (ArrayBuffer.isView(v)) {
        // Typed arrays (the engine writes them with their buffer).
        seen.set(v, v);
        return v;
      }
      if (isBlob(v)) {
        out = {};
        seen.set(v, out);
        const entry = [out, 'blob', blobBytes(v), v.type];
        if (v instanceof require('buffer').File) entry.push(v.name, v.lastModified);
        table.push(entry);
        return out;
      }
      out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = prepare(v[k], table, seen, hooks);
      return out;
  }
}

function isBlob(v) {
  return v instanceof require('buffer').Blob;
}

// blobBytes returns a copy of a Blob's bytes, synchronously.
function blobBytes(blob) {
  // A Blob (lib/buffer.js) keeps its bytes under its kBytes symbol.
  const sym = Object.getOwnPropertySymbols(blob).find((s) => s.description === 'kBytes');
  if (sym === undefined) throw new DOMException('Cannot clone object of unsupported type.', 'DataCloneError');
  return new Uint8Array(blob[sym]);
}

// serialize clones value for another thread and returns the bytes
// (ArrayBuffer). hooks.portOut(obj) returns an endpoint id for a
// transferred MessagePort, undefined for anything else; hooks.isPort tells
// ports apart before cloning.
function serialize(value, transfer, hooks = {}) {
  const type = typeof value;
  if (transfer === undefined && (value === null || (type !== 'object' && type !== 'function' && type !== 'symbol'))) {
    return native().serialize([value, []]);
  }
  const options = transfer === undefined ? undefined : { transfer };
  const cloned = structuredClone(value, options);
  const table = [];
  const root = prepare(cloned, table, new Map(), hooks);
  return native().serialize([root, table]);
}

// deserialize rebuilds a message; hooks.portIn(id) makes a MessagePort for
// a transferred endpoint. It returns { value, ports }.
function deserialize(bytes, hooks = {}) {
  const [root, table] = native().deserialize(bytes);
  if (table.length === 0) return { value: root, ports: [] };
  const real = new Map();
  const objs = [];
  const ports = [];
  for (const entry of table) {
    const [ph, kind] = entry;
    let obj;
    switch (kind) {
      case 'map': obj = new Map(); break;
      case 'set': obj = new Set(); break;
      case 'regexp': obj = new RegExp(entry[2], entry[3]); break;
      case 'error': {
        const C = errorConstructors[entry[2]] ?? Error;
        obj = new C();
        if (entry[3] !== undefined) {
          Object.defineProperty(obj, 'message', { value: `${entry[3]}`, writable: true, configurable: true, enumerable: false });
        }
        Object.defineProperty(obj, 'stack', { value: entry[4], writable: true, configurable: true, enumerable: false });
        break;
      }
      case 'dataview': obj = new DataView(entry[2], entry[3], entry[4]); break;
      case 'wasm': obj = new WebAssembly.Module(entry[2]); break;
      case 'wasmmem': obj = require('internal/wasm').memoryFromShared(entry[2]); break;
      case 'blob': {
        const { Blob, File } = require('buffer');
        obj = entry.length > 4 ?
          new File([entry[2]], entry[4], { type: entry[3], lastModified: entry[5] }) :
          new Blob([entry[2]], { type: entry[3] });
        break;
      }
      case 'port':
        obj = hooks.portIn(entry[2]);
        ports.push(obj);
        break;
      default: obj = {};
    }
    real.set(ph, obj);
    objs.push(obj);
  }
  const visited = new Set();
  const fix = (o) => {
    if (o === null || typeof o !== 'object' || visited.has(o) || real.has(o)) return;
    visited.add(o);
    if (ArrayBuffer.isView(o) || o instanceof ArrayBuffer || o instanceof Date) return;
    for (const k of Object.keys(o)) {
      const val = o[k];
      if (real.has(val)) o[k] = real.get(val);
      else fix(val);
    }
  };
  fix(root);
  fix(table);
  const get = (v) => (real.has(v) ? real.get(v) : v);
  for (let i = 0; i < table.length; i++) {
    const entry = table[i];
    const obj = objs[i];
    if (entry[1] === 'map') for (const [k, v] of entry[2]) obj.set(get(k), get(v));
    else if (entry[1] === 'set') for (const v of entry[2]) obj.add(get(v));
    else if (entry[1] === 'error' && entry.length > 5) {
      Object.defineProperty(obj, 'cause', { value: get(entry[5]), writable: true, configurable: true, enumerable: false });
    }
  }
  return { value: get(root), ports };
}

module.exports = { serialize, deserialize };
