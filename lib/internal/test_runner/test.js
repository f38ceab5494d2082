'use strict';
// The node:test runner: Test and Suite trees, hooks, the harness that runs
// the top-level tests after the main module and prints a report.
//
// Everything runs one test at a time (the concurrency option is validated
// but tests never overlap). The root's before hooks start at the first
// test() call and the tests on a setImmediate after it, so the main
// module's synchronous code runs first. The root finishes when its queue
// stays empty for a turn of the loop (or on 'beforeExit', cancelling tests
// whose promises can no longer settle); the summary is printed on 'exit'.
//
// Without async context tracking, a test()/describe() call finds its parent
// from the call stack (a suite or test body running), else a pending async
// suite body, else the running test, else the root.

const {
  validateFunction, validateObject, validateNumber, validateInteger, validateUint32,
} = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_TEST_FAILURE },
} = require('internal/errors');

const kTestCodeFailure = 'testCodeFailure';
const kHookFailure = 'hookFailed';
const kSubtestsFailed = 'subtestsFailed';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kCancelledByParent = 'cancelledByParent';
const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kMultipleCallbackInvocations = 'multipleCallbackInvocations';

function now() {
  return process.hrtime.bigint();
}

// The file:line:col of the first stack frame outside the library, as node
// reports a test's location.
function callerLocation() {
  const stack = new Error().stack || '';
  for (const line of stack.split('\n')) {
    const m = /\((\/[^()]*|file:[^()]*):(\d+):(\d+)\)\s*$/.exec(line) ||
      /at ((?:\/|file:)[^()\s]*):(\d+):(\d+)\s*$/.exec(line);
    if (m) return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function wrapFailure(err, type) {
  if (err && err.code === 'ERR_TEST_FAILURE' && err.failureType) return err;
  return new ERR_TEST_FAILURE(err, type);
}

let currentParent = null;  // the suite or test whose body is running
const building = [];  // suites whose async body has not settled yet
const customAsserts = new Map();  // t.assert additions from assert.register()
let harness = null;

class TestContext {
  #test;
  constructor(test) { this.#test = test; }
  get signal() { return this.#test.signal; }
  get name() { return this.#test.name; }
  get fullName() { return this.#test.fullName(); }
  get filePath() { return this.#test.location?.file; }
  get passed() { return this.#test.passed; }
  get error() { return this.#test.error ?? null; }
  get attempt() { return 0; }
  get mock() {
    this.#test.mockTracker ??= new (require('internal/test_runner/mock').MockTracker)();
    return this.#test.mockTracker;
  }
  get assert() {
    const test = this.#test;
    if (test.assertObject === undefined) {
      const assert = require('assert');
      const obj = {};
      // Every function of node:assert but the classes and assert.strict.
      const uncopied = ['AssertionError', 'strict', 'Assert', 'options'];
      for (const key of Object.keys(assert)) {
        const fn = assert[key];
        if (uncopied.includes(key) || typeof fn !== 'function') continue;
        obj[key] = function(...args) {
          test.assertCount++;
          return Reflect.apply(fn, assert, args);
        };
      }
      for (const [name, fn] of customAsserts) {
        obj[name] = function(...args) {
          test.assertCount++;
          return Reflect.apply(fn, obj, args);
        };
      }
      obj.snapshot = () => { throw require('internal/errors').notImplemented('t.assert.snapshot'); };
      obj.fileSnapshot = () => { throw require('internal/errors').notImplemented('t.assert.fileSnapshot'); };
      test.assertObject = obj;
    }
    return test.assertObject;
  }
  diagnostic(message) { this.#test.diagnostics.push(String(message)); }
  plan(count, options = undefined) {
    validateInteger(count, 'count', 0);
    if (options !== undefined) validateObject(options, 'options');
    if (this.#test.planCount !== null) {
      throw new ERR_TEST_FAILURE('cannot set plan more than once', kTestCodeFailure);
    }
    this.#test.planCount = count;
  }
  skip(message) { this.#test.skipped = message === undefined ? true : String(message); }
  todo(message) { this.#test.todo = message === undefined ? true : String(message); }
  runOnly() {}
  before(fn, options) { this.#test.addHook('before', fn, options); }
  after(fn, options) { this.#test.addHook('after', fn, options); }
  beforeEach(fn, options) { this.#test.addHook('beforeEach', fn, options); }
  afterEach(fn, options) { this.#test.addHook('afterEach', fn, options); }
  waitFor(condition, options = {}) {
    validateFunction(condition, 'condition');
    const interval = options.interval ?? 50;
    const timeout = options.timeout ?? 1000;
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const attempt = async () => {
        try {
          resolve(await condition());
        } catch (err) {
          if (Date.now() - start >= timeout) reject(err);
          else setTimeout(attempt, interval);
        }
      };
      attempt();
    });
  }
  test(name, options, fn) {
    return this.#test.createSubtest(Test, name, options, fn, callerLocation());
  }
}
Object.defineProperty(TestContext.prototype, Symbol.toStringTag, { value: 'TestContext', configurable: true });

class SuiteContext {
  #suite;
  constructor(suite) { this.#suite = suite; }
  get signal() { return this.#suite.signal; }
  get name() { return this.#suite.name; }
  get fullName() { return this.#suite.fullName(); }
  get filePath() { return this.#suite.location?.file; }
}

function parseArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    name = fn.name || '<anonymous>';
    options = {};
  } else if (typeof name === 'object' && name !== null) {
    fn = typeof options === 'function' ? options : fn;
    options = name;
    name = fn?.name || '<anonymous>';
  } else {
    if (typeof options === 'function') {
      fn = options;
      options = {};
    }
    if (name === undefined || name === '') name = fn?.name || '<anonymous>';
    else name = String(name);
  }
  if (options === undefined || options === null) options = {};
  validateObject(options, 'options');
  if (fn !== undefined) validateFunction(fn, 'fn');
  return { name, options, fn };
}

class Test {
  constructor(parent, name, options, fn, location) {
    this.parent = parent;
    this.name = name;
    this.fn = fn;
    this.location = location;
    this.kind = 'test';
    this.nesting = parent === null ? -1 : parent.nesting + 1;
    this.subtests = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.diagnostics = [];
    this.skipped = directiveOption(options.skip);
    // The tests inside a todo test or suite are todo too.
    this.todo = directiveOption(options.todo) || (parent !== null && parent.kind !== 'root' && parent.todo ? true : false);
    this.only = !!options.only;
    if (this.only && parent !== null && !onlyHonoured()) {
      this.diagnostics.push("'only' and 'runOnly' require the --test-only command-line option.");
    }
    this.expectFailure = parseExpectFailure(options.expectFailure) ??
      (parent !== null && parent.kind !== 'root' ? parent.expectFailure : undefined);
    this.expectedFailure = false;
    if (options.timeout !== undefined && options.timeout !== null && options.timeout !== Infinity) {
      validateNumber(options.timeout, 'options.timeout', 0, 2 ** 31 - 1);
    }
    if (typeof options.concurrency === 'number') {
      validateUint32(options.concurrency, 'options.concurrency', true);
    } else if (options.concurrency !== undefined && options.concurrency !== null &&
               typeof options.concurrency !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], options.concurrency);
    }
    this.timeout = options.timeout ?? parent?.timeout ?? Infinity;
    if (options.plan !== undefined) validateInteger(options.plan, 'options.plan', 0);
    this.planCount = options.plan ?? null;
    if (options.signal !== undefined && options.signal !== null &&
        (typeof options.signal !== 'object' || !('aborted' in options.signal))) {
      throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', options.signal);
    }
    this.outerSignal = options.signal;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    this.assertCount = 0;
    this.passed = false;
    this.cancelled = false;
    this.error = undefined;
    this.duration = 0;
    this.started = false;
    this.finished = false;
    this.beforeRan = false;
    this.chain = Promise.resolve();
    this.pendingSubtests = 0;
    this.running = false;
    this.mockTracker = undefined;
    this.rejectBody = undefined;
    this.filtered = false;
    this.assertObject = undefined;
    this.reported = false;
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  fullName() {
    const names = [];
    for (let t = this; t !== null && t.parent !== null; t = t.parent) names.unshift(t.name);
    return names.join(' > ');
  }

  addHook(kind, fn, options) {
    validateFunction(fn, 'fn');
    if (options !== undefined) validateObject(options, 'options');
    this.hooks[kind].push({ fn, timeout: options?.timeout ?? Infinity, location: callerLocation() });
  }

  createSubtest(Factory, name, options, fn, location) {
    ({ name, options, fn } = parseArgs(name, options, fn));
    const sub = new Factory(this, name, options, fn, location);
    this.subtests.push(sub);
    if (Factory === Suite) return sub.done;
    this.enqueue(sub);
    return sub.done;
  }

  enqueue(sub) {
    if (this.parent === null) harness.schedule();
    this.pendingSubtests++;
    this.chain = this.chain.then(() => sub.run()).then(() => {
      this.pendingSubtests--;
      if (this.parent === null && this.pendingSubtests === 0) harness.maybeFinish();
    });
  }

  fail(err, type) {
    if (this.error !== undefined) return;
    this.error = wrapFailure(err, type);
    this.passed = false;
  }

  async runHook(hook, ctx) {
    const { fn, timeout } = hook;
    await runWithTimeout(() => callUserFn(fn, ctx), timeout);
  }

  // beforeEach hooks from the outermost ancestor in.
  collectBeforeEach() {
    const list = [];
    for (let p = this.parent; p !== null; p = p.parent) list.unshift(...p.hooks.beforeEach.map((h) => [p, h]));
    return list;
  }

  collectAfterEach() {
    const list = [];
    for (let p = this.parent; p !== null; p = p.parent) list.push(...p.hooks.afterEach.map((h) => [p, h]));
    return list;
  }

  async runParentBefore() {
    const p = this.parent;
    if (p === null || p.beforeRan) return;
    p.beforeRan = true;
    for (const hook of p.hooks.before) {
      try {
        await p.runHook(hook, p.context ?? p.makeContext());
      } catch (err) {
        p.fail(err, kHookFailure);
      }
    }
  }

  makeContext() {
    this.context ??= new TestContext(this);
    return this.context;
  }

  // Among the children of the root or of a suite, once one is marked
  // `only` (or holds such a test), the others are left out unreported.
  filteredByOnly() {
    const p = this.parent;
    if (p === null || (p.kind !== 'root' && p.kind !== 'suite')) return false;
    if (!onlyHonoured()) return false;
    if (hasOnly(this)) return false;
    return p.subtests.some(hasOnly);
  }

  filterOut() {
    this.filtered = true;
    this.finished = true;
    this.resolveDone();
  }

  async run() {
    if (this.started) return this.done;
    this.started = true;
    if (this.filteredByOnly() || filteredByPattern(this)) return this.filterOut();
    const start = now();
    await this.runParentBefore();
    const ctx = this.makeContext();
    if (this.parent?.error !== undefined && this.parent.error.failureType === kHookFailure) {
      this.fail(this.parent.error.cause, kCancelledByParent);
      this.cancelled = true;
    } else if (this.outerSignal?.aborted) {
      this.cancelled = true;
      this.fail(this.outerSignal.reason, kCancelledByParent);
    } else if (this.skipped) {
      // A skipped test runs neither its function nor the hooks.
    } else {
      try {
        for (const [owner, hook] of this.collectBeforeEach()) {
          try {
            await owner.runHook(hook, ctx);
          } catch (err) {
            throw wrapFailure(err, kHookFailure);
          }
        }
        await this.runBody(ctx);
      } catch (err) {
        if (err && err.failureType === kTestTimeoutFailure) this.cancelled = true;
        this.fail(err, kTestCodeFailure);
      }
      // Wait for subtests started by the body but not awaited.
      await this.chain;
      for (const [owner, hook] of this.collectAfterEach()) {
        try {
          await owner.runHook(hook, ctx);
        } catch (err) {
          this.fail(err, kHookFailure);
        }
      }
    }
    await this.chain;
    await this.finishSubtests(ctx);
    this.duration = Number(now() - start) / 1e6;
    this.complete();
    return undefined;
  }

  async runBody(ctx) {
    const fn = this.fn ?? noop;
    const prev = currentParent;
    let result;
    if (fn.length >= 2) {
      let settle;
      const cbPromise = new Promise((resolve, reject) => {
        let called = false;
        settle = (err) => {
          if (called) {
            this.fail(new Error('callback invoked multiple times'), kMultipleCallbackInvocations);
            return;
          }
          called = true;
          if (err) reject(err);
          else resolve();
        };
      });
      currentParent = this;
      try {
        result = fn.call(ctx, ctx, settle);
      } finally {
        currentParent = prev;
      }
      if (result && typeof result.then === 'function') {
        result.then(undefined, () => {});
        throw new ERR_TEST_FAILURE('passed a callback but also returned a Promise', kCallbackAndPromisePresent);
      }
      await this.raceUncaught(runWithTimeout(() => cbPromise, this.timeout, this));
    } else {
      await this.raceUncaught(runWithTimeout(() => {
        currentParent = this;
        try {
          return fn.call(ctx, ctx);
        } finally {
          currentParent = prev;
        }
      }, this.timeout, this));
    }
  }

  // An uncaught exception while the body runs ends the test with it (the
  // harness calls rejectBody), even if the body would never settle.
  raceUncaught(promise) {
    const uncaught = new Promise((resolve, reject) => { this.rejectBody = reject; });
    return Promise.race([promise, uncaught]).finally(() => { this.rejectBody = undefined; });
  }

  async finishSubtests(ctx) {
    for (const hook of this.hooks.after) {
      try {
        await this.runHook(hook, ctx);
      } catch (err) {
        this.fail(err, kHookFailure);
      }
    }
    if (this.error === undefined) {
      const failed = this.subtests.filter((s) => s.error !== undefined && !s.todo).length;
      if (failed > 0) {
        this.fail(`${failed} subtest${failed === 1 ? '' : 's'} failed`, kSubtestsFailed);
      }
    }
    if (this.error === undefined && this.planCount !== null) {
      const got = this.assertCount + this.subtests.length;
      if (got !== this.planCount) {
        this.fail(`plan expected ${this.planCount} assertions but received ${got}`, kTestCodeFailure);
      }
    }
    if (this.mockTracker !== undefined) this.mockTracker.reset();
  }

  complete() {
    if (this.finished) return;
    this.finished = true;
    if (this.expectFailure !== undefined && !this.skipped && !this.todo && !this.cancelled) {
      this.checkExpectedFailure();
    }
    this.passed = this.error === undefined;
    if (!this.controller.signal.aborted && this.error !== undefined) {
      this.controller.abort(this.error);
    }
    harness.report(this);
    this.resolveDone();
  }
}

// expectFailure: a test that fails (with an error the matcher accepts,
// when there is one) passes; one that passes fails.
Test.prototype.checkExpectedFailure = function checkExpectedFailure() {
  const { match } = this.expectFailure;
  if (this.error === undefined) {
    this.error = new ERR_TEST_FAILURE('test was expected to fail but passed', kTestCodeFailure);
    return;
  }
  if (match !== undefined) {
    const cause = this.error.cause;
    try {
      require('assert').throws(() => { throw cause; }, match);
    } catch (mismatch) {
      // As node: the failure reported is the matcher's complaint.
      this.error = new ERR_TEST_FAILURE(mismatch, kTestCodeFailure);
      return;
    }
  }
  this.error = undefined;
  this.expectedFailure = true;
};

// skip/todo: a non-empty string is the message; any other string, and
// every value but undefined, null and false, just turns it on.
function directiveOption(value) {
  if (value === undefined || value === null || value === false) return false;
  return typeof value === 'string' && value !== '' ? value : true;
}

function parseExpectFailure(value) {
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return {};
  if (typeof value === 'string') return { label: value };
  if (typeof value === 'function' || value instanceof RegExp) return { match: value };
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) {
      throw new ERR_INVALID_ARG_VALUE('options.expectFailure', value, 'must not be an empty object');
    }
    if (keys.every((k) => k === 'label' || k === 'match')) {
      return { label: value.label === undefined ? undefined : String(value.label), match: value.match };
    }
    return { match: value };
  }
  throw new ERR_INVALID_ARG_TYPE('options.expectFailure', ['boolean', 'string', 'RegExp', 'Function', 'Object'], value);
}

class Suite extends Test {
  constructor(parent, name, options, fn, location) {
    super(parent, name, options, fn, location);
    this.kind = 'suite';
    this.context = new SuiteContext(this);
    this.buildPromise = null;
    if (fn !== undefined && !this.skipped) {
      const prev = currentParent;
      currentParent = this;
      try {
        const r = fn.call(this.context, this.context);
        if (r && typeof r.then === 'function') {
          building.push(this);
          this.buildPromise = Promise.resolve(r).then(undefined, (err) => this.fail(err, kTestCodeFailure))
            .finally(() => building.splice(building.indexOf(this), 1));
        }
      } catch (err) {
        this.fail(err, kTestCodeFailure);
      } finally {
        currentParent = prev;
      }
    }
    parent.enqueue(this);
  }

  makeContext() { return this.context; }

  enqueue(sub) {
    this.subtests.includes(sub) || this.subtests.push(sub);
  }

  createSubtest(Factory, name, options, fn, location) {
    ({ name, options, fn } = parseArgs(name, options, fn));
    const sub = new Factory(this, name, options, fn, location);
    if (!this.subtests.includes(sub)) this.subtests.push(sub);
    return sub.done;
  }

  async run() {
    if (this.started) return this.done;
    this.started = true;
    if (this.buildPromise !== null) await this.buildPromise;
    if (this.filteredByOnly() || filteredByPattern(this)) return this.filterOut();
    const start = now();
    await this.runParentBefore();
    if (this.error === undefined && !this.skipped) {
      for (const sub of this.subtests) {
        if (this.error !== undefined && this.error.failureType === kHookFailure) {
          sub.cancelled = true;
          sub.fail(this.error.cause, kCancelledByParent);
          sub.started = true;
          sub.complete();
          continue;
        }
        await sub.run();
      }
      // A suite with no tests still runs its before hooks.
      if (!this.beforeRan) await this.runOwnBefore();
    }
    await this.finishSubtests(this.context);
    this.duration = Number(now() - start) / 1e6;
    this.complete();
    return undefined;
  }

  async runOwnBefore() {
    this.beforeRan = true;
    for (const hook of this.hooks.before) {
      try {
        await this.runHook(hook, this.context);
      } catch (err) {
        this.fail(err, kHookFailure);
      }
    }
  }
}

function noop() {}

// --test-only, --test-name-pattern, --test-skip-pattern and --test-timeout.
let cliFilters;
function filters() {
  if (cliFilters !== undefined) return cliFilters;
  const { getOptionValue } = require('internal/options');
  const list = (name) => {
    const v = getOptionValue(name);
    if (v === undefined || v === true || v === false) return [];
    return (Array.isArray(v) ? v : [v]).map(toRegExp);
  };
  const timeout = getOptionValue('--test-timeout');
  cliFilters = {
    names: list('--test-name-pattern'),
    skips: list('--test-skip-pattern'),
    only: getOptionValue('--test-only') === true,
    // A runner child honours `only` only with --test-only, as in node.
    child: require('internal/test_runner/reporters').isRunnerChild(),
    timeout: timeout === undefined || timeout === true ? Infinity : Number(timeout),
  };
  return cliFilters;
}

// A pattern given as /source/flags is that RegExp, else the string is a
// RegExp's source.
function toRegExp(pattern) {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  return m ? new RegExp(m[1], m[2]) : new RegExp(pattern);
}

function onlyHonoured() {
  const f = filters();
  return f.only || !f.child;
}

// The names a pattern is tried on: the test's own and its full name, the
// names from the top level down joined by spaces.
function matchesAny(test, patterns) {
  const names = [];
  for (let t = test; t !== null && t.parent !== null; t = t.parent) names.unshift(t.name);
  const full = names.join(' ');
  return patterns.some((re) => {
    re.lastIndex = 0;  // a /g or /y pattern keeps state between tests
    if (re.test(test.name)) return true;
    re.lastIndex = 0;
    return re.test(full);
  });
}

function skippedByPattern(test) {
  const { skips } = filters();
  if (skips.length === 0) return false;
  for (let t = test; t !== null && t.parent !== null; t = t.parent) {
    if (matchesAny(t, skips)) return true;
  }
  return false;
}

// Whether --test-name-pattern selects the test: it or an ancestor matches,
// or (for a suite) some test inside it does.
function selectedByName(test) {
  const { names } = filters();
  if (names.length === 0) return true;
  for (let t = test; t !== null && t.parent !== null; t = t.parent) {
    if (matchesAny(t, names)) return true;
  }
  const inside = (t) => t.subtests.some((s) => !skippedByPattern(s) && (matchesAny(s, names) || inside(s)));
  return test.kind === 'suite' && inside(test);
}

function filteredByPattern(test) {
  return skippedByPattern(test) || !selectedByName(test);
}

function hasOnly(test) {
  if (test.only) return true;
  return test.kind === 'suite' && test.subtests.some(hasOnly);
}

function callUserFn(fn, ctx) {
  if (fn.length >= 2) {
    return new Promise((resolve, reject) => {
      const r = fn.call(ctx, ctx, (err) => (err ? reject(err) : resolve()));
      if (r && typeof r.then === 'function') r.then(undefined, reject);
    });
  }
  return fn.call(ctx, ctx);
}

// Runs fn (which may return a promise) and fails with a timeout error if it
// has not settled after ms milliseconds.
function runWithTimeout(fn, ms, test) {
  let result;
  try {
    result = fn();
  } catch (err) {
    return Promise.reject(err);
  }
  if (!result || typeof result.then !== 'function') return Promise.resolve(result);
  if (ms === Infinity || ms === undefined) return Promise.resolve(result);
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      const err = new ERR_TEST_FAILURE(`test timed out after ${ms}ms`, kTestTimeoutFailure);
      if (test) test.controller.abort(err);
      reject(err);
    }, ms);
    timer.unref?.();
  });
  return Promise.race([result, timeout]).finally(() => clearTimeout(timer));
}

class Harness {
  constructor() {
    this.root = new Test(null, '<root>', {}, undefined, undefined);
    this.root.kind = 'root';
    this.root.timeout = filters().timeout;
    this.root.started = true;
    this.scheduled = false;
    this.startTime = now();
    this.finished = false;
    this.reporter = require('internal/test_runner/reporters').create();
    this.uncaught = [];
    this.syncPhase = true;
    queueMicrotask(() => { this.syncPhase = false; });
    process.on('beforeExit', () => this.finish());
    // As in node, the runner keeps these listeners to the end: an error
    // with no test running is reported and fails the run.
    const handler = (type) => (err) => {
      const t = this.runningTest();
      if (t !== null) {
        t.fail(err, kTestCodeFailure);
        t.rejectBody?.(err);
      } else {
        this.uncaught.push({ err, type });
        process.exitCode = 1;
      }
    };
    process.on('uncaughtException', handler('uncaughtException'));
    process.on('unhandledRejection', handler('unhandledRejection'));
  }

  runningTest() {
    let found = null;
    const walk = (t) => {
      for (const s of t.subtests) {
        if (s.started && !s.finished) {
          found = s;
          walk(s);
          return;
        }
      }
    };
    walk(this.root);
    return found;
  }

  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    // The test bodies start after the main module's synchronous code, as in
    // node; the chain itself is already waiting for this.
    const root = this.root;
    // As node does, the root's before hooks start at the first test() call.
    const hooks = root.runParentBefore.call({ parent: root });
    const gate = new Promise((resolve) => setImmediate(resolve));
    root.chain = root.chain.then(() => hooks).then(() => gate);
  }

  report(test) {
    this.reporter.onComplete(test);
    // A test that ends after the summary still decides the exit code.
    if (this.finished && test.error !== undefined && !test.todo) process.exitCode = 1;
  }

  // The root ends once its queue stays empty for a turn of the event loop,
  // even if handles (servers, timers) keep the process alive.
  maybeFinish() {
    setImmediate(() => {
      if (this.root.pendingSubtests === 0) this.finish();
    });
  }

  async finish() {
    if (this.finished) return;
    const root = this.root;
    if (root.pendingSubtests > 0) {
      // The event loop emptied while tests were still waiting: cancel them.
      const cancel = (t) => {
        for (const s of t.subtests) {
          if (!s.finished) {
            cancel(s);
            s.cancelled = true;
            s.fail('Promise resolution is still pending but the event loop has already resolved', kCancelledByParent);
            if (s.started) {
              s.duration = 0;
              s.complete();
            }
          }
        }
      };
      cancel(root);
      for (const s of root.subtests) {
        if (!s.finished) {
          s.started = true;
          s.complete();
        }
      }
    }
    this.finished = true;
    for (const hook of root.hooks.after) {
      try {
        await root.runHook(hook, root.makeContext());
      } catch (err) {
        this.uncaught.push(err);
      }
    }
    const duration = Number(now() - this.startTime) / 1e6;
    const counts = require('internal/test_runner/reporters').countTests(root);
    if (counts.fail > 0 || counts.cancelled > 0 || this.uncaught.length > 0) process.exitCode = 1;
    // As in node, whose reporter stream writes a few turns later, the
    // summary comes after 'beforeExit' listeners: print it on 'exit'.
    process.prependListener('exit', () => this.reporter.summary(root, duration, this.uncaught));
  }
}

function getHarness() {
  harness ??= new Harness();
  return harness;
}

// Where test()/describe() called now attach: the suite or test whose
// body is on the stack, else (after an await in a test body, where node
// would use async context) the test that is running, else the root.
function parentForNewTest() {
  getHarness();
  if (currentParent !== null) return currentParent;
  // Calls from the main module's synchronous code are top-level even while
  // an async suite body is pending; later ones come from its continuation.
  if (!harness.syncPhase && building.length > 0) return building.at(-1);
  return harness.runningTest() ?? harness.root;
}

function test(name, options, fn) {
  const parent = parentForNewTest();
  return parent.createSubtest(Test, name, options, fn, callerLocation());
}

function suite(name, options, fn) {
  const parent = parentForNewTest();
  return parent.createSubtest(Suite, name, options, fn, callerLocation());
}

function hookAdder(kind) {
  return function hook(fn, options) {
    const parent = parentForNewTest();
    parent.addHook(kind, fn, options);
  };
}

function registerAssert(name, fn) {
  require('internal/validators').validateString(name, 'name');
  validateFunction(fn, 'fn');
  customAsserts.set(name, fn);
}

// The context of the test or suite whose code is running, if any.
function getTestContext() {
  let t = currentParent;
  if (t === null && harness !== null) t = harness.runningTest();
  if (t === null || t.kind === 'root') return undefined;
  return t.makeContext();
}

module.exports = {
  registerAssert,
  getTestContext,
  test,
  suite,
  before: hookAdder('before'),
  after: hookAdder('after'),
  beforeEach: hookAdder('beforeEach'),
  afterEach: hookAdder('afterEach'),
  Test,
  Suite,
  TestContext,
  SuiteContext,
};
