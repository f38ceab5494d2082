'use strict';
// WHATWG streams edge cases: locking, errors, cancel/abort propagation,
// pipe options, BYOB min, tee cancel, transform terminate.
const show = (label, e) => console.log(label, e && e.name, e && e.code, e && e.message);

(async () => {
  const rs = new ReadableStream();
  rs.getReader();
  try { rs.getReader(); } catch (e) { show('double lock', e); }
  await rs.cancel().catch((e) => show('cancel locked', e));
  try { new ReadableStream({ type: 'nope' }); } catch (e) { show('bad type', e); }
  try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { show('bad hwm', e); }
  try { new ReadableStream({ type: 'bytes' }, { size() { return 1; } }); } catch (e) { show('bytes size', e); }
  try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { show('byob on default', e); }
  try { new ReadableStreamDefaultController(); } catch (e) { show('ctor', e); }

  // Errors and closed promises.
  let ctl;
  const er = new ReadableStream({ start(c) { ctl = c; } });
  const erReader = er.getReader();
  const pending = erReader.read();
  ctl.error(new Error('boom'));
  await pending.catch((e) => show('read after error', e));
  await erReader.closed.catch((e) => show('closed after error', e));
  try { ctl.enqueue(1); } catch (e) { show('enqueue after error', e); }

  // Release with a pending read.
  const rel = new ReadableStream().getReader();
  const p = rel.read();
  rel.releaseLock();
  await p.catch((e) => show('released read', e));
  await rel.read().catch((e) => show('read released', e));

  // Queue, desiredSize and strategies.
  const q = new ReadableStream({
    start(c) { c.enqueue('abc'); c.enqueue('de'); console.log('desired', c.desiredSize); },
  }, { highWaterMark: 10, size: (ch) => ch.length });
  const qr = q.getReader();
  console.log(await qr.read(), await qr.read());

  // BYOB with min and element size.
  const bytes = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const v = c.byobRequest.view;
      v[0] = 1; v[1] = 2;
      c.byobRequest.respond(2);
    },
  });
  const br = bytes.getReader({ mode: 'byob' });
  const r1 = await br.read(new Uint8Array(6), { min: 5 });
  console.log('min read', r1.value);
  const r2 = await br.read(new Uint16Array(2));
  console.log('u16 read', r2.value.constructor.name, r2.value.length);
  await br.read(new Uint8Array(2), { min: 3 }).catch((e) => show('min too big', e));
  await br.read(new Uint8Array(0)).catch((e) => show('zero view', e));

  // Auto-allocate with a default reader.
  const auto = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 4,
    pull(c) { c.byobRequest.view.set([9, 8, 7]); c.byobRequest.respond(3); c.close(); },
  });
  const ar = auto.getReader();
  console.log('auto', await ar.read());
  console.log('auto end', await ar.read());

  // Writable: abort, close, errors.
  const log = [];
  const ws = new WritableStream({
    write(ch) { log.push(ch); },
    abort(reason) { log.push(`abort:${reason}`); },
  });
  const w = ws.getWriter();
  await w.write('a');
  await w.abort('why');
  await w.write('b').catch((e) => console.log('write after abort', e));
  await w.closed.catch((e) => console.log('closed after abort', e));
  console.log(log, ws.locked);
  try { ws.getWriter(); } catch (e) { show('writer locked', e); }
  w.releaseLock();
  await w.write('c').catch((e) => show('released writer', e));
  try { console.log(w.desiredSize); } catch (e) { show('desiredSize released', e); }

  const failing = new WritableStream({ write() { throw new Error('sink fail'); } });
  const fw = failing.getWriter();
  await fw.write(1).catch((e) => show('sink write', e));
  await fw.close().catch((e) => show('close errored', e));

  // Backpressure through ready.
  let release;
  const slow = new WritableStream({
    write() { return new Promise((r) => { release = r; }); },
  }, { highWaterMark: 1 });
  const sw = slow.getWriter();
  console.log('ds0', sw.desiredSize);
  sw.write(1);
  console.log('ds1', sw.desiredSize);
  sw.write(2);
  console.log('ds2', sw.desiredSize);
  await new Promise((r) => setTimeout(r, 1));
  release();
  await new Promise((r) => setTimeout(r, 1));
  console.log('ds3', sw.desiredSize);
  release();
  await sw.ready;
  console.log('ready', sw.desiredSize);

  // pipeTo options.
  const src1 = () => ReadableStream.from(['x', 'y']);
  const sink = (name) => new WritableStream({
    write(ch) { console.log(name, 'write', ch); },
    close() { console.log(name, 'close'); },
    abort(r) { console.log(name, 'abort', r && r.message); },
  });
  await src1().pipeTo(sink('s1'), { preventClose: true });
  const errSrc = new ReadableStream({ start(c) { c.error(new Error('src err')); } });
  await errSrc.pipeTo(sink('s2'), { preventAbort: true }).catch((e) => show('pipe src err', e));
  await new ReadableStream({ start(c) { c.error(new Error('src err2')); } })
    .pipeTo(sink('s3')).catch((e) => show('pipe src err2', e));
  const cancelled = new ReadableStream({ cancel(r) { console.log('source cancel', r && r.message); } });
  await cancelled.pipeTo(new WritableStream({ start(c) { c.error(new Error('dst err')); } }))
    .catch((e) => show('pipe dst err', e));
  const ac = new AbortController();
  ac.abort(new Error('stop'));
  await src1().pipeTo(sink('s4'), { signal: ac.signal }).catch((e) => show('pipe aborted', e));
  await src1().pipeTo(sink('s5'), { signal: ac.signal, preventAbort: true, preventCancel: true })
    .catch((e) => show('pipe aborted prevent', e));
  await src1().pipeTo('nope').catch((e) => show('pipe bad dest', e));

  // Async iteration: break cancels unless preventCancel.
  const it1 = new ReadableStream({
    pull(c) { c.enqueue(1); },
    cancel() { console.log('iter cancel'); },
  });
  for await (const v of it1) { console.log('iter', v); break; }
  console.log('locked after break', it1.locked);
  const it2 = ReadableStream.from([1, 2, 3]);
  for await (const v of it2.values({ preventCancel: true })) { console.log('iter2', v); break; }
  const rest = [];
  for await (const v of it2) rest.push(v);
  console.log('rest', rest);

  // tee: both branches cancelled cancels the source with both reasons.
  const teeSrc = new ReadableStream({ cancel(r) { console.log('tee cancel', r); } });
  const [b1, b2] = teeSrc.tee();
  b1.cancel('r1');
  await b2.cancel('r2');

  // TransformStream terminate, flush, error.
  const ts = new TransformStream({
    transform(ch, c) { if (ch === 'stop') c.terminate(); else c.enqueue(ch); },
    flush() { console.log('flush not called'); },
  });
  const tw = ts.writable.getWriter();
  const tr = ts.readable.getReader();
  tw.write('go');
  console.log(await tr.read());
  await tw.write('stop').catch((e) => show('write after terminate', e));
  console.log(await tr.read());
  const ts2 = new TransformStream({ transform() { throw new Error('tf'); } });
  await ts2.writable.getWriter().write(1).catch((e) => show('transform throw', e));
  await ts2.readable.getReader().read().catch((e) => show('readable errored', e));
  const flushed = [];
  await ReadableStream.from(['a']).pipeThrough(new TransformStream({
    flush(c) { c.enqueue('end'); },
  })).pipeTo(new WritableStream({ write(ch) { flushed.push(ch); } }));
  console.log('flushed', flushed);

  // from(): bad inputs.
  try { ReadableStream.from(1); } catch (e) { show('from number', e); }
  const gen = ReadableStream.from((function* () { yield 1; yield Promise.resolve(2); })());
  const out = [];
  for await (const v of gen) out.push(v);
  console.log('from gen', out);

  // Queuing strategies.
  const bl = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  console.log(bl.highWaterMark, bl.size(new Uint8Array(5)), bl.size === new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size);
  try { new CountQueuingStrategy(); } catch (e) { show('count no init', e); }

  // Encoding streams across chunk boundaries.
  const euro = new TextEncoder().encode('€');
  const dec = ReadableStream.from([euro.slice(0, 1), euro.slice(1)]).pipeThrough(new TextDecoderStream());
  for await (const s of dec) console.log('decoded', s);
  const enc = ReadableStream.from(['\uD83D', '\uDE00']).pipeThrough(new TextEncoderStream());
  for await (const b of enc) console.log('encoded', b);
  console.log(Object.prototype.toString.call(new TextEncoderStream()), new TextDecoderStream('utf-16le').encoding);

  console.log(require('stream/web').ReadableStream === ReadableStream);
})();
