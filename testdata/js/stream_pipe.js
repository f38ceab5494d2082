'use strict';
// pipe()/unpipe(): backpressure through 'drain', 'pipe'/'unpipe' events,
// several destinations, { end: false }, and errors on the destination.
const { Readable, Writable, PassThrough } = require('stream');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

function source(name, n, opts) {
  let i = 0;
  return new Readable({
    ...opts,
    read() {
      i++;
      if (i > n) this.push(null);
      else this.push(`${name}${i};`);
    },
  });
}

function sink(name, opts, delay) {
  const got = [];
  const w = new Writable({
    ...opts,
    write(chunk, enc, cb) {
      got.push(chunk.toString());
      if (delay) setImmediate(cb);
      else cb();
    },
  });
  w.got = got;
  w.on('finish', () => log(name, 'finish', got.join('')));
  return w;
}

{
  const r = source('a', 5, { highWaterMark: 4 });
  const w = sink('A', { highWaterMark: 3 }, true);
  let drains = 0;
  w.on('drain', () => drains++);
  w.on('pipe', (src) => log('A pipe event', src === r));
  r.on('end', () => log('A src end, drains', drains));
  log('A returns dest', r.pipe(w) === w, 'flowing', r.readableFlowing);
}

{
  const r = source('b', 3);
  const w1 = sink('B1', {}, false);
  const w2 = sink('B2', { highWaterMark: 1 }, true);
  r.pipe(w1);
  r.pipe(w2);
  log('B pipes', r._readableState.pipes.length);
}

{
  const r = new Readable({ read() {} });
  const w = sink('C', {}, false);
  w.on('unpipe', (src) => log('C unpipe event', src === r));
  r.pipe(w);
  r.push('one;');
  setImmediate(() => {
    r.unpipe(w);
    log('C flowing after unpipe', r.readableFlowing);
    r.push('two;');
    setImmediate(() => {
      log('C got', w.got.join(''), 'buffered', r.readableLength, 'writable still', w.writable);
    });
  });
}

{
  const r = source('d', 2);
  const w = sink('D', {}, false);
  r.pipe(w, { end: false });
  r.on('end', () => setImmediate(() => {
    log('D after end, dest writable', w.writable, w.got.join(''));
    w.end('tail;');
  }));
}

{
  const r = new Readable({ read() {} });
  const w = new Writable({ write(c, e, cb) { cb(new Error('E write failed')); } });
  w.on('error', (e) => log('E dest error', e.message));
  w.on('unpipe', () => log('E unpipe'));
  r.pipe(w);
  r.push('x');
  setImmediate(() => log('E src flowing', r.readableFlowing, 'pipes', r._readableState.pipes.length));
}

{
  const p1 = new PassThrough();
  const p2 = new PassThrough();
  const w = sink('F', {}, false);
  p1.pipe(p2).pipe(w);
  p1.write('chained;');
  p1.end('done;');
}
