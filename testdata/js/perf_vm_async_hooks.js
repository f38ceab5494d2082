'use strict';
// perf_hooks user timing, vm in this context, AsyncLocalStorage (sync),
// net.isIP, worker_threads main-thread values.
const { performance, PerformanceMark } = require('perf_hooks');
const vm = require('vm');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const net = require('net');
const wt = require('worker_threads');

const t = performance.now();
console.log(t > 0, Math.abs(performance.timeOrigin + t - Date.now()) < 100);
performance.mark('a');
performance.mark('b', { detail: { x: 1 } });
const m = performance.measure('a-b', 'a', 'b');
console.log(m.name, m.entryType, m.duration >= 0, performance.getEntries().map((e) => `${e.name}:${e.entryType}`).join());
console.log(performance.getEntriesByName('b')[0].detail, new PerformanceMark('z', { startTime: 5 }).startTime);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.message); }

globalThis.q = 2;
console.log(vm.runInThisContext('q * 21'), new vm.Script('var zz = 5; zz + 1').runInThisContext(), typeof zz);
console.log(vm.compileFunction('return a + b', ['a', 'b'])(1, 2), vm.isContext({}));

const als = new AsyncLocalStorage();
als.run({ id: 1 }, () => {
  const r = new AsyncResource('X');
  const f = als.run({ id: 2 }, () => AsyncResource.bind(() => als.getStore()));
  console.log(als.getStore(), f(), r.runInAsyncScope(() => als.getStore()));
});
console.log(als.getStore());

console.log(['1.2.3.4', '01.2.3.4', '::1', 'fe80::1%eth0', '1::2::3', '::ffff:1.2.3.4'].map(net.isIP).join());
console.log(wt.isMainThread, wt.threadId, wt.parentPort, wt.workerData);
