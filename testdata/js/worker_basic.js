'use strict';
// Worker threads: workerData, messages both ways, online/exit, process.exit
// and exitCode in a worker, stdout forwarding, eval workers.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (!isMainThread) {
  console.log('worker: threadId>0', threadId > 0, 'data', workerData);
  parentPort.on('message', (m) => {
    if (m === 'stop') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({ echo: m, map: new Map([['k', new Set([1, 2])]]), re: /a+/gi, when: new Date(0) });
  });
  return;
}

console.log('main: isMainThread', isMainThread, 'threadId', threadId, 'parentPort', parentPort);
const w = new Worker(__filename, { workerData: { n: 1, list: [1, 2, 3], buf: new Uint8Array([9, 8]) } });
w.on('online', () => console.log('online'));
let count = 0;
w.on('message', (m) => {
  console.log('main got', m);
  if (++count === 2) w.postMessage('stop');
  else w.postMessage('second');
});
w.postMessage('first');
w.on('exit', (code) => {
  console.log('exit', code);
  step2();
});

function step2() {
  const e = new Worker('process.exitCode = 3; process.on("exit", (c) => console.log("worker exit event", c))', { eval: true });
  e.on('exit', (code) => {
    console.log('eval worker exit', code);
    const x = new Worker('process.exit(7); console.log("not reached")', { eval: true, argv: ['a', 2] });
    x.on('exit', (c) => {
      console.log('process.exit worker', c);
      step3();
    });
  });
}

function step3() {
  const w = new Worker('console.log(process.argv.slice(2)); require("worker_threads").parentPort.postMessage("x")', {
    eval: true, argv: ['a', 2], stdout: true,
  });
  let out = '';
  w.stdout.setEncoding('utf8');
  w.stdout.on('data', (d) => { out += d; });
  w.on('message', (m) => console.log('message before exit', m));
  w.on('exit', (c) => {
    setImmediate(() => console.log('captured stdout', JSON.stringify(out), 'code', c));
  });
}
