'use strict';
// refresh() restarts a timer's countdown with the same callback.
const start = Date.now();
let fired = 0;
const t = setTimeout(() => {
  fired++;
  const waited = Date.now() - start;
  console.log('fired', fired, waited >= 55 ? 'after refresh' : `too early ${waited}`);
}, 40);
setTimeout(() => t.refresh(), 20);
