'use strict';
// An 'uncaughtException' listener catches the error; the program goes on.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
});
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => {
  console.log('timer runs after the throw');
  throw new Error('from timer');
}, 1);
setTimeout(() => console.log('later timer still runs'), 20);
throw new Error('from main');
