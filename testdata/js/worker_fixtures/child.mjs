// A worker written as an ES module (used by worker_esm.mjs).
import { parentPort, workerData, isMainThread } from 'node:worker_threads';
await Promise.resolve();
parentPort.postMessage({ doubled: workerData * 2, isMainThread });
