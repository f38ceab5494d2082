'use strict';
// node:test: failures set the exit code to 1 and are listed at the end.
// Thrown values are strings so that no stack trace reaches the output.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *'), ...rest);

const { test, describe, it } = require('node:test');

test('passes', () => {});
test('throws a string', () => {
  throw 'plain string';
});
test('rejects', async () => {
  await null;
  throw 'async string';
});
test('callback error', (t, done) => {
  setImmediate(() => done('callback string'));
});
test('parent', async (t) => {
  await t.test('good child', () => {});
  await t.test('bad child', () => {
    throw 'child string';
  });
});
describe('suite with a failure', () => {
  it('ok', () => {});
  it('not ok', () => {
    throw 'suite string';
  });
});
test('plan mismatch', (t) => {
  t.plan(2);
  t.assert.ok(true);
});
test('timeout', { timeout: 10 }, () => new Promise((resolve) => setTimeout(resolve, 100)));
test('failing todo', { todo: 'known bug' }, () => {
  throw 'todo string';
});
process.on('exit', (code) => console.log('exit', code));
