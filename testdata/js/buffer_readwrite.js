'use strict';
// Integer, float and bigint accessors and their errors.
const b = Buffer.alloc(16);
function show(label, f) {
  try {
    const r = f();
    console.log(label, typeof r === 'bigint' ? `${r}n` : r, b.toString('hex'));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

show('w8', () => b.writeUInt8(255, 0));
show('wi8', () => b.writeInt8(-2, 1));
show('w16le', () => b.writeUInt16LE(0xbeef, 2));
show('w16be', () => b.writeUint16BE(0xcafe, 4));
show('wi16le', () => b.writeInt16LE(-300, 6));
show('w32le', () => b.writeUInt32LE(0xdeadbeef, 8));
show('wi32be', () => b.writeInt32BE(-123456789, 12));
for (const m of ['readUInt8', 'readInt8', 'readUint8']) show(m, () => b[m](1));
for (const m of ['readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE', 'readUint16LE']) show(m, () => b[m](2));
for (const m of ['readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readUint32BE']) show(m, () => b[m](8));
for (const n of [1, 2, 3, 4, 5, 6]) {
  show(`readUIntLE${n}`, () => b.readUIntLE(3, n));
  show(`readUIntBE${n}`, () => b.readUIntBE(3, n));
  show(`readIntLE${n}`, () => b.readIntLE(3, n));
  show(`readIntBE${n}`, () => b.readIntBE(3, n));
}
b.fill(0);
show('wUIntLE6', () => b.writeUIntLE(0x123456789abc, 0, 6));
show('wUIntBE5', () => b.writeUIntBE(0x123456789a, 6, 5));
show('wIntLE3', () => b.writeIntLE(-0x123456, 11, 3));
show('wIntBE6', () => b.writeIntBE(-0x123456789abc, 10, 6));
show('rIntBE6', () => b.readIntBE(10, 6));
show('wUintLE2', () => b.writeUintLE(0xffff, 0, 2));

b.fill(0);
show('wFloatLE', () => b.writeFloatLE(1.5, 0));
show('wFloatBE', () => b.writeFloatBE(-0.25, 4));
show('wDoubleLE', () => b.writeDoubleLE(Math.PI, 8));
show('rFloatLE', () => b.readFloatLE(0));
show('rFloatBE', () => b.readFloatBE(4));
show('rDoubleLE', () => b.readDoubleLE(8));
show('wDoubleBE', () => b.writeDoubleBE(-1e300, 0));
show('rDoubleBE', () => b.readDoubleBE(0));
show('wFloatNaN', () => b.writeFloatLE(NaN, 8));
show('rFloatNaN', () => b.readFloatLE(8));
show('wFloatInf', () => b.writeFloatBE(Infinity, 12));
show('rFloatInf', () => b.readFloatBE(12));

b.fill(0);
show('wBigU64LE', () => b.writeBigUInt64LE(0x0102030405060708n, 0));
show('wBigI64BE', () => b.writeBigInt64BE(-2n, 8));
show('rBigU64LE', () => b.readBigUInt64LE(0));
show('rBigU64BE', () => b.readBigUint64BE(0));
show('rBigI64BE', () => b.readBigInt64BE(8));
show('rBigI64LE', () => b.readBigInt64LE(8));
show('wBigMax', () => b.writeBigUInt64BE(2n ** 64n - 1n, 8));
show('rBigMax', () => b.readBigUInt64LE(8));

// Errors.
show('e1', () => b.readUInt8(16));
show('e2', () => b.readUInt16LE(15));
show('e3', () => b.readUInt32BE(-1));
show('e4', () => b.readInt8(1.5));
show('e5', () => b.readInt8('1'));
show('e6', () => b.readDoubleLE(9));
show('e7', () => b.readUIntLE(0));
show('e8', () => b.readUIntLE(0, 7));
show('e9', () => b.readIntBE(0, 0));
show('e10', () => b.readIntBE(0, 2.5));
show('e11', () => b.writeUInt8(256));
show('e12', () => b.writeInt8(-129));
show('e13', () => b.writeUInt16BE(-1));
show('e14', () => b.writeInt16LE(32768));
show('e15', () => b.writeUInt32LE(2 ** 32));
show('e16', () => b.writeInt32BE(-(2 ** 31) - 1));
show('e17', () => b.writeUIntLE(2 ** 40, 0, 5));
show('e18', () => b.writeIntBE(2 ** 47, 0, 6));
show('e19', () => b.writeIntLE(-(2 ** 23) - 1, 0, 3));
show('e20', () => b.writeUInt32LE(1, 13));
show('e21', () => b.writeBigInt64LE(2n ** 63n));
show('e22', () => b.writeBigUInt64BE(-1n));
show('e23', () => b.writeBigUInt64LE(1n, 9));
show('e24', () => b.writeDoubleBE(1, 9));
show('e25', () => Buffer.alloc(2).readFloatLE(0));
show('e26', () => b.writeUInt8(1, 16));
show('e27', () => b.writeUInt16LE(1, '0'));
show('e28', () => b.readUInt16LE(NaN));
show('e29', () => b.readBigInt64LE(1.5));
show('e30', () => b.writeUIntBE(1, 0, 7));
show('ok', () => b.writeUInt16LE('258', 0));
show('ok2', () => b.writeInt16BE(1.9, 2));
