// Worker threads from an ES module: a .mjs worker given as a URL, and a
// data: URL worker.
import { Worker } from 'node:worker_threads';

const w = new Worker(new URL('./worker_fixtures/child.mjs', import.meta.url), { workerData: 21 });
w.on('message', (m) => console.log('from esm worker', m));
w.on('exit', (c) => {
  console.log('esm worker exit', c);
  const d = new Worker(new URL('data:text/javascript,import { parentPort } from "node:worker_threads"; parentPort.postMessage("data url ok");'));
  d.on('message', (m) => console.log(m));
  d.on('exit', (c2) => console.log('data worker exit', c2));
});
