'use strict';
// assert: the Assert class, partialDeepStrictEqual, the message forms of
// node 24 (short "a !== b", stacked diff with a caret, errors without
// stacks, "simple" truncation), the falsy-expression message and async
// stacks.
const assert = require('assert');
const vm = require('vm');
const { Assert, AssertionError } = assert;

function t(label, f) {
  try {
    f();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, JSON.stringify(e.message), e.code, e.operator, e.diff, e.generatedMessage);
  }
}

// ---- the Assert class --------------------------------------------------------
console.log(Object.getOwnPropertyNames(Assert.prototype).join(' '));
console.log(Object.keys(assert).join(' '));
console.log(assert.ok === assert, assert.strictEqual === Assert.prototype.strictEqual, assert.strict.Assert === Assert);
const strictA = new Assert();
const looseA = new Assert({ strict: false, diff: 'full' });
console.log(Object.getOwnPropertyNames(strictA).join(' '), Object.getOwnPropertyNames(looseA).join(' '));
console.log(strictA.equal === Assert.prototype.strictEqual, looseA.equal === Assert.prototype.equal);
console.log(Object.getOwnPropertySymbols(looseA).map((s) => looseA[s]));
console.log(Assert.length, Assert.prototype.fail.length, Assert.prototype.throws.length, Assert.prototype.ok.length);
t('no new', () => Assert());
t('bad diff', () => new Assert({ diff: 'nope' }));
t('strict equal', () => strictA.equal(2, '2'));
looseA.equal(2, '2');
t('full diff', () => looseA.strictEqual({ a: 1 }, { a: 2 }));
const { strictEqual: detached } = looseA;
t('detached', () => detached(1, 2));
t('full notStrictEqual', () => looseA.notStrictEqual('x\n'.repeat(60), 'x\n'.repeat(60)));
t('simple notStrictEqual', () => assert.notStrictEqual('x\n'.repeat(60), 'x\n'.repeat(60)));
t('full deepEqual', () => looseA.deepEqual('a'.repeat(600), 'b'));
t('simple deepEqual', () => assert.deepEqual('a'.repeat(600), 'b'));
function Cool(name) { this.name = name; }
function Awesome(name) { this.name = name; }
const skip = new Assert({ skipPrototype: true });
skip.deepStrictEqual(new Cool('x'), new Awesome('x'));
skip.deepStrictEqual(new Uint8Array([1, 2]), Buffer.from([1, 2]));
t('skipPrototype differs', () => skip.deepStrictEqual(new Cool('x'), new Awesome('y')));
t('no skipPrototype', () => assert.deepStrictEqual(new Cool('x'), new Awesome('x')));

// ---- partialDeepStrictEqual --------------------------------------------------
function p(label, a, b) {
  t(`partial ${label}`, () => assert.partialDeepStrictEqual(a, b));
}
p('subset object', { a: 1, b: 2, c: { d: 1, e: 2 } }, { c: { d: 1 } });
p('object mismatch', { a: 1, b: 2, c: { d: 1, e: 2 } }, { c: { d: 2 } });
p('subsequence', [1, 2, 3, 4, 5], [2, 4]);
p('order matters', [1, 2, 3], [3, 1]);
p('count matters', [1, 2, 2], [2, 2, 2]);
p('zeros', [0, -0, 0], [0, 0]);
p('minus zero', [0, 0, 0], [0, -0]);
p('holes', [1, , 3], [1, undefined]);
p('holes skipped', [1, 2, 3], [1, , 3]);
p('sets', new Set([{ a: 1, b: 1 }, 2]), new Set([{ a: 1 }, 2]));
p('set multiplicity', new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 1 }, { a: 1 }]));
p('maps', new Map([[{ k: 1 }, { v: 1, w: 2 }], ['x', 1]]), new Map([[{ k: 1 }, { v: 1 }]]));
p('map value', new Map([['x', 1]]), new Map([['x', 2]]));
p('prototype ignored', new Cool('x'), { name: 'x' });
p('typed subsequence', new Uint8Array([1, 2, 3, 4]), new Uint8Array([2, 4]));
p('typed types', new Int16Array(2), new Uint16Array(2));
p('float zero', new Float32Array([0]), new Float32Array([-0]));
p('buffers', new Uint8Array([1, 2, 3]).buffer, new Uint8Array([1, 3]).buffer);
p('shared vs plain', new ArrayBuffer(2), new SharedArrayBuffer(2));
p('error message', new Error('a'), new Error());
p('error cause', new Error('a'), new Error('a', { cause: 1 }));
p('error name', new TypeError('a'), new Error('a'));
p('aggregate', new AggregateError([{ a: 1, b: 2 }, 3]), new AggregateError([{ a: 1 }]));
p('non-enumerable actual', Object.defineProperty({}, 'h', { value: 1 }), { h: 1 });
p('symbols', { [Symbol.for('s')]: 1, b: 2 }, { [Symbol.for('s')]: 1 });
p('dates', Object.assign(new Date(0), { x: 1 }), new Date(0));
p('regexp flags', /a/g, /a/);
p('urls', new URL('http://a/'), new URL('http://b/'));
p('functions', () => {}, () => {});
p('primitives', 1, '1');
p('NaN', NaN, NaN);
p('cross realm', vm.runInNewContext('({ a: [1, 2], s: new Set([1]) })'), { a: [2], s: new Set([1]) });
const circ = { x: 1 };
circ.self = circ;
p('circular', circ, { self: { x: 1 } });
const sparse = new Array(100000000);
sparse[5] = 1;
sparse[99999999] = 2;
p('huge sparse', sparse, [1, 2]);
t('partial custom', () => assert.partialDeepStrictEqual({ a: true }, { a: false }, 'custom message'));

// ---- message forms -----------------------------------------------------------
t('short', () => assert.strictEqual(1, 1n));
t('zero', () => assert.strictEqual(0, -0));
t('null undefined', () => assert.strictEqual(null, undefined));
t('caret', () => assert.strictEqual('abcdefghijklmnopq', 'abcdefghijklmnopr'));
t('caret number', () => assert.strictEqual(123456789, 1234567));
t('no caret wide', () => assert.strictEqual('x'.repeat(45), `${'x'.repeat(44)}y`));
t('custom short', () => assert.strictEqual(1, 2, 'custom'));
t('custom same structure', () => assert.strictEqual({}, {}, 'custom'));
t('same structure', () => assert.deepStrictEqual([Symbol('s')], [Symbol('s')]));
t('function refs', () => assert.strictEqual(() => {}, () => {}));
t('errors stackless', () => assert.deepStrictEqual(new Error('a', { cause: new Error('x') }),
                                                   new Error('a', { cause: new Error('y') })));
t('error vs undefined cause', () => assert.deepStrictEqual(new Error('a'), new Error('a', { cause: undefined })));
t('error classes', () => assert.deepStrictEqual(new RangeError('a'), new Error('a')));
t('notStrictEqual error', () => { const e = new Error('x'); assert.notStrictEqual(e, e); });
t('deepEqual errors', () => assert.deepEqual(new Error('a'), new Error('b')));
t('notDeepEqual unequal', () => assert.notDeepEqual([1], [2]));
t('notDeepEqual same', () => assert.notDeepEqual([1], [1]));
t('not short', () => assert.notStrictEqual(123456, 123456));
t('not tiny', () => assert.notStrictEqual(1, 1));
t('other operator', () => { throw new AssertionError({ actual: 1, expected: 2, operator: 'foo' }); });
t('context lines', () => assert.deepStrictEqual([1, 1, 1, 0, 1, 1, 1, 1], [1, 1, 1, 0, 1, 1, 1]));
for (const n of [6, 7, 8]) {
  const a = Array.from({ length: n }, (_, i) => i);
  t(`run of ${n}`, () => assert.deepStrictEqual([...a, 99], [...a, 98]));
}
t('long strings split', () => assert.deepStrictEqual({ a: `${'x'.repeat(130)}\nfoo`, b: 1 }, { a: `${'x'.repeat(130)}\nfoo`, b: 2 }));
t('long string cut', () => assert.strictEqual('a'.repeat(20000), 'b'));
try {
  assert.deepStrictEqual(Array.from({ length: 1900 }, (_, i) => i), Array.from({ length: 1900 }, (_, i) => -i - 1));
} catch (e) {
  console.log('big diff', e.message.length, e.message.split('\n').length);
}

// AssertionError inspection shortens long strings.
try {
  assert.strictEqual('A\n'.repeat(20), 'B');
} catch (e) {
  console.log(require('util').inspect(e).includes(`actual: '${'A\\n'.repeat(10)}...'`));
}

// ---- assert.ok messages ------------------------------------------------------
t('multi-line call', () => {
  assert.ok(typeof 123 === 'string'
  );
});
t('bracket callee', () => assert['ok']['call'](null, 0));
t('control char', () => assert.ok('\u0001' === ''));
Error.stackTraceLimit = 0;
t('limit 0', () => assert.ok(null));
Error.stackTraceLimit = 10;
const ctxErr = vm.runInNewContext('new SyntaxError("other realm")');
t('cross-realm message', () => assert.ok(false, ctxErr));

// Object.prototype.get does not break the errors.
Object.prototype.get = () => { throw new Error('poisoned'); };
t('poisoned prototype', () => assert.fail('x'));
delete Object.prototype.get;

// ---- large typed arrays ------------------------------------------------------
const big = new Float64Array(1e5);
assert.deepEqual(big, new Float64Array(1e5));
assert.deepStrictEqual(new Uint16Array(1e5), new Uint16Array(1e5));
const withKey = new Uint8Array(4);
withKey.extra = 1;
t('typed extra key', () => assert.deepStrictEqual(withKey, new Uint8Array(4)));

// ---- async -------------------------------------------------------------------
assert.rejects(Promise.reject(null), { code: 'FOO' }).catch((e) => {
  console.log('rejects:', JSON.stringify(e.message), e.operator);
  return assert.doesNotReject(Promise.reject(new Error('r')));
}).catch((e) => {
  console.log('doesNotReject:', JSON.stringify(e.message), e.operator);
});

// ---- CallTracker (deprecated) ------------------------------------------------
{
  const tracker = new assert.CallTracker();
  const f = tracker.calls(function foo(a) { return a * 2; }, 2);
  const g = tracker.calls();
  console.log(f.name, f.length, f(2), JSON.stringify(g.name), assert.CallTracker.name);
  console.log(tracker.getCalls(f), Object.isFrozen(tracker.getCalls(f)));
  console.log(tracker.report().map((r) => [r.message, r.actual, r.expected, r.operator, r.stack instanceof Error]));
  try {
    tracker.verify();
  } catch (e) {
    console.log(e.message, e.generatedMessage, Object.keys(e).join(' '));
  }
  t('untracked', () => tracker.getCalls(() => {}));
  t('zero calls', () => tracker.calls(() => {}, 0));
  tracker.reset();
  f(1);
  f(1);
  g();
  tracker.verify();
  console.log('verified', require('util').deprecate(function named() {}, 'x').name);
}
