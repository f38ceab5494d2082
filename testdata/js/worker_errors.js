'use strict';
// Worker threads: uncaught errors become 'error' on the Worker, terminate()
// resolves with the exit code, bad paths throw ERR_WORKER_PATH, unref'd
// workers do not hold the process, memory limits.
const { Worker } = require('worker_threads');

try {
  new Worker('relative.js');
} catch (e) {
  console.log(e.code, e.name);
}
try {
  new Worker(42);
} catch (e) {
  console.log(e.code);
}

const w = new Worker('throw new RangeError("boom")', { eval: true });
w.on('error', (e) => console.log('error event', e instanceof RangeError, e.name, e.message));
w.on('exit', (code) => {
  console.log('exit', code);
  const t = new Worker('require("worker_threads").parentPort.postMessage("ready"); setInterval(() => {}, 1000)', { eval: true });
  t.on('message', async (m) => {
    console.log('got', m);
    const c = await t.terminate();
    console.log('terminate resolved', c);
    oom();
  });
});

function oom() {
  const m = new Worker('const a = []; for (;;) a.push(new Array(10000).fill(1));', {
    eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 },
  });
  m.on('error', (e) => console.log('oom error', e.code));
  m.on('exit', (c) => {
    console.log('oom exit', c);
    const u = new Worker('setInterval(() => {}, 1000)', { eval: true });
    u.unref();
    console.log('unref worker started');
  });
}
