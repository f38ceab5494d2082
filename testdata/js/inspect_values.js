'use strict';
// util.inspect of primitives, arrays, objects, Map/Set and class instances.
const util = require('util');
const log = (...a) => console.log(...a);
log('str', util.inspect('str'), util.inspect("it's"), util.inspect('it\'s "x"'), util.inspect('it\'s "x" `y`'));
log(util.inspect('\x00\x07\b\t\n\x0b\f\r\x1b\x7f\\'), util.inspect('\ud83d'), util.inspect('😀'));
log(-0, [-0], 0, 1e21, 1.5, NaN, -Infinity, 10n, -5n, true, null, undefined, Symbol('s'), Symbol(), Symbol.iterator);
log([1, , 3], [, ,], new Array(5), [1, 2, , , , 6, ,], Object.assign([1, 2], { x: 3 }), []);
log(Array.from({ length: 120 }, (_, i) => i));
log({ a: { b: { c: { d: { e: 1 } } } } }, [[[[1]]]], { x: [], y: {} });
log(new Map([['a', 1], ['b', { x: [1, 2] }]]), new Set([1, 'two', [3]]), new Map(), new Set());
log(new Map([[{ a: 1 }, new Set([1])]]), new Set([[1, 2], { a: new Set([1]) }]));
class Foo { constructor() { this.x = 1; this.y = [1, 2]; } }
log(new Foo(), [new Foo()], { foo: new Foo() });
class Bar extends Map {}
log(new Bar([[1, 2]]), new (class Arr extends Array {})(1, 2), Object.create(null), Object.assign(Object.create(null), { a: 1 }));
log(Object.create(Object.create(null)), Object.create(Foo.prototype));
class Tagged { get [Symbol.toStringTag]() { return 'TT'; } }
log(new Tagged(), { get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} });
log(util.inspect({ get a() { return { x: 1 }; }, get n() { return null; }, get p() { return 'p'; } }, { getters: true }));
log({ 'key with space': 2, '0abc': 3, valid_id: 4, __proto__x: 1, 'a-b': 5 });
log(function () {}, () => {}, async function af() {}, function* g() {}, async function* ag() {}, class {}, class A extends Map {}, Math.max);
log(Object.assign(function named() {}, { x: 1 }), [Object.assign(() => {}, { prop: 1 })]);
log(new Number(3), new String('ab'), Object(Symbol('s')), Object(1n), new Boolean(false), Object.assign(new Number(1), { x: 2 }));
log([new Date(0), new Date(NaN), /a/g, Object.assign(/x/, { k: 1 })], { d: new Date(1e12) });
log((function () { return arguments; })(1, 'a'));
log(new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array([1n, -2n]), new Uint8Array(0));
log(new Uint8Array(130));
log(Promise.resolve(42), new Promise(() => {}), Promise.resolve({ nested: [1] }));
const rejected = Promise.reject(new RangeError('no'));
rejected.catch(() => {});
const rej2 = Promise.reject(3);
rej2.catch(() => {});
log(rej2);
log(new WeakMap(), new WeakSet(), [new WeakMap()]);
log(new Proxy({ a: 1 }, { get() { return 5; } }), new Proxy([1, 2], {}), util.inspect(new Proxy({ a: 1 }, {}), { showProxy: true }));
log(new Map([['a', 1], ['b', 2]]).entries(), new Set([1, 2]).values(), new Map([[1, 2]]).keys());
const it = new Map([['a', 1], ['b', 2]]).values();
it.next();
log(it);
