'use strict';
// child_process IPC: sending handles (net.Socket, net.Server, dgram.Socket,
// keepOpen) and 'advanced' serialization, between a parent and a forked
// copy of this script. The child reports what it got; the parent prints
// it in a fixed order.

const { fork } = require('child_process');
const net = require('net');
const dgram = require('dgram');

if (process.argv[2] === 'child') {
  process.on('message', (msg, handle) => {
    if (msg.kind === 'socket') {
      const ok = handle instanceof net.Socket;
      if (msg.n === 1) {
        handle.end(`hello from child (${msg.n})`);
        process.send({ kind: 'socket', ok });
      } else {
        // keepOpen: the parent writes too, and ends the connection.
        handle.write(`hello from child (${msg.n})`, () => process.send({ kind: 'socket', ok }));
      }
    } else if (msg.kind === 'server') {
      const ok = handle instanceof net.Server && handle.listening;
      handle.once('connection', (c) => {
        c.end('served by child');
        handle.close();
      });
      process.send({ kind: 'server', ok, port: handle.address().port === msg.port });
    } else if (msg.kind === 'dgram') {
      handle.once('message', (m) => {
        process.send({ kind: 'dgram', got: m.toString() });
        handle.close();
      });
      process.send({ kind: 'dgram-ready', ok: handle instanceof dgram.Socket });
    } else if (msg.kind === 'echo') {
      process.send(msg.value);
    } else if (msg.kind === 'bye') {
      process.disconnect();
    }
  });
  return;
}

function once(emitter, name) {
  return new Promise((resolve) => emitter.once(name, (...args) => resolve(args)));
}

function read(socket) {
  return new Promise((resolve) => {
    let s = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { s += d; });
    socket.on('end', () => resolve(s));
  });
}

async function main() {
  // json: a socket, closed here once sent.
  const child = fork(__filename, ['child']);
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const client = net.connect(server.address().port, '127.0.0.1');
  const [conn] = await once(server, 'connection');
  const sent = child.send({ kind: 'socket', n: 1 }, conn);
  console.log('send returned', sent);
  const [reply] = await once(child, 'message');
  console.log('child got a net.Socket:', reply.ok);
  console.log('client read:', await read(client));
  console.log('sender socket detached:', conn._handle === null);

  // keepOpen: both ends can write.
  const client2 = net.connect(server.address().port, '127.0.0.1');
  const [conn2] = await once(server, 'connection');
  const text2 = read(client2);
  child.send({ kind: 'socket', n: 2 }, conn2, { keepOpen: true });
  await once(child, 'message');
  conn2.end(' and parent');
  console.log('client read (keepOpen):', await text2);
  server.close();

  // A listening server: the child accepts on it.
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const port = srv.address().port;
  child.send({ kind: 'server', port }, srv);
  const [sreply] = await once(child, 'message');
  console.log('child got a listening net.Server:', sreply.ok, 'same port:', sreply.port);
  srv.close();
  console.log('client read (server):', await read(net.connect(port, '127.0.0.1')));

  // A bound UDP socket.
  const udp = dgram.createSocket('udp4');
  await new Promise((r) => udp.bind(0, '127.0.0.1', r));
  child.send({ kind: 'dgram' }, udp);
  const [dready] = await once(child, 'message');
  console.log('child got a dgram.Socket:', dready.ok);
  const uport = udp.address().port;
  udp.close();
  const out = dgram.createSocket('udp4');
  out.send('datagram', uport, '127.0.0.1', () => out.close());
  const [dgot] = await once(child, 'message');
  console.log('child received:', dgot.got);

  // Bad handles.
  try {
    child.send('x', {});
  } catch (err) {
    console.log('bad handle:', err.code);
  }
  child.send({ kind: 'bye' });
  await once(child, 'exit');

  // advanced serialization.
  const adv = fork(__filename, ['child'], { serialization: 'advanced' });
  const circular = { name: 'c' };
  circular.self = circular;
  const values = [
    { map: new Map([[1, 'one']]), set: new Set(['a']) },
    { buf: Buffer.from('buffer'), u8: new Uint8Array([1, 2, 3]) },
    { big: 12345678901234567890n, date: new Date(0) },
    circular,
    new RangeError('ranged'),
  ];
  for (const value of values) {
    adv.send({ kind: 'echo', value });
    const [got] = await once(adv, 'message');
    if (got instanceof Error) {
      console.log('error:', got.constructor.name, got.message);
    } else if (got.self) {
      console.log('circular:', got.self === got, got.name);
    } else {
      console.log(Object.entries(got).map(([k, v]) =>
        `${k}=${Buffer.isBuffer(v) ? 'Buffer' : v.constructor.name}`).join(' '));
    }
  }
  for (const bad of [{ sab: new SharedArrayBuffer(4) }, { fn() {} }]) {
    try {
      adv.send({ kind: 'echo', value: bad });
    } catch (err) {
      console.log('not cloneable:', err.name, err.message);
    }
  }
  adv.send({ kind: 'bye' });
  await once(adv, 'exit');
  console.log('done');
}

main();
