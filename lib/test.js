'use strict';
// node:test (loadable only with the node: scheme). The runner lives in
// internal/test_runner/test.js; this file shapes the public functions.

const runner = require('internal/test_runner/test');
const { notImplemented } = require('internal/errors');

function withVariants(fn) {
  for (const kind of ['skip', 'todo', 'only', 'expectFailure']) {
    fn[kind] = function(name, options, body) {
      if (typeof name === 'function' || (typeof name === 'object' && name !== null)) {
        body = typeof options === 'function' ? options : body;
        options = typeof name === 'object' ? name : {};
        name = undefined;
        if (typeof arguments[0] === 'function') body = arguments[0];
      } else if (typeof options === 'function') {
        body = options;
        options = {};
      }
      return fn(name, { ...(options ?? {}), [kind]: true }, body);
    };
  }
  return fn;
}

const test = withVariants(function test(name, options, fn) {
  return runner.test(name, options, fn);
});
const suite = withVariants(function suite(name, options, fn) {
  return runner.suite(name, options, fn);
});
const it = test;
const describe = suite;

let mockTracker;

module.exports = test;
Object.assign(test, {
  test,
  it,
  suite,
  describe,
  before: runner.before,
  after: runner.after,
  beforeEach: runner.beforeEach,
  afterEach: runner.afterEach,
  run() { throw notImplemented('test.run'); },
  assert: { register: runner.registerAssert },
  getTestContext: runner.getTestContext,
});
// As in node, suite/describe report the name 'test'.
Object.defineProperty(suite, 'name', { value: 'test' });
Object.defineProperty(test, 'mock', {
  enumerable: true,
  configurable: true,
  get() {
    mockTracker ??= new (require('internal/test_runner/mock').MockTracker)();
    return mockTracker;
  },
});
Object.defineProperty(test, 'snapshot', {
  enumerable: true,
  configurable: true,
  get() {
    return {
      setDefaultSnapshotSerializers() { throw notImplemented('snapshot.setDefaultSnapshotSerializers'); },
      setResolveSnapshotPath() { throw notImplemented('snapshot.setResolveSnapshotPath'); },
    };
  },
});
