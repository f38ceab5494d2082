'use strict';
// process.exit() does not emit 'beforeExit'; 'exit' gets the code.
process.on('beforeExit', () => console.log('beforeExit (never)'));
process.on('exit', (code) => console.log('exit', code));
console.log('main');
process.exit(7);
