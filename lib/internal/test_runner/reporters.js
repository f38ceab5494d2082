'use strict';
// The node:test reporters: 'spec' (node's default), 'tap' and 'dot'. Each
// gets a test as it completes (children before their parent) and the root
// at the end, and writes to process.stdout. Under `--test` the parent
// process feeds them tests rebuilt from its children's reports (see
// runner.js), plus the children's output (onOutput) and diagnostics
// (onDiagnostic); a runner child itself uses the ChildReporter, which
// sends its tests to the parent as JSON lines on fd 3.

const { inspect } = require('internal/util/inspect');

function write(s) {
  process.stdout.write(s);
}

function formatDuration(ms) {
  return `${ms}ms`;
}

// The engine places a call's column at its '('; node places it at the
// start of the callee's name (`test(`, `t.test(`): step back to it.
function calleeColumn(file, line, column) {
  try {
    const path = file.startsWith('file:') ? decodeURIComponent(new URL(file).pathname) : file;
    const text = require('fs').readFileSync(path, 'utf8').split('\n')[line - 1];
    let i = column - 1;
    if (text === undefined || text[i] !== '(') return column;
    i--;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    const end = i;
    while (i >= 0 && /[\w$]/.test(text[i])) i--;
    return i === end ? column : i + 2;
  } catch {
    return column;
  }
}

function locationPath(file) {
  if (!file.startsWith('file:')) return file;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return file;
  }
}

function absoluteLocation(loc) {
  return `${locationPath(loc.file)}:${loc.line}:${calleeColumn(loc.file, loc.line, loc.column)}`;
}

function relativeLocation(loc) {
  if (loc === undefined) return '';
  const rel = require('path').relative(process.cwd(), locationPath(loc.file));
  return `${rel}:${loc.line}:${calleeColumn(loc.file, loc.line, loc.column)}`;
}

function expectedFailureDirective(test, escape) {
  let label = test.expectFailure.label;
  if (label && escape) label = label.replace(/#/g, '\\#');
  return ` # EXPECTED FAILURE${label ? ` ${label}` : ''}`;
}

function directive(test) {
  if (test.expectFailure !== undefined && !test.skipped && !test.todo) return expectedFailureDirective(test, false);
  if (test.skipped) return ` # ${typeof test.skipped === 'string' ? test.skipped : 'SKIP'}`;
  if (test.todo) return ` # ${typeof test.todo === 'string' ? test.todo : 'TODO'}`;
  return '';
}

function isSuite(test) { return test.kind === 'suite'; }

function countTests(root) {
  const c = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
  const walk = (t) => {
    for (const s of t.subtests) {
      if (s.filtered) continue;
      if (isSuite(s)) {
        c.suites++;
      } else {
        c.tests++;
        if (s.skipped) c.skipped++;
        else if (s.todo) c.todo++;
        else if (s.cancelled) c.cancelled++;
        else if (s.error !== undefined) c.fail++;
        else c.pass++;
      }
      walk(s);
    }
  };
  walk(root);
  return c;
}

function errorDetails(test) {
  return errorFields(test.error).details;
}

// What the reporters print of a test's error: the failure type, the
// cause's message and code, and the inspected cause. Errors rebuilt from a
// runner child carry these fields already (serialized: true).
function errorFields(err) {
  if (err !== null && typeof err === 'object' && err.serialized === true) return err;
  const cause = err && err.code === 'ERR_TEST_FAILURE' && 'cause' in err ? err.cause : err;
  let message;
  try {
    message = cause !== null && typeof cause === 'object' && typeof cause.message === 'string' ? cause.message : String(cause);
  } catch {
    message = safeInspect(cause);
  }
  const code = cause !== null && typeof cause === 'object' && cause.code !== undefined ? String(cause.code) : 'ERR_TEST_FAILURE';
  return { failureType: err?.failureType, message, code, details: safeInspect(cause), yaml: causeYaml(cause) };
}

// inspect(), even of a value whose custom inspection throws.
function safeInspect(value) {
  try {
    return inspect(value);
  } catch {
    try {
      return inspect(value, { customInspect: false });
    } catch {
      return String(value);
    }
  }
}

// The TAP block's lines about the cause past its message and code, as
// node writes them: the error's name (unless plain 'Error'), an
// assertion's expected/actual/operator, and the stack's frames.
function causeYaml(cause) {
  if (cause === null || typeof cause !== 'object') return '';
  const lines = [];
  try {
    if (typeof cause.name === 'string' && cause.name !== 'Error') lines.push(...yamlEntry('name', cause.name, ''));
    for (const key of ['expected', 'actual', 'operator']) {
      if (key in cause) lines.push(...yamlEntry(key, cause[key], ''));
    }
    if (typeof cause.stack === 'string') {
      const frames = cause.stack.split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.replace(/^\s+at /, ''));
      if (frames.length > 0) lines.push('stack: |-', ...frames.map((f) => `  ${f}`));
    }
  } catch {
    // A getter threw: leave the rest out.
  }
  return lines.join('\n');
}

// One YAML entry: scalars inline, multi-line strings as |- blocks, objects
// and arrays as nested entries (undefined values left out).
function yamlEntry(key, value, indent, seen = new Set()) {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return [];
  if (value === null) return [`${indent}${key}: ~`];
  if (typeof value === 'string') {
    if (!value.includes('\n')) return [`${indent}${key}: '${value.replace(/'/g, "''")}'`];
    return [`${indent}${key}: |-`, ...value.split('\n').map((l) => `${indent}  ${l}`)];
  }
  if (typeof value !== 'object') return [`${indent}${key}: ${String(value)}`];
  if (seen.has(value)) return [`${indent}${key}: '[Circular]'`];
  seen.add(value);
  const lines = [`${indent}${key}:`];
  for (const k of Object.keys(value)) lines.push(...yamlEntry(k, value[k], `${indent}  `, seen));
  seen.delete(value);
  return lines;
}

function uncaughtMessage({ err, type }) {
  return 'Error: A resource generated asynchronous activity after the test ended. This activity ' +
    `created the error "${String(err)}" which triggered an ${type} event, caught by the test runner.`;
}

function indentLines(text, pad) {
  return text.split('\n').map((l) => `${pad}${l}`).join('\n');
}

class SpecReporter {
  constructor() {
    this.printedHeaders = new Set();
    this.failures = [];
  }

  line(test) {
    let sym;
    if (test.skipped) sym = '﹣';
    else if (test.todo) sym = test.error === undefined ? '✔' : '⚠';
    else sym = test.error === undefined ? '✔' : '✖';
    return `${sym} ${test.name} (${formatDuration(test.duration)})${directive(test)}`;
  }

  headers(test) {
    const chain = [];
    for (let p = test.parent; p !== null && p.parent !== null; p = p.parent) chain.unshift(p);
    for (const p of chain) {
      if (this.printedHeaders.has(p)) continue;
      this.printedHeaders.add(p);
      write(`${'  '.repeat(p.nesting)}▶ ${p.name}\n`);
    }
  }

  onComplete(test) {
    this.headers(test);
    if ((test.plannedSubtests ?? test.subtests.length) > 0 && !this.printedHeaders.has(test)) {
      this.printedHeaders.add(test);
      write(`${'  '.repeat(test.nesting)}▶ ${test.name}\n`);
    }
    const pad = '  '.repeat(test.nesting);
    write(`${pad}${this.line(test)}\n`);
    for (const d of test.diagnostics) write(`${pad}ℹ ${d}\n`);
    if (test.error !== undefined && test.error.failureType !== 'subtestsFailed' && !test.skipped) {
      this.failures.push(test);
    }
  }

  // A runner child's stdout or stderr, as it came.
  onOutput(data) { write(data); }
  onDiagnostic(message) { write(`ℹ ${message}\n`); }

  summary(root, duration, uncaught) {
    const c = countTests(root);
    for (const d of root.diagnostics) write(`ℹ ${d}\n`);
    for (const u of uncaught) write(`ℹ ${uncaughtMessage(u)}\n`);
    write(`ℹ tests ${c.tests}\nℹ suites ${c.suites}\nℹ pass ${c.pass}\nℹ fail ${c.fail}\n` +
      `ℹ cancelled ${c.cancelled}\nℹ skipped ${c.skipped}\nℹ todo ${c.todo}\n` +
      `ℹ duration_ms ${duration}\n`);
    if (this.failures.length > 0) {
      let out = '\n✖ failing tests:\n';
      for (const t of this.failures) {
        out += `\ntest at ${relativeLocation(t.location)}\n${this.line(t)}\n${indentLines(errorDetails(t), '  ')}\n`;
      }
      write(out);
    }
    return c;
  }
}

function yamlString(s) {
  s = String(s);
  if (s.includes('\n')) return null;
  return `'${s.replace(/'/g, "''")}'`;
}

class TapReporter {
  constructor() {
    write('TAP version 13\n');
    this.printed = new Set();
  }

  onComplete(test) {
    const pad = '    '.repeat(test.nesting);
    const chain = [];
    for (let p = test; p !== null && p.parent !== null; p = p.parent) chain.unshift(p);
    for (const p of chain) {
      if (this.printed.has(p)) continue;
      this.printed.add(p);
      write(`${'    '.repeat(p.nesting)}# Subtest: ${p.name}\n`);
    }
    const n = test.number ?? test.parent.subtests.indexOf(test) + 1;
    const ok = test.error === undefined || test.todo ? (test.error === undefined ? 'ok' : 'not ok') : 'not ok';
    let dir = '';
    if (test.skipped) dir = ` # SKIP${typeof test.skipped === 'string' ? ` ${test.skipped}` : ''}`;
    else if (test.todo) dir = ` # TODO${typeof test.todo === 'string' ? ` ${test.todo}` : ''}`;
    else if (test.expectFailure !== undefined) dir = expectedFailureDirective(test, true);
    let out = '';
    const planned = test.plannedSubtests ?? test.subtests.length;
    if (planned > 0) out += `${pad}    1..${planned}\n`;
    out += `${pad}${ok} ${n} - ${test.name}${dir}\n${pad}  ---\n${pad}  duration_ms: ${test.duration}\n`;
    out += `${pad}  type: '${test.kind === 'suite' ? 'suite' : 'test'}'\n`;
    if (test.error !== undefined) {
      const err = test.error;
      if (test.location) out += `${pad}  location: '${absoluteLocation(test.location)}'\n`;
      const f = errorFields(err);
      out += `${pad}  failureType: '${f.failureType}'\n`;
      if (f.exitCode !== undefined) {
        out += `${pad}  exitCode: ${f.exitCode === null ? '~' : f.exitCode}\n`;
        out += `${pad}  signal: ${f.signal === null || f.signal === undefined ? '~' : `'${f.signal}'`}\n`;
      }
      const msg = f.message;
      const y = yamlString(msg);
      if (y !== null) out += `${pad}  error: ${y}\n`;
      else out += `${pad}  error: |-\n${indentLines(msg, `${pad}    `)}\n`;
      out += `${pad}  code: '${f.code}'\n`;
      if (f.yaml) out += `${indentLines(f.yaml, `${pad}  `)}\n`;
    }
    out += `${pad}  ...\n`;
    for (const d of test.diagnostics) out += `${pad}# ${d}\n`;
    write(out);
  }

  // A runner child's output: each non-empty line as a comment.
  onOutput(data) {
    let out = '';
    for (const l of String(data).split('\n')) if (l !== '') out += `# ${l}\n`;
    write(out);
  }

  onDiagnostic(message) { write(`# ${message}\n`); }

  summary(root, duration, uncaught) {
    const c = countTests(root);
    for (const u of uncaught) write(`# ${uncaughtMessage(u)}\n`);
    write(`1..${root.subtests.length}\n# tests ${c.tests}\n# suites ${c.suites}\n# pass ${c.pass}\n` +
      `# fail ${c.fail}\n# cancelled ${c.cancelled}\n# skipped ${c.skipped}\n# todo ${c.todo}\n` +
      `# duration_ms ${duration}\n`);
    return c;
  }
}

class DotReporter {
  constructor() { this.failures = []; }
  // As node 24: one mark per test and suite, then the failures (failing
  // todo tests included).
  onComplete(test) {
    const failed = test.error !== undefined;
    write(failed ? 'X' : '.');
    if (failed) this.failures.push(test);
  }

  onOutput() {}
  onDiagnostic() {}

  summary(root) {
    write('\n');
    const spec = new SpecReporter();
    if (this.failures.length > 0) {
      let out = '\nFailed tests:\n\n';
      for (const t of this.failures) out += `${spec.line(t)}\n${indentLines(errorDetails(t), '  ')}\n`;
      write(out);
    }
    return countTests(root);
  }
}

// The reporter of a runner child: each completed test goes to the parent
// as one JSON line on fd 3, with what the parent's reporters print of it.
class ChildReporter {
  constructor(fd) {
    this.fd = fd;
    this.ids = new Map();
  }

  id(test) {
    let id = this.ids.get(test);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(test, id);
    }
    return id;
  }

  send(msg) {
    try {
      require('fs').writeSync(this.fd, `${JSON.stringify(msg)}\n`);
    } catch {
      // The parent is gone: nothing to report to.
    }
  }

  onComplete(test) {
    const ancestors = [];
    for (let p = test.parent; p !== null && p.parent !== null; p = p.parent) {
      ancestors.unshift({ id: this.id(p), name: p.name, nesting: p.nesting, kind: p.kind });
    }
    const parent = test.parent;
    const msg = {
      type: 'test',
      id: this.id(test),
      parent: parent.parent === null ? null : this.id(parent),
      ancestors,
      name: test.name,
      kind: test.kind,
      nesting: test.nesting,
      number: parent.subtests.indexOf(test) + 1,
      plannedSubtests: test.subtests.length,
      skipped: test.skipped,
      todo: test.todo,
      cancelled: test.cancelled,
      filtered: test.filtered,
      duration: test.duration,
      diagnostics: test.diagnostics,
      location: test.location,
      expectFailure: test.expectFailure === undefined ? undefined : { label: test.expectFailure.label },
      error: test.error === undefined ? undefined : { serialized: true, ...errorFields(test.error) },
    };
    this.send(msg);
  }

  onOutput() {}
  onDiagnostic() {}

  summary(root, duration, uncaught) {
    for (const d of root.diagnostics) this.send({ type: 'diagnostic', message: d });
    for (const u of uncaught) this.send({ type: 'diagnostic', message: uncaughtMessage(u) });
    return countTests(root);
  }
}

// The fd a runner child reports on, when this process is one: the parent
// sets NODE_TEST_CONTEXT and passes a pipe (or socket) as fd 3.
function childReportFd() {
  if (process.env.NODE_TEST_CONTEXT !== kChildContext) return -1;
  try {
    const st = require('fs').fstatSync(3);
    if (st.isFIFO() || st.isSocket()) return 3;
  } catch {
    // fd 3 is not open: not a runner child after all.
  }
  return -1;
}

const kChildContext = 'child-gonode';

let runnerChild;
// Whether this process is a child of `--test` that reports to its parent.
function isRunnerChild() {
  runnerChild ??= childReportFd() !== -1;
  return runnerChild;
}

function create() {
  const fd = childReportFd();
  if (fd !== -1) return new ChildReporter(fd);
  const { getOptionValue } = require('internal/options');
  let name = getOptionValue('--test-reporter');
  if (Array.isArray(name)) name = name[0];
  if (name === undefined || name === true) name = 'spec';
  let dest = getOptionValue('--test-reporter-destination');
  if (Array.isArray(dest)) dest = dest[0];
  if (dest !== undefined && dest !== 'stdout') {
    throw require('internal/errors').notImplemented(`--test-reporter-destination=${dest}`);
  }
  switch (name) {
    case 'spec': return new SpecReporter();
    case 'tap': return new TapReporter();
    case 'dot': return new DotReporter();
    default: throw require('internal/errors').notImplemented(`--test-reporter=${name}`);
  }
}

module.exports = {
  create, SpecReporter, TapReporter, DotReporter, ChildReporter, countTests, kChildContext, isRunnerChild,
};
