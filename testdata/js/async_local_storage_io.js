// AsyncLocalStorage across I/O: callbacks of the thread pool (fs, zlib,
// crypto, dns), fs streams, child processes, worker messages, and sockets (a server's
// connections run in the context it listened in; a client request's
// response in the request's, also on a connection reused by an agent).
'use strict';
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const http = require('http');

const a = new AsyncLocalStorage();
const lines = [];
const log = (what) => lines.push(`${what}: ${a.getStore()}`);
let pending = 0;
const start = () => { pending++; };
const done = () => {
  if (--pending === 0) {
    lines.sort();
    for (const l of lines) console.log(l);
  }
};

start();
a.run('fs', () => fs.readFile(__filename, () => { log('fs.readFile callback'); done(); }));
start();
a.run('fs.promises', async () => {
  await fs.promises.stat(__filename);
  log('after await fs.promises.stat');
  done();
});
start();
a.run('zlib', () => require('zlib').gzip('x', () => { log('zlib.gzip callback'); done(); }));
start();
a.run('crypto', () => require('crypto').pbkdf2('p', 's', 1, 8, 'sha1', () => { log('crypto.pbkdf2 callback'); done(); }));
start();
a.run('dns', () => require('dns').lookup('localhost', () => { log('dns.lookup callback'); done(); }));
start();
a.run('exec', () => require('child_process').exec('echo hi', (err, out) => {
  log(`child_process.exec callback (${out.trim()})`);
  done();
}));
start();
a.run('worker', () => {
  const { Worker } = require('worker_threads');
  const w = new Worker("require('worker_threads').parentPort.postMessage('hi')", { eval: true });
  w.on('message', (m) => log(`worker message (${m})`));
  w.on('exit', () => { log('worker exit'); done(); });
});
start();
a.run('stream', () => fs.createReadStream(__filename)
  .on('data', () => {})
  .on('end', () => { log('fs stream end'); done(); }));

start();
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const server = http.createServer((req, res) => {
  log(`server request ${req.url}`);
  res.end('ok');
});
a.run('listen', () => server.listen(0, () => {
  const { port } = server.address();
  a.run('first', () => http.get({ port, path: '/1', agent }, (res) => {
    log('first response');
    res.resume();
    res.on('end', () => setImmediate(() => {
      log('first end, then immediate');
      a.run('second', () => http.get({ port, path: '/2', agent }, (res2) => {
        log('second response (reused connection)');
        res2.resume();
        res2.on('end', () => {
          log('second end');
          agent.destroy();
          server.close(() => { log('server close callback'); done(); });
        });
      }));
    }));
  }));
}));
