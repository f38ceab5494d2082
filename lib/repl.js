'use strict';

// node:repl: a read-eval-print loop over a readline Interface.

const { Interface } = require('internal/readline/interface');
const vm = require('vm');
const EventEmitter = require('events');
const util = require('util');
const path = require('path');
const fs = require('fs');
const { isRecoverableError, wrapAwait } = require('internal/repl/utils');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_REPL_EVAL_CONFIG } = require('internal/errors').codes;

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const kBufferedCommand = Symbol('bufferedCommand');
const kContextId = Symbol('contextId');

let nextLine = 0;

// Thrown wraps a value thrown by evaluated code, so that `throw null` or
// `throw undefined` still count as errors.
class Thrown {
  constructor(value) { this.value = value; }
}

function writer(obj) {
  return util.inspect(obj, writer.options);
}
writer.options = { ...util.inspect.defaultOptions, showProxy: true };

// Recoverable wraps a SyntaxError from incomplete input: an eval function
// that calls back with one makes the REPL wait for more lines.
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

function getBuiltinModules() {
  try {
    return require('module').builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:'));
  } catch {
    return [];
  }
}
const builtinModules = getBuiltinModules();

const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue',
  'debugger', 'default', 'delete', 'do', 'else', 'export', 'extends', 'false',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let',
  'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'undefined', 'var', 'void', 'while', 'with', 'yield',
];

// The default evaluation: compiles code as a script named `file` and runs
// it in the REPL's context; handles `{...}` object literals, incomplete
// input (a Recoverable error) and top-level await.
function defaultEval(code, context, file, cb) {
  let input = code;
  if (this.replMode === REPL_MODE_STRICT && !/^\s*$/.test(input)) input = `'use strict'; void 0;\n${input}`;
  let script;
  // `{ a: 1 }` is an object literal, not a block.
  if (/^\s*\{/.test(code) && !/;\s*$/.test(code)) {
    try {
      script = new vm.Script(`(${code.replace(/\n$/, '')}\n)`, { filename: file, displayErrors: false });
    } catch { script = undefined; }
  }
  let awaited = false;
  if (script === undefined) {
    try {
      script = new vm.Script(input, { filename: file, displayErrors: false });
    } catch (e) {
      const w = wrapAwait(code);
      if (w !== null && !isRecoverableError(e, code)) {
        for (const src of [w.exprSource, w.stmtSource]) {
          try {
            script = new vm.Script(src, { filename: file, displayErrors: false });
            awaited = true;
            break;
          } catch { /* try the next form */ }
        }
      }
      if (script === undefined) {
        if (isRecoverableError(e, code)) return cb(new Recoverable(e));
        return cb(e);
      }
    }
  }
  let result;
  try {
    if (this.useGlobal || context === globalThis) {
      result = script.runInThisContext({ displayErrors: false, breakOnSigint: this.breakEvalOnSigint });
    } else {
      result = script.runInContext(context, { displayErrors: false, breakOnSigint: this.breakEvalOnSigint });
    }
  } catch (e) {
    return cb(new Thrown(e));
  }
  if (awaited) {
    Promise.resolve(result).then((v) => cb(null, v), (e) => cb(new Thrown(e)));
    return;
  }
  cb(null, result);
}

function REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode) {
  if (!new.target) return new REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode);
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    evalFn = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }
  if (evalFn !== undefined && typeof evalFn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.eval', 'function', evalFn);
  }
  if (options.breakEvalOnSigint && evalFn) {
    throw new ERR_INVALID_REPL_EVAL_CONFIG();
  }
  if (!options.input && !options.output) {
    if (!stream) stream = process;
    options.input = stream.stdin || stream;
    options.output = stream.stdout || stream;
  }
  const input = options.input;
  const output = options.output;
  if (options.terminal === undefined) options.terminal = !!output?.isTTY;
  const self = Reflect.construct(Interface, [{
    input,
    output,
    completer: options.completer || completer,
    terminal: options.terminal,
    historySize: options.historySize,
    prompt: prompt === undefined ? '> ' : String(prompt),
  }], new.target);
  self.useColors = options.useColors === undefined ? !!options.terminal && !!output?.isTTY : !!options.useColors;
  self.useGlobal = !!useGlobal;
  self.ignoreUndefined = !!ignoreUndefined;
  self.replMode = replMode || REPL_MODE_SLOPPY;
  self.breakEvalOnSigint = !!options.breakEvalOnSigint;
  self.underscoreAssigned = false;
  self.underscoreErrAssigned = false;
  self.last = undefined;
  self.lastError = undefined;
  self.editorMode = false;
  self.lines = [];
  self.lines.level = [];
  self[kBufferedCommand] = '';
  self._initialPrompt = prompt === undefined ? '> ' : String(prompt);
  self.eval = evalFn || defaultEval;
  if (options.writer) {
    self.writer = options.writer;
  } else if (self.useColors) {
    const w = (obj) => util.inspect(obj, w.options);
    w.options = { ...writer.options, colors: true };
    self.writer = w;
  } else {
    self.writer = writer;
  }
  // node runs evaluation under a domain; its errors are reported by the
  // REPL itself here, the emitter stays for code that listens on it.
  self._domain = new EventEmitter();
  self.commands = { __proto__: null };
  defineDefaultCommands(self);
  self.resetContext();

  let sawSIGINT = false;
  self.on('SIGINT', () => {
    if (self.editorMode) {
      self.editorMode = false;
      self.clearBufferedCommand();
      self.output.write('\n');
    }
    const empty = self.line.length === 0;
    self.clearLine();
    if (!(self[kBufferedCommand] && self[kBufferedCommand].length > 0) && empty) {
      if (sawSIGINT) {
        self.close();
        sawSIGINT = false;
        return;
      }
      self.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      sawSIGINT = true;
    } else {
      sawSIGINT = false;
    }
    self.clearBufferedCommand();
    self.lines.level = [];
    self.displayPrompt();
  });
  self.on('line', (cmd) => {
    sawSIGINT = false;
    self._onReplLine(cmd);
  });
  // A promise rejected and left unhandled, or an exception thrown from a
  // callback, is reported as an uncaught error of the REPL (as node's
  // domain does), and the process goes on.
  const onRejection = (reason) => {
    // Only what REPL code threw: anything else goes on as uncaught.
    const fromRepl = reason === null || (typeof reason !== 'object' && typeof reason !== 'function') ||
      /\bREPL\d+:/.test(String(reason?.stack));
    if (!fromRepl) throw reason;
    self._handleError(reason);
    self.displayPrompt();
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onRejection);
  self.once('close', () => {
    process.removeListener('unhandledRejection', onRejection);
    process.removeListener('uncaughtException', onRejection);
    self.emit('exit');
  });
  self.displayPrompt();
  return self;
}
// As node's, a REPLServer is an instance of readline.Interface.
const ReadlineInterface = require('readline').Interface;
Object.setPrototypeOf(REPLServer.prototype, ReadlineInterface.prototype);
Object.setPrototypeOf(REPLServer, ReadlineInterface);

Object.defineProperty(REPLServer.prototype, 'bufferedCommand', {
  get() { return this[kBufferedCommand]; },
  set(v) { this[kBufferedCommand] = v; },
  configurable: true,
});

REPLServer.prototype._onReplLine = function _onReplLine(cmd) {
  cmd = cmd || '';
  if (this.editorMode) {
    this[kBufferedCommand] += cmd + '\n';
    return;
  }
  const trimmed = cmd.trim();
  if (trimmed.startsWith('.') && trimmed[1] !== '.' && Number.isNaN(Number.parseFloat(trimmed))) {
    const m = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
    if (m !== null && this.parseREPLKeyword(m[1], m[2])) return;
    if (!this[kBufferedCommand]) {
      this.output.write('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }
  const evalCmd = this[kBufferedCommand] + cmd + '\n';
  const finish = (e, ret) => {
    if (e instanceof Recoverable) {
      this[kBufferedCommand] = evalCmd;
      this.displayPrompt();
      return;
    }
    this[kBufferedCommand] = '';
    this.lines.push(...evalCmd.replace(/\n$/, '').split('\n'));
    if (e instanceof Thrown) {
      this._handleError(e.value);
    } else if (e) {
      this._handleError(e);
    } else if (ret === undefined && evalCmd === '\n') {
      // An empty line prints nothing.
    } else if (!(this.ignoreUndefined && ret === undefined)) {
      if (!this.underscoreAssigned) this.last = ret;
      this.output.write(this.writer(ret) + '\n');
    }
    this.displayPrompt();
  };
  let called = false;
  const once = (e, ret) => {
    if (called) return;
    called = true;
    finish(e, ret);
  };
  try {
    this.eval(evalCmd, this.context, `REPL${++nextLine}`, once);
  } catch (e) {
    once(e);
  }
};

// Prints an uncaught error as node does: "Uncaught " and the error, with
// the stack frames of the REPL itself removed.
REPLServer.prototype._handleError = function _handleError(e) {
  if (!this.underscoreErrAssigned) this.lastError = e;
  let text;
  if (e !== null && typeof e === 'object' && typeof e.stack === 'string' &&
      (e instanceof Error || util.types.isNativeError(e))) {
    const lines = e.stack.split('\n');
    const head = [];
    for (const l of lines) {
      if (/^\s+at /.test(l) && (/^\s+at <eval> /.test(l) || /node:(?:repl|vm)\b/.test(l))) break;
      head.push(l);
    }
    const stack = head.join('\n');
    const saved = e.stack;
    try {
      e.stack = stack;
      text = util.inspect(e, { ...this.writer.options, colors: this.useColors });
    } finally {
      try { e.stack = saved; } catch { /* frozen */ }
    }
  } else {
    text = util.inspect(e, { ...this.writer.options, colors: this.useColors });
  }
  // An error without frames or extra properties prints bare, not in [].
  if (/^\[[^\n]*\]$/.test(text)) text = text.slice(1, -1);
  this.output.write(`Uncaught ${text}\n`);
};

// close defers the Interface's close to the next tick, as node's does, so
// that 'exit' listeners added after a synchronous `.exit` still run.
REPLServer.prototype.close = function close() {
  process.nextTick(() => ReadlineInterface.prototype.close.call(this));
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBufferedCommand] = '';
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  if (this.closed) return;
  let prompt = this._initialPrompt;
  if (this[kBufferedCommand].length) prompt = '| ';
  Interface.prototype.setPrompt.call(this, prompt);
  this.prompt(preserveCursor);
};

REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  Interface.prototype.setPrompt.call(this, prompt);
};

REPLServer.prototype.createContext = function createContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    // The context has its own builtins (Object, Array...); node's globals
    // (process, Buffer, timers...) are copied from this realm.
    const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (name === 'globalThis' || name === 'global' || own.has(name)) continue;
      if (Object.prototype.hasOwnProperty.call(context, name)) continue;
      const desc = Object.getOwnPropertyDescriptor(globalThis, name);
      try { Object.defineProperty(context, name, desc); } catch { /* not configurable */ }
    }
    context.global = context;
    // The context's console writes to the REPL's output.
    const { Console } = require('console');
    Object.defineProperty(context, 'console', {
      value: new Console(this.output), writable: true, configurable: true, enumerable: false,
    });
  }
  const Module = require('module');
  const mod = new Module('<repl>');
  mod.paths = Module._resolveLookupPaths ? (Module._nodeModulePaths?.(process.cwd()) ?? []) : [];
  const req = Module.createRequire(path.join(process.cwd(), '<repl>'));
  Object.defineProperty(context, 'module', { value: mod, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(context, 'require', { value: req, writable: true, configurable: true, enumerable: false });
  this[kContextId] = context;
  return context;
};

REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  this.lines.level = [];
  const self = this;
  Object.defineProperty(this.context, '_', {
    configurable: true,
    get() { return self.last; },
    set(value) {
      self.last = value;
      if (!self.underscoreAssigned) {
        self.underscoreAssigned = true;
        self.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  Object.defineProperty(this.context, '_error', {
    configurable: true,
    get() { return self.lastError; },
    set(value) {
      self.lastError = value;
      if (!self.underscoreErrAssigned) {
        self.underscoreErrAssigned = true;
        self.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.emit('reset', this.context);
};

REPLServer.prototype.parseREPLKeyword = function parseREPLKeyword(keyword, rest) {
  const cmd = this.commands[keyword];
  if (cmd) {
    cmd.action.call(this, rest);
    return true;
  }
  return false;
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else if (cmd === null || typeof cmd !== 'object' || typeof cmd.action !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd?.action);
  }
  this.commands[keyword] = cmd;
};

REPLServer.prototype.turnOffEditorMode = function turnOffEditorMode() {
  this.editorMode = false;
  this.setPrompt(this._initialPrompt);
};

// In editor mode Ctrl+D evaluates the buffered text; Ctrl+C cancels it.
REPLServer.prototype._ttyWrite = function _ttyWrite(d, key) {
  key = key || {};
  if (this.editorMode && key.ctrl && key.name === 'd') {
    this.output.write('\n');
    const code = this[kBufferedCommand] + this.line;
    this.line = '';
    this.cursor = 0;
    this[kBufferedCommand] = '';
    this.editorMode = false;
    this._onReplLine(code.replace(/\n$/, ''));
    return;
  }
  Interface.prototype._ttyWrite.call(this, d, key);
};

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() { this.close(); },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((n) => n.length)) + 3;
      for (const name of names) {
        const help = this.commands[name].help || '';
        this.output.write(help ? `.${name}${' '.repeat(width - name.length)}${help}\n` : `.${name}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      if (!file) {
        this.output.write('The "file" argument must be specified\n');
        this.displayPrompt();
        return;
      }
      try {
        fs.writeFileSync(file, this.lines.join('\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      if (!file) {
        this.output.write('The "file" argument must be specified\n');
        this.displayPrompt();
        return;
      }
      let data;
      try {
        if (!fs.statSync(file).isFile()) {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
          this.displayPrompt();
          return;
        }
        data = fs.readFileSync(file, 'utf8');
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
        this.displayPrompt();
        return;
      }
      // The whole file is one input, evaluated as the editor mode does;
      // a terminal shows it.
      if (this.terminal) this.output.write(`${data}\n`);
      this._onReplLine(data.replace(/\n$/, ''));
    },
  });
  if (!repl.terminal) return;
  repl.defineCommand('editor', {
    help: 'Enter editor mode',
    action() {
      this.editorMode = true;
      this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      Interface.prototype.setPrompt.call(this, '');
    },
  });
}

function propertyNames(obj) {
  const names = [];
  const seen = new Set();
  let o = obj;
  if (o === null || o === undefined) return names;
  if (typeof o !== 'object' && typeof o !== 'function') o = Object(o);
  let depth = 0;
  while (o !== null && depth < 100) {
    for (const k of Object.getOwnPropertyNames(o)) {
      if (!seen.has(k) && /^[A-Za-z_$][\w$]*$/.test(k)) {
        seen.add(k);
        names.push(k);
      }
    }
    o = Object.getPrototypeOf(o);
    depth++;
  }
  return names;
}

// The default completer: REPL commands, globals and keywords, and the
// properties of a dotted expression made of plain names.
function completer(line, callback) {
  let result;
  try {
    result = this ? complete(this, line) : [[], line];
  } catch {
    result = [[], line];
  }
  if (typeof callback === 'function') {
    callback(null, result);
    return undefined;
  }
  return result;
}

function complete(repl, line) {
  if (/^\s*\.\w*$/.test(line)) {
    const partial = line.trim().slice(1);
    const names = Object.keys(repl.commands).filter((n) => n.startsWith(partial)).sort();
    return [names, partial];
  }
  const m = /(?:[A-Za-z_$][\w$]*\s*\.\s*)*[A-Za-z_$]?[\w$]*$/.exec(line);
  const word = m ? m[0] : '';
  const dot = word.lastIndexOf('.');
  let names;
  let partial;
  if (dot !== -1) {
    const expr = word.slice(0, dot).replace(/\s+/g, '');
    partial = word.slice(dot + 1).trim();
    // Only names and property accesses: lexical bindings (let, const)
    // are not properties of the context, so the chain is evaluated.
    let obj;
    try {
      obj = repl.useGlobal ? vm.runInThisContext(expr) : vm.runInContext(expr, repl.context);
    } catch {
      return [[], word];
    }
    names = propertyNames(obj).map((n) => `${expr}.${n}`);
    partial = `${expr}.${partial}`;
  } else {
    partial = word;
    let builtins = [];
    if (!repl.useGlobal) {
      try { builtins = vm.runInContext('Object.getOwnPropertyNames(globalThis)', repl.context); } catch { /* none */ }
    }
    names = [...propertyNames(repl.context), ...builtins, ...kKeywords];
  }
  const hits = [...new Set(names.filter((n) => n.startsWith(partial)))].sort();
  return [hits, dot !== -1 ? word.replace(/\s+/g, '') : word];
}

REPLServer.prototype.complete = function complete_(line, callback) {
  this.completer(line, callback);
};

REPLServer.prototype.completeOnEditorMode = function completeOnEditorMode(callback) {
  return (err, results) => callback(err, results);
};

// setupHistory loads history from file (newest first) and appends each
// new line to it.
REPLServer.prototype.setupHistory = function setupHistory(historyFile, cb) {
  if (typeof historyFile !== 'string' || historyFile === '') {
    if (typeof cb === 'function') process.nextTick(cb, null, this);
    return;
  }
  try {
    const data = fs.readFileSync(historyFile, 'utf8');
    this.history = data.split(/\r?\n/).filter((l) => l !== '').slice(0, this.historySize);
  } catch (e) {
    if (e.code !== 'ENOENT') {
      if (typeof cb === 'function') process.nextTick(cb, e);
      return;
    }
  }
  this.on('line', (line) => {
    if (line.trim() === '') return;
    try {
      fs.writeFileSync(historyFile, [line, ...this.history.filter((l) => l !== line)].slice(0, this.historySize).join('\n') + '\n');
    } catch { /* best effort, as node */ }
  });
  if (typeof cb === 'function') process.nextTick(cb, null, this);
};

function start(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules,
};

Object.defineProperty(module.exports, '_builtinLibs', {
  get() { return builtinModules; },
  enumerable: false,
  configurable: true,
});
