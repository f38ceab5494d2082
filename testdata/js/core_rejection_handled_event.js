'use strict';
// A rejection that was reported and handled later emits 'rejectionHandled'.
process.on('unhandledRejection', (r) => console.log('unhandledRejection', r.message));
process.on('rejectionHandled', (p) => console.log('rejectionHandled', p instanceof Promise));
const p = Promise.reject(new Error('x'));
setTimeout(() => {
  p.catch(() => console.log('caught late'));
}, 5);
