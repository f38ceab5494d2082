'use strict';
// An 'uncaughtException' listener that throws: exit code 7.
process.on('uncaughtException', () => {
  throw new Error('handler failed');
});
setTimeout(() => { throw new Error('first'); }, 1);
