'use strict';
// With an 'uncaughtException' listener, the remaining ticks still run.
process.on('uncaughtException', (err) => console.log('caught', err.message));
process.nextTick(() => {
  console.log('tick 1');
  throw new Error('tick failed');
});
process.nextTick(() => console.log('tick 2'));
Promise.resolve().then(() => console.log('promise'));
