'use strict';
// node:vm options: nested timeouts, runInThisContext timeouts, code
// generation, option validation, line offsets.
const vm = require('vm');

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, 'threw', e.code, e.name, e.message);
  }
}

// The inner timeout fires first and is caught inside.
const ctx = vm.createContext({ vm, console });
attempt('inner caught', () => vm.runInContext(`
  let r;
  try { vm.runInThisContext('while (true) {}', { timeout: 10 }); } catch (e) { r = e.code; }
  r`, ctx, { timeout: 5000 }));

// The outer timeout fires while the inner script runs: it propagates out.
attempt('outer wins', () => vm.runInContext(`
  vm.runInThisContext('while (true) {}', { timeout: 5000 });`, ctx, { timeout: 20 }));

attempt('this context', () => vm.runInThisContext('for (;;) {}', { timeout: 15 }));
attempt('still running', () => vm.runInThisContext('6 * 7', { timeout: 100 }));

// Code generation from strings can be disallowed.
const strict = vm.createContext({}, { codeGeneration: { strings: false } });
attempt('eval blocked', () => vm.runInContext('eval("1 + 1")', strict));
attempt('Function blocked', () => vm.runInContext('new Function("return 1")', strict));
attempt('eval of non-string', () => vm.runInContext('eval(42)', strict));
attempt('allowed elsewhere', () => vm.runInNewContext('eval("1 + 1")'));

// Validation.
attempt('timeout type', () => vm.runInNewContext('1', {}, { timeout: 'x' }));
attempt('timeout range', () => vm.runInNewContext('1', {}, { timeout: 0 }));
attempt('displayErrors type', () => vm.runInThisContext('1', { displayErrors: 1 }));
attempt('microtaskMode', () => vm.createContext({}, { microtaskMode: 'never' }));
attempt('contextName', () => vm.runInNewContext('1', {}, { contextName: 5 }));
attempt('parsingContext', () => vm.compileFunction('', [], { parsingContext: {} }));
attempt('params', () => vm.compileFunction('', 'a'));
attempt('not a context', () => new vm.Script('1').runInContext({}));

// lineOffset moves reported lines.
try {
  new vm.Script('\n\nthrow new Error("here")', { filename: 'offset.vm', lineOffset: 10 }).runInThisContext();
} catch (e) {
  console.log('line offset', /offset\.vm:13/.test(e.stack));
}

// A syntax error is reported at construction, decorated with the line.
try {
  new vm.Script('let a = 1;\nlet a = 2;', { filename: 'dup.vm' });
  vm.runInNewContext('let a = 1;\nlet a = 2;', {}, 'dup.vm');
} catch (e) {
  console.log('syntax', e.name, e.stack.split('\n')[0]);
}

