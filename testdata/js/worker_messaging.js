'use strict';
// worker_threads: postMessageToThread and process 'workerMessage',
// worker.cpuUsage, markAsUncloneable, MessagePort/MessageChannel
// constructors, Blobs through ports, and messages queued before a port
// closes arriving one per turn.

const {
  Worker, MessageChannel, MessagePort, isMainThread, threadId, workerData,
  postMessageToThread, markAsUncloneable,
} = require('worker_threads');
const { once } = require('events');

if (!isMainThread) {
  if (workerData.mode === 'listen') {
    process.on('workerMessage', (value, source) => {
      value.port.postMessage({ got: value.text, source, me: threadId });
      value.port.close();
    });
  } else if (workerData.mode === 'throw') {
    process.on('workerMessage', () => { throw new Error('listener failed'); });
  } else if (workerData.mode === 'pair') {
    require('worker_threads').parentPort.on('message', ({ port }) => {
      port.postMessage('first');
      port.postMessage('last');
      port.close();
    });
  }
  require('worker_threads').parentPort.postMessage('ready');
  if (workerData.mode !== 'pair') require('worker_threads').parentPort.once('message', () => process.exit(0));
  return;
}

function code(fn) {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return `${err.name} ${err.code}`;
  }
}

async function main() {
  console.log('MessagePort()', code(() => MessagePort()));
  console.log('new MessagePort()', code(() => new MessagePort()));
  console.log('MessageChannel()', code(() => MessageChannel()));
  const { port1 } = new MessageChannel();
  console.log(port1 instanceof MessagePort, port1.constructor === MessagePort);
  port1.close();

  // markAsUncloneable.
  const marked = { a: 1 };
  markAsUncloneable(marked);
  console.log('marked', code(() => structuredClone(marked)));
  const markedArray = [1];
  markAsUncloneable(markedArray);
  console.log('marked array', code(() => structuredClone(markedArray)));

  // Blobs cross ports.
  {
    const { port1: a, port2: b } = new MessageChannel();
    a.postMessage(new Blob(['blob text'], { type: 'text/plain' }));
    const [blob] = await once(b, 'message');
    console.log('blob', blob instanceof Blob, blob.type, await blob.text());
    a.close();
  }

  // postMessageToThread.
  await postMessageToThread(threadId).catch((err) => console.log('self', err.code));
  await postMessageToThread(9999).catch((err) => console.log('missing', err.code));

  const listener = new Worker(__filename, { workerData: { mode: 'listen' } });
  await once(listener, 'message');
  {
    const { port1: mine, port2: theirs } = new MessageChannel();
    await postMessageToThread(listener.threadId, { text: 'hi', port: theirs }, [theirs]);
    const [reply] = await once(mine, 'message');
    console.log('reply', reply.got, reply.source === threadId, reply.me === listener.threadId);
    mine.close();
  }

  // worker.cpuUsage.
  const usage = await listener.cpuUsage();
  console.log('cpuUsage', typeof usage.user, typeof usage.system, usage.user >= 0, usage.system >= 0);
  console.log('cpuUsage bad', code(() => listener.cpuUsage({ user: -1, system: 0 })));
  listener.postMessage('exit');
  await once(listener, 'exit');
  await listener.cpuUsage().catch((err) => console.log('after exit', err.code));

  const silent = new Worker(__filename, { workerData: { mode: 'none' } });
  await once(silent, 'message');
  await postMessageToThread(silent.threadId, 1).catch((err) => console.log('no listener', err.code));
  silent.postMessage('exit');

  const thrower = new Worker(__filename, { workerData: { mode: 'throw' } });
  const throwerReady = once(thrower, 'message');
  await postMessageToThread(thrower.threadId, 1).catch((err) => console.log('listener threw', err.code));
  await throwerReady;
  thrower.postMessage('exit');

  // Two messages sent just before close: each arrives after the previous
  // one's await.
  const pair = new Worker(__filename, { workerData: { mode: 'pair' } });
  await once(pair, 'message');
  for (let i = 0; i < 20; i++) {
    const { port1: p1, port2: p2 } = new MessageChannel();
    pair.postMessage({ port: p2 }, [p2]);
    const [first] = await once(p1, 'message');
    const [last] = await once(p1, 'message');
    if (first !== 'first' || last !== 'last') console.log('out of order', i, first, last);
  }
  console.log('pairs done');
  await pair.terminate();
}

main();
