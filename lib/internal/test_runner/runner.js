'use strict';
// `gonode --test [patterns...]`: node's test runner mode. It finds the test
// files (node 24's default patterns under the cwd, or the given files and
// glob patterns), runs each in its own child process (process.execPath
// with the options that are not the runner's own), a few at a time, and
// prints one report with the chosen reporter.
//
// A child knows it is one from NODE_TEST_CONTEXT; its harness then sends
// every completed test as a JSON line on fd 3 (reporters.js ChildReporter)
// instead of printing a report. The parent rebuilds those tests and hands
// them, with the child's stdout and stderr, to its reporter in file order:
// the first unfinished file's output streams as it runs, its tests come
// when it ends; later files are buffered until they reach the head. A file that exits non-zero without a failing test, or
// that reports no test at all, counts as one test named by its path.

const path = require('path');
const fs = require('fs');
const { spawn } = require('child_process');
const { getOptionValue } = require('internal/options');
const { validateInteger } = require('internal/validators');
const reporters = require('internal/test_runner/reporters');

const kDefaultPatterns = [
  '**/*.test.{cjs,mjs,js}',
  '**/*-test.{cjs,mjs,js}',
  '**/*_test.{cjs,mjs,js}',
  '**/test-*.{cjs,mjs,js}',
  '**/test.{cjs,mjs,js}',
  '**/test/**/*.{cjs,mjs,js}',
];

// Options of the parent that its children do not get: the runner's own.
const kParentOnly = new Set([
  '--test', '--test-reporter', '--test-reporter-destination', '--test-concurrency',
  '--test-shard', '--test-isolation', '--watch', '--watch-path', '--test-coverage-include',
  '--test-coverage-exclude', '--experimental-test-coverage', '--test-force-exit',
]);

function hasGlob(p) {
  return /[*?[\]{}]/.test(p);
}

function excludeNodeModules(p) {
  const name = typeof p === 'string' ? path.basename(p) : p?.name;
  return name === 'node_modules';
}

// The test files, absolute, sorted by their path as given.
function findFiles(patterns) {
  const cwd = process.cwd();
  const found = new Set();
  if (patterns.length === 0) {
    let defaults = kDefaultPatterns;
    // With type stripping on (node 24's default), TypeScript files too.
    if (process.features.typescript && getOptionValue('--experimental-strip-types') !== false) defaults = defaults.map((p) => p.replace('{cjs,mjs,js}', '{cjs,mjs,js,cts,mts,ts}'));
    for (const f of fs.globSync(defaults, { exclude: excludeNodeModules })) found.add(f);
  } else {
    for (const p of patterns) {
      if (!hasGlob(p) || fs.existsSync(p)) {
        if (!fs.existsSync(p)) {
          process.stderr.write(`Could not find '${p}'\n`);
          process.exitCode = 1;
          return null;
        }
        found.add(p);
        continue;
      }
      for (const f of fs.globSync(p, { exclude: excludeNodeModules })) found.add(f);
    }
  }
  const files = [...found].sort();
  return files.map((f) => ({ name: f, abs: path.resolve(cwd, f) }));
}

function childExecArgv() {
  const out = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.split('=')[0].replace(/_/g, '-') : a;
    if (!kParentOnly.has(name)) {
      out.push(a);
      continue;
    }
    // A valued option given as two words takes its value along.
    if (!a.includes('=') && name !== '--test' && name !== '--watch' &&
        name !== '--experimental-test-coverage' && name !== '--test-force-exit' &&
        i + 1 < argv.length) {
      i++;
    }
  }
  return out;
}

function concurrency() {
  const v = getOptionValue('--test-concurrency');
  if (v !== undefined && v !== true) {
    const n = Number(v);
    validateInteger(n, '--test-concurrency', 1);
    return n;
  }
  return Math.max(require('os').availableParallelism() - 1, 1);
}

// One test file's run: its events in order, and whether it has ended.
class FileRun {
  constructor(file, index) {
    this.file = file;
    this.index = index;
    this.events = [];
    this.reports = [];
    this.ended = false;
    this.tests = new Map();  // child id -> rebuilt test
    this.reportedTests = 0;
    this.failedTests = 0;
    this.start = 0n;
  }
}

class Runner {
  constructor(files) {
    this.files = files.map((f, i) => new FileRun(f, i));
    this.head = 0;  // the first file not yet fully reported
    this.next = 0;  // the next file to start
    this.running = 0;
    this.limit = concurrency();
    this.execArgv = childExecArgv();
    this.reporter = reporters.create();
    this.root = {
      parent: null, name: '<root>', kind: 'root', nesting: -1, subtests: [], diagnostics: [],
    };
    this.startTime = process.hrtime.bigint();
  }

  run() {
    if (this.files.length === 0) {
      this.finish();
      return;
    }
    this.fill();
  }

  fill() {
    while (this.running < this.limit && this.next < this.files.length) {
      this.startFile(this.files[this.next++]);
    }
  }

  startFile(fr) {
    this.running++;
    fr.start = process.hrtime.bigint();
    const env = { ...process.env, NODE_TEST_CONTEXT: reporters.kChildContext };
    const child = spawn(process.execPath, [...this.execArgv, fr.file.abs], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env,
    });
    let pending = '';
    // (Decoded as streams: a character may be split between chunks.)
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdio[3].setEncoding('utf8');
    child.stdout.on('data', (d) => this.event(fr, { type: 'output', data: d }));
    child.stderr.on('data', (d) => this.event(fr, { type: 'output', data: d }));
    child.stdio[3].on('data', (d) => {
      pending += d;
      let nl;
      while ((nl = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line === '') continue;
        let msg;
        try {
          msg = JSON.parse(line);
        } catch {
          continue;
        }
        this.event(fr, msg);
      }
    });
    child.on('error', (err) => {
      this.event(fr, { type: 'output', data: `${err.stack || err}\n` });
    });
    child.on('close', (code, signal) => {
      this.running--;
      this.endFile(fr, code, signal);
      this.fill();
    });
  }

  // As node: a file's output passes through as it comes (once the file is
  // at the head), its tests are reported when it ends.
  event(fr, ev) {
    if (ev.type !== 'output') fr.reports.push(ev);
    else if (fr.index === this.head) this.deliver(fr, ev);
    else fr.events.push(ev);
  }

  endFile(fr, code, signal) {
    const duration = Number(process.hrtime.bigint() - fr.start) / 1e6;
    fr.events.push(...fr.reports, { type: 'end', code, signal, duration });
    fr.reports = [];
    fr.ended = true;
    this.flush();
  }

  // Delivers the buffered events of the files at the head, in order.
  flush() {
    while (this.head < this.files.length) {
      const fr = this.files[this.head];
      const events = fr.events;
      fr.events = [];
      for (const ev of events) this.deliver(fr, ev);
      if (!fr.ended) return;
      this.head++;
    }
    this.finish();
  }

  deliver(fr, ev) {
    switch (ev.type) {
      case 'output':
        this.reporter.onOutput(ev.data);
        break;
      case 'diagnostic':
        this.reporter.onDiagnostic(ev.message);
        break;
      case 'test':
        this.deliverTest(fr, ev);
        break;
      case 'end':
        this.deliverEnd(fr, ev);
        break;
    }
  }

  rebuilt(fr, id) {
    let t = fr.tests.get(id);
    if (t === undefined) {
      t = { parent: null, subtests: [], diagnostics: [], name: '', kind: 'test', nesting: 0 };
      fr.tests.set(id, t);
    }
    return t;
  }

  deliverTest(fr, msg) {
    // The ancestors a reporter may print as headers before the test itself.
    let parent = this.root;
    for (const a of msg.ancestors) {
      const p = this.rebuilt(fr, a.id);
      if (p.parent === null) {
        Object.assign(p, { name: a.name, nesting: a.nesting, kind: a.kind, parent });
      }
      parent = p;
    }
    const t = this.rebuilt(fr, msg.id);
    Object.assign(t, {
      parent,
      name: msg.name,
      kind: msg.kind,
      nesting: msg.nesting,
      plannedSubtests: msg.plannedSubtests,
      skipped: msg.skipped,
      todo: msg.todo,
      cancelled: msg.cancelled,
      filtered: msg.filtered,
      duration: msg.duration,
      diagnostics: msg.diagnostics ?? [],
      location: msg.location,
      expectFailure: msg.expectFailure ?? undefined,
      error: msg.error ?? undefined,
    });
    if (parent === this.root) {
      // Top-level tests of all files are numbered in one sequence.
      t.number = this.root.subtests.length + 1;
    } else {
      t.number = msg.number;
    }
    if (!parent.subtests.includes(t)) parent.subtests.push(t);
    if (msg.filtered) return;
    fr.reportedTests++;
    if (t.error !== undefined && !t.todo) fr.failedTests++;
    this.reporter.onComplete(t);
  }

  deliverEnd(fr, { code, signal, duration }) {
    const failed = code !== 0 || signal !== null;
    if (fr.reportedTests > 0 && (!failed || fr.failedTests > 0)) return;
    // As node: the file itself is one test, passing if it exited cleanly.
    const t = {
      parent: this.root,
      name: fr.file.name,
      kind: 'test',
      nesting: 0,
      subtests: [],
      diagnostics: [],
      skipped: false,
      todo: false,
      cancelled: false,
      filtered: false,
      duration,
      location: { file: fr.file.abs, line: 1, column: 1 },
      // node numbers a file's own entry by the file's place in the run.
      number: fr.index + 1,
      error: failed ? {
        serialized: true,
        failureType: 'testCodeFailure',
        message: 'test failed',
        code: 'ERR_TEST_FAILURE',
        details: "'test failed'",
        exitCode: code,
        signal,
      } : undefined,
    };
    this.root.subtests.push(t);
    this.reporter.onComplete(t);
  }

  finish() {
    if (this.finished) return;
    this.finished = true;
    const duration = Number(process.hrtime.bigint() - this.startTime) / 1e6;
    const counts = this.reporter.summary(this.root, duration, []);
    if (counts.fail > 0 || counts.cancelled > 0) process.exitCode = 1;
  }
}

// Runs the test files that the positional arguments name (all of node's
// default patterns when there are none).
function main(patterns) {
  const { notImplemented } = require('internal/errors');
  for (const opt of ['--test-shard', '--experimental-test-coverage', '--watch', '--test-force-exit']) {
    if (getOptionValue(opt) !== undefined && getOptionValue(opt) !== false) throw notImplemented(`--test with ${opt}`);
  }
  const isolation = getOptionValue('--test-isolation');
  if (isolation !== undefined && isolation !== 'process') throw notImplemented(`--test-isolation=${isolation}`);
  const files = findFiles(patterns);
  if (files === null) return;
  new Runner(files).run();
}

module.exports = { main, kDefaultPatterns };
