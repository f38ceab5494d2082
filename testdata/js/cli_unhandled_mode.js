'use strict';
// --unhandled-rejections=warn: a warning on stderr instead of a crash.
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('only a warning'));
setTimeout(() => console.log('still running'), 1);
