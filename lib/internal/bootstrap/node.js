'use strict';
// Sets up process and the globals, then returns the hooks the Go side of
// the event loop calls (timers, immediates, tick drain, fatal errors).

const { setProcess } = require('internal/bootstrap/realm');
// First: classes defined from here on may name Symbol.dispose.
require('internal/per_context/disposable').install(globalThis);
const binding = internalBinding('process_methods');
const taskQueueBinding = internalBinding('task_queue');

// The wrapper's process parameter is undefined during bootstrap.
process = {};
setProcess(process);

const EventEmitter = require('events');
{
  // process is an instance of a `process` constructor whose prototype is an
  // EventEmitter, as in node.
  const ctor = function process() {};
  ctor.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: ctor, writable: true, configurable: true },
  });
  Object.setPrototypeOf(process, ctor.prototype);
}
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', writable: false, enumerable: false, configurable: true,
});
EventEmitter.call(process);

require('internal/bootstrap/process').setup(process, binding);

const taskQueues = require('internal/process/task_queues');
const promises = require('internal/process/promises');
const timers = require('internal/timers');
const { createOnGlobalUncaughtException } = require('internal/process/execution');

const fatalException = createOnGlobalUncaughtException();
// Every uncaught exception goes through process._fatalException, which a
// program may replace; when it is not a function the process exits with 6.
function triggerUncaughtException(err, fromPromise) {
  if (typeof process._fatalException !== 'function') {
    binding.reallyExit(6);
    return;
  }
  process._fatalException(err, fromPromise);
}

taskQueues.setUncaughtHandler(triggerUncaughtException);
promises.setup({
  setHasRejectionToWarn: taskQueues.setHasRejectionToWarn,
  triggerUncaughtException,
});
timers.setup({
  triggerUncaught: triggerUncaughtException,
  runNextTicks() {
    if (taskQueues.tickInfo[0] === 0 && taskQueues.tickInfo[1] === 0) taskQueues.runMicrotasks();
    if (taskQueues.tickInfo[0] !== 0 || taskQueues.tickInfo[1] !== 0) taskQueues.processTicksAndRejections();
  },
});
taskQueueBinding.setupShared(taskQueues.tickInfo, timers.immediateInfo);

process.nextTick = taskQueues.nextTick;
process._tickCallback = taskQueues.processTicksAndRejections;

require('internal/bootstrap/globals').setup(globalThis, taskQueues);

// child_process: a child forked with an IPC channel gets process.send & co.
// (Not in a worker thread: the IPC channel belongs to the main thread.)
if (process.env.NODE_CHANNEL_FD && internalBinding('worker').info === undefined) {
  require('internal/child_process/ipc').setupChild(process);
}

// cluster: a worker forked by a primary knows its id from NODE_UNIQUE_ID
// and says it is online.
require('internal/cluster/state').take(process.env);
if (require('internal/cluster/state').isWorker && process.send) {
  require('internal/cluster/child').setup();
}

// process._fatalException(err) handles an uncaught exception and reports
// whether a listener handled it.
Object.defineProperty(process, '_fatalException', {
  value: (err, fromPromise) => fatalException(err, !!fromPromise), writable: true, configurable: true, enumerable: false,
});

function emitExit(code) {
  if (process._exitEmitted) return;
  process._exiting = true;
  process._exitEmitted = true;
  // A normal end leaves process.exitCode undefined in 'exit' listeners.
  if (code !== 0) process.exitCode ??= code;
  process.emit('exit', process.exitCode ?? code);
}

function emitBeforeExit() {
  if (process._exiting) return;
  process.emit('beforeExit', process.exitCode ?? 0);
}

function getExitCode() {
  const c = process.exitCode;
  return c === undefined || c === null ? 0 : (c | 0);
}

function runMain(file) {
  if (require('internal/options').getOptionValue('--test')) {
    // --test: the positional arguments are test files or glob patterns.
    const patterns = process.argv.slice(1);
    require('internal/process/pre_execution').runAfterPreload(() => require('internal/test_runner/runner').main(patterns));
    return;
  }
  // As node does: argv[1] is the main script's absolute path.
  if (process.argv[1] && process.argv[1] !== '-') process.argv[1] = require('path').resolve(process.argv[1]);
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--check')) {
    checkSyntax(file);
    return;
  }
  require('internal/process/pre_execution').runAfterPreload(() => require('internal/modules/run_main').runMain(file));
}

// -c/--check: compile without running; a syntax error is reported as an
// uncaught exception would be (exit code 1).
function checkSyntax(file) {
  const path = require('path').resolve(file);
  const source = internalBinding('fs').readFileUtf8(path);
  if (path.endsWith('.mjs') || require('internal/modules/run_main').shouldUseESMLoader(path)) {
    internalBinding('contextify').checkModuleSyntax?.(source, path);
    return;
  }
  internalBinding('contextify').compileFunction(source, path, ['exports', 'require', 'module', '__filename', '__dirname']);
}

function evalScript(name, source, print) {
  require('internal/process/pre_execution').runAfterPreload(() => {
    if (name === '[repl]') { // the CLI's interactive mode
      require('internal/repl').startCLI();
      return;
    }
    require('internal/process/execution').evalScript(name, source, print);
  });
}

// Worker threads: the Go side calls runWorker instead of runMain.
function runWorker() {
  require('internal/worker').runWorkerThread();
}

module.exports = {
  processTicksAndRejections: taskQueues.processTicksAndRejections,
  processTimer: timers.processTimer,
  processImmediate: timers.processImmediate,
  promiseRejectHandler: promises.promiseRejectHandler,
  fatalException(err) { triggerUncaughtException(err, false); },
  emitExit,
  emitBeforeExit,
  getExitCode,
  runMain,
  evalScript,
  runWorker,
  reportWorkerError(err) { require('internal/worker').reportUncaught(err); },
};
