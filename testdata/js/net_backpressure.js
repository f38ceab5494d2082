const net = require('net');
const chunk = Buffer.alloc(64 * 1024, 'a');
const TOTAL = 32 * 1024 * 1024;
const server = net.createServer((s) => {
  let sent = 0;
  function pump() {
    while (sent < TOTAL) {
      sent += chunk.length;
      if (!s.write(chunk)) { s.once('drain', pump); return; }
    }
    s.end();
  }
  pump();
  setTimeout(() => {
    // While the client is paused, the server cannot have sent everything.
    console.log('server sent < total while client paused:', sent < TOTAL);
  }, 300);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = 0;
  c.on('data', (d) => { got += d.length; });
  c.pause();
  setTimeout(() => {
    console.log('client buffered <= 1MB while paused:', c.readableLength <= 1024 * 1024, 'isPaused', c.isPaused());
    c.resume();
  }, 500);
  c.on('end', () => { console.log('client got all:', got === TOTAL); server.close(); });
});
