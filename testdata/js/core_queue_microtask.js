'use strict';
// queueMicrotask interleaves with promise jobs in FIFO order and validates.
const out = [];
queueMicrotask(() => out.push(1));
Promise.resolve().then(() => out.push(2));
queueMicrotask(() => {
  out.push(3);
  queueMicrotask(() => out.push(5));
});
Promise.resolve().then(() => out.push(4));
try {
  queueMicrotask('nope');
} catch (e) {
  console.log(e.name, e.code);
  console.log(e.message);
}
setTimeout(() => console.log(out.join(',')), 0);
