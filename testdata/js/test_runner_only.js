'use strict';
// node:test `only`: once a sibling under the root or a suite is marked
// only, the others are left out; t.test subtests are not filtered.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *'), ...rest);

const { test, describe, it } = require('node:test');

test('plain', () => {});
test('marked', { only: true }, async (t) => {
  await t.test('child plain', () => {});
  await t.test('child only', { only: true }, () => {});
});
describe('suite', () => { it('a', () => {}); it.only('b', () => {}); });
describe.only('suite only', () => { it('c', () => {}); });
