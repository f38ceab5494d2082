'use strict';
// Worker threads: a SharedArrayBuffer is shared, not copied, and Atomics
// wait/notify work across threads.
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const i32 = new Int32Array(sab);
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const a = new Int32Array(workerData.sab);
  a[1] = 42;
  Atomics.store(a, 0, 1);
  Atomics.notify(a, 0);
  parentPort.once('message', () => {
    parentPort.postMessage(Atomics.load(a, 2));
    parentPort.close();
  });
`, { eval: true, workerData: { sab } });
// 'ok' if the main thread waited first, 'not-equal' if the worker stored
// first: either proves the memory is shared.
const waited = Atomics.wait(i32, 0, 0, 10000);
console.log('wait', waited === 'ok' || waited === 'not-equal');
console.log('after wait', i32[0], i32[1]);
i32[2] = 7;
w.postMessage('read');
w.on('message', (m) => console.log('worker read', m));
w.on('exit', (c) => console.log('exit', c));
