'use strict';
// Main module: nextTick runs before promise jobs; both before timers and immediates.
const log = [];
setTimeout(() => { log.push('timeout'); }, 0);
Promise.resolve().then(() => log.push('promise1'));
process.nextTick(() => log.push('tick1'));
queueMicrotask(() => log.push('microtask'));
Promise.resolve().then(() => log.push('promise2'));
process.nextTick(() => log.push('tick2'));
log.push('sync');
setTimeout(() => {
  console.log(log.join(' '));
}, 20);
