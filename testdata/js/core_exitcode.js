'use strict';
// process.exitCode sets the code used when the loop empties.
process.on('exit', (code) => console.log('exit event', code, process.exitCode));
process.exitCode = 3;
setTimeout(() => {
  console.log('timer still runs');
  process.exitCode = 42;
}, 5);
