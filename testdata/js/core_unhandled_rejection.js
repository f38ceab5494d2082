'use strict';
// An unhandled rejection is fatal by default (exit 1), after the
// microtasks of the same turn have run.
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('nobody catches me'));
Promise.resolve().then(() => console.log('microtask still runs'));
setTimeout(() => console.log('timer (never)'), 0);
