'use strict';
// Construction, concat, compare, copy, fill, slicing and identity.
const { Buffer, SlowBuffer, constants, kMaxLength, kStringMaxLength, INSPECT_MAX_BYTES } = require('buffer');
const hex = (b) => b.toString('hex');
const err = (f) => { try { const r = f(); console.log('ok', r instanceof Uint8Array ? hex(r) : r); } catch (e) { console.log(e.name, e.code, e.message); } };

const a = Buffer.from('hello');
console.log(a instanceof Buffer, a instanceof Uint8Array, Buffer.isBuffer(a), Buffer.isBuffer(new Uint8Array(2)),
  Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, a.constructor === Buffer,
  Buffer.from([1]).subarray(0) instanceof Buffer, a.slice(1) instanceof Buffer, typeof Buffer.poolSize,
  typeof constants.MAX_LENGTH, constants.MAX_LENGTH === kMaxLength, constants.MAX_STRING_LENGTH === kStringMaxLength,
  INSPECT_MAX_BYTES);
console.log(hex(Buffer.from([1, 2, 256, -1, 3.7, '4'])), hex(Buffer.from(new Uint16Array([1, 0x1234]))),
  hex(Buffer.from({ length: 3, 0: 9, 1: 8 })), hex(Buffer.from({ type: 'Buffer', data: [7, 6] })),
  hex(Buffer.from(new String('str'))), hex(Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } })),
  hex(Buffer.from({ valueOf() { return 'vo'; } })), hex(Buffer.from({ length: 'x' })), hex(Buffer.of(1, 2, 3)));

// Memory sharing.
const ab = new ArrayBuffer(8);
const v = Buffer.from(ab, 2, 4);
new Uint8Array(ab)[3] = 0x55;
console.log(hex(v), v.byteOffset, v.length, v.buffer === ab, hex(Buffer.from(ab, 6)), hex(Buffer.from(ab, '1', '2')));
const s = a.slice(1, 3);
s[0] = 0x45;
const sa = a.subarray(-2);
sa[1] = 0x4f;
console.log(a.toString(), hex(s), hex(sa), hex(a.slice(-100, 2)), hex(a.slice(3, 1)), hex(a.slice(NaN, '2')));
const copy = Buffer.from(a);
copy[0] = 0;
console.log(a.toString(), hex(copy));
err(() => Buffer.from(ab, 9));
err(() => Buffer.from(ab, 0, 9));

// concat.
console.log(hex(Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63]), Buffer.alloc(0)])),
  hex(Buffer.concat([Buffer.from('abc')], 2)), hex(Buffer.concat([Buffer.from('a')], 3)), Buffer.concat([]).length);
err(() => Buffer.concat([Buffer.from('a'), 'b']));
err(() => Buffer.concat('ab'));

// compare / equals.
const x = Buffer.from('abc');
const y = Buffer.from('abd');
console.log(Buffer.compare(x, y), Buffer.compare(y, x), Buffer.compare(x, Buffer.from('abc')), x.compare(y),
  x.compare(y, 0, 2, 0, 2), x.compare(y, 2), x.compare(y, 1, 1), x.compare(y, 0, 3, 3), x.equals(y),
  x.equals(Buffer.from('abc')), [y, x, Buffer.from('a')].sort(Buffer.compare).map(String).join());
err(() => Buffer.compare(x, 'abc'));
err(() => x.compare(y, 1.5));
err(() => x.compare(y, '1'));
err(() => x.compare(y, 0, 4));
err(() => x.equals('abc'));

// copy.
const t = Buffer.alloc(6, '.');
console.log(x.copy(t), x.copy(t, 4), x.copy(t, 1, 1, 2), x.copy(t, 10), x.copy(t, 0, 3), t.toString());
const ov = Buffer.from('123456');
ov.copy(ov, 2, 0, 4);
console.log(ov.toString());
err(() => x.copy(t, -1));
err(() => x.copy(t, 0, 5));
err(() => x.copy('t'));

// fill.
console.log(hex(Buffer.alloc(5, 'ab')), hex(Buffer.alloc(4, 0x101)), hex(Buffer.alloc(3, Buffer.from([1, 2]))),
  hex(Buffer.alloc(4, 'e282ac', 'hex')), hex(Buffer.alloc(4, '€', 'latin1')), hex(Buffer.alloc(3).fill('a', 1)),
  hex(Buffer.alloc(4).fill('b', 1, 3)), hex(Buffer.alloc(4).fill('YQ', 'base64')), hex(Buffer.alloc(3).fill('')),
  hex(Buffer.alloc(3).fill(true)));
err(() => Buffer.alloc(3).fill('zz', 'hex'));
err(() => Buffer.alloc(3).fill('a', 'bogus'));
err(() => Buffer.alloc(3).fill('a', 0, 4));
err(() => Buffer.alloc(3).fill(Buffer.alloc(0)));

// alloc errors.
err(() => Buffer.alloc('3'));
err(() => Buffer.allocUnsafe('1'));
err(() => Buffer.from(5));
err(() => Buffer.from(null));
err(() => Buffer.from('abc', 'nope'));
err(() => Buffer.from('abc').toString('nope'));
console.log(Buffer.allocUnsafe(3).length, Buffer.allocUnsafeSlow(3).length, SlowBuffer(2).length);

// swap, toJSON, inspect, copyBytesFrom.
console.log(hex(Buffer.from('0102030405060708', 'hex').swap16()), hex(Buffer.from('0102030405060708', 'hex').swap32()),
  hex(Buffer.from('0102030405060708', 'hex').swap64()));
err(() => Buffer.from('abc').swap16());
err(() => Buffer.from('abc').swap32());
console.log(JSON.stringify(Buffer.from('hi')), JSON.stringify({ b: Buffer.from([1]) }));
const inspect = Symbol.for('nodejs.util.inspect.custom');
console.log(Buffer.from('hello')[inspect](), Buffer.alloc(0)[inspect](), Buffer.alloc(60, 1)[inspect](),
  Buffer.alloc(51)[inspect]());
console.log(hex(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1)), hex(Buffer.copyBytesFrom(new Uint8Array([1, 2, 3]), 1, 1)));
err(() => Buffer.copyBytesFrom([1]));
console.log(Buffer.byteLength('héllo'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(5)),
  Buffer.byteLength('abc', 'bogus'));
err(() => Buffer.byteLength(5));
