'use strict';
// http server and client in one script: request/response basics, headers,
// bodies in both directions, status codes, keep-alive reuse.
const http = require('http');

const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = Buffer.concat(parts).toString();
    switch (req.url) {
      case '/hello':
        res.end('hello world');
        break;
      case '/echo':
        res.setHeader('Content-Type', 'text/plain');
        res.setHeader('X-Method', req.method);
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.end(`${req.method} ${req.url} ${req.httpVersion} ${JSON.stringify(req.headers['x-test'])} body=${body}`);
        break;
      case '/chunked':
        res.write('part1,');
        res.write(Buffer.from('part2,'));
        setTimeout(() => res.end('part3'), 5);
        break;
      case '/status':
        res.writeHead(418, { 'X-Tea': 'pot' });
        res.end();
        break;
      case '/custom-message':
        res.statusCode = 299;
        res.statusMessage = 'Fine Thanks';
        res.end('x');
        break;
      case '/nobody':
        res.writeHead(204);
        res.end();
        break;
      case '/trailers':
        res.setHeader('Trailer', 'X-Sum');
        res.write('data');
        res.addTrailers({ 'X-Sum': '42' });
        res.end();
        break;
      case '/headers':
        res.end(JSON.stringify({ raw: req.rawHeaders, headers: req.headers }));
        break;
      default:
        res.statusCode = 404;
        res.end('not found');
    }
  });
});

function request(opts, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, ...opts }, (res) => {
      const parts = [];
      res.on('data', (d) => parts.push(d));
      res.on('end', () => resolve({ res, body: Buffer.concat(parts).toString(), req }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

server.listen(0, '127.0.0.1', async () => {
  let r = await request({ path: '/hello' });
  console.log('hello:', r.res.statusCode, r.res.statusMessage, r.body, r.res.headers['content-length'], r.res.headers.connection);

  r = await request({ path: '/echo', method: 'POST', headers: { 'X-Test': 'yes' } }, 'payload');
  console.log('echo:', r.body);
  console.log('echo headers:', r.res.headers['content-type'], r.res.headers['x-method'], JSON.stringify(r.res.headers['set-cookie']));

  r = await request({ path: '/chunked' });
  console.log('chunked:', r.body, r.res.headers['transfer-encoding']);

  r = await request({ path: '/status' });
  console.log('status:', r.res.statusCode, r.res.statusMessage, r.res.headers['x-tea'], JSON.stringify(r.body));

  r = await request({ path: '/custom-message' });
  console.log('custom:', r.res.statusCode, r.res.statusMessage, r.body);

  r = await request({ path: '/nobody' });
  console.log('204:', r.res.statusCode, JSON.stringify(r.body), r.res.headers['content-length']);

  r = await request({ path: '/trailers' });
  console.log('trailers:', r.body, JSON.stringify(r.res.trailers), JSON.stringify(r.res.rawTrailers));

  r = await request({ path: '/headers', headers: { 'X-Dup': ['1', '2'], Cookie: ['c=1', 'd=2'], 'user-agent': 'ua' } });
  const h = JSON.parse(r.body);
  console.log('raw:', JSON.stringify(h.raw.filter((x, i) => i % 2 === 0 || h.raw[i - 1] !== 'Host')));
  console.log('parsed:', h.headers['x-dup'], h.headers.cookie, h.headers['user-agent']);

  r = await request({ path: '/missing', method: 'HEAD' });
  console.log('head:', r.res.statusCode, JSON.stringify(r.body), r.res.headers['content-length']);

  // Keep-alive: the global agent reuses the socket.
  const a = await request({ path: '/hello' });
  const b = await request({ path: '/hello' });
  console.log('reused:', b.req.reusedSocket, a.res.socket === b.res.socket || 'different-sockets');

  // http.get with a URL string.
  http.get(`http://127.0.0.1:${server.address().port}/hello`, (res) => {
    res.setEncoding('utf8');
    let s = '';
    res.on('data', (d) => { s += d; });
    res.on('end', () => {
      console.log('get:', res.statusCode, s, res.complete);
      server.close(() => console.log('closed'));
    });
  });
});
