'use strict';
// mock.property(): the proxy, its accesses, once-values and restore.
const { mock, test } = require('node:test');
const obj = { foo: 1, bar: 'x' };
const m = mock.property(obj, 'foo', 42);
console.log(typeof m, m === obj, obj.foo, m.foo, m.mock.accessCount());
console.log(m.mock.accesses.map(a => [a.type, a.value, a.stack instanceof Error, Object.getPrototypeOf(a)]));
obj.foo = 7;
console.log(obj.foo, m.mock.accessCount(), m.mock.accesses.map(a => a.type));
m.mock.mockImplementation(100);
console.log(obj.foo);
m.mock.mockImplementationOnce(5);
console.log(obj.foo, obj.foo);
m.mock.mockImplementationOnce(9, m.mock.accessCount() + 1);
console.log(obj.foo, obj.foo, obj.foo);
m.mock.resetAccesses();
console.log(m.mock.accessCount());
console.log(Object.getOwnPropertyDescriptor(obj, 'foo'));
m.mock.restore();
console.log(obj.foo, Object.getOwnPropertyDescriptor(obj, 'foo'));
const m2 = mock.property(obj, 'bar');
console.log(obj.bar, m2.mock.accessCount());
try { mock.property(obj, 'nope', 1); } catch (e) { console.log(e.code, e.message); }
try { mock.property(null, 'nope', 1); } catch (e) { console.log(e.code, e.message); }
try { m2.mock.mockImplementationOnce(1, 0); } catch (e) { console.log(e.code, e.message); }
mock.restoreAll();
console.log(obj.bar, Object.keys(m2.mock), typeof m2.mock);
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(m2.mock)));
const o3 = {}; Object.defineProperty(o3, 'g', { get() { return 'G'; }, configurable: true, enumerable: false });
const m3 = mock.property(o3, 'g', 'H');
console.log(o3.g, Object.getOwnPropertyDescriptor(o3, 'g'));

test('in test', (t) => {
  const o = { v: 1 };
  t.mock.property(o, 'v', 2);
  console.log('in test', o.v);
  after = o;
});
let after;
process.on('exit', () => console.log('after test', after.v));
// A property that cannot be written cannot be set through its mock either.
const ro = {};
Object.defineProperty(ro, 'bar', { value: 1, writable: false, configurable: true, enumerable: true });
const mro = mock.property(ro, 'bar', 2);
try { ro.bar = 3; } catch (e) { console.log(e.code, e.message); }
console.log(ro.bar, mro.mock.accessCount());
