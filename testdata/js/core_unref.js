'use strict';
// Unref'd timers, intervals and immediates do not keep the process alive.
setTimeout(() => console.log('unref timer ran (wrong)'), 200).unref();
setInterval(() => console.log('unref interval ran (wrong)'), 100).unref();
process.on('exit', (code) => console.log('exit', code));
console.log('main done');
