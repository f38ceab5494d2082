'use strict';
// node:test's mock: mock.fn(), mock.method(), mock.getter()/setter(),
// mock.property(), mock.timers (mock_timers.js), reset()/restoreAll().
// mock.module is absent, as in node without --experimental-test-module-mocks.

const { validateFunction, validateObject, validateInteger } = require('internal/validators');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } } = require('internal/errors');

class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #onceImpls = new Map();
  #restore;
  #times;

  constructor(implementation, original, restore, times) {
    this.#implementation = implementation;
    this.#original = original;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() { return this.#calls.slice(); }
  callCount() { return this.#calls.length; }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = onCall ?? this.#calls.length;
    validateInteger(next, 'onCall', this.#calls.length);
    this.#onceImpls.set(next, implementation);
  }

  resetCalls() { this.#calls = []; }

  restore() {
    if (this.#restore !== undefined) {
      this.#restore();
      this.#restore = undefined;
    }
  }

  // Internal: picks the implementation for the next call.
  nextImplementation() {
    const n = this.#calls.length;
    const once = this.#onceImpls.get(n);
    if (once !== undefined) {
      this.#onceImpls.delete(n);
      return once;
    }
    if (this.#times !== undefined && n >= this.#times) return this.#original;
    return this.#implementation;
  }

  record(call) { this.#calls.push(call); }
}

// The `mock` of mock.property(): the property's accesses (gets and sets)
// and the value its gets return.
class MockPropertyContext {
  #object;
  #name;
  #descriptor;
  #value;
  #accesses = [];
  #onceValues = new Map();
  #restored = false;

  constructor(object, name, value) {
    this.#object = object;
    this.#name = name;
    this.#descriptor = Object.getOwnPropertyDescriptor(object, name);
    this.#value = value;
    const ctx = this;
    Object.defineProperty(object, name, {
      configurable: true,
      enumerable: this.#descriptor.enumerable,
      get: function get() { return ctx.#get(); },
      set: this.mockImplementation.bind(this),
    });
  }

  #get() {
    const n = this.#accesses.length;
    let value = this.#value;
    if (this.#onceValues.has(n)) {
      value = this.#onceValues.get(n);
      this.#onceValues.delete(n);
    }
    this.#accesses.push({ __proto__: null, type: 'get', value, stack: new Error() });
    return value;
  }

  get accesses() { return this.#accesses.slice(); }
  accessCount() { return this.#accesses.length; }

  // Sets the value later gets return; a set of the property lands here.
  mockImplementation(value) {
    const d = this.#descriptor;
    if (!(d.writable === true || typeof d.set === 'function')) {
      throw new ERR_INVALID_ARG_VALUE('propertyName', this.#name, 'cannot be set');
    }
    this.#accesses.push({ __proto__: null, type: 'set', value, stack: new Error() });
    this.#value = value;
  }

  mockImplementationOnce(value, onAccess) {
    const next = onAccess ?? this.#accesses.length;
    validateInteger(next, 'onAccess', this.#accesses.length);
    this.#onceValues.set(next, value);
  }

  resetAccesses() { this.#accesses = []; }

  restore() {
    if (this.#restored) return;
    this.#restored = true;
    Object.defineProperty(this.#object, this.#name, this.#descriptor);
  }
}

function makeMock(original, implementation, options, restore) {
  const ctx = new MockFunctionContext(implementation, original, restore, options?.times);
  const target = original ?? function() {};
  const proxy = new Proxy(target, {
    apply(t, thisArg, args) {
      const impl = ctx.nextImplementation();
      let result;
      let error;
      try {
        result = impl === undefined ? undefined : Reflect.apply(impl, thisArg, args);
      } catch (err) {
        error = err;
        ctx.record({ arguments: args, error, result: undefined, stack: new Error(), target: undefined, this: thisArg });
        throw err;
      }
      ctx.record({ arguments: args, error: undefined, result, stack: new Error(), target: undefined, this: thisArg });
      return result;
    },
    construct(t, args, newTarget) {
      const impl = ctx.nextImplementation();
      let result;
      try {
        result = Reflect.construct(impl ?? t, args, newTarget === proxy ? impl ?? t : newTarget);
      } catch (err) {
        ctx.record({ arguments: args, error: err, result: undefined, stack: new Error(), target: newTarget, this: undefined });
        throw err;
      }
      ctx.record({ arguments: args, error: undefined, result, stack: new Error(), target: newTarget, this: result });
      return result;
    },
    get(t, prop, receiver) {
      if (prop === 'mock') return ctx;
      return Reflect.get(t, prop, receiver);
    },
  });
  return { proxy, ctx };
}

class MockTracker {
  #mocks = [];
  #timers;

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    if (options.times !== undefined) validateInteger(options.times, 'options.times', 1);
    const { proxy, ctx } = makeMock(original, implementation, options, undefined);
    this.#mocks.push(ctx);
    return proxy;
  }

  method(object, methodName, implementation, options = {}) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    validateObject(options, 'options');
    const getter = !!options.getter;
    const setter = !!options.setter;
    let desc;
    for (let o = object; o !== null && desc === undefined; o = Object.getPrototypeOf(o)) {
      desc = Object.getOwnPropertyDescriptor(o, methodName);
    }
    const ownDesc = Object.getOwnPropertyDescriptor(object, methodName);
    const original = getter ? desc?.get : setter ? desc?.set : desc?.value;
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    implementation ??= original;
    validateFunction(implementation, 'implementation');
    const restore = () => {
      if (ownDesc === undefined) delete object[methodName];
      else Object.defineProperty(object, methodName, ownDesc);
    };
    const { proxy, ctx } = makeMock(original, implementation, options, restore);
    const newDesc = { configurable: true, enumerable: desc.enumerable };
    if (getter) {
      newDesc.get = proxy;
      newDesc.set = desc.set;
    } else if (setter) {
      newDesc.set = proxy;
      newDesc.get = desc.get;
    } else {
      newDesc.value = proxy;
      newDesc.writable = desc.writable ?? true;
    }
    Object.defineProperty(object, methodName, newDesc);
    this.#mocks.push(ctx);
    return proxy;
  }

  getter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }

  setter(object, methodName, implementation, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = undefined;
    }
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }

  property(object, propertyName, value) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'object', object);
    }
    if (typeof propertyName !== 'string' && typeof propertyName !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('propertyName', ['string', 'symbol'], propertyName);
    }
    if (Object.getOwnPropertyDescriptor(object, propertyName) === undefined) {
      throw new ERR_INVALID_ARG_VALUE('propertyName', propertyName, 'is not a property of the object');
    }
    if (arguments.length < 3) value = object[propertyName];
    const ctx = new MockPropertyContext(object, propertyName, value);
    this.#mocks.push(ctx);
    return new Proxy(object, {
      get(target, prop, receiver) {
        if (prop === 'mock') return ctx;
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  get timers() {
    this.#timers ??= new (require('internal/test_runner/mock_timers').MockTimers)();
    return this.#timers;
  }

  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  restoreAll() {
    for (const ctx of this.#mocks) ctx.restore();
  }
}

module.exports = { MockTracker, MockFunctionContext, MockPropertyContext };
