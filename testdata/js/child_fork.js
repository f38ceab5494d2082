'use strict';
// child_process.fork: an IPC channel of newline-delimited JSON both ways,
// disconnect, exit and close; silent mode pipes the child's stdio.
const cp = require('child_process');
const path = require('path');

const child = cp.fork(path.join(__dirname, 'child_fixtures', 'ipc_echo.js'), ['arg1']);
console.log('connected', child.connected, typeof child.pid);
const seen = [];
child.on('message', (m) => {
  console.log('parent got', JSON.stringify(m));
  seen.push(m);
  if (m === 'ready') {
    child.send({ n: 1, text: 'line\nbreak', nested: [1, { deep: null }] });
    child.send('second', (err) => console.log('send cb', err));
  } else if (m.echo === 'second') {
    child.send('stop');
  }
});
child.on('disconnect', () => console.log('disconnect', child.connected));
child.on('exit', (code, sig) => console.log('exit', code, sig));
child.on('close', (code, sig) => {
  console.log('close', code, sig, seen.length);
  console.log('send after close', child.send('late', (err) => console.log('late cb', err.code, err.message)));
  const silent = cp.fork(path.join(__dirname, 'child_fixtures', 'silent.js'), { silent: true });
  let out = '';
  silent.stdout.on('data', (d) => { out += d; });
  silent.on('close', (code) => console.log('silent close', code, JSON.stringify(out)));
});
