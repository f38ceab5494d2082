'use strict';
// util.inspect of plain data (plain objects, arrays, Dates, primitives),
// which gonode formats in Go (internal/ops/util/inspect.go) when the
// options allow: edge cases of that path, then generated trees under
// assorted options, each also formatted through the JS path (a stylize
// function turns the Go path off) to check that both agree.
const util = require('util');
{
const out = [];
const p = (l, v, o) => { let s; try { s = util.inspect(v, o); } catch (e) { s = 'THREW ' + e.message; } out.push(`--- ${l}\n${s}`); };
const c1 = { a: { b: {} } }; c1.a.b.c = c1; p('circ1', c1); p('circ1d', c1, { depth: 5 });
const c2 = [1, [2]]; c2[1].push(c2); p('circ2', c2);
const c3 = { x: { y: 1 } }; c3.z = c3.x; p('shared (not circ)', c3);
p('deep', { a: { b: { c: { d: { e: 1 } } } } }, { depth: Infinity });
p('arr objs', [{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: { c: [1, 2, { d: 1 }] } }]);
p('nested in map', new Map([['k', { a: [1, 2, 3], b: { c: 'd' } }]]));
class K { constructor() { this.p = { q: [1, 2] }; } } p('class with plain', new K());
p('arr 26 nums', Array.from({ length: 26 }, (_, i) => i * 37));
p('arr 101', Array.from({ length: 101 }, (_, i) => i));
p('arr 101 strs', Array.from({ length: 101 }, (_, i) => 's' + i));
p('arr mixed more', Array.from({ length: 120 }, (_, i) => i % 2 ? i : 'x'), { maxArrayLength: 10 });
p('arr more next str', [1, 2, 3, 4, 5, 6, 7, 8, 'x'], { maxArrayLength: 8 });
p('arr more next num', [1, 2, 3, 4, 5, 6, 7, 8, 9], { maxArrayLength: 8 });
const big = []; big[5] = 1; p('holes', big);
p('dates', [new Date(0), new Date(-1), new Date(8.64e15), new Date(-62167219200000), new Date(253402300800000)]);
p('neg year', new Date(-62167219200001));
p('objs at depth', { a: { b: { c: {}, d: [], e: { f: 1 }, g: [1] } } });
p('long str in arr', ['a'.repeat(100)]);
p('long str nested', { a: { b: 'word '.repeat(30) } });
p('str just over', { k: 'x'.repeat(70) }); p('str just over2', 'x'.repeat(77));
p('str nl short', 'a\nb'); p('str nl long', ('abc\n').repeat(10));
p('quotes', ["'", '"', '`', "'\"", "'\"`", "'\"${", "'\"`${"]);
p('keys', { 'a b': 1, "a'b": 2, 'a"b': 3, 'a\nb': 4, '': 5, '0': 6, '__proto__': 7 });
p('proto key', JSON.parse('{"__proto__": {"a": 1}}'));
p('neg zero', [-0, 0, -0.0]);
p('floats', [1e21, 1e-7, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, -1e21, 2 ** 64, 123456789.123]);
p('bigints', [0n, -1n, 123456789012345678901234567890n]);
const getter = { get g() { return 1; }, a: 1 }; p('getter', { x: getter });
const sym = { a: 1, [Symbol('s')]: 2 }; p('symkey', { x: sym });
const withCustom = { a: 1, [util.inspect.custom]() { return 'C'; } }; p('custom', { x: withCustom });
const ne = { a: 1 }; Object.defineProperty(ne, 'h', { value: 1 }); p('nonenum', { x: ne });
const ownCtor = { constructor: 1 }; p('own ctor', { x: ownCtor });
const neCtor = {}; Object.defineProperty(neCtor, 'constructor', { value: Object }); p('nonenum ctor', { x: neCtor });
const tagged = { [Symbol.toStringTag]: 'T' }; p('tagged', [tagged]);
const arrx = [1]; arrx.x = 1; p('arr extra', [arrx]);
const arrg = [1, 2]; Object.defineProperty(arrg, 0, { get() { return 9; }, enumerable: true }); p('arr getter', [arrg]);
p('proxy in', { a: new Proxy({ b: 1 }, {}) }); p('proxy in sp', { a: new Proxy({ b: 1 }, {}) }, { showProxy: true });
p('nullproto in', { a: Object.create(null) });
const dk = new Date(0); dk.k = 1; p('date keys', [dk]);
class D extends Date {} p('date sub', [new D(0)]);
class A extends Array {} p('arr sub', { a: A.from([1]) });
p('compact false', { a: [1, 2, { b: 3 }] }, { compact: false });
p('compact true', { a: [1, 2, { b: 3 }] }, { compact: true });
p('breakLength small', { abc: [1, 2, 3], def: { g: 'hhhhhhhhh' } }, { breakLength: 10 });
p('sorted', { b: 1, a: { d: 1, c: 2 } }, { sorted: true });
p('colors', { a: 1, b: 's' }, { colors: true });
p('numsep', { a: 1234567 }, { numericSeparator: true });
p('maxstr', { a: 'abcdefghij' }, { maxStringLength: 3 });
p('maxarr0', { a: [1, 2] }, { maxArrayLength: 0 });
p('maxarrneg', { a: [1, 2] }, { maxArrayLength: -1 });
p('depth -1', { a: 1 }, { depth: -1 });
p('depth 0 arr', [[1], {}], { depth: 0 });
p('depth str', { a: { b: { c: 1 } } }, { depth: '1' });
p('breakLength str', { a: [1, 2, 3] }, { breakLength: '5' });
p('seen via custom', { a: { [util.inspect.custom](d, o, insp) { return insp({ x: [1, 2] }, o); } } });
const cyc = { name: 'x' }; cyc.list = [cyc, { cyc }]; p('cyc list', cyc);
const o1 = {}; for (let i = 0; i < 30; i++) o1['k' + i] = i; p('many keys', o1);
p('array of arrays', Array.from({ length: 10 }, (_, i) => [i, i * 2]));
p('format', util.format('%o %O %s %j', { a: [1] }, { b: { c: {} } }, { d: 1 }, { e: 2 }));
console.log(out.join('\n'));
}
{
let seed = 3;
function rnd() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; }
function ri(n) { return Math.floor(rnd() * n); }
const strs = ['', 'a', 'hello world', "it's", 'say "hi"', "it's \"x\"", "it's \"x\" `y`", 'a\nb', 'line1\nline2\nline3\n', 'tab\there', 'back\\slash',
  'x'.repeat(20), 'y'.repeat(75), 'long line with\nnewlines in it that goes on and on and on and on and on\nmore', '\x00\x01\x7f', '${x}`\'"', 'héllo', '日本'];
const keys = ['a', 'b', 'key', 'some_key', 'x1', '1', '10', 'a-b', 'with space', '__proto__x', '', "q'", 'CamelCase', '$d', '_u'];
function gen(d) {
  const t = ri(d > 3 ? 6 : 12);
  switch (t) {
    case 0: return ri(1000) - 500;
    case 1: return [0.5, -0, 1e21, 1e-7, NaN, Infinity, 123.456, 2 ** 53, -1.5e300][ri(9)];
    case 2: return strs[ri(strs.length - 2)];
    case 3: return [true, false, null, undefined][ri(4)];
    case 4: return BigInt(ri(100000)) * (ri(2) ? 1n : -1n);
    case 5: return new Date(ri(2) ? ri(2e12) : NaN);
    case 6: case 7: case 8: { const o = {}; const n = ri(8); for (let i = 0; i < n; i++) o[keys[ri(keys.length)] + (ri(3) ? '' : i)] = gen(d + 1); return o; }
    case 9: case 10: { const n = ri(3) ? ri(10) : ri(130); const a = []; const kind = ri(3); for (let i = 0; i < n; i++) a.push(kind === 0 ? ri(1000) : kind === 1 ? strs[ri(5)] : gen(d + 1)); return a; }
    default: return [new Map([[1, { a: 1 }]]), new Set([1]), Symbol('s'), function f() {}, { [Symbol('k')]: 1 }, Object.create(null)][ri(6)];
  }
}
const optsList = [{}, { depth: 0 }, { depth: 1 }, { depth: 5 }, { depth: null }, { compact: 1 }, { compact: 2 }, { compact: 5 }, { compact: false },
  { breakLength: 20 }, { breakLength: 40 }, { breakLength: 120 }, { breakLength: Infinity }, { maxArrayLength: 0 }, { maxArrayLength: 3 }, { maxArrayLength: 7 },
  { maxStringLength: 0 }, { maxStringLength: 4 }, { maxArrayLength: null, maxStringLength: null }, { breakLength: 30, compact: 1, depth: 3 }];
let bad = 0;
const N = 150;
for (let i = 0; i < N; i++) {
  const v = gen(0);
  const o = optsList[ri(optsList.length)];
  const fast = util.inspect(v, o);
  const slow = util.inspect(v, { ...o, stylize: (s) => s });
  if (fast !== slow) { bad++; if (bad < 4) { console.log('MISMATCH', JSON.stringify(o)); console.log(fast); console.log('---- slow'); console.log(slow); } }
  console.log(JSON.stringify(o), '\n' + fast);
}
console.log('mismatches', bad, 'of', N);
}
