'use strict';
// Options before the script go to process.execArgv, not process.argv;
// `--` ends options.
console.log(JSON.stringify(process.execArgv));
console.log(JSON.stringify(process.argv.slice(2)));
