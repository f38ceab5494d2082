'use strict';
// spawnSync / execSync / execFileSync: status, signal, output, input,
// timeout, maxBuffer, encoding and the errors they throw.
const cp = require('child_process');

let r = cp.spawnSync('/bin/sh', ['-c', 'cat; echo err >&2; exit 5'], { input: 'from input' });
console.log(r.status, r.signal, r.output.length, r.output[0], String(r.stdout), String(r.stderr), Object.keys(r), typeof r.pid);

r = cp.spawnSync(process.execPath, ['-p', '"utf8 " + 1'], { encoding: 'utf8' });
console.log(JSON.stringify(r.stdout), JSON.stringify(r.stderr), r.status);

r = cp.spawnSync('no-such-command-gonode', ['q']);
console.log(r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path, r.error.spawnargs, r.status, r.pid, r.output);

r = cp.spawnSync('/bin/sh', ['-c', 'sleep 5'], { timeout: 50 });
console.log(r.error.code, r.error.message, r.status, r.signal);

r = cp.spawnSync('/bin/sh', ['-c', 'kill -9 $$']);
console.log('self-kill', r.status, r.signal);

r = cp.spawnSync('/bin/sh', ['-c', 'echo ok'], { stdio: 'inherit' });
console.log('inherit', r.status, r.stdout, r.output);

console.log(JSON.stringify(cp.execSync('echo exec sync').toString()));
console.log(JSON.stringify(cp.execSync('printf %s "$0"', { encoding: 'utf8' })));
console.log(JSON.stringify(cp.execFileSync('/bin/sh', ['-c', 'printf file'], { encoding: 'latin1' })));
console.log(JSON.stringify(cp.execFileSync(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'round trip' }).toString()));

try {
  cp.execSync('echo visible; echo to-stderr >&2; exit 4', { stdio: 'pipe' });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status, e.signal, String(e.stdout), String(e.stderr), Object.keys(e));
}
try {
  cp.execFileSync('/bin/sh', ['-c', 'exit 9'], { stdio: 'pipe' });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status);
}
try {
  cp.execFileSync('no-such-command-gonode');
} catch (e) {
  console.log(e.message, e.code, e.status);
}
