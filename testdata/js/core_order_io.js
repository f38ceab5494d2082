'use strict';
// Inside an I/O callback, setImmediate always runs before setTimeout(0).
const fs = require('fs');
fs.readFile(__filename, 'utf8', (err, data) => {
  if (err) throw err;
  console.log('read', data.length > 0);
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('promise'));
});
