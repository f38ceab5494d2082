'use strict';
// The Console class: node:console's Console and the global console.

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  inspect,
  formatWithOptions,
  getStringWidth,
} = require('internal/util/inspect');
const { isMap, isSet, isMapIterator, isSetIterator } = require('internal/util/types');
const { previewEntries } = internalBinding('util');

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kColorMode = Symbol('kColorMode');
const kIgnoreErrors = Symbol('kIgnoreErrors');
const kInspectOptions = Symbol('kInspectOptions');
const kCounts = Symbol('counts');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kBindProperties = Symbol('kBindProperties');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kFastFd = Symbol('kFastFd');
const stdioState = require('internal/process/stdio_state');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');

// Colour depth implied by FORCE_COLOR, as Node reads it.
function forcedColorDepth() {
  const v = process.env.FORCE_COLOR;
  if (v === '' || v === '1' || v === 'true') return 4;
  if (v === '2') return 8;
  if (v === '3') return 24;
  return 1;
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return forcedColorDepth() > 2;
  return !!(stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const {
    stdout,
    stderr: errStream = stdout,
    ignoreErrors: ignore = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;
  if (!stdout || typeof stdout.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  if (!errStream || typeof errStream.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  if (colorMode !== 'auto' && colorMode !== true && colorMode !== false) {
    throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode, "must be one of: 'auto', true, false");
  }
  if (groupIndentation !== undefined) {
    if (typeof groupIndentation !== 'number') throw new ERR_INVALID_ARG_TYPE('groupIndentation', 'number', groupIndentation);
    if (!Number.isInteger(groupIndentation)) throw new ERR_OUT_OF_RANGE('groupIndentation', 'an integer', groupIndentation);
    if (groupIndentation < 0 || groupIndentation > 1000) {
      throw new ERR_OUT_OF_RANGE('groupIndentation', '>= 0 && <= 1000', groupIndentation);
    }
  }
  if (inspectOptions !== undefined) {
    if (inspectOptions === null || typeof inspectOptions !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options.inspectOptions', 'object', inspectOptions);
    }
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
  }
  // Every method is bound to the instance, so `const { log } = console` works.
  // A subclass's override is what gets bound.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
  this[kBindStreamsEager](stdout, errStream);
  this[kBindProperties](ignore, colorMode, groupIndentation, inspectOptions);
  Object.defineProperty(this, kIsConsole, { value: true });
}

const hidden = (value) => ({ value, writable: true, enumerable: false, configurable: true });

// Marks Console instances and the global console, so that
// `console instanceof Console` holds for the global one too.
const kIsConsole = Symbol('kIsConsole');
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) { return instance != null && instance[kIsConsole] === true; },
  writable: false, enumerable: false, configurable: true,
});

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: hidden(function(stdout, stderr) {
    Object.defineProperties(this, {
      _stdout: hidden(stdout),
      _stderr: hidden(stderr),
    });
  }),
  // The global console reads process.stdout/stderr only when first used.
  [kBindStreamsLazy]: hidden(function(object) {
    let stdout;
    let stderr;
    Object.defineProperties(this, {
      // The fd the global console may write to directly (see
      // internal/process/stdio_state), or -1.
      [kFastFd]: hidden(function(useStderr) {
        if (object !== process || (useStderr ? stderr : stdout) !== undefined) return -1;
        return stdioState.fastFd(useStderr ? 2 : 1);
      }),
      _stdout: {
        enumerable: false, configurable: true,
        get() { return stdout ?? object.stdout; },
        set(v) { stdout = v; },
      },
      _stderr: {
        enumerable: false, configurable: true,
        get() { return stderr ?? object.stderr; },
        set(v) { stderr = v; },
      },
    });
  }),
  [kBindProperties]: hidden(function(ignoreErrors, colorMode, groupIndentation = 2, inspectOptions) {
    Object.defineProperties(this, {
      _times: hidden(new Map()),
      [kCounts]: hidden(new Map()),
      [kColorMode]: hidden(colorMode),
      [kIgnoreErrors]: hidden(ignoreErrors),
      [kGroupIndent]: hidden(''),
      [kGroupIndentationWidth]: hidden(groupIndentation),
      [kInspectOptions]: hidden(inspectOptions),
    });
  }),
  [kWriteToConsole]: hidden(function(useStderr, string) {
    const indent = this[kGroupIndent];
    if (indent.length !== 0) {
      if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
      string = indent + string;
    }
    string += '\n';
    const fd = this[kFastFd] === undefined ? -1 : this[kFastFd](useStderr);
    if (fd !== -1) {
      try {
        stdioState.writeFast(fd, string);
        return;
      } catch {
        // EPIPE and the like: let the stream report it as node does.
      }
    }
    const stream = useStderr ? this._stderr : this._stdout;
    if (this[kIgnoreErrors] === false) {
      stream.write(string);
      return;
    }
    try {
      // A failed write (EPIPE once the reader is gone) must not become an
      // uncaught 'error' on the stream: node's console swallows it.
      stream.write(string, (err) => {
        if (err && typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) {
          stream.once('error', noop);
        }
      });
    } catch (e) {
      // A console must never take the program down; stack overflows are
      // the exception since they would otherwise be swallowed.
      // (QuickJS reports one as an InternalError 'stack overflow'.)
      if (isStackOverflow(e)) throw e;
    }
  }),
  [kGetInspectOptions]: hidden(function(stream) {
    let color = this[kColorMode];
    if (color === 'auto') color = shouldColorize(stream);
    const options = this[kInspectOptions];
    if (options) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  }),
  [kFormatForStdout]: hidden(function(args) {
    const fast = this[kFastFd] !== undefined && this[kFastFd](false) !== -1;
    return formatWithOptions(this[kGetInspectOptions](fast ? null : this._stdout), ...args);
  }),
  [kFormatForStderr]: hidden(function(args) {
    const fast = this[kFastFd] !== undefined && this[kFastFd](true) !== -1;
    return formatWithOptions(this[kGetInspectOptions](fast ? null : this._stderr), ...args);
  }),
});

function noop() {}

// isStackOverflow: V8's RangeError 'Maximum call stack size exceeded' or
// the engine's own InternalError 'stack overflow'.
function isStackOverflow(e) {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return true;
  return e instanceof Error && e.name === 'InternalError' && e.message === 'stack overflow';
}

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad2(v) {
  return `${v}`.padStart(2, '0');
}

// "1.234ms", "1.002s", "1:02.003 (m:ss.mmm)", "1:02:03.004 (h:mm:ss.mmm)".
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms %= kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, frac] = seconds.toFixed(3).split('.');
    const lead = hours !== 0 ? `${hours}:${pad2(minutes)}` : minutes;
    return `${lead}:${pad2(s)}.${frac} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(self, name, label, data) {
  const start = self._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const [s, ns] = process.hrtime(start);
  const formatted = formatTime(s * 1000 + ns / 1e6);
  if (data === undefined) self.log('%s: %s', label, formatted);
  else self.log('%s: %s', label, formatted, ...data);
  return true;
}

// console.table's box drawing.
function renderRow(row, widths) {
  let out = '│ ';
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + ' '.repeat(widths[i] - getStringWidth(cell));
    if (i !== row.length - 1) out += ' │ ';
  }
  return `${out} │`;
}

function renderTable(head, columns) {
  const widths = head.map((h) => getStringWidth(h));
  const longest = Math.max(...columns.map((c) => c.length));
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longest; j++) {
      rows[j] ??= [];
      const value = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      rows[j][i] = value;
      widths[i] = Math.max(widths[i] || 0, getStringWidth(value));
    }
  }
  const divider = widths.map((w) => '─'.repeat(w + 2));
  let out = `┌${divider.join('┬')}┐\n${renderRow(head, widths)}\n├${divider.join('┼')}┤\n`;
  for (const row of rows) out += `${renderRow(row, widths)}\n`;
  out += `└${divider.join('┴')}┘`;
  return out;
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](false, this[kFormatForStdout](args));
  },
  warn(...args) {
    this[kWriteToConsole](true, this[kFormatForStderr](args));
  },
  dir(object, options) {
    this[kWriteToConsole](false, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  trace: function trace(...args) {
    const err = { name: 'Trace', message: this[kFormatForStderr](args) };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      if (args.length > 0 && typeof args[0] === 'string') args[0] = `Assertion failed: ${args[0]}`;
      else args.unshift('Assertion failed');
      Reflect.apply(this.warn, this, args);
    }
  },
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\x1b[1;1H\x1b[0J');
    }
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    this.log(`${label}: ${n}`);
  },
  countReset(label = 'default') {
    const counts = this[kCounts];
    label = `${label}`;
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(label);
  },
  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw new ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const print = (head, columns) => this.log(renderTable(head, columns));
    const cell = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...this[kGetInspectOptions](this._stdout) });
    };
    const indexColumn = (n) => Array.from({ length: n }, (_, i) => cell(i));

    let keyValue = false;
    let entries = tabularData;
    const mapIter = isMapIterator(tabularData);
    if (mapIter) {
      const [list, isKeyValue] = previewEntries(tabularData);
      entries = list;
      keyValue = isKeyValue;
    }
    if (keyValue || isMap(tabularData)) {
      const keys = [];
      const values = [];
      if (mapIter) {
        for (let i = 0; i < entries.length; i += 2) {
          keys.push(cell(entries[i]));
          values.push(cell(entries[i + 1]));
        }
      } else {
        for (const [k, v] of tabularData) {
          keys.push(cell(k));
          values.push(cell(v));
        }
      }
      return print(['(iteration index)', 'Key', 'Values'], [indexColumn(keys.length), keys, values]);
    }
    const setIter = isSetIterator(tabularData);
    if (setIter) entries = previewEntries(tabularData)[0];
    if (setIter || mapIter || isSet(tabularData)) {
      const values = [];
      for (const v of entries) values.push(cell(v));
      return print(['(iteration index)', 'Values'], [indexColumn(values.length), values]);
    }

    const columns = { __proto__: null };
    let hasPrimitives = false;
    const primitiveValues = [];
    const indexKeys = Object.keys(tabularData);
    for (let i = 0; i < indexKeys.length; i++) {
      const item = tabularData[indexKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveValues[i] = cell(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          columns[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            columns[key][i] = '';
          } else {
            columns[key][i] = cell(item[key]);
          }
        }
      }
    }
    const head = Object.keys(columns);
    const values = Object.values(columns);
    if (hasPrimitives) {
      head.push('Values');
      values.push(primitiveValues);
    }
    head.unshift('(index)');
    values.unshift(indexKeys);
    return print(head, values);
  },
  // Inspector-only methods: no-ops without an inspector, as in Node.
  profile() {},
  profileEnd() {},
  timeStamp() {},
  context() { throw require('internal/errors').notImplemented('console.context'); },
  // Async stack tagging (V8): without an inspector, task.run(f) just runs f.
  createTask(name) {
    if (typeof name !== 'string' || name === '') throw new Error('First argument must be a non-empty string.');
    return {
      run: function run() {
        const f = arguments[0];
        if (typeof f !== 'function') throw new Error('First argument must be a function.');
        return f();
      },
    };
  },
};
consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key], writable: true, enumerable: true, configurable: true,
  });
}

// The global console: bound methods over process.stdout/stderr, read lazily.
function createGlobalConsole() {
  const globalConsole = { __proto__: {} };
  for (const key of Object.keys(Console.prototype)) {
    const fn = Console.prototype[key].bind(globalConsole);
    Object.defineProperty(fn, 'name', { value: key });
    Object.defineProperty(globalConsole, key, { value: fn, writable: true, enumerable: true, configurable: true });
  }
  Console.prototype[kBindStreamsLazy].call(globalConsole, process);
  Console.prototype[kBindProperties].call(globalConsole, true, 'auto');
  for (const sym of [kWriteToConsole, kGetInspectOptions, kFormatForStdout, kFormatForStderr]) {
    Object.defineProperty(globalConsole, sym, hidden(Console.prototype[sym]));
  }
  Object.defineProperty(globalConsole, Symbol.toStringTag, {
    value: 'console', writable: false, enumerable: false, configurable: true,
  });
  Object.defineProperty(globalConsole, kIsConsole, { value: true });
  globalConsole.Console = Console;
  return globalConsole;
}

module.exports = {
  Console,
  createGlobalConsole,
  kBindStreamsLazy,
  kBindProperties,
  kWriteToConsole,
  formatTime,
};
