'use strict';
// The current async context frame, as in node 24 (AsyncContextFrame): a
// Map from AsyncLocalStorage to its store. A frame is never changed, only
// replaced; what runs later (a timer, an immediate, a tick, a promise
// reaction) runs in the frame that was current when it was scheduled.
//
// Element 0 of `slot` is the current frame. Promise reactions are followed
// by the engine side (qjs.AsyncContext, through internalBinding
// ('task_queue')), which reads and writes the slot around each promise
// job; it is switched on the first time a store is entered, and from then
// on `Promise.prototype.constructor` is an accessor that tells it about
// each `await` and `then` (see internal/qjs/asyncctx.go).

const binding = internalBinding('task_queue');

const root = new Map();
const slot = [root];
let enabled = false;

function enable() {
  if (enabled) return;
  enabled = true;
  binding.enableAsyncContext(slot);
  const proto = Promise.prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
  if (desc === undefined || desc.value !== Promise) return;
  const PromiseCtor = Promise;
  const note = binding.notePromise;
  Object.defineProperty(proto, 'constructor', {
    __proto__: null,
    get() {
      note(this);
      return PromiseCtor;
    },
    set(value) {
      // Assigning p.constructor makes an own property, as it would over
      // the data property this replaces.
      Object.defineProperty(this, 'constructor', {
        __proto__: null, value, writable: true, enumerable: true, configurable: true,
      });
    },
    enumerable: false,
    configurable: true,
  });
}

// Makes frame current (returning the one it replaces).
function enter(frame) {
  const prev = slot[0];
  if (enabled) binding.markAsyncContext();
  slot[0] = frame;
  return prev;
}

// Puts back the frame enter replaced.
function leave(prev) {
  if (enabled) binding.markAsyncContext();
  slot[0] = prev;
}

// Runs fn in frame.
function run(frame, fn, thisArg, args) {
  const prev = enter(frame);
  try {
    // (A plain call when there is no `this`: a native Reflect.apply frame
    // costs engine stack, and stores are entered recursively.)
    if (thisArg === undefined) return args.length === 0 ? fn() : fn(...args);
    return Reflect.apply(fn, thisArg, args);
  } finally {
    leave(prev);
  }
}

// The frame to keep for something scheduled now, or undefined when that
// is the empty root frame (the usual case, which costs nothing later).
function capture() {
  const f = slot[0];
  return f === root ? undefined : f;
}

// fn bound to the current frame, or fn itself in the root frame.
function bindCurrent(fn) {
  const f = slot[0];
  if (f === root) return fn;
  return function(...args) { return run(f, fn, this, args); };
}

module.exports = { root, slot, enable, enter, leave, run, capture, bindCurrent };
