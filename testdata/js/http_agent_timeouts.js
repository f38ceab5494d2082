'use strict';
// http: Agent pooling (maxSockets queueing, keepAlive reuse), request
// timeouts, abort/destroy, Expect: 100-continue, closeAllConnections,
// response events order.
const http = require('http');

let active = 0;
let maxActive = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/slow') {
    active++;
    maxActive = Math.max(maxActive, active);
    setTimeout(() => { active--; res.end('slow done'); }, 20);
    return;
  }
  if (req.url === '/hang') return; // never answers
  if (req.url === '/expect') {
    let s = '';
    req.on('data', (d) => { s += d; });
    req.on('end', () => res.end('got ' + s));
    return;
  }
  res.on('finish', () => console.log('server: res finish'));
  res.on('close', () => console.log('server: res close'));
  req.on('end', () => console.log('server: req end'));
  req.resume();
  res.end('plain');
});

function get(opts) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.address().port, ...opts }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve({ s, req, res }));
    });
    req.on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  // maxSockets: 2 queues the rest.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const rs = await Promise.all([1, 2, 3, 4, 5].map(() => get({ path: '/slow', agent })));
  console.log('pooled:', rs.map((r) => r.s).join('|'), 'max concurrent:', maxActive);
  const name = `127.0.0.1:${port}:`;
  console.log('free sockets:', (agent.freeSockets[name] || []).length, 'reused:', rs.filter((r) => r.req.reusedSocket).length);
  agent.destroy();

  // Event order of a plain request.
  await new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/plain', agent: false }, (res) => {
      console.log('client: response', res.statusCode);
      res.on('data', () => {});
      res.on('end', () => console.log('client: res end'));
      res.on('close', () => { console.log('client: res close'); resolve(); });
    });
    req.on('finish', () => console.log('client: req finish'));
    req.on('close', () => console.log('client: req close'));
  });

  // A request timeout.
  await new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/hang', timeout: 50 });
    req.on('timeout', () => { console.log('timeout fired'); req.destroy(); });
    req.on('error', (e) => { console.log('after timeout:', e.code, e.message); resolve(); });
  });

  // abort() before any response.
  await new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/hang' });
    req.on('abort', () => console.log('abort event'));
    req.on('error', (e) => console.log('abort error:', e.code));
    req.on('close', () => { console.log('aborted close', req.aborted, req.destroyed); resolve(); });
    setTimeout(() => req.abort(), 20);
  });

  // Expect: 100-continue.
  await new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/expect', method: 'POST', headers: { Expect: '100-continue' } });
    req.on('continue', () => { console.log('continue event'); req.end('body after continue'); });
    req.on('response', (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => { console.log('expect:', res.statusCode, s); resolve(); });
    });
  });

  // closeAllConnections ends a hanging request.
  const hanging = http.get({ host: '127.0.0.1', port, path: '/hang' });
  hanging.on('error', (e) => console.log('hanging:', e.code, e.message));
  setTimeout(() => {
    server.close(() => console.log('server closed'));
    server.closeAllConnections();
  }, 50);
});
