'use strict';
// Case: gonode --no-warnings -- cli_double_dash.js --no-warnings -e x:
// after the script everything is an argument, and `--` ends options.
console.log(JSON.stringify(process.argv.slice(2)));
console.log(JSON.stringify(process.execArgv));
