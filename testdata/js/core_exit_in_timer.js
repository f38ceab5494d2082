'use strict';
// process.exit(n) inside a timer stops immediately: nothing after it runs.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  console.log('before exit');
  process.nextTick(() => console.log('tick (never)'));
  Promise.resolve().then(() => console.log('promise (never)'));
  setImmediate(() => console.log('immediate (never)'));
  process.exit(5);
  console.log('after exit (never)');
}, 5);
setTimeout(() => console.log('later timer (never)'), 10);
