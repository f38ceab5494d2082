'use strict';
// process.hrtime, hrtime.bigint, uptime, memoryUsage: types and shapes.
const t = process.hrtime();
console.log(Array.isArray(t), t.length, Number.isInteger(t[0]), Number.isInteger(t[1]));
console.log(t[1] >= 0 && t[1] < 1e9);
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0 && d[1] < 1e9);
const b1 = process.hrtime.bigint();
const b2 = process.hrtime.bigint();
console.log(typeof b1, b2 >= b1);
console.log(typeof process.uptime(), process.uptime() >= 0);
const m = process.memoryUsage();
console.log(Object.keys(m).join(','));
console.log(Object.values(m).every((v) => typeof v === 'number'));
console.log(typeof process.memoryUsage.rss(), process.memoryUsage.rss() > 0);
try {
  process.hrtime(1);
} catch (e) {
  console.log(e.code);
}
try {
  process.hrtime([1]);
} catch (e) {
  console.log(e.code);
}
const c = process.cpuUsage();
console.log(typeof c.user, typeof c.system);
