'use strict';
// Deep equality as util.isDeepStrictEqual and assert.deep(Strict)Equal
// define it: strict mode compares prototypes, own symbol keys and uses
// Object.is for primitives; loose mode uses == for primitives.

const types = require('internal/util/types');

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

function ownEnumerableKeys(value, skipIndices) {
  const keys = Object.keys(value);
  return skipIndices ? keys.filter((k) => !isIndexKey(k)) : keys;
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

function bytesEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
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
    const ka = ownEnumerableKeys(a, true);
    const kb = ownEnumerableKeys(b, true);
    if (ka.length !== kb.length) return false;
    return keyCheck(a, b, strict, memos, 'array', ka);
  }
  if (tag === '[object Object]' && !types.isBoxedPrimitive(a) && !types.isBoxedPrimitive(b)) {
    return keyCheck(a, b, strict, memos, 'object');
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (types.isNativeError(a) || a instanceof Error) {
    if ((!types.isNativeError(b) && !(b instanceof Error)) || a.message !== b.message || a.name !== b.name) return false;
    if (hasOwn(a, 'cause') !== hasOwn(b, 'cause') ||
        (hasOwn(a, 'cause') && !innerDeepEqual(a.cause, b.cause, strict, memos))) return false;
    if (hasOwn(a, 'errors') !== hasOwn(b, 'errors') ||
        (hasOwn(a, 'errors') && !innerDeepEqual(a.errors, b.errors, strict, memos))) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
      if (!floatsLooselyEqual(a, b)) return false;
    } else if (!bytesEqual(a, b)) {
      return false;
    }
    const ka = ownEnumerableKeys(a, true);
    if (ka.length !== ownEnumerableKeys(b, true).length) return false;
    return keyCheck(a, b, strict, memos, 'object', ka);
  } else if (types.isSet(a)) {
    if (!types.isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'set');
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, 'map');
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || !bytesEqual(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!isEqualBoxedPrimitive(a, b)) return false;
  } else if (Array.isArray(b) || ArrayBuffer.isView(b) || types.isSet(b) || types.isMap(b) ||
             types.isDate(b) || types.isRegExp(b) || types.isAnyArrayBuffer(b) ||
             types.isBoxedPrimitive(b) || types.isNativeError(b) || b instanceof Error) {
    return false;
  } else if (types.isWeakMap(a) || types.isWeakSet(a) || types.isPromise(a)) {
    // Their contents cannot be seen: only the same object is equal.
    return false;
  }
  return keyCheck(a, b, strict, memos, 'object');
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

  // Cycles: a pair already being compared is assumed equal.
  if (memos === undefined) {
    memos = { a: new Map(), b: new Map(), depth: 0 };
  } else {
    const ma = memos.a.get(a);
    if (ma !== undefined) {
      const mb = memos.b.get(b);
      if (mb !== undefined) return ma === mb;
    }
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
      if (!findLooseMatchingPrimitive(v)) return false;
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

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, kLoose);
}

function isDeepStrictEqual(a, b, skipPrototype = false) {
  return innerDeepEqual(a, b, skipPrototype ? kStrictSkipPrototype : kStrict);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
