'use strict';
// node:test: nesting, hooks, async and callback tests, subtests. Durations
// and source columns vary, so they are masked on the way out.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *')
  .replace(/^(test at .*:\d+):\d+$/gm, '$1'), ...rest);

const { test, describe, it, before, after, beforeEach, afterEach, suite } = require('node:test');
const assert = require('node:assert');

const log = [];
process.on('exit', (code) => {
  console.log(log.join('\n'));
  console.log('exit', code);
});

before(() => log.push('root before'));
after(() => log.push('root after'));
beforeEach((t) => log.push(`root beforeEach ${t.name}`));
afterEach((t) => log.push(`root afterEach ${t.name}`));

const p = test('sync', (t) => {
  log.push(`sync ${t.name} ${t.fullName}`);
  assert.strictEqual(typeof t.signal.aborted, 'boolean');
});
log.push(`test() returns a promise: ${p instanceof Promise}`);

test('async', async (t) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  log.push('async after timer');
  await t.test('awaited subtest', async () => {
    await Promise.resolve();
    log.push('awaited subtest');
  });
  t.diagnostic('a diagnostic line');
});

test('callback', (t, done) => {
  setImmediate(() => {
    log.push('callback done');
    done();
  });
});

test('t.assert and plan', (t) => {
  t.plan(3);
  t.assert.ok(true);
  t.assert.strictEqual(1, 1);
  t.assert.deepStrictEqual({ a: [1] }, { a: [1] });
});

test('test hooks', async (t) => {
  t.before(() => log.push('t.before'));
  t.beforeEach((c) => log.push(`t.beforeEach ${c.name}`));
  t.afterEach((c) => log.push(`t.afterEach ${c.name}`));
  t.after(() => log.push('t.after'));
  await t.test('one', () => log.push('one'));
  await t.test('two', () => log.push('two'));
});

describe('a suite', () => {
  log.push('suite body runs at once');
  before(() => log.push('suite before'));
  after(() => log.push('suite after'));
  beforeEach((t) => log.push(`suite beforeEach ${t.name}`));
  it('first', () => log.push('first'));
  it('second', async () => log.push('second'));
  describe('inner', () => {
    it('deep', (t) => log.push(`deep ${t.fullName}`));
  });
  it.skip('skipped it', () => log.push('never'));
  it.todo('todo it');
});

suite('suite alias', () => {
  test('inside suite', () => {});
});

test('skip option', { skip: true }, () => log.push('never'));
test('skip message', { skip: 'not today' }, () => {});
test.skip('test.skip', () => {});
test.todo('test.todo', () => {});
test('runtime skip', (t) => t.skip('decided at runtime'));
test('runtime todo', (t) => t.todo());
test(function namedFunction() {});
test('no function');
log.push('main module done');
