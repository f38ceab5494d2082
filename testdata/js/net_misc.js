const net = require('net');
const fs = require('fs');
const path = '/tmp/gonode-net-test-' + process.pid + '.sock';
const steps = [];
function next() { const f = steps.shift(); if (f) f(); }

steps.push(() => {
  const srv = net.createServer((s) => { s.end('unix hello'); });
  srv.listen(path, () => {
    console.log('unix address is path:', srv.address() === path);
    const dup = net.createServer();
    dup.on('error', (e) => console.log('unix dup:', e.message === `listen EADDRINUSE: address already in use ${path}`, e.code));
    dup.listen(path);
    const c = net.connect(path);
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', () => {
      console.log('unix got:', got);
      srv.close(() => { console.log('unix sock removed:', !fs.existsSync(path)); next(); });
    });
  });
});

steps.push(() => {
  const c = net.connect('/tmp/no-such-gonode.sock');
  c.on('error', (e) => { console.log('unix connect error:', e.message, e.code, e.syscall, e.address); next(); });
});

steps.push(() => {
  const srv = net.createServer({ allowHalfOpen: true }, (s) => {
    let got = '';
    s.on('data', (d) => { got += d; });
    s.on('end', () => {
      console.log('half-open server end, writable:', s.writable);
      setTimeout(() => s.end('late reply:' + got), 20);
    });
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: srv.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.end('req');
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('finish', () => console.log('client finish'));
    c.on('end', () => { console.log('client got', got); });
    c.on('close', () => { srv.close(next); });
  });
});

steps.push(() => {
  const srv = net.createServer((s) => {
    s.setTimeout(50, () => { console.log('server socket timeout, timeout =', s.timeout); s.destroy(); });
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1');
    c.on('close', () => { console.log('client closed after idle timeout'); srv.close(next); });
  });
});

steps.push(() => {
  const srv = net.createServer((s) => {
    console.log('accepted');
    srv.getConnections((e, n) => {
      console.log('connections', n);
      const b = net.connect(srv.address().port, '127.0.0.1');
      b.on('error', () => {});
      b.on('close', () => { s.destroy(); srv.close(next); });
      b.resume();
    });
  });
  srv.maxConnections = 1;
  srv.on('drop', (d) => console.log('drop', d.localAddress, d.remoteAddress, typeof d.remotePort));
  srv.listen(0, '127.0.0.1', () => {
    const port = srv.address().port;
    const a = net.connect(port, '127.0.0.1');
    a.on('error', () => {});
    a.resume();
  });
});

steps.push(() => {
  const srv = net.createServer((s) => s.end('x'));
  srv.listen(0, 'localhost', () => {
    const c = net.connect(srv.address().port, 'localhost');
    // localhost may be 127.0.0.1 or ::1 depending on the system.
    c.on('lookup', (err, addr, fam, host) => console.log('lookup event', err, net.isIP(addr) === fam, host));
    c.on('connect', () => console.log('connected to localhost', c.remoteAddress === srv.address().address));
    c.on('data', (d) => console.log('data', String(d)));
    c.on('close', () => srv.close(next));
  });
});

steps.push(() => {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  srv.unref();
  const t = net.connect(srv.address ? 9 : 9, '127.0.0.1');
  t.on('error', () => {});
  setTimeout(() => console.log('done; unref server does not keep process alive'), 10);
});
next();
