'use strict';
// Timers fire by deadline, ties in insertion order; ticks and promises
// drain between timers.
setTimeout(() => console.log('t30'), 30);
setTimeout(() => {
  console.log('t10 a');
  process.nextTick(() => console.log('tick after t10 a'));
  Promise.resolve().then(() => console.log('promise after t10 a'));
}, 10);
setTimeout(() => console.log('t10 b'), 10);
setTimeout(() => console.log('t20'), 20);
setTimeout(() => console.log('t1 (0)'), 0);
setTimeout(() => console.log('t1 (1)'), 1);
setTimeout(() => console.log('t1 (-5 is 1)'), -5);
