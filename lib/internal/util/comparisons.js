'use strict';
// Deep equality as util.isDeepStrictEqual and assert.deep(Strict)Equal
// define it: strict mode compares prototypes, own symbol keys and uses
// Object.is for primitives; loose mode uses == for primitives.

const types = require('internal/util/types');
const { getOwnNonIndexProperties, ONLY_ENUMERABLE } = internalBinding('util');
const { compare: compareBytes } = internalBinding('buffer');

let isURL;
function lazyIsURL(v) {
  isURL ??= require('internal/url').isURL;
  return isURL(v);
}

const kStrict = true;
const kLoose = false;
// Strict comparison that does not compare prototypes (skipPrototype).
const kStrictSkipPrototype = 2;

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const toTag = (v) => Object.prototype.toString.call(v);

function isIndexKey(key) {
  if (typeof key !== 'string' || key === '') return false;
  const n = Number(key);
  return n >= 0 && n < 4294967295 && Number.isInteger(n) && String(n) === key;
}

// The own enumerable string keys of an array or typed array that are not
// indices (asked of the engine, which skips the indices cheaply).
function nonIndexKeys(value) {
  return getOwnNonIndexProperties(value, ONLY_ENUMERABLE).filter((k) => typeof k === 'string');
}

function isEqualBoxedPrimitive(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (types.isSymbolObject(a)) {
    return types.isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

// bytesEqual compares the bytes viewed by two typed arrays or DataViews.
function bytesEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  return compareBytes(a, b) === 0;
}

function floatsLooselyEqual(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || Object.is(a, b) || !strict;
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (strict !== kStrictSkipPrototype && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const tag = toTag(a);
  if (tag !== toTag(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const ka = nonIndexKeys(a);
    const kb = nonIndexKeys(b);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, 'array', ka);
  }
  if (tag === '[object Object]' && !types.isBoxedPrimitive(a) && !types.isBoxedPrimitive(b)) {
    return keyCheck(a, b, strict, memos, 'object');
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || !Object.is(Date.prototype.getTime.call(a), Date.prototype.getTime.call(b))) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (types.isNativeError(a) || a instanceof Error) {
    if ((!types.isNativeError(b) && !(b instanceof Error)) || a.message !== b.message || a.name !== b.name) return false;
    if (hasOwn(a, 'cause') !== hasOwn(b, 'cause') ||
        (hasOwn(a, 'cause') && !innerDeepEqual(a.cause, b.cause, strict, memos))) return false;
    if (hasOwn(a, 'errors') !== hasOwn(b, 'errors') ||
        (hasOwn(a, 'errors') && !innerDeepEqual(a.errors, b.errors, strict, memos))) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || types.typedArrayName(a) !== types.typedArrayName(b)) return false;
    if (!strict && (types.isFloat16Array(a) || types.isFloat32Array(a) || types.isFloat64Array(a))) {
      if (!floatsLooselyEqual(a, b)) return false;
    } else if (!bytesEqual(a, b)) {
      return false;
    }
    const ka = nonIndexKeys(a);
    if (ka.length !== nonIndexKeys(b).length) return false;
    return keyCheck(a, b, strict, memos, 'object', ka);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'set');
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'map');
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || types.isArrayBuffer(a) !== types.isArrayBuffer(b) ||
        !bytesEqual(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!isEqualBoxedPrimitive(a, b)) return false;
  } else if (Array.isArray(b) || ArrayBuffer.isView(b) || types.isSet(b) || types.isMap(b) ||
             types.isDate(b) || types.isRegExp(b) || types.isAnyArrayBuffer(b) ||
             types.isBoxedPrimitive(b) || types.isNativeError(b) || b instanceof Error) {
    return false;
  } else if (types.isWeakMap(a) || types.isWeakSet(a) || types.isPromise(a)) {
    // Their contents cannot be seen: only the same object is equal.
    return false;
  } else if (lazyIsURL(a)) {
    if (!lazyIsURL(b) || a.href !== b.href) return false;
  } else if (types.isKeyObject(a) || types.isCryptoKey(a)) {
    if (!keysEqual(a, b, (x, y) => innerDeepEqual(x, y, strict, memos))) return false;
  }
  return keyCheck(a, b, strict, memos, 'object');
}

// Crypto keys compare by their key material: KeyObjects with equals(),
// CryptoKeys by type, extractability, algorithm, usages and key.
function keysEqual(a, b, equal) {
  if (types.isKeyObject(a)) return types.isKeyObject(b) && a.equals(b);
  if (!types.isCryptoKey(b) || a.type !== b.type || a.extractable !== b.extractable ||
      !equal(a.algorithm, b.algorithm) || !equal(a.usages, b.usages)) {
    return false;
  }
  const { KeyObject } = require('crypto');
  return KeyObject.from(a).equals(KeyObject.from(b));
}

function keyCheck(a, b, strict, memos, kind, aKeys) {
  if (aKeys === undefined) {
    aKeys = Object.keys(a);
    if (aKeys.length !== Object.keys(b).length) return false;
  }
  for (const key of aKeys) {
    if (!isEnumerable(b, key)) return false;
  }
  if (strict) {
    const symA = Object.getOwnPropertySymbols(a);
    let count = 0;
    for (const sym of symA) {
      if (isEnumerable(a, sym)) {
        if (!isEnumerable(b, sym)) return false;
        aKeys.push(sym);
        count++;
      }
    }
    const symB = Object.getOwnPropertySymbols(b);
    if (symA.length !== symB.length) {
      let countB = 0;
      for (const sym of symB) if (isEnumerable(b, sym)) countB++;
      if (countB !== count) return false;
    } else {
      for (const sym of symB) if (isEnumerable(b, sym) && !isEnumerable(a, sym)) return false;
    }
  }
  if (aKeys.length === 0 && (kind === 'object' || (kind === 'array' && a.length === 0) ||
      ((kind === 'set' || kind === 'map') && a.size === 0))) {
    return true;
  }

  // Without cycle detection (memos null) the values are compared as trees.
  if (memos === null) return objEquiv(a, b, strict, aKeys, memos, kind);
  // Cycles: when a or b is already being compared further up, the two are
  // equal only if they were reached together there (cycles of the same
  // shape); a cycle on one side only makes them unequal.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), depth: 0 };
  } else {
    const ma = memos.a.get(a);
    const mb = memos.b.get(b);
    if (ma !== undefined || mb !== undefined) return ma === mb;
    memos.depth++;
  }
  memos.a.set(a, memos.depth);
  memos.b.set(b, memos.depth);
  const result = objEquiv(a, b, strict, aKeys, memos, kind);
  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function findLooseMatchingPrimitive(prim) {
  switch (typeof prim) {
    case 'undefined': return null;
    case 'object': return undefined;
    case 'symbol': return false;
    case 'string': prim = +prim; // fall through
    case 'number': if (Number.isNaN(prim)) return false;
  }
  return true;
}

function setHasEqualElement(set, value, strict, memos) {
  for (const v of set) {
    if (innerDeepEqual(value, v, strict, memos)) {
      set.delete(v);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  let pending = null;
  for (const v of a) {
    if (typeof v === 'object' && v !== null) {
      pending ??= new Set();
      pending.add(v);
    } else if (!b.has(v)) {
      if (strict) return false;
      // A loosely equal primitive may be in b: only a number-like value
      // can match, and null only undefined (and the other way round).
      const alt = findLooseMatchingPrimitive(v);
      if (alt === false) return false;
      if (alt !== true && !(b.has(alt) && !a.has(alt))) return false;
      pending ??= new Set();
      pending.add(v);
    }
  }
  if (pending === null) return true;
  for (const v of b) {
    if (typeof v === 'object' && v !== null) {
      if (!setHasEqualElement(pending, v, strict, memos)) return false;
    } else if (!strict && !a.has(v)) {
      if (!setHasEqualElement(pending, v, strict, memos)) return false;
    }
  }
  return pending.size === 0;
}

function mapHasEqualEntry(set, map, key1, item1, strict, memos) {
  for (const key2 of set) {
    if (innerDeepEqual(key1, key2, strict, memos) && innerDeepEqual(item1, map.get(key2), strict, memos)) {
      set.delete(key2);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, strict, memos) {
  let pending = null;
  for (const [key, item1] of a) {
    if (typeof key === 'object' && key !== null) {
      pending ??= new Set();
      pending.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memos)) {
        if (strict) return false;
        pending ??= new Set();
        pending.add(key);
      }
    }
  }
  if (pending === null) return true;
  for (const [key, item] of b) {
    if (typeof key === 'object' && key !== null) {
      if (!mapHasEqualEntry(pending, a, key, item, strict, memos)) return false;
    } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memos))) {
      if (!mapHasEqualEntry(pending, a, key, item, strict, memos)) return false;
    }
  }
  return pending.size === 0;
}

function objEquiv(a, b, strict, keys, memos, kind) {
  if (kind === 'set') {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (kind === 'map') {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (kind === 'array') {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      }
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

// As node does, values are first compared as trees, without tracking
// cycles; once a comparison overflowed the stack (a cycle), every later
// one tracks them.
let detectCycles = false;

function isStackOverflow(err) {
  return err instanceof RangeError && /call stack|stack overflow/i.test(err.message) ||
    (err instanceof Error && err.name === 'InternalError' && /stack overflow/i.test(err.message));
}

function withCycleDetection(compare) {
  if (!detectCycles) {
    try {
      return compare(null);
    } catch (err) {
      if (!isStackOverflow(err)) throw err;
      detectCycles = true;
    }
  }
  return compare(undefined);
}

function isDeepEqual(a, b) {
  return withCycleDetection((memos) => innerDeepEqual(a, b, kLoose, memos));
}

function isDeepStrictEqual(a, b, skipPrototype = false) {
  const mode = skipPrototype ? kStrictSkipPrototype : kStrict;
  return withCycleDetection((memos) => innerDeepEqual(a, b, mode, memos));
}

// ---- partial deep equality (assert.partialDeepStrictEqual) -----------------
//
// expected is compared with the part of actual that it names: own
// enumerable keys of expected only; array and typed array elements of
// expected as an ordered subsequence of actual's; Set and Map entries of
// expected each matched to a different entry of actual. Primitives use
// Object.is; prototypes are not compared.

function isPartialStrictEqual(actual, expected) {
  return withCycleDetection((memos) => partialEqual(actual, expected,
    memos === null ? null : { a: new Map(), e: new Map(), depth: 0 }));
}

function partialEqual(a, e, memos) {
  if (typeof e !== 'object' || e === null || typeof a !== 'object' || a === null) {
    return Object.is(a, e);
  }
  if (a === e) return true;
  if (memos === null) return partialObjectEqual(a, e, memos);
  // Cycles, as for deep equality: values met again further down are equal
  // only if they were met together.
  const ma = memos.a.get(a);
  const me = memos.e.get(e);
  if (ma !== undefined || me !== undefined) return ma === me;
  const depth = ++memos.depth;
  memos.a.set(a, depth);
  memos.e.set(e, depth);
  try {
    return partialObjectEqual(a, e, memos);
  } finally {
    memos.a.delete(a);
    memos.e.delete(e);
  }
}

function partialObjectEqual(a, e, memos) {
  if (toTag(a) !== toTag(e) || Array.isArray(a) !== Array.isArray(e)) return false;
  if (Array.isArray(e)) {
    return partialSubsequence(a, e, memos) && partialKeys(a, e, memos, true);
  }
  if (ArrayBuffer.isView(e)) {
    if (!ArrayBuffer.isView(a) || types.typedArrayName(a) !== types.typedArrayName(e) ||
        types.isDataView(a) !== types.isDataView(e)) {
      return false;
    }
    if (types.isDataView(e)) {
      if (!bytesSubsequence(a, e)) return false;
    } else if (!typedSubsequence(a, e)) {
      return false;
    }
    return partialKeys(a, e, memos, true);
  }
  if (types.isAnyArrayBuffer(e)) {
    if (!types.isAnyArrayBuffer(a) || types.isArrayBuffer(a) !== types.isArrayBuffer(e) ||
        !bytesSubsequence(new Uint8Array(a), new Uint8Array(e))) {
      return false;
    }
    return partialKeys(a, e, memos, false);
  }
  if (types.isDate(e)) {
    if (!types.isDate(a) || !Object.is(Date.prototype.getTime.call(a), Date.prototype.getTime.call(e))) return false;
  } else if (types.isRegExp(e)) {
    if (!types.isRegExp(a) || a.source !== e.source || a.flags !== e.flags || a.lastIndex !== e.lastIndex) {
      return false;
    }
  } else if (types.isNativeError(e) || e instanceof Error) {
    if (!(types.isNativeError(a) || a instanceof Error) || a.name !== e.name) return false;
    for (const key of ['message', 'cause', 'errors']) {
      if (hasOwn(e, key) &&
          (!hasOwn(a, key) || !partialEqual(a[key], e[key], memos))) {
        return false;
      }
    }
  } else if (types.isBoxedPrimitive(e)) {
    if (!isEqualBoxedPrimitive(a, e)) return false;
  } else if (types.isSet(e)) {
    if (!types.isSet(a) || !partialSet(a, e, memos)) return false;
  } else if (types.isMap(e)) {
    if (!types.isMap(a) || !partialMap(a, e, memos)) return false;
  } else if (types.isWeakMap(e) || types.isWeakSet(e) || types.isPromise(e) || typeof e === 'function') {
    return false;
  } else if (lazyIsURL(e)) {
    if (!lazyIsURL(a) || a.href !== e.href) return false;
  } else if (types.isKeyObject(e) || types.isCryptoKey(e)) {
    if (!keysEqual(a, e, (x, y) => partialEqual(x, y, memos))) return false;
  } else if (types.isDate(a) || types.isRegExp(a) || types.isBoxedPrimitive(a) || types.isSet(a) ||
             types.isMap(a) || types.isNativeError(a) || types.isAnyArrayBuffer(a) || ArrayBuffer.isView(a)) {
    return false;
  }
  return partialKeys(a, e, memos, false);
}

// Every own enumerable key of e (not indices when skipIndices) is an own
// enumerable key of a with a partially equal value.
function partialKeys(a, e, memos, skipIndices) {
  const keys = skipIndices ? getOwnNonIndexProperties(e, ONLY_ENUMERABLE) : Reflect.ownKeys(e);
  for (const key of keys) {
    if (!skipIndices && !isEnumerable(e, key)) continue;
    if (!isEnumerable(a, key) || !partialEqual(a[key], e[key], memos)) return false;
  }
  return true;
}

// The elements of array e appear in a in the same order (holes of either
// are not elements), and e is not longer than a.
function partialSubsequence(a, e, memos) {
  if (e.length > a.length) return false;
  const ek = Object.keys(e);
  if (ek.length === 0) return true;
  const ak = Object.keys(a);
  let j = 0;
  for (const k of ek) {
    if (!isIndexKey(k)) break;
    const want = e[k];
    let found = false;
    while (j < ak.length && isIndexKey(ak[j])) {
      const have = a[ak[j++]];
      if (partialEqual(have, want, memos)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

// Typed arrays: e's elements appear in a in the same order (Object.is).
function typedSubsequence(a, e) {
  if (a.length === e.length && bytesEqual(a, e)) return true;
  let j = 0;
  for (let i = 0; i < e.length; i++) {
    const want = e[i];
    while (j < a.length && !Object.is(a[j], want)) j++;
    if (j === a.length) return false;
    j++;
  }
  return true;
}

// DataViews and buffers: e's bytes appear in a in the same order.
function bytesSubsequence(a, e) {
  if (a.byteLength === e.byteLength) return bytesEqual(a, e);
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(e.buffer, e.byteOffset, e.byteLength);
  let j = 0;
  for (let i = 0; i < y.length; i++) {
    const want = y[i];
    while (j < x.length && x[j] !== want) j++;
    if (j === x.length) return false;
    j++;
  }
  return true;
}

function isObjectLike(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// Each element of e has its own partially equal element in a.
function partialSet(a, e, memos) {
  if (e.size > a.size) return false;
  let candidates = null;
  for (const want of e) {
    if (!isObjectLike(want)) {
      if (!a.has(want)) return false;
      continue;
    }
    if (a.has(want)) continue;
    if (candidates === null) {
      candidates = [];
      for (const v of a) if (isObjectLike(v) && !e.has(v)) candidates.push(v);
    }
    const i = candidates.findIndex((v) => partialEqual(v, want, memos));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

// Each entry of e has its own entry of a with partially equal key and value.
function partialMap(a, e, memos) {
  if (e.size > a.size) return false;
  let candidates = null;
  for (const [key, want] of e) {
    if (!isObjectLike(key) || a.has(key)) {
      if (!a.has(key) || !partialEqual(a.get(key), want, memos)) return false;
      continue;
    }
    if (candidates === null) {
      candidates = [];
      for (const entry of a) if (isObjectLike(entry[0]) && !e.has(entry[0])) candidates.push(entry);
    }
    const i = candidates.findIndex(([k, v]) => partialEqual(k, key, memos) && partialEqual(v, want, memos));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

module.exports = { isDeepEqual, isDeepStrictEqual, isPartialStrictEqual };
