const { pipeline, finished } = require('stream/promises');
const { Readable, Writable, Duplex } = require('stream');
(async () => {
  const out = [];
  await pipeline(ReadableStream.from(['a', 'b']), new TransformStream({ transform(c, ctl) { ctl.enqueue(c + '!'); } }),
    new WritableStream({ write(c) { out.push(c); } }));
  console.log('pipeline', out);
  const rs = ReadableStream.from([1]);
  const p = finished(rs);
  for await (const _ of rs);
  await p; console.log('finished ok');
  const errRs = new ReadableStream({ start(c) { c.error(new Error('x')); } });
  await finished(errRs).catch((e) => console.log('finished err', e.message));
  const d = Duplex.from(ReadableStream.from(['q']));
  console.log(d.readable, d.writable);
  for await (const c of d) console.log('duplex from', String(c));
  const rs2 = Readable.toWeb(new Readable({ read() { this.push(Buffer.from('abc')); this.push(null); } }), { type: 'bytes' });
  const r = rs2.getReader({ mode: 'byob' });
  console.log(await r.read(new Uint8Array(2)));
  console.log(await r.read(new Uint8Array(2)));
  console.log(await r.read(new Uint8Array(2)));
  const ac = new AbortController();
  const rs3 = new ReadableStream();
  require('stream').addAbortSignal(ac.signal, rs3);
  ac.abort();
  await rs3.getReader().read().catch((e) => console.log('aborted', e.name));
})();
