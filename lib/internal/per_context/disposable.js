'use strict';
// Explicit resource management (ES2026) as the engine lacks it: the
// well-known symbols Symbol.dispose and Symbol.asyncDispose, SuppressedError,
// DisposableStack and AsyncDisposableStack. `using` declarations themselves
// are rewritten by the module loader (internal/module LowerForEngine) into code
// that uses these.

const dispose = Symbol('Symbol.dispose');
const asyncDispose = Symbol('Symbol.asyncDispose');

class SuppressedError extends Error {
  constructor(error, suppressed, message = undefined) {
    super(message);
    Object.defineProperty(this, 'error', { value: error, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(this, 'suppressed', { value: suppressed, writable: true, configurable: true, enumerable: false });
  }
}
Object.defineProperty(SuppressedError.prototype, 'name', {
  value: 'SuppressedError', writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(SuppressedError.prototype, 'message', {
  value: '', writable: true, configurable: true, enumerable: false,
});

function disposedError(what) {
  return new ReferenceError(`${what} already disposed`);
}

// Runs the callbacks of a stack in reverse order; an error thrown by one
// is kept and the later ones suppress it, as the proposal specifies.
function runAll(resources, awaiting) {
  let failed = false;
  let error;
  const record = (e) => {
    error = failed ? new SuppressedError(e, error, 'An error was suppressed during disposal') : e;
    failed = true;
  };
  if (!awaiting) {
    for (let i = resources.length - 1; i >= 0; i--) {
      try {
        resources[i]();
      } catch (e) {
        record(e);
      }
    }
    if (failed) throw error;
    return undefined;
  }
  return (async () => {
    for (let i = resources.length - 1; i >= 0; i--) {
      try {
        await resources[i]();
      } catch (e) {
        record(e);
      }
    }
    if (failed) throw error;
  })();
}

function makeStack(name, awaiting) {
  const symbol = awaiting ? asyncDispose : dispose;
  return class {
    #resources = [];
    #disposed = false;

    get disposed() { return this.#disposed; }

    use(value) {
      if (this.#disposed) throw disposedError(name);
      if (value === null || value === undefined) return value;
      if (typeof value !== 'object' && typeof value !== 'function') {
        throw new TypeError(`${name}.use: the value is not an object`);
      }
      let method = value[symbol];
      if (method === undefined && awaiting) method = value[dispose];
      if (typeof method !== 'function') throw new TypeError(`${name}.use: the value is not disposable`);
      this.#resources.push(() => Reflect.apply(method, value, []));
      return value;
    }

    adopt(value, onDispose) {
      if (this.#disposed) throw disposedError(name);
      if (typeof onDispose !== 'function') throw new TypeError(`${name}.adopt: onDispose is not a function`);
      this.#resources.push(() => onDispose(value));
      return value;
    }

    defer(onDispose) {
      if (this.#disposed) throw disposedError(name);
      if (typeof onDispose !== 'function') throw new TypeError(`${name}.defer: onDispose is not a function`);
      this.#resources.push(() => onDispose());
    }

    move() {
      if (this.#disposed) throw disposedError(name);
      const next = new this.constructor();
      next.#resources = this.#resources;
      this.#resources = [];
      this.#disposed = true;
      return next;
    }

    [awaiting ? 'disposeAsync' : 'dispose']() {
      if (this.#disposed) return awaiting ? Promise.resolve() : undefined;
      this.#disposed = true;
      const resources = this.#resources;
      this.#resources = [];
      return runAll(resources, awaiting);
    }
  };
}

const DisposableStack = makeStack('DisposableStack', false);
const AsyncDisposableStack = makeStack('AsyncDisposableStack', true);
for (const [Class, method, sym, tag] of [
  [DisposableStack, 'dispose', dispose, 'DisposableStack'],
  [AsyncDisposableStack, 'disposeAsync', asyncDispose, 'AsyncDisposableStack'],
]) {
  Object.defineProperty(Class, 'name', { value: tag });
  Object.defineProperty(Class.prototype, sym, {
    value: Class.prototype[method], writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

// install puts them on a global object (once per realm).
function install(global) {
  if (typeof global.Symbol.dispose !== 'symbol') {
    Object.defineProperty(global.Symbol, 'dispose', { value: dispose });
    Object.defineProperty(global.Symbol, 'asyncDispose', { value: asyncDispose });
  }
  for (const [name, value] of [['SuppressedError', SuppressedError], ['DisposableStack', DisposableStack],
    ['AsyncDisposableStack', AsyncDisposableStack]]) {
    if (global[name] === undefined) {
      Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    }
  }
}

module.exports = { install };
