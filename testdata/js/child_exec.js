'use strict';
// child_process.exec / execFile: callbacks, error fields, timeout,
// maxBuffer, encoding and util.promisify.
const cp = require('child_process');
const util = require('util');

function step(fn) {
  return new Promise((resolve) => fn(resolve));
}

(async () => {
  await step((done) => cp.exec('echo hello; echo warn >&2', (err, stdout, stderr) => {
    console.log('exec ok', err, JSON.stringify(stdout), JSON.stringify(stderr));
    done();
  }));
  await step((done) => cp.exec('echo partial; echo bad >&2; exit 7', (err, stdout, stderr) => {
    console.log('exec fail', JSON.stringify(err.message), err.code, err.killed, err.signal, err.cmd, Object.keys(err));
    console.log(JSON.stringify(stdout), JSON.stringify(stderr));
    done();
  }));
  await step((done) => cp.execFile('/bin/sh', ['-c', 'printf abc'], { encoding: 'buffer' }, (err, stdout) => {
    console.log('buffer', err, Buffer.isBuffer(stdout), stdout.toString());
    done();
  }));
  await step((done) => cp.execFile('/bin/sh', ['-c', 'sleep 5'], { timeout: 50 }, (err) => {
    console.log('timeout', err.killed, err.signal, err.code, err.cmd);
    done();
  }));
  await step((done) => cp.execFile('/bin/sh', ['-c', 'echo 0123456789'], { maxBuffer: 4 }, (err, stdout) => {
    console.log('maxBuffer', err.code, err.message, JSON.stringify(stdout));
    done();
  }));
  await step((done) => cp.execFile('no-such-command-gonode', ['a'], (err, stdout) => {
    console.log('enoent', err.code, err.errno, err.message, err.cmd, JSON.stringify(stdout));
    done();
  }));
  const execP = util.promisify(cp.exec);
  const r = await execP('echo promised');
  console.log('promisify', r);
  try {
    await execP('echo out; exit 2');
  } catch (e) {
    console.log('promisify reject', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
  const r2 = await util.promisify(cp.execFile)(process.execPath, ['-p', '6 * 7']);
  console.log('execFile promisify', r2);
})();
