const net = require('net');
const steps = [];
function next() { const f = steps.shift(); if (f) f(); }

steps.push(() => {
  // writes: encodings, callbacks, cork/writev, end(data, cb), drain
  const srv = net.createServer((s) => {
    let got = '';
    s.setEncoding('latin1');
    s.on('data', (d) => { got += d; });
    s.on('end', () => { console.log('server got', JSON.stringify(got)); s.end(); });
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: srv.address().port, host: '127.0.0.1' });
    c.write('68656c6c6f', 'hex', (err) => console.log('hex write cb', err));
    c.cork();
    c.write(' ');
    c.write(Buffer.from('d29ybGQ=', 'base64'));
    c.write(new Uint8Array([33]));
    c.uncork();
    c.end('!', () => console.log('end cb'));
    c.on('finish', () => console.log('finish', c.bytesWritten));
    c.on('close', () => srv.close(next));
    c.resume();
  });
});

steps.push(() => {
  // server.close waits for open connections; 'close' after the last one
  const srv = net.createServer((s) => {
    srv.close(() => console.log('server close event after connection closed'));
    console.log('listening after close():', srv.listening);
    setTimeout(() => s.end(), 30);
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1');
    c.resume();
    c.on('close', () => console.log('client closed'));
  });
  srv.on('close', () => setTimeout(next, 10));
});

steps.push(() => {
  // listen twice
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    try { srv.listen(0); } catch (e) { console.log(e.code); }
    srv.close(next);
  });
});

steps.push(() => {
  // connect timeout option + setTimeout on client
  const srv = net.createServer(() => {});
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: srv.address().port, host: '127.0.0.1', timeout: 40 });
    c.on('timeout', () => { console.log('client timeout', c.timeout); c.destroy(); });
    c.on('close', () => srv.close(next));
  });
});

steps.push(() => {
  // pipe and async iteration
  const srv = net.createServer((s) => s.pipe(s));
  srv.listen(0, '127.0.0.1', async () => {
    const c = net.connect(srv.address().port, '127.0.0.1');
    c.end('piped data');
    let all = '';
    for await (const chunk of c) all += chunk;
    console.log('iterated', all);
    srv.close(next);
  });
});

steps.push(() => {
  // custom lookup, IPv6 loopback
  const srv = net.createServer((s) => s.end(s.remoteFamily + ' ' + s.remoteAddress));
  srv.listen(0, '::1', () => {
    console.log('v6 address', srv.address().address, srv.address().family);
    const c = net.connect({
      port: srv.address().port, host: 'my-host',
      lookup: (host, opts, cb) => { console.log('custom lookup', host); if (opts.all) cb(null, [{ address: '::1', family: 6 }]); else cb(null, '::1', 6); },
    });
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', () => { console.log('got', got, c.remoteFamily, c.localAddress); });
    c.on('close', () => srv.close(next));
  });
});

steps.push(() => {
  // peer reset: resetAndDestroy gives ECONNRESET on the other side
  const srv = net.createServer((s) => {
    s.on('error', (e) => console.log('server socket error', e.code, e.syscall));
    s.on('close', () => srv.close(next));
  });
  srv.listen(0, '127.0.0.1', () => {
    const c = net.connect(srv.address().port, '127.0.0.1', () => {
      setTimeout(() => c.resetAndDestroy(), 20);
    });
  });
});

steps.push(() => {
  // dual-stack server sees an IPv4 client as IPv4-mapped
  const srv = net.createServer((s) => { console.log('dual-stack peer', s.remoteAddress, s.remoteFamily, s.localAddress); s.end(); });
  srv.listen(0, () => {
    const c = net.connect(srv.address().port, '127.0.0.1');
    c.resume();
    c.on('close', () => srv.close(next));
  });
});
next();
