'use strict';
// destroy(): 'error' then 'close' on the next tick, destroy callbacks,
// custom _destroy, autoDestroy and emitClose options, errored/closed
// properties, and _construct.
const { Readable, Writable, Duplex } = require('stream');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

function events(name, s) {
  for (const ev of ['error', 'close', 'end', 'finish']) {
    s.on(ev, (e) => log(name, ev, e instanceof Error ? e.message : ''));
  }
}

{
  const r = new Readable({ read() {} });
  events('A', r);
  r.destroy(new Error('A boom'));
  log('A sync', r.destroyed, r.errored.message, r.closed, r.readableAborted);
  r.destroy(new Error('A second'));
  process.nextTick(() => log('A tick', r.closed));
}

{
  const w = new Writable({
    write(c, e, cb) { cb(); },
    destroy(err, cb) {
      log('B _destroy', err && err.message);
      setImmediate(() => cb(err));
    },
  });
  events('B', w);
  w.destroy(new Error('B boom'), (err) => log('B destroy cb', err.message));
  log('B closed yet', w.closed);
}

{
  const r = new Readable({ read() {}, emitClose: false });
  events('C', r);
  r.destroy();
  log('C', r.destroyed);
}

{
  const r = new Readable({ read() {}, autoDestroy: false });
  events('D', r);
  r.push('x');
  r.push(null);
  r.resume();
  setImmediate(() => log('D after end destroyed', r.destroyed));
}

{
  const r = new Readable({ read() {} });
  events('E', r);
  r.push('x');
  r.push(null);
  r.resume();
}

{
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  events('F', d);
  d.push(null);
  d.resume();
  setImmediate(() => {
    log('F after end', d.destroyed, d.writable);
    d.end();
  });
}

{
  const w = new Writable({
    construct(cb) {
      log('G construct');
      setImmediate(() => { log('G constructed'); cb(); });
    },
    write(c, e, cb) { log('G write', c.toString()); cb(); },
  });
  w.write('early');
  log('G wrote sync');
  w.end();
  events('G', w);
}

{
  const r = new Readable({
    construct(cb) { cb(new Error('H construct failed')); },
    read() { log('H never reads'); },
  });
  events('H', r);
}

{
  const r = new Readable({ read() {} });
  r.on('error', (e) => log('I error', e.message));
  r.on('close', () => log('I close', r.readableAborted, r.errored.message));
  r.destroy(new Error('I'), (err) => log('I cb', err.message));
}

{
  const r = new Readable({ read() { throw new Error('J thrown in _read'); } });
  events('J', r);
  r.read();
}

{
  const w = new Writable({ write(c, e, cb) { cb(); }, autoDestroy: false });
  events('K', w);
  w.end('x');
  setImmediate(() => log('K after finish destroyed', w.destroyed));
}
