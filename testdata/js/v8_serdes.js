'use strict';
// v8.serialize / v8.deserialize and the Serializer classes: the bytes must
// be V8's ValueSerializer format (version 15) exactly as node writes them,
// so that data crosses between node and gonode both ways.

const v8 = require('v8');
const util = require('util');

// raw writes v with the base Serializer (views as 'V' after their buffer).
function raw(v) {
  const s = new v8.Serializer();
  s.writeHeader();
  s.writeValue(v);
  return s.releaseBuffer().toString('hex');
}

const ab = new ArrayBuffer(4);
const shared = { k: 1 };
const circular = { name: 'c' };
circular.self = circular;
const withCause = new TypeError('bad', { cause: 42 });
withCause.stack = 'TypeError: bad\n    at here';
const rangeErr = new RangeError('r');
rangeErr.stack = 'RangeError: r';

const cases = [
  ['undefined', undefined], ['null', null], ['true', true], ['false', false],
  ['int', 42], ['negative int', -1], ['int32 max', 2 ** 31 - 1], ['int32 min', -(2 ** 31)],
  ['2^31', 2 ** 31], ['double', 1.5], ['-0', -0], ['NaN', NaN], ['Infinity', Infinity],
  ['bigint 0', 0n], ['bigint', 12345678901234567890n], ['negative bigint', -5n], ['big bigint', 2n ** 100n],
  ['ascii', 'hello'], ['latin1', 'caf\u00e9'], ['two-byte', '\u20ac uro'], ['emoji', 'a\u{1F600}'],
  ['empty string', ''], ['long string', 'x'.repeat(200)],
  ['object', { a: 1, b: 'two', c: [3] }], ['index keys', { 2: 'b', 1: 'a', x: 0 }],
  ['padding key', { '\u20ac': 1 }], ['two-byte value', { a: '\u20ac' }],
  ['dense array', [1, 2, 3]], ['double array', [1.5, 2]], ['mixed array', [1, 'a', null, undefined]],
  ['holey array', [1, , 3]], ['sparse array', Object.assign(new Array(50), { 7: 'x' })],
  ['array with props', Object.assign([1, 2], { extra: true })],
  ['shared refs', [shared, shared, { inner: shared }]], ['circular', circular],
  ['date', new Date(86400000)], ['regexp', /a.b/gimsuy], ['regexp dv', /x/dv],
  ['map', new Map([[1, 'one'], ['k', { v: true }]])], ['set', new Set([1, 'two', 3n])],
  ['Number object', new Number(3)], ['String object', new String('ab')],
  ['Boolean object', new Boolean(false)], ['BigInt object', Object(7n)],
  ['ArrayBuffer', new Uint8Array([1, 2, 3]).buffer], ['resizable ArrayBuffer', new ArrayBuffer(2, { maxByteLength: 8 })],
  ['Buffer', Buffer.from('hi')], ['Uint8Array', new Uint8Array([1, 2])],
  ['Int16Array', new Int16Array([-1, 2])], ['Float64Array', new Float64Array([0.5])],
  ['BigInt64Array', new BigInt64Array([-1n])], ['DataView', new DataView(new ArrayBuffer(3))],
  ['view of shared buffer', [ab, new Uint8Array(ab, 1, 2)]],
  ['error', withCause], ['range error', rangeErr],
  ['class instance', new (class Point { constructor() { this.x = 1; this.y = 2; } })()],
];

for (const [name, value] of cases) {
  const bytes = v8.serialize(value);
  const back = v8.deserialize(bytes);
  let same;
  if (value instanceof Error) {
    same = back instanceof value.constructor && back.message === value.message &&
      back.stack === value.stack && back.cause === value.cause;
  } else {
    same = util.isDeepStrictEqual(back, value) ||
      (value !== null && typeof value === 'object' && value.constructor !== Object &&
       !Array.isArray(value) && util.isDeepStrictEqual(back, { ...value }));
  }
  // A Buffer's raw form holds its whole pool, whose size differs.
  const r = Buffer.isBuffer(value) ? '(pool)' : raw(value);
  console.log(`${name}: ${bytes.toString('hex')} raw=${r} roundtrip=${same}`);
}

// Bytes written by node deserialize here (and the reverse: these are what
// node writes).
const fromNode = [
  'ff0f6f2203666f6f5e007b01', // { foo: <self> }
  'ff0d6f2203666f6f5e007b01', // the same in wire format 13
  'ff0f41034902490449062400035f', // [1, 2, 3] then undefined
  'ff0f3b2201614902220162490a3a04', // Map { a => 1, b => 5 }
  'ff0f5c0a0568656c6c6f', // Buffer 'hello'
];
for (const hex of fromNode) {
  const des = new v8.DefaultDeserializer(Buffer.from(hex, 'hex'));
  des.readHeader();
  const v = des.readValue();
  console.log(hex, 'version', des.getWireFormatVersion(), util.inspect(v));
}
console.log(util.inspect(v8.deserialize(Buffer.from('ff0f5c0a0568656c6c6f', 'hex'))));

// The raw Serializer API.
{
  const ser = new v8.Serializer();
  ser.writeHeader();
  ser.writeUint32(300);
  ser.writeUint64(1, 2);
  ser.writeDouble(-0.25);
  ser.writeRawBytes(Buffer.from('raw'));
  ser.writeValue('end');
  const buf = ser.releaseBuffer();
  console.log('primitives', buf.toString('hex'));
  const des = new v8.Deserializer(buf);
  console.log(des.readHeader(), des.readUint32(), des.readUint64(), des.readDouble(),
              des.readRawBytes(3).toString(), des.readValue());
}

// Host objects through _writeHostObject / _readHostObject.
{
  class Custom { constructor(n) { this.n = n; } }
  const ser = new v8.DefaultSerializer();
  ser.writeHeader();
  ser.writeValue({ list: [new Uint32Array([7, 8])], when: new Date(0) });
  const des = new v8.DefaultDeserializer(ser.releaseBuffer());
  des.readHeader();
  console.log('default', util.inspect(des.readValue()));
  void Custom;
}

// Transferred ArrayBuffers are written by id.
{
  const buffer = new ArrayBuffer(2);
  const ser = new v8.Serializer();
  ser.transferArrayBuffer(3, buffer);
  ser.writeHeader();
  ser.writeValue({ buffer });
  const bytes = ser.releaseBuffer();
  console.log('transfer', bytes.toString('hex'));
  const des = new v8.Deserializer(bytes);
  const target = new Uint8Array([9, 9]).buffer;
  des.transferArrayBuffer(3, target);
  des.readHeader();
  console.log(des.readValue().buffer === target);
}

// Errors.
for (const f of [
  () => v8.serialize(() => 1),
  () => v8.serialize(Symbol('s')),
  () => v8.serialize(new WeakMap()),
  () => v8.serialize({ p: Promise.resolve() }),
  () => v8.serialize(new SharedArrayBuffer(1)),
  () => v8.deserialize(Buffer.from('ff0f01', 'hex')),
  () => v8.deserialize(Buffer.from('ff10', 'hex')),
  () => v8.deserialize('not a buffer'),
  () => new v8.Serializer().writeRawBytes('x'),
  () => new v8.Deserializer(Buffer.alloc(0)).readDouble(),
  () => v8.Serializer(),
]) {
  try {
    f();
    console.log('no error');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

{
  const ser = new v8.Serializer();
  ser._getDataCloneError = (message) => new RangeError(`custom: ${message}`);
  try {
    ser.writeValue(new Proxy({}, {}));
  } catch (err) {
    console.log(err.name, err.message);
  }
}

const s = v8.getHeapStatistics();
// (total_allocated_bytes is newer than some node 24 releases.)
console.log(Object.keys(s).filter((k) => k !== 'total_allocated_bytes').sort().join(),
            Object.values(s).every((n) => typeof n === 'number'));
console.log(v8.getHeapSpaceStatistics().map((x) => x.space_name).sort().join());
console.log(Object.keys(v8.getHeapCodeStatistics()).sort().join());
const tag = v8.cachedDataVersionTag();
console.log(typeof tag, tag === v8.cachedDataVersionTag());
console.log(v8.isStringOneByteRepresentation('abc\u00ff'), v8.isStringOneByteRepresentation('\u20ac'));
