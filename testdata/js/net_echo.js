const net = require('net');
const serverLog = [];
const server = net.createServer((sock) => {
  // Accept and connect complete on different goroutines (or epoll
  // events): their relative order is not part of the contract.
  serverLog.push(['server: connection', sock.remoteAddress, typeof sock.remotePort, sock.remoteFamily].join(' '));
  sock.on('data', (d) => { console.log('server got', String(d)); sock.write('echo:' + d); });
  sock.on('end', () => { console.log('server: end'); sock.end(); });
  sock.on('close', (h) => console.log('server sock close', h));
});
server.on('listening', () => console.log('listening event'));
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  console.log('address', a.address, a.family, typeof a.port);
  const c = net.connect(a.port, '127.0.0.1', () => {
    console.log('client connected', c.remoteAddress, c.remotePort === a.port, c.readyState, c.pending, c.connecting);
    setTimeout(() => { console.log(serverLog.join('\n')); c.write('hello'); }, 20);
  });
  console.log('readyState', c.readyState, c.pending, c.connecting);
  c.on('ready', () => console.log('client ready'));
  c.setEncoding('utf8');
  c.on('data', (d) => { console.log('client got', d); c.end(); });
  c.on('end', () => console.log('client end'));
  c.on('close', (h) => {
    console.log('client close', h, c.bytesRead, c.bytesWritten, c.readyState);
    server.close(() => console.log('server closed'));
    server.getConnections((e, n) => console.log('connections', e, n));
  });
});
