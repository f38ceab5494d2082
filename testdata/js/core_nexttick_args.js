'use strict';
// nextTick passes extra arguments; validation errors are Node's.
process.nextTick((a, b, c) => console.log('args', a, b, c), 1, 'two', [3]);
for (const bad of [undefined, 'str', 1]) {
  try {
    process.nextTick(bad);
  } catch (e) {
    console.log(e.code, e.name);
  }
}
for (const fn of [setTimeout, setInterval, setImmediate]) {
  try {
    fn('not a function', 1);
  } catch (e) {
    console.log(fn.name, e.code);
  }
}
