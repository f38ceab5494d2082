'use strict';
// process.exit() inside an 'exit' listener ends at once with the new code;
// later listeners do not run.
process.on('exit', (code) => {
  console.log('first listener', code);
  process.exit(3);
});
process.on('exit', () => console.log('second listener (never)'));
console.log('main');
