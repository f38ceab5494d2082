'use strict';
// process.stdout is a stream.Writable whose writes happen at once: the
// data is out before write() returns, callbacks run on a later tick,
// encodings apply, and end()/'finish' work.
const { Writable, Readable } = require('stream');
const out = process.stdout;
console.log('Writable', out instanceof Writable, 'stderr Writable', process.stderr instanceof Writable);
console.log('fd', out.fd, process.stderr.fd, 'writable', out.writable, 'hwm', out.writableHighWaterMark);
console.log('stdin Readable', process.stdin instanceof Readable, 'fd', process.stdin.fd);
let order = [];
const r = out.write('plain write\n', () => order.push('cb1'));
order.push(`returned ${r}`);
out.write('68657820656e636f6465640a', 'hex', () => order.push('cb2'));
out.write(Buffer.from('a buffer\n'));
out.write(new Uint8Array([0x75, 0x38, 0x0a]));
out.write('YmFzZTY0Cg==', 'base64');
order.push(`length ${out.writableLength}`);
process.nextTick(() => order.push('tick'));
setImmediate(() => {
  console.log(order.join(', '));
  order = [];
  out.cork();
  out.write('corked 1\n');
  out.write('corked 2\n');
  out.uncork();
  try {
    out.write(42);
  } catch (e) {
    console.log(e.code);
  }
  const { pipeline } = require('stream');
  pipeline(Readable.from(['piped ', 'into ', 'stdout\n']), new Writable({
    write(chunk, enc, cb) { out.write(chunk, cb); },
  }), (err) => {
    console.log('pipeline done', err);
    out.on('finish', () => console.error('finish (stderr)'));
    out.end('ended\n', () => console.error('end callback (stderr)'));
  });
});
