'use strict';
// Its test passes, but the file exits with code 3: a failure of its own.
require('node:test')('exit test', () => {});
process.on('exit', () => { process.exitCode = 3; });
