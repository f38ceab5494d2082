'use strict';
// compose(), Readable.prototype.compose, Duplex.from({ readable, writable }),
// pipeline with { end: false }, duplexPair ending.
const { Readable, Writable, Transform, PassThrough, Duplex, compose, pipeline, duplexPair } = require('stream');
const { pipeline: pipelineP } = require('stream/promises');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const desc = (err) => (err ? `${err.name}:${err.code || ''}:${err.message}` : String(err));

async function main() {
  const upper = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
  const c = compose(upper, async function* (src) { for await (const x of src) yield `<${x}>`; });
  log('composed sides', c.readable, c.writable);
  c.end('abc');
  log('composed out', (await c.toArray()).map(String));

  let sunk = '';
  const c2 = compose(new PassThrough(), new Writable({ write(ch, e, cb) { sunk += ch; setImmediate(cb); } }));
  log('writable-only composed', c2.readable, c2.writable);
  await new Promise((res) => c2.end('to-sink', res));
  log('sink got before finish', sunk);

  const r = Readable.from(['x', 'y']).compose(async function* (src) { for await (const v of src) yield v + v; });
  log('Readable#compose', r.readable, r.writable, await r.toArray());

  try {
    compose();
  } catch (e) {
    log('compose()', desc(e));
  }

  const src = new PassThrough();
  const dst = new PassThrough();
  const pair = Duplex.from({ readable: src, writable: dst });
  let written = '';
  dst.on('data', (d) => { written += d; });
  pair.write('into writable side');
  src.end('from readable side');
  log('pair read', (await pair.toArray()).map(String), 'written', written);

  const target = new PassThrough();
  await pipelineP(Readable.from(['no-end']), target, { end: false });
  log('end:false keeps target writable', target.writable, target.writableEnded);
  target.end();

  const [a, b] = duplexPair();
  b.on('end', () => log('pair side b end'));
  b.resume();
  a.end('bye');
  await new Promise((res) => b.on('end', res));

  const failing = new Transform({ transform(ch, e, cb) { cb(new Error('stage failed')); } });
  const c3 = compose(new PassThrough(), failing);
  c3.on('error', (e) => log('composed error', desc(e)));
  c3.on('close', () => log('composed close'));
  c3.write('x');
  await new Promise((res) => c3.on('close', res));

  await new Promise((res) => {
    pipeline(Readable.from(['p']), new PassThrough(), (err) => {
      log('pipeline with readable last', desc(err));
      res();
    }).on('data', (d) => log('last stream data', String(d)));
  });
}

main();
