'use strict';
// The server's request path as seen on the wire: pipelined requests with
// and without bodies (length, chunked with trailers), Expect:
// 100-continue, a missing Host, HEAD, HTTP/1.0, an upgrade with bytes
// after the head, a custom ServerResponse class, a replaced emit that
// must still see every event, and keep-alive headers with
// maxRequestsPerSocket. (The server's log is printed sorted: when
// pipelined requests end relative to earlier responses is not part of
// what this checks.)
const http = require('http');
const net = require('net');

function clean(s) {
  return s.replace(/Date: [^\r]*\r\n/g, 'Date: X\r\n');
}

// send writes raw bytes to the server and resolves with all it answers
// once it closes the connection.
function send(port, data) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let buf = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { buf += d; });
    c.on('end', () => resolve(clean(buf)));
    c.write(data);
  });
}

const log = [];

class MyResponse extends http.ServerResponse {
  constructor(req, opts) {
    super(req, opts);
    this.mine = true;
  }
}

const srv = http.createServer({ ServerResponse: MyResponse, maxRequestsPerSocket: 4 }, (req, res) => {
  let body = '';
  req.setEncoding('latin1');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    log.push(`${req.method} ${req.url} ${req.httpVersion} ${JSON.stringify(req.headers)} body=${JSON.stringify(body)}` +
      ` trailers=${JSON.stringify(req.trailers)} mine=${res.mine} upgrade=${req.upgrade}`);
    if (req.url === '/emit') {
      const orig = res.emit;
      const seen = [];
      res.emit = function(ev, ...args) {
        seen.push(ev);
        if (ev === 'close') log.push('emitted ' + seen.join(','));
        return orig.call(this, ev, ...args);
      };
    }
    if (req.url === '/chunks') {
      res.write('ab');
      res.end('cd');
    } else {
      res.end('ok ' + req.url);
    }
  });
});
srv.on('checkContinue', (req, res) => {
  log.push('checkContinue ' + req.url);
  res.writeContinue();
  srv.emit('request', req, res);
});
srv.on('upgrade', (req, socket, head) => {
  log.push(`upgrade ${req.url} head=${JSON.stringify(head.toString())}`);
  socket.end('HTTP/1.1 101 Switching Protocols\r\n\r\nbye');
});

srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  console.log(await send(port,
    'POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz' +
    'GET /chunks HTTP/1.1\r\nhost: b\r\n\r\n' +
    'POST /c HTTP/1.1\r\nHOST: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n' +
    'GET /d HTTP/1.1\r\nHost: a\r\n\r\n' +
    'GET /over HTTP/1.1\r\nHost: a\r\n\r\n'));
  console.log(await send(port, 'GET /emit HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'));
  console.log(await send(port,
    'POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi' +
    'HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n' +
    'GET /nohost HTTP/1.1\r\n\r\n'));
  console.log(await send(port, 'GET /old HTTP/1.0\r\n\r\n'));
  console.log(await send(port, 'GET /up HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: foo\r\n\r\nHEADBYTES'));
  setTimeout(() => {
    console.log(log.sort().join('\n'));
    srv.close();
  }, 50);
});
