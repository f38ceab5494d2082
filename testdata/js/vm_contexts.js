'use strict';
// node:vm contexts: sandbox-backed globals, separate intrinsics, errors,
// timeouts, compileFunction in a context.
const vm = require('vm');
const assert = require('assert');

// createContext returns the sandbox, now contextified.
const sandbox = { a: 1, console };
const ctx = vm.createContext(sandbox);
console.log('same object', ctx === sandbox, vm.isContext(ctx), vm.isContext({}));
console.log('createContext twice', vm.createContext(ctx) === ctx);

// Declarations and assignments to undeclared names land on the sandbox.
console.log('result', vm.runInContext('x = 1; var y = 2; function f() { return a + x + y; } f()', ctx));
console.log('keys', Object.keys(ctx).sort().join());
console.log('values', ctx.x, ctx.y, typeof ctx.f, ctx.f());

// Changes made outside are seen by the next run.
ctx.a = 10;
ctx.y = 20;
console.log('after outside change', vm.runInContext('a + y', ctx));

// Sandbox values override intrinsics of the same name.
console.log('override', vm.runInNewContext('typeof Math === "number" ? Math + 1 : "no"', { Math: 41 }));

// Each context has its own intrinsics.
const arr = vm.runInNewContext('[1, 2, 3]');
console.log('own Array', arr instanceof Array, Array.isArray(arr), arr.length);
console.log('own Object', vm.runInNewContext('Object') === Object);

// Errors thrown inside are the context's errors.
const other = vm.createContext({});
try {
  vm.runInContext('throw new TypeError("inner")', other);
} catch (e) {
  console.log('error realm', e instanceof TypeError, e instanceof vm.runInContext('TypeError', other),
    e.name, e.message);
}
try {
  vm.runInContext('undefinedName', other);
} catch (e) {
  console.log('reference error', e.name, e instanceof vm.runInContext('ReferenceError', other));
}
console.log('typeof unknown', vm.runInContext('typeof undefinedName', other));

// Accessors of the sandbox are used as they are.
const withGetter = {};
Object.defineProperty(withGetter, 'now', { get() { return 'got'; }, enumerable: true });
vm.createContext(withGetter);
console.log('getter', vm.runInContext('now', withGetter));

// A function of a context keeps seeing its sandbox.
const fn = vm.runInNewContext('(function () { return greeting + "!"; })', { greeting: 'hi' });
console.log('closure', fn());

// Script objects run in several contexts.
const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1');
const c1 = vm.createContext({});
const c2 = vm.createContext({ count: 100 });
script.runInContext(c1);
script.runInContext(c1);
script.runInContext(c2);
console.log('script counts', c1.count, c2.count);
console.log('script in new context', script.runInNewContext({ count: 5 }));

// Timeouts.
try {
  vm.runInNewContext('while (true) {}', {}, { timeout: 20 });
} catch (e) {
  console.log('timeout', e.code, e.message);
}
console.log('after timeout', vm.runInNewContext('1 + 1', {}, { timeout: 1000 }));

// Options are validated.
assert.throws(() => vm.runInNewContext('1', {}, { timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => vm.createContext(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => vm.runInContext('1', {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new vm.Script('var'), SyntaxError);

// compileFunction with a parsing context and context extensions.
const pc = vm.createContext({ base: 5 });
const add = vm.compileFunction('return base + n + extra', ['n'], {
  parsingContext: pc, contextExtensions: [{ extra: 100 }],
});
console.log('compileFunction', add(1), add(2));

// displayErrors decorates the stack with the failing line.
try {
  vm.runInNewContext('var ok = 1;\nthrow new Error("boom")', {}, 'decorated.vm');
} catch (e) {
  console.log('decorated', e.stack.split('\n').slice(0, 2).join(' | '));
}

// DONT_CONTEXTIFY gives an ordinary global object.
const plain = vm.createContext(vm.constants.DONT_CONTEXTIFY);
vm.runInContext('var z = 3', plain);
console.log('plain global', plain.z, vm.isContext(plain), typeof plain.Array);

// microtaskMode afterEvaluate runs the context's jobs before returning.
const log = [];
vm.runInNewContext('Promise.resolve().then(() => log.push("job"))', { log }, { microtaskMode: 'afterEvaluate' });
console.log('afterEvaluate', log.join());

// Cached data is accepted when it comes from createCachedData.
const data = new vm.Script('1').createCachedData();
console.log('cached data', Buffer.isBuffer(data), new vm.Script('1', { cachedData: data }).cachedDataRejected);
