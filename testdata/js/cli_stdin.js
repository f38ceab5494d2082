'use strict';
// Case: gonode - arg < cli_stdin.js: the script is read from stdin.
console.log('from stdin', process.argv.slice(2).join(','), typeof require);
setTimeout(() => console.log('timer from stdin script'), 1);
