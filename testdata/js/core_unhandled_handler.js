'use strict';
// An 'unhandledRejection' listener receives reason and promise; no crash.
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled:', reason.message, promise instanceof Promise);
});
process.on('exit', (code) => console.log('exit', code));
const p = Promise.reject(new Error('late'));
async function f() { throw new Error('from async'); }
f();
setTimeout(() => console.log('timer runs'), 1);
void p;
