'use strict';
// process.exit() without an argument uses process.exitCode; a code given
// to exit() wins and is visible as process.exitCode in 'exit'.
process.exitCode = 4;
process.on('exit', (code) => console.log('exit', code, process.exitCode));
setTimeout(() => process.exit(), 1);
