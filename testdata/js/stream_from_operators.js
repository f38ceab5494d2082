'use strict';
// Readable.from over arrays, generators, async generators, strings and
// buffers; the iterator operators; node:stream/consumers.
const { Readable } = require('stream');
const consumers = require('stream/consumers');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const desc = (err) => (err ? `${err.name}:${err.code || ''}:${err.message}` : String(err));

async function main() {
  log('array', await Readable.from([1, 2, 3]).toArray());
  log('string is one chunk', await Readable.from('hello').toArray());
  log('buffer', (await Readable.from(Buffer.from('hi')).toArray()).map((b) => b.toString()));
  function* gen() { yield 'a'; yield 'b'; }
  log('generator', await Readable.from(gen()).toArray());
  async function* agen() { yield 'x'; await null; yield 'y'; }
  log('async generator', await Readable.from(agen()).toArray());
  log('promises in sync iterable', await Readable.from([Promise.resolve(1), 2]).toArray());
  const r = Readable.from(['a'], { objectMode: false });
  log('objectMode false', r.readableObjectMode, r.readableHighWaterMark);
  const r2 = Readable.from([]);
  log('defaults', r2.readableObjectMode, r2.readableHighWaterMark);
  try {
    Readable.from(5);
  } catch (e) {
    log('from(5)', desc(e));
  }
  try {
    await Readable.from([1, null, 2]).toArray();
  } catch (e) {
    log('null value', desc(e));
  }
  try {
    await Readable.from((function* () { yield 1; throw new Error('gen threw'); })()).toArray();
  } catch (e) {
    log('generator throws', desc(e));
  }
  let returned = false;
  const it = (function* () {
    try { yield 1; yield 2; yield 3; } finally { returned = true; }
  })();
  const r3 = Readable.from(it);
  r3.once('data', () => r3.destroy());
  await new Promise((res) => r3.on('close', res));
  log('destroy calls return()', returned);

  const src = () => Readable.from([1, 2, 3, 4, 5]);
  log('map', await src().map((x) => x * 2).toArray());
  log('map async', await src().map(async (x) => { await null; return x + 1; }, { concurrency: 2 }).toArray());
  log('filter', await src().filter((x) => x % 2 === 0).toArray());
  log('flatMap', await src().take(2).flatMap((x) => [x, -x]).toArray());
  log('take', await src().take(2).toArray(), 'drop', await src().drop(3).toArray());
  log('take(0)', await src().take(0).toArray());
  const seen = [];
  await src().forEach((x) => { seen.push(x); });
  log('forEach', seen);
  log('some', await src().some((x) => x > 4), await src().some((x) => x > 5));
  log('every', await src().every((x) => x > 0), await src().every((x) => x > 1));
  log('find', await src().find((x) => x > 2), await src().find((x) => x > 9));
  log('reduce', await src().reduce((a, b) => a + b), await src().reduce((a, b) => a + b, 10));
  try {
    await Readable.from([]).reduce((a, b) => a + b);
  } catch (e) {
    log('reduce empty', desc(e));
  }
  for (const bad of [() => src().map(5), () => src().take(-1), () => src().map((x) => x, { concurrency: 0 }),
    () => src().filter('x')]) {
    try {
      bad();
    } catch (e) {
      log('bad operator arg', desc(e));
    }
  }
  const ac = new AbortController();
  ac.abort();
  try {
    await src().toArray({ signal: ac.signal });
  } catch (e) {
    log('aborted toArray', desc(e));
  }
  log('map returns Readable', src().map((x) => x) instanceof Readable);

  log('text', await consumers.text(Readable.from([Buffer.from([0xe2, 0x82]), Buffer.from([0xac]), 'z'])));
  log('json', await consumers.json(Readable.from(['{"a":', '[1,2]}'])));
  log('buffer', (await consumers.buffer(Readable.from([Buffer.from('ab'), Buffer.from('cd')]))).toString('hex'));
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('xyz')]));
  log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const blob = await consumers.blob(Readable.from([Buffer.from('blob!')]));
  log('blob', blob.size, await blob.text());
  const bytes = await consumers.bytes(Readable.from([Buffer.from('by'), Buffer.from('tes')]));
  log('bytes', bytes.constructor.name, Buffer.isBuffer(bytes), Array.from(bytes));
  log('async generator input', await consumers.text((async function* () { yield 'g'; yield 'en'; })()));
}

main();
