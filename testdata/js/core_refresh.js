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

// A one-shot timer that already fired is armed again by refresh(); a
// cleared one is not.
let n = 0;
const again = setTimeout(() => {
  n++;
  console.log('again', n);
  if (n < 3) again.refresh();
}, 5);
const cleared = setTimeout(() => console.log('cleared (never)'), 5);
clearTimeout(cleared);
cleared.refresh();
