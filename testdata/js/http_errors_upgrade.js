'use strict';
// http: malformed requests (400), oversized headers (431), the server
// going on serving others, upgrade and CONNECT, pipelining, large bodies,
// client errors (ECONNREFUSED, socket hang up), header validation errors.
const http = require('http');
const net = require('net');

function raw(port, data, { end = false } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (end ? s.end(data) : s.write(data)));
    let d = '';
    s.on('data', (x) => { d += x; });
    s.on('error', () => {});
    s.on('close', () => resolve(d.replace(/Date: [^\r]*\r\n/g, '')));
  });
}

const server = http.createServer((req, res) => {
  if (req.url === '/big') {
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('end', () => res.end(`got ${n}`));
    return;
  }
  if (req.url === '/close') {
    res.setHeader('Connection', 'close');
  }
  res.end(`ok ${req.method} ${req.url}`);
});
server.on('upgrade', (req, socket, head) => {
  console.log('upgrade event:', req.url, req.headers.upgrade, JSON.stringify(head.toString()));
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.end('echo:' + head);
});
server.on('connect', (req, socket, head) => {
  console.log('connect event:', req.url, JSON.stringify(head.toString()));
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
});

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  console.log('bad method:', JSON.stringify(await raw(port, 'FOO / HTTP/1.1\r\n\r\n')));
  console.log('bad header:', JSON.stringify(await raw(port, 'GET / HTTP/1.1\r\nBad Header: x\r\n\r\n')));
  console.log('too big:', JSON.stringify(await raw(port, 'GET / HTTP/1.1\r\nX: ' + 'a'.repeat(20000) + '\r\n\r\n')));
  console.log('no host:', JSON.stringify(await raw(port, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n')));
  console.log('http/1.0:', JSON.stringify(await raw(port, 'GET /old HTTP/1.0\r\n\r\n')));
  console.log('pipelined:', JSON.stringify(await raw(port,
    'GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhiGET /close HTTP/1.1\r\nHost: x\r\n\r\n')));
  console.log('chunked post:', JSON.stringify(await raw(port,
    'POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n')));

  // Upgrade with bytes after the head.
  console.log('upgrade reply:', JSON.stringify(await raw(port,
    'GET /chat HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\nearly')));
  console.log('connect reply:', JSON.stringify(await raw(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\nxyz')));

  // A large request body through the client.
  const body = Buffer.alloc(1 << 20, 'z');
  await new Promise((resolve) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/big' }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => { console.log('big body:', s); resolve(); });
    });
    req.end(body);
  });

  // clientError listener.
  server.once('clientError', (err, socket) => {
    console.log('clientError:', err.code, err.message, Buffer.isBuffer(err.rawPacket));
    socket.end('HTTP/1.1 400 Custom\r\n\r\n');
  });
  console.log('custom 400:', JSON.stringify(await raw(port, 'GET / HTTP/9.9\r\n\r\n')));

  // Client errors.
  const dead = net.createServer();
  await new Promise((r) => dead.listen(0, '127.0.0.1', r));
  const deadPort = dead.address().port;
  await new Promise((r) => dead.close(r));
  await new Promise((resolve) => {
    http.get({ port: deadPort, host: '127.0.0.1' }).on('error', (e) => {
      console.log('refused:', e.code, e.syscall, e.message.replace(/\d+$/, 'PORT'));
      resolve();
    });
  });
  const hangup = net.createServer((s) => s.destroy());
  await new Promise((r) => hangup.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    http.get({ port: hangup.address().port, host: '127.0.0.1' }).on('error', (e) => {
      console.log('hang up:', e.code, e.message);
      hangup.close();
      resolve();
    });
  });

  // Validation errors.
  for (const f of [
    () => http.validateHeaderName('bad name'),
    () => http.validateHeaderValue('x', undefined),
    () => http.validateHeaderValue('x', 'a\nb'),
    () => new http.ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1, headers: {} }).writeHead(99),
    () => http.request({ method: 'BAD METHOD', port: 1 }),
    () => http.request({ path: '/a b', port: 1 }),
    () => http.request('ftp://x/'),
  ]) {
    try { f(); console.log('no error'); } catch (e) { console.log('error:', e.name, e.code, e.message); }
  }
  const res = new http.ServerResponse({ method: 'GET', httpVersionMajor: 1, httpVersionMinor: 1, headers: {} });
  res.setHeader('X-A', '1');
  console.log('getHeader:', res.getHeader('x-a'), res.hasHeader('X-A'), JSON.stringify(res.getHeaderNames()), JSON.stringify(res.getHeaders()));
  res.removeHeader('x-a');
  console.log('removed:', res.hasHeader('x-a'), res.headersSent);
  console.log('METHODS:', http.METHODS.length, http.METHODS.includes('GET'), http.STATUS_CODES[404], http.maxHeaderSize);
  server.close(() => console.log('closed'));
});
