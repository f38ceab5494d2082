'use strict';
// res.end(string) as the only write takes a fast path on the server: the
// head it writes must be the one the general path (writeHead +
// _storeHeader) makes, with the same events, for plain responses, set
// headers, framing headers the fast path leaves alone, HEAD, and a
// status without a body.
const http = require('http');

// '/conn' (the server closes) comes last: the keep-alive agent is done then.
const cases = ['/plain', '/404', '/msg', '/hdr', '/cl', '/arr', '/nobody', '/head', '/empty', '/conn'];
const srv = http.createServer((req, res) => {
  const events = [];
  res.on('prefinish', () => events.push('prefinish'));
  res.on('finish', () => events.push('finish'));
  res.on('close', () => {
    events.push('close');
    console.log(req.method, req.url, events.join(','), res.writableEnded, res.writableFinished);
  });
  switch (req.url) {
    case '/404': res.statusCode = 404; break;
    case '/msg': res.statusCode = 201; res.statusMessage = 'Made'; break;
    case '/hdr': res.setHeader('Content-Type', 'text/plain'); res.setHeader('X-Num', 5); break;
    case '/cl': res.setHeader('Content-Length', 2); break;
    case '/arr': res.setHeader('Set-Cookie', ['a=1', 'b=2']); break;
    case '/conn': res.setHeader('Connection', 'close'); break;
    case '/nobody': res.statusCode = 204; break;
  }
  if (req.url === '/empty') res.end('');
  else res.end(req.url === '/cl' ? 'ok' : 'héllo ' + req.url);
  console.log('head', JSON.stringify(res._header.replace(/Date: [^\r]*\r\n/, 'Date: X\r\n')), res.headersSent);
});

srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const p of cases) {
    await new Promise((resolve) => {
      const req = http.request({ port, host: '127.0.0.1', path: p, agent, method: p === '/head' ? 'HEAD' : 'GET' }, (res) => {
        let b = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { b += d; });
        res.on('end', () => {
          const raw = res.rawHeaders.filter((x, i) => res.rawHeaders[i - (i % 2)] !== 'Date');
          console.log('client', res.statusCode, res.statusMessage, JSON.stringify(raw), JSON.stringify(b));
          resolve();
        });
      });
      req.end();
    });
  }
  agent.destroy();
  srv.close();
});
