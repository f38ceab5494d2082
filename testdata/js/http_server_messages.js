'use strict';
// The server's request and response objects through their lifecycle, for
// the shapes of request the server makes its messages for in one go: a
// GET alone in its chunk, a POST with a body, HEAD, HTTP/1.0, requests
// pipelined in one chunk, and servers with their own message classes.
// Also the order of 'finish', 'close' and the ticks queued around them,
// and header validation of names and values seen before.
const http = require('http');
const net = require('net');

const log = [];
function say(...a) { log.push(a.join(' ')); }

class MyReq extends http.IncomingMessage {}
class MyRes extends http.ServerResponse {}

function handler(tag) {
  return (req, res) => {
    say(tag, 'req', req.method, req.url, req.httpVersion, req.httpVersionMajor, req.httpVersionMinor,
      JSON.stringify(req.rawHeaders), JSON.stringify(req.headers), req.complete, req.upgrade,
      req instanceof http.IncomingMessage, req.socket === req.client, res instanceof http.ServerResponse,
      req.constructor.name, res.constructor.name, res.req === req, res.socket === req.socket,
      res.shouldKeepAlive, res.sendDate, res.statusCode, res.headersSent, res.finished);
    res.on('finish', () => {
      say(tag, 'finish', req.url, res.writableFinished, res.destroyed, req.complete, !!res.socket);
      process.nextTick(() => say(tag, 'tick after finish', req.url, res.destroyed, res.closed));
    });
    res.on('close', () => say(tag, 'res close', req.url, res.destroyed, res.closed, req.complete, req.destroyed));
    req.on('close', () => say(tag, 'req close', req.url, req.complete, req.destroyed, req.readableEnded));
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        say(tag, 'body', JSON.stringify(body), req.complete, req.readableEnded);
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('X-Count', 3);
        res.end(JSON.stringify({ n: body.length }));
      });
      return;
    }
    if (req.url === '/hdr') {
      res.setHeader('Content-Type', 'text/plain');
      for (const [n, v] of [['Content-Type', 'a\nb'], ['Bad Name', 'x'], ['', 'x'], ['X-U', undefined]]) {
        try { res.setHeader(n, v); } catch (e) { say(tag, 'setHeader', JSON.stringify(n), e.code); }
      }
      say(tag, 'getHeader', res.getHeader('content-type'), JSON.stringify(res.getHeaderNames()));
    }
    res.end('hi ' + req.url);
    say(tag, 'after end', req.url, res.finished, res.headersSent, res.writableEnded, !!res.socket);
    process.nextTick(() => say(tag, 'tick after end', req.url, res.destroyed, !!res.socket));
  };
}

function send(port, data) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1', () => c.end(data));
    let got = '';
    c.setEncoding('latin1');
    c.on('data', (d) => { got += d; });
    c.on('close', () => resolve(got.replace(/Date: [^\r]*\r\n/g, 'Date: X\r\n')));
  });
}

async function run(tag, opts) {
  const srv = http.createServer(opts, handler(tag));
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const port = srv.address().port;
  const body = '{"id":42,"name":"x"}';
  const wires = [
    'GET /a HTTP/1.1\r\nHost: h\r\n\r\n',
    'GET /hdr HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a: 2\r\n\r\n',
    'POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: ' + body.length + '\r\n\r\n' + body,
    'HEAD /h HTTP/1.1\r\nHost: h\r\n\r\n',
    'GET /old HTTP/1.0\r\n\r\n',
    'GET /p1 HTTP/1.1\r\nHost: h\r\n\r\nGET /p2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n',
  ];
  for (const w of wires) {
    const got = await send(port, w);
    say(tag, 'wire', JSON.stringify(got));
  }
  await new Promise((r) => srv.close(r));
}

(async () => {
  await run('plain', {});
  await run('classes', { IncomingMessage: MyReq, ServerResponse: MyRes });
  for (const l of log) console.log(l);
})();
