'use strict';
// A rejection with a non-error reaches 'uncaughtException' wrapped as
// UnhandledPromiseRejection (code ERR_UNHANDLED_REJECTION).
process.on('uncaughtException', (e, origin) => {
  console.log(e instanceof Error, e.name, e.code, origin);
  console.log(e.message);
});
Promise.reject(5);
const withStack = { stack: 'fake stack', message: 'error-like' };
Promise.reject(withStack);
process.on('uncaughtException', (e) => {
  if (e === withStack) console.log('error-like reason passed as is');
});
