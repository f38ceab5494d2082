'use strict';
// Throwing a non-error value: node prints it bare, with a hint; exit 1.
process.on('exit', (code) => console.log('exit', code));
throw 'a plain string';
