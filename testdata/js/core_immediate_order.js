'use strict';
// Immediates queued during the check phase run on the next iteration;
// clearImmediate cancels.
setImmediate(() => {
  console.log('imm 1');
  setImmediate(() => console.log('imm 3 (next iteration)'));
  process.nextTick(() => console.log('tick between immediates'));
});
const b = setImmediate(() => console.log('never'));
setImmediate((x, y) => console.log('imm 2 args', x, y), 'a', 'b');
clearImmediate(b);
const c = setImmediate(() => {});
console.log(typeof c.ref, typeof c.unref, c.hasRef());
c.unref();
console.log(c.hasRef());
