'use strict';
// node:test mock: mock.fn, mock.method, implementations and call records.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *'), ...rest);

const { test, mock } = require('node:test');
const assert = require('node:assert');

test('mock.fn records calls', () => {
  const fn = mock.fn((a, b) => a + b);
  assert.strictEqual(fn(1, 2), 3);
  assert.strictEqual(fn.call('self', 3, 4), 7);
  assert.strictEqual(fn.mock.callCount(), 2);
  const [first, second] = fn.mock.calls;
  assert.deepStrictEqual(first.arguments, [1, 2]);
  assert.strictEqual(first.result, 3);
  assert.strictEqual(first.error, undefined);
  assert.strictEqual(second.this, 'self');
  fn.mock.mockImplementation(() => 'replaced');
  assert.strictEqual(fn(), 'replaced');
  fn.mock.mockImplementationOnce(() => 'once');
  assert.strictEqual(fn(), 'once');
  assert.strictEqual(fn(), 'replaced');
  fn.mock.resetCalls();
  assert.strictEqual(fn.mock.callCount(), 0);
});

test('mock.fn records errors', () => {
  const fn = mock.fn(() => { throw new RangeError('bad'); });
  assert.throws(() => fn(), RangeError);
  assert.strictEqual(fn.mock.calls[0].error.message, 'bad');
  const empty = mock.fn();
  assert.strictEqual(empty(5), undefined);
  assert.deepStrictEqual(empty.mock.calls[0].arguments, [5]);
});

test('mock.fn times', () => {
  const fn = mock.fn(() => 'original', () => 'mocked', { times: 2 });
  assert.deepStrictEqual([fn(), fn(), fn()], ['mocked', 'mocked', 'original']);
});

test('mock.method and restore', () => {
  const obj = {
    value: 10,
    get(x) { return this.value + x; },
  };
  const m = mock.method(obj, 'get');
  assert.strictEqual(obj.get(1), 11);
  assert.strictEqual(m.mock.calls[0].this, obj);
  mock.method(obj, 'get', () => 'stub');
  assert.strictEqual(obj.get(1), 'stub');
  mock.restoreAll();
  assert.strictEqual(obj.get(2), 12);
});

const log = [];
process.on('exit', () => console.log(log.join('\n')));

test('t.mock is reset after the test', (t) => {
  const obj = { f() { return 'real'; } };
  t.mock.method(obj, 'f', () => 'fake');
  assert.strictEqual(obj.f(), 'fake');
  setImmediate(() => log.push(`after the test: ${obj.f()}`));
  t.after(() => log.push(`after hook sees ${obj.f()}`));
});
