'use strict';
// node:test expectFailure: a failing test passes, a passing one fails;
// a matcher must accept the error; subtests inherit the expectation.
// Also getTestContext() and assert.register().
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *')
  .replace(/^(test at .*:\d+):\d+$/gm, '$1'), ...rest);

const nodeTest = require('node:test');
const { test, describe, it, getTestContext } = nodeTest;

test.expectFailure('fails as expected', () => {
  throw 'expected';
});
test('regexp matcher', { expectFailure: /right/ }, () => {
  throw new Error('the right error');
});
test('class matcher', { expectFailure: RangeError }, () => {
  throw new RangeError('range');
});
test('unexpected pass', { expectFailure: true }, () => {});
describe('suite expecting failure', { expectFailure: true }, () => {
  it('throws', () => {
    throw 'inside';
  });
});
try {
  test('empty object', { expectFailure: {} }, () => {});
} catch (err) {
  console.log(err.code);
}

nodeTest.assert.register('isEven', (n) => {
  if (n % 2 !== 0) throw 'odd';
});
test('custom assertion and context', (t) => {
  t.plan(2);
  t.assert.isEven(4);
  t.assert.ok(getTestContext() === t);
});
console.log('outside a test:', getTestContext());
