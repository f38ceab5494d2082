// Flood prevention: a client that pipelines requests without reading any
// response makes the server stop reading the connection once responses
// back up, instead of queueing responses without bound.
const http = require('http');
const net = require('net');

const body = Buffer.alloc(10240, 'x');
let handled = 0;
const server = http.createServer((req, res) => {
  handled++;
  res.setHeader('content-length', body.length);
  res.write(body);
  res.end();
});
const total = 4 * 10240;
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    const chunk = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(10240);
    let sent = 0;
    const more = () => {
      while (sent < 4) {
        sent++;
        if (!c.write(chunk)) return;
      }
    };
    c.on('drain', more);
    more();
  });
  setTimeout(() => {
    console.log('requests sent', total);
    // node stops after about 2,400 here; without the check a server serves
    // them all (tens of thousands in two seconds).
    console.log('server stopped reading early', handled > 0 && handled <= 10240);
    c.destroy();
    server.close();
  }, 2000);
});
