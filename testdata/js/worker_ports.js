'use strict';
// Worker threads: MessageChannel ports transferred to a worker,
// receiveMessageOnPort, environment data, SHARE_ENV and a copied env,
// BroadcastChannel across threads.
const {
  Worker, MessageChannel, receiveMessageOnPort, setEnvironmentData, SHARE_ENV,
} = require('worker_threads');

setEnvironmentData('config', { level: 2 });
process.env.WORKER_TEST_VAR = 'from-parent';

const { port1, port2 } = new MessageChannel();
const w = new Worker(`
  const { workerData, getEnvironmentData } = require('worker_threads');
  const port = workerData.port;
  port.postMessage({ env: process.env.WORKER_TEST_VAR, config: getEnvironmentData('config') });
  port.once('message', (m) => { port.postMessage('reply to ' + m); port.close(); });
`, { eval: true, workerData: { port: port2 }, transferList: [port2] });
port1.on('message', (m) => {
  console.log('port1 got', m);
  if (typeof m === 'object') port1.postMessage('hello');
});
let closed = false;
port1.on('close', () => { closed = true; });
w.on('exit', (c) => {
  setTimeout(() => {
    console.log('exit', c, 'port1 closed', closed);
    sync();
  }, 20);
});

function sync() {
  const { port1: a, port2: b } = new MessageChannel();
  const w = new Worker(`
    const { workerData: { p } } = require('worker_threads');
    p.postMessage(1); p.postMessage({ two: 2 }); p.close();
  `, { eval: true, workerData: { p: b }, transferList: [b] });
  w.on('exit', () => {
    setTimeout(() => {
      console.log(receiveMessageOnPort(a), receiveMessageOnPort(a), receiveMessageOnPort(a));
      env();
    }, 20);
  });
}

function env() {
  const w = new Worker('process.env.WORKER_SET = "copied"', { eval: true });
  w.on('exit', () => {
    console.log('copied env leaks?', process.env.WORKER_SET);
    const s = new Worker('process.env.WORKER_SET = "shared"', { eval: true, env: SHARE_ENV });
    s.on('exit', () => {
      console.log('shared env', process.env.WORKER_SET);
      broadcast();
    });
  });
}

function broadcast() {
  const { BroadcastChannel } = require('worker_threads');
  const bc = new BroadcastChannel('news');
  let got;
  bc.onmessage = (e) => {
    got = e.data;
    bc.close();
  };
  const w = new Worker(`
    const { BroadcastChannel, parentPort } = require('worker_threads');
    const bc = new BroadcastChannel('news');
    bc.onmessage = (e) => { bc.postMessage({ seen: e.data }); bc.close(); };
    parentPort.postMessage('ready');
  `, { eval: true });
  w.on('message', () => bc.postMessage([1, 'two']));
  w.on('exit', (c) => setTimeout(() => console.log('broadcast', got, 'worker exit', c), 50));
}
