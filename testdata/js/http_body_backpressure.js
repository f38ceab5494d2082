// A request body that is not read stops the connection's reading (the
// server does not buffer the whole upload), and when reading resumes every
// byte arrives intact and in order.
const http = require('http');
const crypto = require('crypto');

const body = crypto.randomBytes(16 << 20);
const want = crypto.createHash('sha256').update(body).digest('hex');
const server = http.createServer((req, res) => {
  req.pause();
  const h = crypto.createHash('sha256');
  let n = 0;
  setTimeout(() => {
    // Paused: the server stopped reading, so the client still holds part
    // of the 16 MiB it could not send.
    console.log('client still has unsent bytes', clientReq.socket.writableLength > 0);
    req.on('data', (d) => {
      n += d.length;
      h.update(d);
    });
    req.resume();
  }, 300);
  req.on('end', () => res.end(String(n === body.length && h.digest('hex') === want)));
});
let clientReq;
server.listen(0, '127.0.0.1', () => {
  const r = clientReq = http.request({
    port: server.address().port, host: '127.0.0.1', method: 'POST',
    headers: { 'content-length': body.length },
  }, (res) => {
    let s = '';
    res.on('data', (d) => { s += d; });
    res.on('end', () => {
      console.log('body intact', s);
      server.close();
    });
  });
  r.end(body);
});
