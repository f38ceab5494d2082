'use strict';
// An uncaught exception: 'exit' listeners see code 1 even if exitCode was
// set before; a listener may still change the final code.
process.exitCode = 9;
process.on('exit', (code) => {
  console.log('exit listener', code, process.exitCode);
  process.exitCode = 4;
});
throw new Error('with exitCode set');
