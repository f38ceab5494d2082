const rs = new ReadableStream({
  start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); }
});
console.log(rs);
(async () => {
  for await (const x of rs) console.log('chunk', x);
  const bs = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const r = c.byobRequest;
      if (r) { r.view[0] = 42; r.respond(1); } else c.enqueue(new Uint8Array([1,2,3]));
      if (++this.n > 2) c.close();
    }, n: 0,
  });
  const reader = bs.getReader({ mode: 'byob' });
  let res = await reader.read(new Uint8Array(4));
  console.log(res);
  res = await reader.read(new Uint8Array(4));
  console.log(res);
  res = await reader.read(new Uint8Array(4));
  console.log(res);
  res = await reader.read(new Uint8Array(4));
  console.log(res);
  const chunks = [];
  const ws = new WritableStream({ write(c) { chunks.push(c); }, close() { console.log('closed sink', chunks); } }, { highWaterMark: 2 });
  const w = ws.getWriter();
  console.log('desired', w.desiredSize);
  await w.write('x'); await w.write('y'); await w.close();
  const ts = new TransformStream({ transform(c, ctl) { ctl.enqueue(c.toUpperCase()); } });
  const out = [];
  await ReadableStream.from(['a', 'b', 'c']).pipeThrough(ts).pipeTo(new WritableStream({ write(c) { out.push(c); } }));
  console.log(out);
  const [t1, t2] = ReadableStream.from([1, 2, 3]).tee();
  const arr = async (s) => { const a = []; for await (const x of s) a.push(x); return a; }; console.log(await arr(t1), await arr(t2));
  const te = new TextEncoderStream();
  const td = new TextDecoderStream();
  const s = ReadableStream.from(['héllo', ' wörld']).pipeThrough(te).pipeThrough(td);
  let str = ''; for await (const c of s) str += c; console.log(str);
  const cs = ReadableStream.from([new TextEncoder().encode('hello hello hello')]).pipeThrough(new CompressionStream('gzip')).pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream());
  str = ''; for await (const c of cs) str += c; console.log(str);
  const ac = new AbortController();
  const p = new ReadableStream({ pull(c) { return new Promise(r => setTimeout(() => { try { c.enqueue(1); } catch {} r(); }, 10)); } }).pipeTo(new WritableStream(), { signal: ac.signal });
  setTimeout(() => ac.abort(), 30);
  await p.catch(e => console.log('aborted', e.name));
  console.log(new ByteLengthQueuingStrategy({ highWaterMark: 3 }), new CountQueuingStrategy({ highWaterMark: 2 }).size());
  console.log(await new Blob(['abc']).stream().getReader().read());
})();
