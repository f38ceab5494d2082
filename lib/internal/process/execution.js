'use strict';
// -e/-p evaluation and the handling of uncaught exceptions.

const binding = internalBinding('process_methods');

// Sources of -e/-p/stdin scripts by name, for the throw-site report.
const evalSources = new Map();

function evalScript(name, source, print) {
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--input-type') === 'module') {
    if (print) {
      const { codes: { ERR_EVAL_ESM_CANNOT_PRINT } } = require('internal/errors');
      throw new ERR_EVAL_ESM_CANNOT_PRINT();
    }
    require('internal/modules/run_main').runESMSource(source, name === '[eval]' ? '[eval1]' : name);
    return;
  }
  addBuiltinLibsToObject(globalThis);
  const { runScript } = internalBinding('contextify');
  const Module = require('internal/modules/cjs/loader').Module;
  const cwd = process.cwd();
  const module = new Module(name, null);
  module.filename = require('path').join(cwd, name);
  module.paths = Module._nodeModulePaths(cwd);
  globalThis.module = module;
  globalThis.require = require('internal/modules/helpers').makeRequireFunction(module);
  globalThis.exports = module.exports;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  evalSources.set(name, source);
  const result = runScript(source, name);
  if (print) {
    const { log } = require('console');
    log(result);
  }
}

// As node does for -e, -p and stdin scripts: the public built-in modules
// are globals (fs, path, util...), loaded on first use.
function addBuiltinLibsToObject(object) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  for (const id of BuiltinModule.publicIds()) {
    if (id.includes('/') || id.startsWith('_') || id in object) continue;
    Object.defineProperty(object, id, {
      get() {
        const lib = require(id);
        Object.defineProperty(object, id, { value: lib, writable: true, configurable: true, enumerable: false });
        return lib;
      },
      set(value) {
        Object.defineProperty(object, id, { value, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
      enumerable: false,
    });
  }
}

// Prints an error as Node does for an uncaught exception, with the source
// line and a caret when the throw site is known.
function printUncaught(err) {
  const { inspect } = require('internal/util/inspect');
  const site = throwSite(err);
  let out;
  if (err !== null && typeof err === 'object' && typeof err.stack === 'string') {
    out = `${site ? `${site}\n\n` : ''}${inspect(err, { colors: false })}\n`;
  } else if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
    // A thrown primitive: node prints it bare, with a hint.
    const text = typeof err === 'string' ? err : inspect(err, { colors: false });
    out = `\n${site ? `${site}\n` : ''}${text}\n` +
      '(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
  } else {
    out = `${site ? `\n${site}\n` : ''}${inspect(err, { colors: false })}\n`;
  }
  out += `\nNode.js ${process.version}\n`;
  try {
    binding.writeSync(2, out);
  } catch {
    // stderr is gone; nothing more to do.
  }
}

// "file:line\nsource line\n   ^" for the first frame in a user file.
function throwSite(err) {
  if (!err || typeof err.stack !== 'string') return '';
  const m = /\bat (?:[^\n(]*\()?((?:\/|file:|\[eval\]|\[stdin\])[^\n():]*):(\d+):(\d+)\)?/.exec(err.stack);
  if (!m) return '';
  const [, file, line, col] = m;
  let src = evalSources.get(file);
  if (src === undefined) {
    try {
      src = internalBinding('fs').readFileUtf8(file.startsWith('file:') ? new URL(file).pathname : file);
    } catch {
      return '';
    }
  }
  const text = src.split('\n')[line - 1];
  if (text === undefined) return '';
  let caret = Math.max(0, col - 1);
  const t = text.lastIndexOf('throw ', caret);
  if (t !== -1) caret = t;
  return `${file}:${line}\n${text}\n${' '.repeat(caret)}^`;
}

function createOnGlobalUncaughtException() {
  return function onGlobalUncaughtException(er, fromPromise) {
    const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
    process.emit('uncaughtExceptionMonitor', er, type);
    if (typeof process._uncaughtCapture === 'function') {
      process._uncaughtCapture(er);
      return true;
    }
    // node:domain (lib/domain.js) offers the error to the entered domains.
    if (domainHook !== null) {
      const r = domainHook(er);
      if (r.handled) return true;
      er = r.error;
    }
    if (!process.emit('uncaughtException', er, type)) {
      // As node: 'exit' first (unless already exiting; errors in its
      // listeners are ignored here), then the report, then the exit with
      // process.exitCode if a listener set one, else 1.
      if (!process._exiting) {
        try {
          process._exiting = true;
          process._exitEmitted = true;
          process.exitCode = 1;
          process.emit('exit', 1);
        } catch {
          // Nothing to be done about an error in exit handlers.
        }
      }
      if (uncaughtReporter !== null) uncaughtReporter(er); // a worker: the parent gets it
      else printUncaught(er);
      let code;
      try {
        code = Number(process.exitCode) | 0;
      } catch {
        code = 0;
      }
      binding.reallyExit(code === 0 ? 1 : code);
      return false;
    }
    return true;
  };
}

// Set in a worker thread (internal/worker): uncaught exceptions go to the
// parent instead of stderr.
let uncaughtReporter = null;
function setUncaughtReporter(fn) { uncaughtReporter = fn; }

// Set by lib/domain.js when it loads.
let domainHook = null;
function setDomainHook(fn) { domainHook = fn; }

module.exports = { evalScript, createOnGlobalUncaughtException, printUncaught, setDomainHook, setUncaughtReporter };
