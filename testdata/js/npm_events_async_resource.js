'use strict';
// xml2js copies EventEmitter's enumerable statics (for...in), which reads
// EventEmitterAsyncResource; some packages extend it.
const events = require('events');
const copied = {};
for (const key in events) copied[key] = events[key];
console.log(Object.keys(copied).includes('EventEmitterAsyncResource'));

const { EventEmitterAsyncResource, EventEmitter } = events;
const { executionAsyncId } = require('async_hooks');
class Feed extends EventEmitterAsyncResource {}
const f = new Feed();
console.log(f instanceof EventEmitter, typeof f.asyncId, typeof f.triggerAsyncId);
console.log(f.asyncResource.constructor.name, f.asyncResource.eventEmitter === f);
let inside;
f.on('tick', (v) => { inside = executionAsyncId(); console.log('tick', v); });
console.log(f.emit('tick', 1), f.emit('none'));
console.log(inside === f.asyncId);
const named = new EventEmitterAsyncResource({ name: 'Named' });
console.log(named.asyncResource.type === undefined);
try {
  new EventEmitterAsyncResource({ name: 1 });
} catch (e) {
  console.log(e.code, e.message);
}
