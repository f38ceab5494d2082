const s = structuredClone; const o = { a: 1 }; o.self = o; const c = s(o); console.log(c.self === c, c !== o);
const m = new Map([[1, { x: 1 }]]); console.log(s(m).get(1).x, s(new Set([1, 2])).size, s(new Date(5)).getTime(), String(s(/a/gi)), s(10n), typeof s(Object(1)), s(Object('x')) instanceof String);
const e = s(new RangeError('boom', { cause: 1 })); console.log(e instanceof RangeError, e.message, e.name, e.cause, Object.keys(e));
try { s(() => 1); } catch (e) { console.log(e.name, e.code, e.message, e instanceof DOMException); }
try { s(Symbol('x')); } catch (e) { console.log(e.name, e.code, e.message); }
try { s({ f() {} }); } catch (e) { console.log(e.name, e.message); }
const ab = new ArrayBuffer(8); const u = new Uint8Array(ab); u[0] = 7; const r = s(u, { transfer: [ab] }); console.log(ab.byteLength, r[0], r.byteLength);
const dv = s(new DataView(new ArrayBuffer(4), 1, 2)); console.log(dv.byteLength, dv.byteOffset, dv.buffer.byteLength);
class K { constructor() { this.a = 1; } } const k = s(new K()); console.log(Object.getPrototypeOf(k) === Object.prototype, k.a);
const arr = [1, , 3]; arr.p = 'x'; const ca = s(arr); console.log(ca.length, 1 in ca, ca.p);
try { s(); } catch (e) { console.log(e.name, e.code); }
const e2 = new Error('m'); e2.name = 'Custom'; console.log(s(e2).name, s(new TypeError('t')).constructor.name);
console.log(s({ get g() { return 5; } }).g, JSON.stringify(s({ a: undefined, b: null, c: NaN })), 'a' in s({ a: undefined }));
try { s(new WeakMap()); } catch (e) { console.log(e.name, e.message); }
try { s(Promise.resolve()); } catch (e) { console.log(e.name, e.message); }
const shared = { z: 1 }; const two = s([shared, shared]); console.log(two[0] === two[1]);
const f64 = s(new Float64Array([1.5, 2.5])); console.log(f64 instanceof Float64Array, f64[1]);
