'use strict';
// WeakRef with the spec's kept-objects list. The engine frees an object
// as soon as its last strong reference goes (reference counting), so
// `new WeakRef(makeObject()).deref()` gave undefined: the target died at
// once. The spec keeps the target of a new WeakRef, and the result of
// deref(), alive until the current job is over (AddToKeptObjects,
// ClearKeptObjects). Here they are kept until the check phase of the
// loop iteration (an unref'd immediate), which is at least that long.

const NativeWeakRef = globalThis.WeakRef;
const nativeDeref = NativeWeakRef.prototype.deref;

let kept = [];
let clearScheduled = false;

function clearKept() {
  kept = [];
  clearScheduled = false;
}

function keep(target) {
  kept.push(target);
  if (!clearScheduled) {
    clearScheduled = true;
    const immediate = require('timers').setImmediate(clearKept);
    immediate.unref();
  }
}

function install() {
  // The constructor and deref are replaced in place: WeakRef.prototype,
  // its prototype chain and instanceof stay the engine's.
  const WeakRef = function WeakRef(target) {
    if (new.target === undefined) throw new TypeError("Constructor WeakRef requires 'new'");
    const ref = Reflect.construct(NativeWeakRef, [target], new.target);
    keep(target);
    return ref;
  };
  Object.defineProperty(WeakRef, 'length', { value: 1 });
  WeakRef.prototype = NativeWeakRef.prototype;
  Object.setPrototypeOf(WeakRef, Object.getPrototypeOf(NativeWeakRef));
  Object.defineProperty(NativeWeakRef.prototype, 'constructor', {
    value: WeakRef, writable: true, configurable: true, enumerable: false,
  });
  const { deref } = {
    deref() {
      const target = nativeDeref.call(this);
      if (target !== undefined) keep(target);
      return target;
    },
  };
  Object.defineProperty(NativeWeakRef.prototype, 'deref', {
    value: deref, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(globalThis, 'WeakRef', {
    value: WeakRef, writable: true, configurable: true, enumerable: false,
  });
}

module.exports = { install };
