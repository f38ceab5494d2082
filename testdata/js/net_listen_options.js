const net = require('net');
const fs = require('fs');
const srv = net.createServer((s) => s.end('ok'));
srv.listen({ port: 0, host: '::', ipv6Only: true }, () => {
  const port = srv.address().port;
  const c = net.connect(port, '127.0.0.1');
  c.on('error', (e) => {
    console.log('v4 to v6only:', e.code);
    const d = net.connect(port, '::1');
    d.on('data', (x) => console.log('v6 ok', String(x)));
    d.on('close', () => srv.close(next));
  });
});
function next() {
  const p = '/tmp/gonode-chmod-' + process.pid + '.sock';
  const u = net.createServer().listen({ path: p, readableAll: true, writableAll: true }, () => {
    console.log('readable and writable by all:', (fs.statSync(p).mode & 0o666) === 0o666);
    u.close(() => {
      const abs = '\0gonode-abstract-' + process.pid;
      const a = net.createServer((s) => s.end('abstract ok')).listen(abs, () => {
        console.log('abstract address ok:', a.address() === abs);
        const c = net.connect(abs);
        c.on('data', (x) => console.log(String(x)));
        c.on('close', () => a.close());
      });
    });
  });
}
