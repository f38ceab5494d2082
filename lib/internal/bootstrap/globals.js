'use strict';
// Installs Node's globals. Heavy ones load lazily on first access.

function defineLazy(target, name, load, enumerable = false) {
  let value;
  let loaded = false;
  Object.defineProperty(target, name, {
    enumerable,
    configurable: true,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(v) {
      value = v;
      loaded = true;
    },
  });
}

function defineValue(target, name, value, enumerable = false) {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable });
}

// Array.fromAsync(items, mapfn, thisArg): an array (or instance of this)
// from an async iterable, an iterable of promises, or an array-like.
async function arrayFromAsync(items, mapfn = undefined, thisArg = undefined) {
  if (mapfn !== undefined && typeof mapfn !== 'function') {
    throw new TypeError(`${String(mapfn)} is not a function`);
  }
  const C = typeof this === 'function' ? this : Array;
  const out = C === Array ? [] : new C();
  let k = 0;
  const add = async (v) => {
    const value = mapfn === undefined ? v : await mapfn.call(thisArg, v, k);
    Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
    k++;
  };
  if (items == null) throw new TypeError(`${items} is not iterable`);
  if (items[Symbol.asyncIterator] != null) {
    for await (const v of items) await add(v);
  } else if (items[Symbol.iterator] != null) {
    for (const v of items) await add(await v);
  } else {
    const len = Math.min(Math.max(Math.trunc(Number(items.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < len; i++) await add(await items[i]);
  }
  out.length = k;
  return out;
}
Object.defineProperty(arrayFromAsync, 'name', { value: 'fromAsync' });
Object.defineProperty(arrayFromAsync, 'length', { value: 1 });

// The engine's Date strings end at the offset ("GMT+0200"); node's name
// the zone after it, as ICU does ("(Central European Summer Time)").
function addZoneNames(DateProto) {
  const { toString: dateToString, toTimeString: dateToTimeString, getTime } = DateProto;
  const { tzName } = internalBinding('process_methods');
  const withZone = (s, d) => (s === 'Invalid Date' ? s : `${s} (${tzName(getTime.call(d))})`);
  const methods = {
    toString() { return withZone(dateToString.call(this), this); },
    toTimeString() { return withZone(dateToTimeString.call(this), this); },
  };
  for (const name of ['toString', 'toTimeString']) {
    Object.defineProperty(DateProto, name, { value: methods[name], writable: true, configurable: true, enumerable: false });
  }
}

function setup(global, taskQueues) {
  addZoneNames(Date.prototype);
  require('internal/weakref').install();
  defineValue(global, 'global', global);
  defineValue(global, 'process', process);
  const timers = require('timers');
  for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
    defineValue(global, name, timers[name], true);
  }
  defineValue(global, 'queueMicrotask', taskQueues.queueMicrotask, true);
  defineLazy(global, 'console', () => require('console'));
  defineLazy(global, 'structuredClone', () => require('internal/structured_clone').structuredClone, true);
  defineLazy(global, 'Buffer', () => require('buffer').Buffer);
  // QuickJS has no Intl: a minimal en-US one (lib/internal/intl.js).
  if (global.Intl === undefined) {
    defineLazy(global, 'Intl', () => require('internal/intl').Intl);
    require('internal/intl_locale').install();
  }
  // Plain value properties, as in node (programs inspect their
  // descriptors); loading internal/url for them costs about half a
  // millisecond of start-up.
  defineValue(global, 'URL', require('internal/url').URL);
  defineValue(global, 'URLSearchParams', require('internal/url').URLSearchParams);
  defineLazy(global, 'TextEncoder', () => require('internal/encoding').TextEncoder);
  defineLazy(global, 'TextDecoder', () => require('internal/encoding').TextDecoder);
  defineLazy(global, 'AbortController', () => require('internal/abort_controller').AbortController);
  defineLazy(global, 'AbortSignal', () => require('internal/abort_controller').AbortSignal);
  defineLazy(global, 'EventTarget', () => require('internal/event_target').EventTarget);
  defineLazy(global, 'Event', () => require('internal/event_target').Event);
  defineLazy(global, 'CustomEvent', () => require('internal/event_target').CustomEvent);
  defineLazy(global, 'DOMException', () => require('internal/per_context/domexception').DOMException);
  defineLazy(global, 'performance', () => require('perf_hooks').performance, true);
  defineLazy(global, 'atob', () => require('buffer').atob, true);
  defineLazy(global, 'btoa', () => require('buffer').btoa, true);
  defineLazy(global, 'navigator', () => require('internal/navigator').navigator, true);
  defineLazy(global, 'crypto', () => require('internal/crypto/webcrypto').crypto, true);
  for (const name of ['Crypto', 'CryptoKey', 'SubtleCrypto']) {
    defineLazy(global, name, () => require('internal/crypto/webcrypto')[name]);
  }
  defineLazy(global, 'MessageChannel', () => require('internal/worker/io').MessageChannel);
  defineLazy(global, 'MessagePort', () => require('internal/worker/io').MessagePort);
  defineLazy(global, 'MessageEvent', () => require('internal/worker/io').MessageEvent);
  defineLazy(global, 'BroadcastChannel', () => require('internal/worker/io').BroadcastChannel);
  defineLazy(global, 'Blob', () => require('buffer').Blob);
  defineLazy(global, 'File', () => require('buffer').File);
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
    'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
    'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream',
    'DecompressionStream']) {
    defineLazy(global, name, () => require('stream/web')[name]);
  }
  for (const name of ['Headers', 'Request', 'Response']) {
    defineLazy(global, name, () => require('internal/webfetch')[name]);
  }
  defineValue(global, 'fetch', function fetch(input, init = undefined) {
    return require('internal/fetch').fetch(input, init);
  }, true);
  defineLazy(global, 'FormData', () => require('internal/formdata').FormData);
  defineLazy(global, 'WebSocket', () => require('internal/websocket').WebSocket);
  defineLazy(global, 'WebAssembly', () => require('internal/wasm').WebAssembly);
  defineLazy(global, 'CloseEvent', () => require('internal/websocket').CloseEvent);

  if (require('internal/options').getOptionValue('--experimental-eventsource')) {
    defineLazy(global, 'EventSource', () => require('internal/event_source').EventSource);
  }

  // QuickJS lacks Array.fromAsync (ES2026); node has it.
  if (typeof Array.fromAsync !== 'function') defineValue(Array, 'fromAsync', arrayFromAsync);

  // --expose-gc: gc() runs the engine's cycle collector.
  if (require('internal/options').getOptionValue('--expose-gc')) {
    const binding = internalBinding('process_methods');
    defineValue(global, 'gc', function gc() { binding.gc(); }, true);
  }

  // --expose-externalize-string (a V8 testing flag) adds four globals.
  // QuickJS has no external strings: making and externalizing one return
  // the string as it is; a string is one-byte when every code unit is
  // below 256 (QuickJS stores those strings in 8 bits, as V8 does).
  if (require('internal/options').getOptionValue('--expose-externalize-string')) {
    const checkString = (s, name) => {
      if (typeof s !== 'string') throw new Error(`First parameter to ${name}() must be a string.`);
      return s;
    };
    defineValue(global, 'createExternalizableString', function createExternalizableString(s) {
      return checkString(s, 'createExternalizableString');
    }, true);
    defineValue(global, 'createExternalizableTwoByteString', function createExternalizableTwoByteString(s) {
      return checkString(s, 'createExternalizableString');
    }, true);
    defineValue(global, 'externalizeString', function externalizeString(s) {
      checkString(s, 'externalizeString');
    }, true);
    defineValue(global, 'isOneByteString', function isOneByteString(s) {
      if (typeof s !== 'string') throw new Error('isOneByteString() requires a single string argument.');
      return !/[^\x00-\xff]/.test(s);
    }, true);
  }

  // QuickJS lacks V8's Error.captureStackTrace/stackTraceLimit that many
  // packages call; provide them over the engine's own stack strings.
  require('internal/errors_v8').install();
}

module.exports = { setup, defineLazy };
