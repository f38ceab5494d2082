'use strict';
// Buffer edge cases: copy between any views, spoofed lengths, encoding
// slice/write range checks, fill, brand checks, resizable
// buffers and the DEP0005 node_modules rule.

const vm = require('vm');
const { Buffer } = require('buffer');

function attempt(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

// The warning listener prints where each DEP0005 came from.
process.on('warning', (w) => {
  const site = /(\/[a-z_/]+\.js)/.exec(w.stack.split('\n').find((l) => l.includes('.js:')) || '');
  console.log('warning', w.code, site ? site[1] : '?');
});

// copy: any ArrayBuffer view on either side, offsets in bytes.
{
  const src = Buffer.of(1, 2, 3, 4, 5, 6);
  const u16 = new Uint16Array(2);
  console.log('copy u16', src.copy(u16, 1), Array.from(new Uint8Array(u16.buffer)));
  const dv = new DataView(new ArrayBuffer(4));
  console.log('copy dv', src.copy(dv), Array.from(new Uint8Array(dv.buffer)));
  const f64 = new Float64Array([0]);
  console.log('copy from u16', Buffer.prototype.copy.call(new Uint16Array([0x0102, 0x0304]), Buffer.alloc(4)));
  console.log('copy f64', src.copy(f64), Array.from(new Uint8Array(f64.buffer)));
  attempt('copy object', () => src.copy({}));
  attempt('copy arraybuffer', () => src.copy(new ArrayBuffer(4)));
}

// concat ignores a spoofed length property.
{
  const a = new Uint8Array([1, 2, 3, 4]);
  Object.defineProperty(a, 'length', { get() { return 100; } });
  const c = Buffer.concat([a, new Uint8Array([5, 6])]);
  console.log('concat', c.length, [...c]);
  attempt('concat bad item', () => Buffer.concat([Buffer.alloc(1), 'x']));
}

// Encoding-specific slices: negative or past-the-end indices throw.
for (const m of ['utf8Slice', 'latin1Slice', 'hexSlice', 'base64Slice', 'ucs2Slice']) {
  for (const args of [[0, -1], [-1], [5], [2, 1], [1.5, 3], ['1'], [NaN, 2], [0, 5]]) {
    attempt(`${m} ${JSON.stringify(args)}`, () => Buffer.from('abcd')[m](...args));
  }
}

// Encoding-specific writes: utf8/latin1/ascii check offset and length up
// front, the others check the offset and clamp the length.
for (const m of ['utf8Write', 'asciiWrite', 'latin1Write', 'ucs2Write', 'hexWrite', 'base64Write']) {
  for (const args of [['ab', 0, -1], ['ab', -1], ['ab', 5], ['ab', 2, 3], ['ab', '1'], ['ab', 0, 'x'], [1]]) {
    const b = Buffer.alloc(4);
    attempt(`${m} ${JSON.stringify(args)}`, () => [b[m](...args), b.toString('hex')]);
  }
}
console.log('no utf16leSlice', typeof Buffer.prototype.utf16leSlice, typeof Buffer.prototype.utf16leWrite);
console.log('inspect method', Buffer.from('hi').inspect());

// fill: a spoofed length cannot push past the bytes; bad hex is rejected.
{
  const b = Buffer.from('w00t');
  Object.defineProperty(b, 'length', { value: 1337 });
  attempt('fill spoofed', () => b.fill(''));
  attempt('fill bad hex', () => Buffer.alloc(4).fill('zz', 'hex'));
  console.log('fill utf16le', Buffer.alloc(5).fill('ab', 'utf16le').toString('hex'));
}

// Generic methods work on a plain Uint8Array.
{
  const u = Uint8Array.of(154, 3, 145, 3, 163, 3);
  console.log('includes on u8', Buffer.prototype.includes.call(u, '\u03a3', 0, 'utf16le'));
}

// An object that merely inherits from ArrayBuffer is not one.
{
  function AB() {}
  Object.setPrototypeOf(AB, ArrayBuffer);
  Object.setPrototypeOf(AB.prototype, ArrayBuffer.prototype);
  attempt('from fake ArrayBuffer', () => Buffer.from(new AB()));
}

// Buffer.from(resizable) without a length tracks the buffer's size.
{
  const ab = new ArrayBuffer(10, { maxByteLength: 20 });
  const b = Buffer.from(ab, 1);
  const fixed = Buffer.from(ab, 1, 4);
  ab.resize(15);
  console.log('resizable', b.length, fixed.length);
  ab.resize(3);
  console.log('resizable shrunk', b.length);
}

// writeIntBE/LE and writeUIntBE/LE with byteLength 1 need an offset.
for (const fn of ['writeIntBE', 'writeIntLE', 'writeUIntBE', 'writeUIntLE']) {
  attempt(`${fn} no offset`, () => Buffer.alloc(2)[fn](1, undefined, 1));
  attempt(`${fn} string offset`, () => Buffer.alloc(2)[fn](1, '0', 1));
  attempt(`${fn} ok`, () => Buffer.alloc(2)[fn](1, 1, 1));
}

// DEP0005: silent when the calling code is under node_modules, once
// otherwise, and never through a user Error.prepareStackTrace.
Error.prepareStackTrace = () => 'prepared';
vm.runInNewContext('new Buffer(1)', { Buffer }, { filename: '/pkg/node_modules/dep/index.js' });
vm.runInNewContext('new Buffer(1)', { Buffer }, { filename: 'c:\\pkg\\node_modules\\dep.js' });
console.log('after node_modules calls');
vm.runInNewContext('new Buffer(1)', { Buffer }, { filename: '/app/main.js' });
vm.runInNewContext('new Buffer(1)', { Buffer }, { filename: '/app/other.js' });
console.log('prepared stack', new Error('x').stack);
Error.prepareStackTrace = undefined;
