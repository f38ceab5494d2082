'use strict';
// Timers fire by deadline (not creation order), ties in creation order;
// ticks and promises drain between timers. Delays of 0, 1 and negative
// numbers are all 1ms (a negative one with a TimeoutNegativeWarning).
setTimeout(() => console.log('t90'), 90);
setTimeout(() => {
  console.log('t30 a');
  process.nextTick(() => console.log('tick after t30 a'));
  Promise.resolve().then(() => console.log('promise after t30 a'));
}, 30);
setTimeout(() => console.log('t30 b'), 30);
setTimeout(() => console.log('t60'), 60);
setTimeout(() => console.log('t1 (0)'), 0);
setTimeout(() => console.log('t1 (1)'), 1);
setTimeout(() => console.log('t1 (-5 is 1)'), -5);
