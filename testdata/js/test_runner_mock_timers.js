'use strict';
// mock.timers: fake timers (global, node:timers, timers/promises, scheduler.wait)
// and Date, driven by tick(), runAll() and setTime().
const { mock, test } = require('node:test');
const timersP = require('timers/promises');
const timers = require('timers');
const log = (...a) => console.log(...a);
try { mock.timers.tick(1); } catch (e) { log(e.code, e.message); }
try { mock.timers.enable({ apis: ['nope'] }); } catch (e) { log(e.code, e.message); }
try { mock.timers.enable({ now: -1 }); } catch (e) { log(e.code, e.message); }
mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'setImmediate', 'Date'], now: 1000 });
try { mock.timers.enable(); } catch (e) { log(e.code, e.message); }
log('now', Date.now(), new Date().toISOString(), Date.name, typeof Date.UTC, new Date(5).getTime(), new Date() instanceof Date);
const t1 = setTimeout((a, b) => log('t1', a, b, Date.now()), 100, 'x', 'y');
log(typeof t1, typeof t1.ref, typeof t1.unref, typeof t1.hasRef, typeof t1.refresh, typeof t1[Symbol.toPrimitive]);
setTimeout(() => log('t2 same time', Date.now()), 100);
setTimeout(() => log('t0 early', Date.now()), 50);
const iv = setInterval(() => { log('iv', Date.now()); }, 30);
setImmediate(() => log('imm', Date.now()));
timers.setTimeout(() => log('timers.setTimeout', Date.now()), 10);
log('same fn', setTimeout === timers.setTimeout, globalThis.setTimeout === timers.setTimeout);
mock.timers.tick(0);
log('--tick 40');
mock.timers.tick(40);
log('--tick 70');
mock.timers.tick(70);
clearInterval(iv);
const t3 = setTimeout(() => log('never'), 10);
clearTimeout(t3);
setTimeout(() => { log('nested outer', Date.now()); setTimeout(() => log('nested inner', Date.now()), 5); }, 10);
log('--tick 20');
mock.timers.tick(20);
setTimeout(() => log('ra1', Date.now()), 200);
setTimeout(() => log('ra2', Date.now()), 300);
log('--runAll');
mock.timers.runAll();
log('after runAll', Date.now());
mock.timers.setTime(5000);
log('setTime', Date.now());
setTimeout(() => log('after setTime', Date.now()), 10);
mock.timers.tick(10);
mock.timers.reset();
log('reset', Date.now() > 1e12, setTimeout === timers.setTimeout);
mock.timers.enable({ apis: ['setTimeout'] });
log('Date real', Date.now() > 1e12);
setTimeout(() => log('default now', Date.now() > 1e12), 1);
try { mock.timers.setTime(10); } catch (e) { log(e.code, e.message); }
mock.timers.tick(1);
try { mock.timers.tick(-1); } catch (e) { log(e.code, e.message); }
mock.timers[Symbol.dispose]();
(async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'setImmediate', 'scheduler.wait'] });
  const p = timersP.setTimeout(100, 'val');
  const p2 = timersP.setImmediate('imm');
  const p3 = timersP.scheduler.wait(50);
  mock.timers.tick(100);
  log('promises', await p, await p2, await p3);
  const ac = new AbortController();
  const p4 = timersP.setTimeout(100, 'v', { signal: ac.signal });
  ac.abort();
  try { await p4; } catch (e) { log('abort', e.name, e.code); }
  const it = timersP.setInterval(10, 'i');
  const r = [];
  const p5 = (async () => { for await (const v of it) { r.push(v); if (r.length === 3) break; } })();
  for (let i = 0; i < 3; i++) { mock.timers.tick(10); await Promise.resolve(); await Promise.resolve(); }
  await p5;
  log('interval', r);
  mock.timers.reset();
  more();
  test('t', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let x = 0;
    setTimeout(() => x++, 9999);
    t.mock.timers.tick(9999);
    log('in test', x);
  });
})();

function more() {
  mock.timers.enable({ now: 100 });
  setTimeout(() => log('zero', Date.now()), 0);
  setImmediate(() => log('immediate', Date.now()));
  mock.timers.tick(0);
  log(typeof Date(), Date().includes('1970'), Date.length, new Date(2020, 1).getFullYear());
  const t = setTimeout(() => {}, 10);
  log(t.hasRef(), t.unref() === t, t.ref() === t);
  mock.timers.tick();
  log('tick() default', Date.now());
  mock.timers.setTime(50);
  log('setTime back', Date.now());
  mock.timers.reset();
  mock.timers.enable({ now: new Date(2000, 0, 1) });
  log(new Date().getFullYear());
  mock.timers.reset();
  try { mock.timers.enable({ now: 'x' }); } catch (e) { log(e.code, e.message); }
  // Same due time: immediates first, then by creation.
  mock.timers.enable({ now: 100 });
  setTimeout(() => log('A timeout 0'), 0);
  setImmediate(() => log('B immediate'));
  setTimeout(() => log('C timeout 1'), 1);
  setImmediate(() => log('D immediate'));
  setTimeout(() => log('E timeout 0'), 0);
  mock.timers.tick(0);
  mock.timers.tick(1);
  setTimeout(() => log('F timeout 2'), 2);
  setImmediate(() => log('G immediate'));
  mock.timers.tick(5);
  mock.timers.reset();
  const { setTimeout: st } = require('timers/promises');
  log('restored', st === require('timers/promises').setTimeout, Date.now() > 1e12);
}
