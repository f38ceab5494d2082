'use strict';
// util.types: brand checks that look at the engine's internal class of an
// object (through the util binding), never at its prototype chain, so
// that they agree with Node's V8-backed checks.

const {
  getClassId,
  classIds: C,
  getProxyDetails,
} = internalBinding('util');

const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

const is = (id) => (value) => getClassId(value) === id;

function isTypedArray(value) {
  const id = getClassId(value);
  return id >= C.firstTypedArray && id <= C.lastTypedArray;
}

function typedArrayName(value) {
  return isTypedArray(value) ? typedArrayTag.call(value) : undefined;
}

const isTyped = (name) => (value) => typedArrayName(value) === name;

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

function isAnyArrayBuffer(value) {
  const id = getClassId(value);
  return id === C.arrayBuffer || id === C.sharedArrayBuffer;
}

function isAsyncFunction(value) {
  const id = getClassId(value);
  return id === C.asyncFunction || id === C.asyncGeneratorFunction;
}

function isGeneratorFunction(value) {
  const id = getClassId(value);
  return id === C.generatorFunction || id === C.asyncGeneratorFunction;
}

function isGeneratorObject(value) {
  const id = getClassId(value);
  return id === C.generator || id === C.asyncGenerator;
}

function isArgumentsObject(value) {
  const id = getClassId(value);
  return id === C.arguments || id === C.mappedArguments;
}

function isBoxedPrimitive(value) {
  const id = getClassId(value);
  return id === C.number || id === C.string || id === C.boolean ||
    id === C.symbol || id === C.bigint;
}

function isProxy(value) {
  return getClassId(value) === C.proxy && getProxyDetails(value, false) !== undefined;
}

// gonode has no V8 externals; KeyObject and CryptoKey brand themselves.
function isExternal() { return false; }

// The name of the class value was made by, without running user code.
function className(value) {
  let proto = Object.getPrototypeOf(value);
  while (proto !== null) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (desc !== undefined && typeof desc.value === 'function') return desc.value.name;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

const keyObjectClasses = new Set(['SecretKeyObject', 'PublicKeyObject', 'PrivateKeyObject', 'KeyObject']);

function isKeyObject(value) {
  if (value === null || typeof value !== 'object') return false;
  if (value[Symbol.for('gonode.keyObject')] === true) return true;
  // The crypto module is asked only about objects of its classes' names.
  return keyObjectClasses.has(className(value)) && require('internal/crypto/keys').isKeyObject(value);
}

function isCryptoKey(value) {
  if (value === null || typeof value !== 'object') return false;
  if (value[Symbol.for('gonode.cryptoKey')] === true) return true;
  return className(value) === 'CryptoKey' && require('internal/crypto/webcrypto').isCryptoKey(value);
}

module.exports = {
  isExternal,
  isDate: is(C.date),
  isArgumentsObject,
  isBigIntObject: is(C.bigint),
  isBooleanObject: is(C.boolean),
  isNumberObject: is(C.number),
  isStringObject: is(C.string),
  isSymbolObject: is(C.symbol),
  isNativeError: is(C.error),
  isRegExp: is(C.regexp),
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject,
  isPromise: is(C.promise),
  isMap: is(C.map),
  isSet: is(C.set),
  isMapIterator: is(C.mapIterator),
  isSetIterator: is(C.setIterator),
  isWeakMap: is(C.weakMap),
  isWeakSet: is(C.weakSet),
  isArrayBuffer: is(C.arrayBuffer),
  isDataView: is(C.dataView),
  isSharedArrayBuffer: is(C.sharedArrayBuffer),
  isProxy,
  isModuleNamespaceObject: is(C.moduleNamespace),
  isAnyArrayBuffer,
  isBoxedPrimitive,
  isArrayBufferView,
  isTypedArray,
  isUint8Array: isTyped('Uint8Array'),
  isUint8ClampedArray: isTyped('Uint8ClampedArray'),
  isUint16Array: isTyped('Uint16Array'),
  isUint32Array: isTyped('Uint32Array'),
  isInt8Array: isTyped('Int8Array'),
  isInt16Array: isTyped('Int16Array'),
  isInt32Array: isTyped('Int32Array'),
  isFloat16Array: isTyped('Float16Array'),
  isFloat32Array: isTyped('Float32Array'),
  isFloat64Array: isTyped('Float64Array'),
  isBigInt64Array: isTyped('BigInt64Array'),
  isBigUint64Array: isTyped('BigUint64Array'),
  isKeyObject,
  isCryptoKey,
  typedArrayName,
};
