'use strict';
// Once the last ref'd timer has fired, a far unref'd timer must not delay
// the exit.
const start = Date.now();
setTimeout(() => console.log('ref timer'), 10);
setTimeout(() => console.log('unref timer (never)'), 10000).unref();
process.on('exit', () => console.log('exited promptly:', Date.now() - start < 5000));
