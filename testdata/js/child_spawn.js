'use strict';
// child_process.spawn: stdio pipes, exit codes and signals, 'error' for a
// missing command, kill, shell and env options.
const cp = require('child_process');

function run(file, args, opts, input) {
  return new Promise((resolve) => {
    const c = cp.spawn(file, args, opts);
    const out = [];
    const err = [];
    const events = [];
    if (c.stdout) c.stdout.on('data', (d) => out.push(d));
    if (c.stderr) c.stderr.on('data', (d) => err.push(d));
    c.on('spawn', () => events.push('spawn'));
    c.on('exit', (code, sig) => events.push(`exit ${code} ${sig}`));
    c.on('error', (e) => events.push(`error ${e.message} ${e.code} ${e.errno} ${e.syscall} ${e.path} ${JSON.stringify(e.spawnargs)}`));
    c.on('close', (code, sig) => {
      events.push(`close ${code} ${sig}`);
      resolve({ c, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString(), events });
    });
    if (input !== undefined) c.stdin.end(input);
  });
}

(async () => {
  let r = await run('/bin/sh', ['-c', 'echo out; echo err >&2; exit 3']);
  console.log(JSON.stringify(r.out), JSON.stringify(r.err), r.events.join(', '), typeof r.c.pid, r.c.exitCode, r.c.signalCode);

  r = await run(process.execPath, ['-e', 'process.stdin.on("data", d => process.stdout.write(String(d).toUpperCase()))'], {}, 'piped input');
  console.log(JSON.stringify(r.out), r.events.join(', '));

  r = await run('no-such-command-gonode', ['x', 'y']);
  console.log(r.events.join(', '), r.c.pid);

  r = await run('echo $GREETING from shell', [], { shell: true, env: { GREETING: 'hello', PATH: process.env.PATH } });
  console.log(JSON.stringify(r.out), r.events.join(', '));

  r = await run('/bin/sh', ['-c', 'pwd'], { cwd: '/' });
  console.log(JSON.stringify(r.out));

  r = await run('/bin/sh', ['-c', 'echo $0'], { argv0: 'custom-argv0' });
  console.log(JSON.stringify(r.out));

  const c = cp.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  c.on('exit', (code, sig) => {
    console.log('killed child exit', code, sig, c.killed, c.exitCode, c.signalCode);
    console.log('kill after exit', c.kill());
    const d = cp.spawn('/bin/sh', ['-c', 'exit 0'], { stdio: 'ignore' });
    console.log('ignored stdio', d.stdin, d.stdout, d.stderr, d.stdio.length);
    d.on('close', (code) => console.log('ignore close', code));
  });
  c.on('spawn', () => console.log('kill', c.kill('SIGTERM')));

  try {
    cp.spawn('/bin/sh', ['-c', 'true']).kill('SIGNOPE');
  } catch (e) {
    console.log(e.code, e.message);
  }
  try {
    cp.spawn('');
  } catch (e) {
    console.log(e.code, e.message);
  }
  try {
    cp.spawn(42);
  } catch (e) {
    console.log(e.code, e.message);
  }
})();
