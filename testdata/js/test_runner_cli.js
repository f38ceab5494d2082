'use strict';
// `--test`: the files of test_runner_cli/ each run in a child process and
// are reported together (spec, tap and dot), with the children's output
// and the exit code. Durations and this directory's path are masked.
const { spawnSync } = require('child_process');
const path = require('path');

function run(args, cwd = __dirname) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const dir = path.join(__dirname, 'test_runner_cli');
  const out = r.stdout
    .split(dir).join('<dir>')
    .replace(/\([\d.]+ms\)/g, '(*ms)')
    .replace(/duration_ms:? [\d.]+/g, 'duration_ms *');
  console.log(`$ --test ${args.slice(1).join(' ')}`);
  console.log(out);
  console.log(`exit code ${r.status}`);
}

// Whatever the concurrency, files are reported in the order of their paths.
run(['--test', 'test_runner_cli/*.test.{js,mjs}']);
run(['--test', '--test-reporter=tap', 'test_runner_cli/*.test.{js,mjs}']);
run(['--test', '--test-reporter=dot', '--test-concurrency=3', 'test_runner_cli/*.test.{js,mjs}']);
// The default patterns, from the fixture directory.
run(['--test', '--test-concurrency=3'], path.join(__dirname, 'test_runner_cli'));
run(['--test', '--test-name-pattern=deep', 'test_runner_cli/pass.test.js', 'test_runner_cli/esm.test.mjs']);
run(['--test', 'test_runner_cli/missing.test.js']);
