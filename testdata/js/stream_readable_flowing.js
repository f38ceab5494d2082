'use strict';
// Readable in flowing mode: 'data', pause/resume and their events,
// readableFlowing, isPaused, mixing 'readable' and 'data', async iteration.
const { Readable } = require('stream');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

let afterA;
function counter(name, n, opts) {
  let i = 0;
  return new Readable({
    ...opts,
    read() {
      i++;
      if (i > n) this.push(null);
      else this.push(`${name}${i}`);
    },
  });
}

{
  const r = counter('a', 3);
  r.on('pause', () => log('a pause event'));
  r.on('resume', () => log('a resume event'));
  log('a flowing', r.readableFlowing, r.isPaused());
  r.on('data', (d) => {
    log('a data', d.toString(), r.readableFlowing);
    if (d.toString() === 'a1') {
      r.pause();
      log('a paused', r.isPaused(), r.readableFlowing);
      setTimeout(() => r.resume(), 5);
    }
  });
  log('a flowing after on(data)', r.readableFlowing);
  r.on('end', () => log('a end'));
  r.on('close', () => {
    log('a close');
    afterA();
  });
}

{
  const r = counter('b', 2);
  r.pause();
  r.on('data', (d) => log('b data', d.toString()));
  log('b stays paused', r.readableFlowing);
  afterA = () => {
    log('b resume now');
    r.resume();
  };
  r.on('end', () => {
    log('b end');
    asyncPart();
  });
}

{
  const r = counter('c', 2);
  r.on('readable', () => {
    log('c readable', r.readableFlowing);
    let x;
    while ((x = r.read()) !== null) log('c read', x.toString());
  });
  r.on('data', (d) => log('c data', d.toString()));
  r.on('end', () => log('c end'));
}

{
  const r = counter('d', 0);
  r.resume();
  r.on('end', () => log('d end (resume with no data listener)'));
}

// Runs once the timer-driven parts above are over.
async function asyncPart() {
  const r = counter('e', 3);
  const seen = [];
  for await (const chunk of r) seen.push(chunk.toString());
  log('e iterated', seen, r.destroyed, r.readableEnded);

  const r2 = counter('f', 10, { highWaterMark: 1 });
  r2.on('close', () => log('f close on break'));
  for await (const chunk of r2) {
    log('f', chunk.toString());
    if (chunk.toString() === 'f2') break;
  }
  // (checked a turn later: gonode's engine does not await return() on break)
  await new Promise((resolve) => setImmediate(resolve));
  log('f destroyed', r2.destroyed);

  const r3 = new Readable({ read() { this.destroy(new Error('boom')); } });
  try {
    for await (const x of r3) log('never', x);
  } catch (e) {
    log('g caught', e.message);
  }

  const r4 = counter('h', 3, { objectMode: true });
  const it = r4.iterator({ destroyOnReturn: false });
  for await (const x of it) {
    log('h', x);
    break;
  }
  log('h destroyed', r4.destroyed, 'then read', r4.read());
}
