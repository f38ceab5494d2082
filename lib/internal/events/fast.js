'use strict';
// Fast paths for lib's own hot emits (a stream's 'data', 'drain', ...).
// On this engine EventEmitter.prototype.emit pays for its arguments
// object and for looking the event up by a computed key; a caller that
// knows the event's name and arity can do better: it reads the listener
// as a plain property (events.data) and calls it directly, provided the
// emitter still uses EventEmitter's own emit (a subclass or a test that
// replaces emit sees every event through its emit).
//
// lib/events.js fills these in when it loads:
//   protoEmit       EventEmitter.prototype.emit as events.js defined it
//   listenerResult  (ee, result, type, args): what emit does with a
//                   listener's non-nullish return value (captureRejections)

module.exports = {
  protoEmit: undefined,
  listenerResult: undefined,
};
