'use strict';
// refresh() restarts a timer's countdown with the same callback; a one-shot
// timer that already fired is armed again by refresh(); a cleared one is
// not. (Results are printed at exit so that load cannot reorder them.)
const start = Date.now();
const log = { restart: [], again: [] };
let fired = 0;
const t = setTimeout(() => {
  fired++;
  const waited = Date.now() - start;
  log.restart.push(`fired ${fired} ${waited >= 55 ? 'after refresh' : `too early ${waited}`}`);
}, 40);
setTimeout(() => t.refresh(), 20);

let n = 0;
const again = setTimeout(() => {
  n++;
  log.again.push(`again ${n}`);
  if (n < 3) again.refresh();
}, 1);
const cleared = setTimeout(() => log.again.push('cleared (never)'), 5);
clearTimeout(cleared);
cleared.refresh();

process.on('exit', () => {
  console.log(log.restart.join('\n'));
  console.log(log.again.join('\n'));
});
