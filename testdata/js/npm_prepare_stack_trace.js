'use strict';
// depd (express, koa, body-parser) and callsites read V8 structured call
// sites: Error.prepareStackTrace(error, callSites) with Error.captureStackTrace.

function getStack() {
  const limit = Error.stackTraceLimit;
  const obj = {};
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = (o, stack) => stack;
  Error.stackTraceLimit = Math.max(10, limit);
  Error.captureStackTrace(obj);
  const stack = obj.stack.slice(1);
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = limit;
  return stack;
}

function depd() {
  const stack = getStack();
  const site = stack[1];
  return {
    isArray: Array.isArray(stack),
    file: site.getFileName().endsWith('npm_prepare_stack_trace.js'),
    line: typeof site.getLineNumber(),
    column: typeof site.getColumnNumber(),
    isEval: site.isEval(),
    self: stack[0].getFunctionName(),
  };
}

function caller() {
  return depd();
}
console.log(caller());

// prepareStackTrace applies to new Error().stack, read lazily.
Error.prepareStackTrace = (err, sites) => `${err.message}: ${sites.length > 0} ${typeof sites[0].toString()}`;
const e = new Error('custom');
console.log(e.stack);
Error.prepareStackTrace = undefined;
console.log(new Error('plain').stack.split('\n')[0]);

// The value returned by prepareStackTrace becomes the stack, whatever it is.
Error.prepareStackTrace = () => 42;
console.log(new Error('x').stack);
delete Error.prepareStackTrace;
console.log(typeof new Error('y').stack);
