// Core-module micro-benchmarks: each case runs for a fixed number of
// iterations and prints "name ops/s". Run under node and gonode by
// bench/core.sh, which prints the ratios.
'use strict';
const util = require('util');

const big = Buffer.alloc(64 * 1024, 'abcdefghij');
const b64 = big.toString('base64');
const hay = Buffer.from('x'.repeat(100000) + 'needle');
const obj = {};
for (let i = 0; i < 200; i++) obj[`key${i}`] = { n: i, s: `value ${i}`, a: [i, i + 1, i + 2], d: new Date(0) };

const cases = [
  ['Buffer.from(base64, 64KiB)', 200, () => Buffer.from(b64, 'base64')],
  ['buf.toString(hex, 64KiB)', 200, () => big.toString('hex')],
  ['buf.indexOf(needle, 100KB)', 2000, () => hay.indexOf('needle')],
  ['util.inspect(200 keys)', 50, () => util.inspect(obj, { depth: 3 })],
  ['new URL()', 20000, () => new URL('https://user:pw@example.com:8080/a/b/../c?x=1&y=2#frag')],
];

const only = process.argv[2];
for (const [name, n, fn] of cases) {
  if (only && !name.includes(only)) continue;
  fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t);
  console.log(`${name}\t${Math.round(n / (ns / 1e9))}`);
}
