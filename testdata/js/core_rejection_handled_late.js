'use strict';
// A rejection handled within the same turn (before the microtask queue
// drains) is not unhandled.
const p = Promise.reject(new Error('handled soon'));
Promise.resolve().then(() => {
  p.catch((e) => console.log('caught', e.message));
});
const q = Promise.reject(new Error('handled in tick'));
process.nextTick(() => q.catch((e) => console.log('caught', e.message)));
process.on('exit', (code) => console.log('exit', code));
