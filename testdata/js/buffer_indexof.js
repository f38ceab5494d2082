'use strict';
// indexOf / lastIndexOf / includes with every needle kind.
const b = Buffer.from('abcabc€d€');
const needles = ['', 'a', 'bc', 'c', '€', 'zz', 'abcabc€d€x', 98, 98 + 256, -158, 0x82,
  Buffer.from('ca'), Buffer.alloc(0), new Uint8Array([0xe2, 0x82])];
const offsets = [undefined, 0, 1, 3, 4, -1, -3, -100, 100, NaN, null, {}, 2.7, -2.7];
for (const n of needles) {
  const label = typeof n === 'object' ? `buf(${Buffer.from(n).toString('hex')})` : JSON.stringify(n);
  const row = [];
  for (const o of offsets) row.push(`${b.indexOf(n, o)}/${b.lastIndexOf(n, o)}/${b.includes(n, o) ? 1 : 0}`);
  console.log(label, row.join(' '));
}
// Encodings of needles.
console.log(b.indexOf('6263', 'hex'), b.indexOf('6263', 2, 'hex'), b.lastIndexOf('YWJj', 'base64'),
  b.indexOf('\u20ac', 'latin1'), b.indexOf('\xac', 'latin1'));
const u = Buffer.from('xabab\u20ac', 'utf16le');
console.log(u.indexOf('ab', 'utf16le'), u.lastIndexOf('ab', 'ucs2'), u.indexOf('b', 0, 'ucs2'),
  u.indexOf('\u20ac', 'ucs2'), u.indexOf('a', 3, 'ucs2'), u.lastIndexOf('a', 5, 'ucs2'),
  Buffer.from('aab\u0000', 'latin1').indexOf('\u6261', 'ucs2'), Buffer.from('a').indexOf('a', 'ucs2'),
  u.indexOf(Buffer.from('b\u0000'), 0, 'ucs2'));
for (const bad of [() => b.indexOf({}), () => b.indexOf('a', 0, 'nope'), () => b.indexOf(true), () => b.indexOf('a', ''),
  () => Buffer.prototype.indexOf.call('abc', 'a')]) {
  try { console.log(bad()); } catch (e) { console.log(e.name, e.code, e.message); }
}
const big = Buffer.alloc(100000, 'x');
big.write('needle', 77777);
console.log(big.indexOf('needle'), big.lastIndexOf('needle'), big.indexOf('needle', 77778), big.includes('xneedlex'));
