'use strict';
// Edge cases of stream state machines: highWaterMark 0, switching between
// 'readable' and 'data', read(n) growth, _writev errors, _final errors and
// end() callbacks on errored/destroyed streams, destroy during pipe.
(function edge1() {
const { Readable, Writable, PassThrough, finished } = require('stream');
const log = (...a) => console.log('edge1', a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
{
  let i = 0;
  const r = new Readable({ highWaterMark: 0, read() { log('A read', i); if (i++ < 2) setImmediate(() => this.push('x' + i)); else this.push(null); } });
  r.on('data', (d) => log('A data', String(d)));
  r.on('end', () => log('A end'));
}
{
  const r = new Readable({ read() {} });
  r.on('readable', () => log('B readable', r.readableFlowing));
  r.on('data', (d) => log('B data', String(d)));
  r.push('1');
  setImmediate(() => {
    r.removeAllListeners('readable');
    log('B removed readable', r.readableFlowing);
    setImmediate(() => { log('B flowing now', r.readableFlowing); r.push('2'); });
  });
}
{
  const r = new Readable({ read() {} });
  r.on('readable', () => {});
  r.resume();
  log('C resume with readable listener', r.readableFlowing, r.isPaused());
}
{
  let n = 0;
  const r = new Readable({ read(size) { log('D _read size', size); if (n++ < 3) this.push('abcd'); } });
  log('D read(6)', r.read(6));
  setImmediate(() => log('D len', r.readableLength, 'read(6)', String(r.read(6))));
}
{
  const w = new Writable({
    writev(chunks, cb) { log('E writev', chunks.length); cb(new Error('writev failed')); },
    write(c, e, cb) { setImmediate(cb); },
  });
  w.on('error', (e) => log('E error', e.message));
  w.write('a', (err) => log('E cb a', err && err.message));
  w.write('b', (err) => log('E cb b', err && err.message));
  w.write('c', (err) => log('E cb c', err && err.message));
}
{
  const w = new Writable({ write(c, e, cb) { cb(); }, final(cb) { cb(new Error('final failed')); } });
  w.on('error', (e) => log('F error', e.message));
  w.on('finish', () => log('F finish?!'));
  w.on('close', () => log('F close'));
  w.end('x', (err) => log('F end cb', err && err.message));
}
{
  const r = new Readable({ read() {} });
  r.on('data', (d) => { log('G data', String(d)); r.destroy(); });
  r.on('close', () => log('G close'));
  r.push('1');
  r.push('2');
  r.resume();
}
{
  const src = new Readable({ read() {} });
  const dst = new PassThrough();
  src.pipe(dst);
  dst.on('close', () => log('H dst close'));
  dst.on('unpipe', () => log('H unpipe'));
  src.on('close', () => log('H src close'));
  src.push('x');
  setImmediate(() => { src.destroy(); log('H after destroy dst writable', dst.writable); });
}
{
  const r = new Readable({ read() {}, objectMode: true });
  finished(r, (err) => log('I finished', err && err.code));
  r.push(1);
  r.push(null);
  setImmediate(() => { log('I not consumed'); r.resume(); });
}
{
  const w = new Writable({ write(c, e, cb) { cb(); }, emitClose: false });
  finished(w, (err) => log('J finished emitClose false', err));
  w.end();
}
})();
(function edge2() {
const { Writable } = require('stream');
for (const withChunk of [false, true]) {
  const w = new Writable({ write(c, e, cb) { console.log('edge2', withChunk, 'write'); cb(); }, final(cb) { console.log(withChunk, 'final'); cb(new Error('final failed')); } });
  w.on('error', (e) => console.log('edge2', withChunk, 'error', e.message));
  w.on('close', () => console.log('edge2', withChunk, 'close'));
  process.nextTick(() => console.log('edge2', withChunk, 'tick after end'));
  if (withChunk) w.end('x', (err) => console.log('edge2', withChunk, 'end cb', err && err.message));
  else w.end((err) => console.log('edge2', withChunk, 'end cb', err && err.message));
}
})();
(function edge5() {
const { Writable } = require('stream');
const w = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('write failed')); } });
w.on('error', (e) => console.log('edge5', 'error', e.message));
w.write('x');
setImmediate(() => {
  w.end((err) => console.log('edge5', 'end cb on errored stream', err && err.message));
  process.nextTick(() => console.log('edge5', 'tick after end'));
  setImmediate(() => console.log('edge5', 'immediate after end'));
});
const w2 = new Writable({ autoDestroy: false, write(c, e, cb) { cb(); }, final(cb) { cb(new Error('final failed')); } });
w2.on('error', (e) => console.log('edge5', 'w2 error', e.message));
w2.end((err) => console.log('edge5', 'w2 end cb', err && err.message));
process.nextTick(() => console.log('edge5', 'w2 tick after end'));
})();
(function edge6() {
const { Writable } = require('stream');
const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', () => {});
w.destroy(new Error('boom'));
w.end((err) => console.log('edge6', 'end after destroy(err)', err && err.code, err && err.message));
const w2 = new Writable({ write(c, e, cb) { cb(); } });
w2.destroy();
w2.end((err) => console.log('edge6', 'end after destroy()', err && err.code));
const w3 = new Writable({ write(c, e, cb) { cb(); } });
w3.end();
w3.on('finish', () => w3.end((err) => console.log('edge6', 'end after finish', err && err.code)));
})();
(function sig() {
const { Readable, Writable, Duplex, Transform } = require('stream');
for (const C of [Readable, Writable, Duplex, Transform]) {
  const s = new C({ signal: AbortSignal.abort('why'), read() {}, write(c, e, cb) { cb(); } });
  s.on('error', (e) => console.log(C.name, 'error', e.name, e.cause));
  s.on('close', () => console.log(C.name, 'close', s.destroyed));
}
})();
