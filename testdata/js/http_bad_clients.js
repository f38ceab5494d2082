'use strict';
// http: clients that misbehave — a slowloris sender that never finishes its
// headers (408 after headersTimeout), one that stalls mid-body (408 after
// requestTimeout), one that resets the connection mid-body ('aborted' and
// ECONNRESET on the request), garbage bytes, a half-sent request line
// followed by close — and the server keeps serving the next client.
const http = require('http');
const net = require('net');

// What the server sees (clientError events, the upload's events) is listed
// after each step: when it happens relative to the client's own end is up
// to scheduling.
const serverEvents = [];

const server = http.createServer({
  headersTimeout: 300,
  requestTimeout: 600,
  connectionsCheckingInterval: 50,
}, (req, res) => {
  if (req.url === '/upload') {
    let n = 0;
    req.on('data', (d) => { n += d.length; });
    req.on('aborted', () => serverEvents.push(`upload: aborted after ${n} bytes`));
    req.on('error', (e) => serverEvents.push(`upload: error ${e.code} ${e.message}`));
    req.on('close', () => serverEvents.push(`upload: close, complete = ${req.complete}`));
    req.on('end', () => res.end('got ' + n));
    return;
  }
  res.end('ok ' + req.url);
});
server.on('clientError', (err, socket) => {
  serverEvents.push(`clientError: ${err.code}`);
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
});

function raw(port, steps) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let d = '';
    s.on('data', (x) => { d += x; });
    // A write racing the server's close may fail (EPIPE): not part of
    // what is checked.
    s.on('error', () => {});
    s.on('close', () => resolve(d.replace(/Date: [^\r]*\r\n/g, '')));
    s.on('connect', () => steps(s));
  });
}

// The server notices each misbehaving client's end a moment after the
// client sees its answer: wait for that before the next step, so that the
// output's order does not depend on scheduling.
const settle = () => new Promise((r) => setTimeout(r, 150)).then(() => {
  for (const e of serverEvents.splice(0)) console.log('  server', e);
});

function get(port, path) {
  return new Promise((resolve) => {
    http.get({ port, host: '127.0.0.1', path, agent: false }, (res) => {
      let b = '';
      res.on('data', (d) => { b += d; });
      res.on('end', () => resolve(`${res.statusCode} ${b}`));
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  // Slowloris: a byte of header now and then, never the blank line.
  console.log('slow headers:', JSON.stringify(await raw(port, (s) => {
    s.write('GET / HTTP/1.1\r\nHost: x\r\n');
    const t = setInterval(() => { if (!s.destroyed) s.write('X-a: b\r\n'); }, 100);
    s.on('data', () => clearInterval(t));
    s.on('close', () => clearInterval(t));
  })));
  await settle();
  console.log('next:', await get(port, '/after-slow-headers'));
  // Headers done, body never finishes.
  console.log('stalled body:', JSON.stringify(await raw(port, (s) => {
    s.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789');
  })));
  await settle();
  console.log('next:', await get(port, '/after-stalled-body'));
  // Reset in the middle of the body.
  await raw(port, (s) => {
    s.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n' + 'x'.repeat(5000));
    setTimeout(() => s.resetAndDestroy(), 100);
  });
  await settle();
  console.log('next:', await get(port, '/after-reset'));
  // Binary garbage.
  console.log('garbage:', JSON.stringify(await raw(port, (s) => s.end(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10])))));
  await settle();
  // Half a request line, then the client closes.
  console.log('half line:', JSON.stringify(await raw(port, (s) => s.end('GET /ha'))));
  await settle();
  console.log('next:', await get(port, '/last'));
  server.close(() => console.log('closed'));
});
