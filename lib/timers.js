'use strict';

const {
  Timeout, Immediate, clearTimeout: clearTimeoutImpl, clearImmediate: clearImmediateImpl,
  unenroll,
} = require('internal/timers');
const { validateFunction } = require('internal/validators');

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, after, args.length ? args : undefined, false, true);
}

function clearTimeout(timer) { clearTimeoutImpl(timer); }

function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, repeat, args.length ? args : undefined, true, true);
}

function clearInterval(timer) { clearTimeoutImpl(timer); }

function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args.length ? args : undefined);
}

function clearImmediate(immediate) { clearImmediateImpl(immediate); }

let promises;

// util.promisify(setTimeout) and util.promisify(setImmediate) give the
// timers/promises versions.
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: true,
    configurable: true,
    get() {
      promises ??= require('timers/promises');
      return promises[name];
    },
  });
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive(item) { item?.refresh?.(); },
  active(item) { item?.refresh?.(); },
  unenroll(item) { unenroll(item); },
  get promises() {
    promises ??= require('timers/promises');
    return promises;
  },
};
