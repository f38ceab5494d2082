'use strict';
// Readable in paused mode: push/read(n), 'readable', setEncoding, unshift,
// highWaterMark and the return value of push.
const { Readable } = require('stream');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

{
  const r = new Readable({ read() {}, highWaterMark: 4 });
  log('hwm', r.readableHighWaterMark, 'flowing', r.readableFlowing);
  log('push1', r.push('ab'), 'len', r.readableLength);
  log('push2', r.push('cd'), 'len', r.readableLength);
  log('push3', r.push('ef'), 'len', r.readableLength);
  log('read2', r.read(2).toString(), 'len', r.readableLength);
  log('read10', r.read(10), 'len', r.readableLength, 'hwm', r.readableHighWaterMark);
  log('read()', r.read().toString());
  r.unshift('zz');
  log('after unshift', r.readableLength, r.read(1).toString());
  r.push(null);
  log('ended', r.readableEnded, r.readable);
  r.on('end', () => log('end event', r.readableEnded));
  r.on('readable', () => {
    let c;
    while ((c = r.read()) !== null) log('readable read', c.toString());
  });
}

{
  let n = 0;
  const r = new Readable({
    read(size) {
      n++;
      log('_read', size, n);
      if (n <= 3) setTimeout(() => this.push(String(n)), 1);
      else this.push(null);
    },
    highWaterMark: 2,
  });
  r.setEncoding('utf8');
  log('encoding', r.readableEncoding);
  const got = [];
  r.on('readable', () => {
    let c;
    while ((c = r.read()) !== null) got.push(c);
  });
  r.on('end', () => log('async readable got', got));
}

{
  const r = new Readable({ objectMode: true, read() {} });
  log('objectMode hwm', r.readableHighWaterMark, r.readableObjectMode);
  r.push({ a: 1 });
  r.push('str');
  r.push(0);
  log('olen', r.readableLength);
  log('oread', r.read(), r.read(5), r.read(), r.read());
}

{
  const r = new Readable({ read() {} });
  r.push(Buffer.from([0xe2, 0x82]));
  r.setEncoding('utf8');
  r.push(Buffer.from([0xac, 0x41]));
  log('split utf8', r.read(), r.readableLength);
  r.push(new Uint8Array([0x42, 0x43]));
  log('u8', r.read());
  r.unshift('X');
  log('unshift str', r.read());
}

{
  const r = new Readable({ read() {} });
  r.on('error', (e) => log('error', e.code, e.message));
  r.on('close', () => log('close after bad push'));
  r.push(42);
}

{
  const r = new Readable({ read() {} });
  r.push(null);
  r.on('error', (e) => log('push after eof', e.code, e.message));
  r.push('x');
}

{
  const r = new Readable();
  r.on('error', (e) => log('no _read', e.code, e.message));
  r.read();
}

process.on('exit', () => log('exit'));
