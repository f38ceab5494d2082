'use strict';
// node:diagnostics_channel: named pub/sub channels, stores bound to
// channels (AsyncLocalStorage), and tracing channels.
//
// Channels are looked up by name through weak references, so an unused
// channel can be collected; a channel with subscribers or bound stores is
// held strongly until it has none.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

const channels = new Map();  // name -> WeakRef<Channel>
const active = new Set();    // channels with subscribers or stores
const state = require('internal/diagnostics_channel_state');

function reportError(err) {
  process.nextTick(() => { throw err; });
}

function defaultTransform(data) { return data; }

class Channel {
  #subscribers = [];
  #stores = new Map();

  constructor(name) {
    this.name = name;
  }

  static [Symbol.hasInstance](instance) {
    return instance !== null && typeof instance === 'object' && #subscribers in instance;
  }

  #updateActive() {
    if (this.#subscribers.length > 0 || this.#stores.size > 0) active.add(this);
    else active.delete(this);
    state.active = active.size;
  }

  get hasSubscribers() {
    return this.#subscribers.length > 0 || this.#stores.size > 0;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps the list it started with.
    this.#subscribers = [...this.#subscribers, subscription];
    this.#updateActive();
  }

  unsubscribe(subscription) {
    const i = this.#subscribers.indexOf(subscription);
    if (i === -1) return false;
    const next = this.#subscribers.slice();
    next.splice(i, 1);
    this.#subscribers = next;
    this.#updateActive();
    return true;
  }

  bindStore(store, transform) {
    if (transform !== undefined) validateFunction(transform, 'transform');
    this.#stores.set(store, transform ?? defaultTransform);
    this.#updateActive();
  }

  unbindStore(store) {
    if (!this.#stores.has(store)) return false;
    this.#stores.delete(store);
    this.#updateActive();
    return true;
  }

  publish(data) {
    const subscribers = this.#subscribers;
    for (let i = 0; i < subscribers.length; i++) {
      try {
        subscribers[i](data, this.name);
      } catch (err) {
        reportError(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this.#stores) {
      const next = run;
      run = () => {
        let value;
        try {
          value = transform(data);
        } catch (err) {
          reportError(err);
          return next();
        }
        return store.run(value, next);
      };
    }
    return run();
  }
}

function channel(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  const ref = channels.get(name);
  let ch = ref?.deref();
  if (ch !== undefined) return ch;
  ch = new Channel(name);
  channels.set(name, new WeakRef(ch));
  return ch;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

function hasSubscribers(name) {
  const ch = channels.get(name)?.deref();
  return ch !== undefined && ch.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  #channels = {};

  get start() { return this.#channels.start; }
  get end() { return this.#channels.end; }
  get asyncStart() { return this.#channels.asyncStart; }
  get asyncEnd() { return this.#channels.asyncEnd; }
  get error() { return this.#channels.error; }

  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const ev of traceEvents) this.#channels[ev] = channel(`tracing:${nameOrChannels}:${ev}`);
    } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
      for (const ev of traceEvents) {
        const ch = nameOrChannels[ev];
        if (ch !== undefined && !(ch instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${ev}`, 'Channel', ch);
        }
      }
      for (const ev of traceEvents) {
        if (nameOrChannels[ev] === undefined) throw new TypeError('Cannot convert undefined or null to object');
        this.#channels[ev] = nameOrChannels[ev];
      }
    } else {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'TracingChannel', 'Object'], nameOrChannels);
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers || this.asyncStart.hasSubscribers ||
      this.asyncEnd.hasSubscribers || this.error.hasSubscribers;
  }

  subscribe(handlers) {
    for (const ev of traceEvents) {
      if (handlers[ev]) this[ev].subscribe(handlers[ev]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const ev of traceEvents) {
      if (handlers[ev] && !this[ev].unsubscribe(handlers[ev])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    function reject(err) {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    }
    function resolve(result) {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    }
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolve, reject);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const index = position < 0 ? args.length + position : position;
    const callback = args[index];
    validateFunction(callback, 'callback');
    function wrappedCallback(err, res) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = res;
      }
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args[index] = wrappedCallback;
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
