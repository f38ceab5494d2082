'use strict';
// TLS over JS streams: tls.TLSSocket / tls.connect({ socket }) over a
// Duplex that is not a net.Socket (a stream.duplexPair, a pair made of
// PassThroughs) run through a JSStreamSocket, as in node; the
// JSStreamSocket itself (require('_stream_wrap')): reads, writes, end,
// destroy and error propagation, write errors, ERR_STREAM_WRAP.
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const { duplexPair, PassThrough, Duplex } = require('stream');

const key = fs.readFileSync(path.join(__dirname, 'tls_fixtures', 'key.pem'));
const cert = fs.readFileSync(path.join(__dirname, 'tls_fixtures', 'cert.pem'));
const log = (...a) => console.log(...a);

process.on('warning', (w) => log('warning', w.name, w.code, w.message));
const JSStreamSocket = require('_stream_wrap');

const tests = [];
const test = (name, fn) => tests.push([name, fn]);

function passPair() {
  const p1 = new PassThrough();
  const p2 = new PassThrough();
  return [Duplex.from({ readable: p1, writable: p2 }), Duplex.from({ readable: p2, writable: p1 })];
}

// setup makes a TLS client and server over the two ends of a pair and
// calls cb once both are secure.
function setup(pair, opts, cb) {
  const [a, b] = pair;
  const server = new tls.TLSSocket(b, { isServer: true, key, cert, ALPNProtocols: ['x', 'y'] });
  const client = tls.connect({ socket: a, ca: cert, servername: 'localhost', ALPNProtocols: ['y'], ...opts });
  let n = 0;
  const ready = () => { if (++n === 2) cb(client, server, a, b); };
  client.on('secureConnect', ready);
  server.on('secure', ready);
  return { client, server };
}

function watch(name, s) {
  for (const ev of ['end', 'finish', 'close', 'error']) {
    s.on(ev, (x) => log(name, ev, x && x.code ? `${x.code} ${x.message}` : x === undefined ? '' : x));
  }
}

test('handles', (done) => {
  const [a, b] = duplexPair();
  const { client, server } = setup([a, b], {}, () => {
    log('client secure', client.authorized, client.getProtocol(), client.alpnProtocol, client.getPeerCertificate().subject.CN);
    log('server secure', server.alpnProtocol, server.servername);
    client.destroy();
    server.destroy();
    done();
  });
  const wrap = client._handle._parentWrap;
  log('wrap', wrap instanceof JSStreamSocket, wrap instanceof net.Socket, wrap.stream === a,
      server._handle._parentWrap.stream === b, wrap._handle.constructor.name);
  log('connecting', client.connecting, server.connecting, wrap.connecting, wrap.readyState, wrap.pending);
});

test('constructor only', (done) => {
  // What got (http2-wrapper) does to reach the class: a client made with
  // new TLSSocket writes nothing until it is used.
  const p = new PassThrough();
  p.on('data', (d) => log('unexpected data', d.length));
  const s = new tls.TLSSocket(p);
  log('class', s._handle._parentWrap.constructor === JSStreamSocket);
  setTimeout(() => { log('written', p.writableLength, s.destroyed); s.destroy(); done(); }, 50);
});

test('duplexPair echo', (done) => {
  setup(duplexPair(), {}, (client, server) => {
    server.on('data', (d) => server.write(d.toString().toUpperCase()));
    let got = '';
    client.on('data', (d) => {
      got += d;
      if (got.length === 11) {
        log('echo', got);
        client.destroy();
        server.destroy();
        done();
      }
    });
    client.write('hello ');
    client.write('world');
  });
});

// The whole end of a connection: client end, server end, both close.
// (Over a duplexPair, node 24 stops reading the end of its stream after
// the TLS end; gonode's duplexPair also destroys the other side.)
test('PassThrough pair echo and end', (done) => {
  setup(passPair(), {}, (client, server) => {
    server.on('data', (d) => server.write(d.toString().toUpperCase()));
    server.on('end', () => { log('server end'); server.end(); });
    let got = '';
    client.on('data', (d) => {
      got += d;
      if (got.length === 11) { log('echo', got); client.end(); }
    });
    client.on('end', () => log('client end'));
    client.on('close', () => { log('client close'); setImmediate(done); });
    client.write('hello ');
    client.write('world');
  });
});

for (const [kind, mk] of [['duplexPair', duplexPair], ['PassThrough pair', passPair]]) {
  test(`${kind} 2 MiB`, (done) => {
    setup(mk(), {}, (client, server) => {
      let n = 0;
      let sum = 0;
      server.on('data', (d) => { n += d.length; for (let i = 0; i < d.length; i += 4096) sum = (sum + d[i]) % 65521; });
      server.on('end', () => { log('server got', n, sum); server.end(); });
      let i = 0;
      let drains = 0;
      (function write() {
        while (i < 32) {
          const chunk = Buffer.alloc(65536, i++);
          if (!client.write(chunk)) { drains++; client.once('drain', write); return; }
        }
        log('drained', drains > 0);
        client.end();
      })();
      client.on('close', () => setImmediate(done));
    });
  });
}

test('destroy inner stream', (done) => {
  setup(duplexPair(), {}, (client, server, a) => {
    client.on('close', () => { log('client close', client.destroyed, a.destroyed); setImmediate(done); });
    a.destroy();
  });
});

test('destroy tls socket', (done) => {
  setup(duplexPair(), {}, (client, server, a) => {
    client.on('close', () => {
      log('client close', client.destroyed);
      setImmediate(() => { log('inner destroyed', a.destroyed); done(); });
    });
    client.destroy();
  });
});

test('inner error', (done) => {
  setup(duplexPair(), {}, (client, server, a) => {
    client.on('error', (e) => log('client error', e.message));
    client.on('close', () => { log('client close', client.destroyed, a.destroyed); setImmediate(done); });
    a.destroy(new Error('inner boom'));
  });
});

test('verify failure', (done) => {
  const [a, b] = duplexPair();
  const server = new tls.TLSSocket(b, { isServer: true, key, cert });
  server.on('error', () => {});
  const client = tls.connect({ socket: a, servername: 'localhost' });
  client.on('error', (e) => { log('client error', e.code); });
  client.on('close', () => { log('client close'); server.destroy(); setImmediate(done); });
});

// The JSStreamSocket on its own.

test('wrap echo', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  watch('w', w);
  watch('p', p);
  w.on('data', (d) => log('data', JSON.stringify(d.toString())));
  w.write('foo', () => log('write cb'));
  w.end('bar', () => log('end cb'));
  w.on('close', () => setImmediate(done));
});

test('wrap inner destroy', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  watch('w', w);
  watch('p', p);
  setImmediate(() => p.destroy());
  w.on('close', () => setImmediate(done));
});

test('wrap inner error', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  watch('w', w);
  watch('p', p);
  setImmediate(() => { const e = new Error('boom'); e.code = 'EBOOM'; p.destroy(e); });
  w.on('close', () => setImmediate(() => { log('destroyed', w.destroyed, p.destroyed); done(); }));
});

test('wrap destroy', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  watch('w', w);
  watch('p', p);
  setImmediate(() => { w.destroy(); log('inner destroyed', p.destroyed); });
  w.on('close', () => setImmediate(done));
});

test('wrap destroy with error', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  watch('w', w);
  watch('p', p);
  setImmediate(() => { const e = new Error('boom'); e.code = 'EBOOM'; w.destroy(e); });
  w.on('close', () => setImmediate(done));
});

test('wrap write error', (done) => {
  const d = new Duplex({
    read() {},
    write(c, e, cb) { const err = new Error('nope'); err.code = 'ENOPE'; cb(err); },
  });
  const w = new JSStreamSocket(d);
  watch('w', w);
  watch('d', d);
  w.write('x', (err) => log('write cb', err && err.code, err && err.message));
  w.on('close', () => setImmediate(done));
});

test('wrap writes cancelled by destroy', (done) => {
  const d = new Duplex({ read() {}, write() { log('inner write'); } });
  const w = new JSStreamSocket(d);
  w.write('a', (err) => log('write 1 cb', err && err.message));
  w.write('b', (err) => log('write 2 cb', err && err.message));
  w.on('close', () => { log('close'); setImmediate(done); });
  setImmediate(() => w.destroy());
});

test('wrap inner end', (done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  const w = new JSStreamSocket(d);
  watch('w', w);
  watch('d', d);
  w.on('data', (x) => log('data', x.toString()));
  d.push('abc');
  d.push(null);
  w.on('close', () => setImmediate(done));
});

test('wrap string chunks', (done) => {
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  d.setEncoding('utf8');
  const w = new JSStreamSocket(d);
  watch('w', w);
  d.push('abc');
  setTimeout(() => { log('destroyed', w.destroyed); w.destroy(); setImmediate(done); }, 10);
});

test('wrap counts', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  w.on('data', () => {});
  w.write(Buffer.alloc(10));
  w.write('h\u00e9llo', 'latin1', () => {
    setImmediate(() => {
      log('counts', w.bytesRead, w.bytesWritten, w.readyState, w.pending, w.remoteAddress, JSON.stringify(w.address()));
      w.destroy();
      done();
    });
  });
});

test('wrap backpressure', (done) => {
  const p = new PassThrough();
  const w = new JSStreamSocket(p);
  w.pause();
  let total = 0;
  for (let i = 0; i < 10; i++) w.write(Buffer.alloc(16384));
  setTimeout(() => {
    log('paused', p.isPaused(), w.readableLength, p.readableLength, p.writableLength);
    w.on('data', (d) => { total += d.length; });
    w.resume();
    setTimeout(() => { log('total', total); w.destroy(); done(); }, 20);
  }, 20);
});

(function next() {
  const t = tests.shift();
  if (!t) return;
  log('---', t[0]);
  t[1](next);
})();
