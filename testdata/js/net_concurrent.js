'use strict';
// 1000 client sockets open at once against one server in the same
// process, each doing three echo round trips.
const net = require('net');
const N = 1000;
const ROUNDS = 3;
const server = net.createServer((s) => s.on('data', (d) => s.write(d)));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  let connected = 0;
  let ok = 0;
  let closed = 0;
  for (let i = 0; i < N; i++) {
    const c = net.connect(port, '127.0.0.1');
    const msg = `ping-${i};`;
    let round = 0;
    let got = '';
    c.setEncoding('utf8');
    c.on('connect', () => {
      connected++;
      c.write(msg);
    });
    c.on('data', (d) => {
      got += d;
      if (got.length < msg.length) return;
      if (got === msg) ok++;
      got = '';
      if (++round < ROUNDS) c.write(msg);
      else c.end();
    });
    c.on('error', (e) => console.log('client error', e.code));
    c.on('close', () => {
      if (++closed === N) {
        console.log('connected', connected);
        console.log('echoes ok', ok, 'of', N * ROUNDS);
        server.close(() => console.log('server closed'));
      }
    });
  }
});
