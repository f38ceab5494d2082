'use strict';
// Duplex (allowHalfOpen, per-side options), Transform (_transform,
// _flush, backpressure), PassThrough.
const { Duplex, Transform, PassThrough, Readable } = require('stream');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

{
  const d = new Duplex({
    read() {},
    write(c, e, cb) { log('A write', c.toString()); cb(); },
    allowHalfOpen: false,
  });
  d.on('finish', () => log('A finish'));
  d.on('end', () => log('A end'));
  d.on('close', () => log('A close'));
  d.write('w1');
  d.push('r1');
  d.push(null);
  d.on('data', (c) => log('A data', c.toString()));
  log('A allowHalfOpen', d.allowHalfOpen);
}

{
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  d.on('finish', () => log('B finish'));
  d.on('end', () => log('B end, writable', d.writable));
  d.on('close', () => log('B close'));
  d.push(null);
  d.resume();
  setImmediate(() => {
    log('B half open', d.writable, d.destroyed);
    d.end();
  });
}

{
  const d = new Duplex({
    readableObjectMode: true,
    writableHighWaterMark: 3,
    read() {},
    write(c, e, cb) { cb(); },
  });
  log('C', d.readableObjectMode, d.writableObjectMode, d.readableHighWaterMark, d.writableHighWaterMark);
  const d2 = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
  log('C2', d2.readable, d2.writable, d2.readableEnded);
}

{
  const t = new Transform({
    transform(chunk, enc, cb) {
      const s = chunk.toString();
      if (s === 'skip') return cb();
      if (s === 'two') {
        this.push('2a');
        return cb(null, '2b');
      }
      cb(null, s.toUpperCase());
    },
    flush(cb) {
      log('D flush');
      cb(null, 'FLUSHED');
    },
  });
  const out = [];
  t.on('data', (c) => out.push(c.toString()));
  t.on('end', () => log('D end', out));
  t.on('finish', () => log('D finish'));
  t.on('close', () => log('D close'));
  t.write('one');
  t.write('skip');
  t.write('two');
  t.end('three');
}

{
  const t = new Transform({
    objectMode: true,
    transform(obj, enc, cb) { cb(null, { n: obj.n * 10 }); },
  });
  Readable.from([{ n: 1 }, { n: 2 }]).pipe(t);
  const out = [];
  t.on('data', (o) => out.push(o.n));
  t.on('end', () => log('E objects', out));
}

{
  const t = new Transform({ transform(c, e, cb) { cb(new Error('F bad chunk')); } });
  t.on('error', (e) => log('F error', e.message));
  t.on('close', () => log('F close'));
  t.write('x', (err) => log('F write cb', err && err.message));
}

{
  const t = new Transform({
    highWaterMark: 2,
    transform(c, e, cb) { cb(null, c); },
  });
  const rets = [];
  for (let i = 0; i < 4; i++) rets.push(t.write('ab'));
  log('G backpressure', rets, t.readableLength, t.writableLength);
  t.on('drain', () => log('G drain'));
  const got = [];
  t.on('data', (c) => got.push(c.toString()));
  t.end(() => log('G end cb', got.join('|')));
}

{
  const p = new PassThrough();
  p.end('pass');
  p.setEncoding('hex');
  p.on('data', (d) => log('H', d));
  const t = new Transform();
  try {
    t.write('x');
  } catch (e) {
    log('H2', e.code, e.message);
  }
}

{
  class Upper extends Transform {
    _transform(c, e, cb) { cb(null, c.toString().toUpperCase()); }
    _flush(cb) { this.push('!'); cb(); }
  }
  const u = new Upper();
  let s = '';
  u.on('data', (c) => { s += c; });
  u.on('end', () => log('I subclass', s, u instanceof Duplex, u instanceof require('stream').Writable));
  u.end('abc');
}
