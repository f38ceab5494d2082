'use strict';
// An error thrown in a nextTick callback: other ticks already queued do
// not run, the error is fatal.
process.nextTick(() => {
  console.log('tick 1');
  throw new RangeError('tick failed');
});
process.nextTick(() => console.log('tick 2 (never)'));
process.on('exit', (code) => console.log('exit', code));
