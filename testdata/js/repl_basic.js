'use strict';
// Drives node:repl over PassThrough streams (no TTY): each line is written
// once the REPL has printed its prompt, and the whole output is printed.
const repl = require('node:repl');
const { PassThrough } = require('node:stream');

function run(name, options, lines, setup) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    let i = 0;
    const next = () => {
      if (i < lines.length) input.write(lines[i++] + '\n');
    };
    output.on('data', (d) => {
      out += d;
      if (/(?:> |\| )$/.test(out)) setImmediate(next);
    });
    const r = repl.start({ input, output, terminal: false, prompt: '> ', ...options });
    if (setup) setup(r);
    r.on('exit', () => {
      console.log(`--- ${name}`);
      console.log(out);
      resolve(r);
    });
  });
}

(async () => {
  await run('basics', {}, [
    '1 + 1', 'let x = 5', 'x * 2', 'const k = "c"; k + k', '{a: 1}', '{ b: 2, c: [3] }', '_',
    'throw new Error("boom")', '_error.message', 'throw "str"', 'throw null', 'throw 42',
    'function f() {', 'return 3 }', 'f()', '[1,', '2]', '`a', 'b`', '(1 +', '2)',
    'await Promise.resolve(7)', 'const y = await 8', 'y', 'var z = await Promise.resolve(9); z + 1',
    'undefined', '', 'null', "'a' + 'b'", '[1, 2, 3].map((v) => v * 2)',
    'new Map([[1, 2]])', 'class A {}', 'new A()', 'typeof require', 'typeof module',
    'require("path").join("a", "b")', '_ = 5', '3', '_',
    'function g() {', '.break', 'typeof g', '.nope', '.exit',
  ]);
  await run('commands', {}, ['.help', '.hi bob', 'q = 1', '.clear', 'typeof q', '.exit'], (r) => {
    r.defineCommand('hi', { help: 'Say hi', action(n) { this.output.write(`hi ${n}\n`); this.displayPrompt(); } });
    r.defineCommand('bare', function bare() { this.displayPrompt(); });
    r.on('reset', (ctx) => console.log('reset, context has _:', '_' in ctx));
  });
  await run('options', { ignoreUndefined: true, writer: (v) => `<${typeof v}>` }, [
    'undefined', '1', '"s"', 'void 0', '.exit',
  ]);
  await run('strict', { replMode: repl.REPL_MODE_STRICT }, [
    '(function () { return this; })()', '.exit',
  ]);
  const seen = [];
  await run('custom eval', {
    eval(cmd, context, file, cb) {
      seen.push(cmd);
      if (cmd.trim() === 'more') return cb(new repl.Recoverable(new SyntaxError('more')));
      cb(null, cmd.trim().toUpperCase());
    },
  }, ['abc', 'more', 'done', '', '.exit']);
  console.log(JSON.stringify(seen));
  const r = await run('completer', {}, ['.exit']);
  await new Promise((resolve) => r.completer('Mat', (err, res) => { console.log(err, JSON.stringify(res)); resolve(); }));
  await new Promise((resolve) => r.completer('.he', (err, res) => { console.log(err, JSON.stringify(res)); resolve(); }));
  console.log(typeof repl.REPLServer, r instanceof repl.REPLServer, r instanceof require('node:readline').Interface);
  console.log(typeof repl.REPL_MODE_SLOPPY, typeof repl.REPL_MODE_STRICT, repl.builtinModules.includes('fs'),
    repl.builtinModules.some((m) => m.startsWith('_')));
  console.log(repl.writer({ a: [1, { b: 2 }] }), new repl.Recoverable(new Error('e')) instanceof SyntaxError);
})();
