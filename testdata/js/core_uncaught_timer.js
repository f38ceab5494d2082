'use strict';
// An exception thrown in a timer callback is fatal too.
setTimeout(() => {
  console.log('in timer');
  null.foo;
}, 1);
setTimeout(() => console.log('second timer (never)'), 50);
