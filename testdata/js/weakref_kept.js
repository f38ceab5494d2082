// A WeakRef's target stays alive at least until the current job ends,
// even when nothing else holds it (the spec's kept objects; undici's
// fetch resolves with new WeakRef(response).deref()).
const r = new WeakRef({ a: 1 });
console.log(r.deref());
const again = new WeakRef([1, 2, 3]).deref();
console.log(again);
console.log(r instanceof WeakRef, Object.getPrototypeOf(WeakRef.prototype) === Object.prototype);
console.log(WeakRef.name, WeakRef.length, Object.prototype.toString.call(r));
class Sub extends WeakRef {}
const s = new Sub({ b: 2 });
console.log(s instanceof Sub, s instanceof WeakRef, s.deref());
try {
  WeakRef({});
} catch (e) {
  console.log(e instanceof TypeError);
}
const kept = {};
const k = new WeakRef(kept);
setTimeout(() => console.log(k.deref() === kept), 5);
