'use strict';
// process.argv: [execPath, absolute script path, ...args]; argv0, execArgv.
const path = require('path');
console.log(process.argv.length);
console.log(path.isAbsolute(process.argv[0]), process.argv[0] === process.execPath);
console.log(process.argv[1] === __filename, path.basename(process.argv[1]));
console.log(JSON.stringify(process.argv.slice(2)));
console.log(typeof process.argv0, process.argv0.length > 0);
console.log(JSON.stringify(process.execArgv));
