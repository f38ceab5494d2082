'use strict';
// An uncaught exception prints the throw site, the stack and exits 1;
// 'exit' listeners still run with code 1.
process.on('exit', (code) => console.log('exit', code));
console.log('before');
function fail() {
  throw new TypeError('boom here');
}
setTimeout(() => console.log('timer (never)'), 0);
fail();
