'use strict';
// An exception in an 'exit' listener is reported and the code becomes 1... or
// 7 when raised while handling another fatal exception.
process.on('exit', () => {
  console.log('exit listener');
  throw new Error('from exit listener');
});
console.log('main');
