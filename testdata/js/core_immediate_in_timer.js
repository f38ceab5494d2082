'use strict';
// From inside a timer, setImmediate runs before a new setTimeout(0);
// a timer scheduled from an immediate runs after the earlier one.
setTimeout(() => {
  console.log('timer 1');
  setTimeout(() => console.log('timer 2'), 0);
  setImmediate(() => {
    console.log('immediate 1');
    setTimeout(() => console.log('timer 3'), 0);
  });
}, 1);
