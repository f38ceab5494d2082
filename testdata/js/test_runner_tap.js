'use strict';
// node:test with --test-reporter=tap.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/duration_ms: [\d.]+/g, 'duration_ms: *')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *'), ...rest);

const { test, describe, it } = require('node:test');

test('top', () => {});
test('with subtests', async (t) => {
  await t.test('child one', () => {});
  await t.test('child two', () => {});
});
describe('suite', () => {
  it('in suite', () => {});
  it.skip('skipped');
  it.todo('later', () => {});
});
