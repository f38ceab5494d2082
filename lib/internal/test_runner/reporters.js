'use strict';
// The node:test reporters: 'spec' (node's default), 'tap' and 'dot'. Each
// gets a test as it completes (children before their parent) and the root
// at the end, and writes to process.stdout.

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

function absoluteLocation(loc) {
  return `${loc.file}:${loc.line}:${calleeColumn(loc.file, loc.line, loc.column)}`;
}

function relativeLocation(loc) {
  if (loc === undefined) return '';
  let file = loc.file;
  if (file.startsWith('file:')) {
    try {
      file = decodeURIComponent(new URL(file).pathname);
    } catch {
      // keep the URL
    }
  }
  const rel = require('path').relative(process.cwd(), file);
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
  const err = test.error;
  const cause = err && err.code === 'ERR_TEST_FAILURE' && 'cause' in err ? err.cause : err;
  return inspect(cause);
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
    if (test.subtests.length > 0 && !this.printedHeaders.has(test)) {
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
    const n = test.parent.subtests.indexOf(test) + 1;
    const ok = test.error === undefined || test.todo ? (test.error === undefined ? 'ok' : 'not ok') : 'not ok';
    let dir = '';
    if (test.skipped) dir = ` # SKIP${typeof test.skipped === 'string' ? ` ${test.skipped}` : ''}`;
    else if (test.todo) dir = ` # TODO${typeof test.todo === 'string' ? ` ${test.todo}` : ''}`;
    else if (test.expectFailure !== undefined) dir = expectedFailureDirective(test, true);
    let out = '';
    if (test.subtests.length > 0) out += `${pad}    1..${test.subtests.length}\n`;
    out += `${pad}${ok} ${n} - ${test.name}${dir}\n${pad}  ---\n${pad}  duration_ms: ${test.duration}\n`;
    out += `${pad}  type: '${test.kind === 'suite' ? 'suite' : 'test'}'\n`;
    if (test.error !== undefined) {
      const err = test.error;
      if (test.location) out += `${pad}  location: '${absoluteLocation(test.location)}'\n`;
      out += `${pad}  failureType: '${err.failureType}'\n`;
      const cause = err.cause;
      const msg = cause !== null && typeof cause === 'object' && typeof cause.message === 'string' ? cause.message : String(cause);
      const y = yamlString(msg);
      if (y !== null) out += `${pad}  error: ${y}\n`;
      else out += `${pad}  error: |-\n${indentLines(msg, `${pad}    `)}\n`;
      const code = cause !== null && typeof cause === 'object' && cause.code !== undefined ? cause.code : 'ERR_TEST_FAILURE';
      out += `${pad}  code: '${code}'\n`;
    }
    for (const d of test.diagnostics) out += `${pad}# ${d}\n`;
    out += `${pad}  ...\n`;
    write(out);
  }

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
  onComplete(test) {
    if (test.subtests.length > 0) return;
    write(test.error === undefined || test.todo ? '.' : 'X');
    if (test.error !== undefined && !test.todo) this.failures.push(test);
  }

  summary(root) {
    write('\n');
    const spec = new SpecReporter();
    if (this.failures.length > 0) {
      let out = '\n✖ failing tests:\n';
      for (const t of this.failures) {
        out += `\ntest at ${relativeLocation(t.location)}\n${spec.line(t)}\n${indentLines(errorDetails(t), '  ')}\n`;
      }
      write(out);
    }
    return countTests(root);
  }
}

function create() {
  const { getOptionValue } = require('internal/options');
  let name = getOptionValue('--test-reporter');
  if (Array.isArray(name)) name = name[0];
  if (name === undefined || name === true) name = 'spec';
  switch (name) {
    case 'spec': return new SpecReporter();
    case 'tap': return new TapReporter();
    case 'dot': return new DotReporter();
    default: throw require('internal/errors').notImplemented(`--test-reporter=${name}`);
  }
}

module.exports = { create, SpecReporter, TapReporter, DotReporter, countTests };
