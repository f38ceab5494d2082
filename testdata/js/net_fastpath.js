'use strict';
// The socket's common read and write paths (a 'data' listener on a
// flowing socket, write() of a string or Buffer with nothing queued):
// event and callback order against ticks and microtasks, the counters,
// and what changes the path (pause, setEncoding, cork, end, destroy,
// callbacks, a write over the high-water mark).
const net = require('net');

// The server's and the client's events are kept apart: how the two
// interleave is up to the kernel.
const log = [];
const say = (s) => log.push(s);
const clientLog = [];
const csay = (s) => clientLog.push(s);

const steps = {
  // A write in the 'data' listener, with a tick and a microtask queued
  // around it.
  order(s, d) {
    process.nextTick(() => say('tick1'));
    Promise.resolve().then(() => say('micro'));
    say(`write ${s.write('ok:' + d)} len=${s.writableLength} rl=${s.readableLength}`);
    process.nextTick(() => say('tick2'));
  },
  // The write callback runs after the ticks queued before it.
  callback(s) {
    process.nextTick(() => say('tick-before'));
    s.write('cb', () => say('write cb'));
    process.nextTick(() => say('tick-after'));
  },
  buffer(s) {
    say(`write buffer ${s.write(Buffer.from('héllo'))}`);
    say(`bytesWritten ${s.bytesWritten}`);
  },
  encoding(s) {
    say(`write latin1 ${s.write('ÿ!', 'latin1')}`);
  },
  cork(s) {
    s.cork();
    s.write('a');
    s.write('b');
    say(`corked len=${s.writableLength}`);
    process.nextTick(() => { s.uncork(); say(`uncorked len=${s.writableLength}`); });
  },
  big(s) {
    // More than the kernel takes at once: the rest waits in the handle.
    const big = Buffer.alloc(8 << 20, 'z');
    const r = s.write(big);
    say(`big write ${r} needDrain=${s.writableNeedDrain}`);
    s.once('drain', () => say('drain'));
  },
  pause(s) {
    s.pause();
    say(`paused flowing=${s.readableFlowing}`);
    setTimeout(() => {
      say(`buffered rl=${s.readableLength}`);
      s.resume();
    }, 50);
  },
  end(s) {
    s.write('bye');
    s.end(() => say('end cb'));
    process.nextTick(() => say('tick after end'));
  },
};

const server = net.createServer((s) => {
  let total = 0;
  s.on('data', (d) => {
    total += d.length;
    const cmd = String(d).split(' ')[0];
    say(`data ${JSON.stringify(String(d))} bytesRead=${s.bytesRead} total=${total}`);
    const f = steps[cmd];
    if (f) f(s, d);
    else s.write('?');
  });
  s.on('finish', () => say('finish'));
  s.on('end', () => say('server end'));
  s.on('close', () => {
    say(`server close bytesRead=${s.bytesRead} bytesWritten=${s.bytesWritten}`);
    server.close();
  });
});

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const cmds = ['order 1', 'callback', 'buffer', 'encoding', 'cork', 'big', 'pause', 'after-pause', 'end'];
  let i = 0;
  let want = 0;
  let got = 0;
  const wants = { cork: 2, big: 8 << 20, encoding: 2, buffer: 6, callback: 2, 'order 1': 10 };
  const next = () => {
    if (i >= cmds.length) return;
    const cmd = cmds[i++];
    want = wants[cmd] || 1;
    got = 0;
    csay(`> ${cmd}`);
    c.write(cmd);
    if (cmd === 'pause') setTimeout(() => { c.write('more'); }, 10);
  };
  c.on('data', (d) => {
    got += d.length;
    if (got >= want) {
      csay(`< ${got} bytes`);
      setTimeout(next, 20);
    }
  });
  c.on('end', () => { csay('client end'); c.end(); });
  c.on('close', () => csay('client close'));
  next();
});

process.on('exit', () => console.log(`server:\n${log.join('\n')}\nclient:\n${clientLog.join('\n')}`));
