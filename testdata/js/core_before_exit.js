'use strict';
// 'beforeExit' fires when the loop empties; scheduling work keeps going.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds < 2) {
    rounds++;
    setTimeout(() => console.log('timer from beforeExit', rounds), 1);
  }
});
process.on('exit', (code) => {
  console.log('exit', code);
  setTimeout(() => console.log('timer in exit (never)'), 0);
  process.nextTick(() => console.log('tick in exit (never)'));
});
console.log('main');
