'use strict';
// node:stream module shape and helpers: Stream (legacy pipe), addAbortSignal,
// isReadable/isErrored/isDisturbed/isDestroyed, default highWaterMark,
// wrap(), Duplex.from, duplexPair, promisified pipeline.
const stream = require('stream');
const { Readable, Writable, Duplex, PassThrough } = stream;
const EventEmitter = require('events');
const util = require('util');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const desc = (err) => (err ? `${err.name}:${err.code || ''}:${err.message}` : String(err));

log('shape', typeof stream, stream.Stream === stream, new Readable() instanceof stream,
  new Readable() instanceof EventEmitter, stream.promises === require('stream/promises'),
  typeof require('node:stream').finished);
log('instanceof', new Duplex() instanceof Writable, new PassThrough() instanceof Readable,
  new Readable() instanceof Writable, Object.keys(stream.promises));
log('default hwm', stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
stream.setDefaultHighWaterMark(false, 1024);
log('changed hwm', new Readable().readableHighWaterMark, new Writable().writableHighWaterMark);
stream.setDefaultHighWaterMark(false, 65536);
for (const bad of [() => new Readable({ highWaterMark: -1 }), () => new Writable({ highWaterMark: 'x' }),
  () => new Duplex({ readableHighWaterMark: 1.5 }), () => stream.setDefaultHighWaterMark(true, -1)]) {
  try {
    bad();
  } catch (e) {
    log('bad hwm', desc(e));
  }
}

{
  const r = new Readable({ read() {} });
  log('isReadable', stream.isReadable(r), 'isErrored', stream.isErrored(r), 'isDisturbed', stream.isDisturbed(r),
    'isDestroyed', stream.isDestroyed(r));
  r.push('x');
  r.read();
  log('after read: isDisturbed', stream.isDisturbed(r), r.readableDidRead);
  r.on('error', () => {});
  r.destroy(new Error('e'));
  log('after destroy', stream.isReadable(r), stream.isErrored(r), stream.isDestroyed(r));
  log('non-streams', stream.isReadable({}), stream.isDisturbed({}), stream.isErrored({}));
}

{
  const ac = new AbortController();
  const r = stream.addAbortSignal(ac.signal, new Readable({ read() {} }));
  r.on('error', (e) => log('abort signal error', desc(e), e.cause === ac.signal.reason));
  r.on('close', () => log('abort signal close'));
  ac.abort();
  try {
    stream.addAbortSignal('nope', r);
  } catch (e) {
    log('addAbortSignal bad signal', desc(e));
  }
  try {
    stream.addAbortSignal(ac.signal, {});
  } catch (e) {
    log('addAbortSignal bad stream', desc(e));
  }
  const ac2 = new AbortController();
  const w = new Writable({ signal: ac2.signal, write(c, e, cb) { cb(); } });
  w.on('error', (e) => log('writable signal option', desc(e)));
  ac2.abort(new Error('why'));
}

{
  const old = new stream.Stream();
  old.readable = true;
  const got = [];
  const dest = new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } });
  dest.on('finish', () => log('legacy pipe got', got));
  old.pipe(dest);
  old.emit('data', 'one');
  old.emit('data', 'two');
  old.emit('end');
}

{
  const old = new EventEmitter();
  old.pause = () => log('wrap: source paused');
  old.resume = () => log('wrap: source resumed');
  const r = new Readable({ highWaterMark: 2 }).wrap(old);
  old.emit('data', Buffer.from('abc'));
  r.once('readable', () => {
    log('wrap read', r.read().toString());
    old.emit('end');
  });
  r.on('end', () => log('wrap end'));
}

{
  const d = Duplex.from(async function* (source) {
    for await (const chunk of source) yield String(chunk).toUpperCase();
  });
  const out = [];
  d.on('data', (c) => out.push(c));
  d.on('end', () => log('Duplex.from(generator fn)', out));
  d.write('a');
  d.end('b');
  const r = new Readable({ read() {} });
  log('Duplex.from(readable)', Duplex.from(r) === r ? 'same' : 'wrapped', Duplex.from(new PassThrough()).constructor.name);
  Duplex.from([1, 2]).toArray().then((a) => log('Duplex.from(array)', a));
  try {
    Duplex.from(5);
  } catch (e) {
    log('Duplex.from(5)', e.code);
  }
}

{
  const [a, b] = stream.duplexPair();
  b.on('data', (c) => log('pair b got', c.toString()));
  a.on('data', (c) => log('pair a got', c.toString()));
  a.write('ping');
  b.write('pong');
}

{
  const pipelineP = util.promisify(stream.pipeline);
  pipelineP(Readable.from(['p']), new Writable({ objectMode: true, write(c, e, cb) { cb(); } }))
    .then(() => log('promisified pipeline', pipelineP === stream.promises.pipeline));
  util.promisify(stream.finished)(Readable.from([]).resume()).then(() => log('promisified finished'));
}
