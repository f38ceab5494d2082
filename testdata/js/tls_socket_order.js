'use strict';
// TLS socket behaviours: a server's cipher preference, nothing sent to a
// server that fails verification, records that arrive together are read
// together, errors of a bare server socket.
const fs = require('fs');
const net = require('net');
const path = require('path');
const tls = require('tls');

const dir = path.join(__dirname, 'tls_legacy_fixtures');
const key = fs.readFileSync(path.join(dir, 'key.pem'));
const cert = fs.readFileSync(path.join(dir, 'cert.pem'));

function cipherCase(honorCipherOrder) {
  return new Promise((resolve) => {
    const server = tls.createServer({
      key, cert, honorCipherOrder, maxVersion: 'TLSv1.2',
      ciphers: 'AES128-SHA256:AES128-GCM-SHA256',
    }, (s) => s.end());
    server.listen(0, () => {
      const c = tls.connect({
        port: server.address().port, rejectUnauthorized: false,
        ciphers: 'AES128-GCM-SHA256:AES128-SHA256',
      }, () => {
        console.log('honorCipherOrder', honorCipherOrder, c.getCipher().name);
        c.end();
        server.close(resolve);
      });
    });
  });
}

function unverifiedCase() {
  return new Promise((resolve) => {
    let got = 0;
    const server = tls.createServer({ key, cert }, (s) => {
      s.on('data', (d) => { got += d.length; });
      s.on('error', () => {});
    });
    server.listen(0, () => {
      const c = tls.connect({ port: server.address().port, servername: 'localhost' });
      c.write('secret');
      c.on('error', (err) => {
        console.log('client error', err.code);
        setTimeout(() => {
          console.log('server got bytes', got);
          server.close(resolve);
        }, 100);
      });
    });
  });
}

function pipelineCase() {
  return new Promise((resolve) => {
    const server = tls.createServer({ key, cert }, (s) => {
      let chunks = 0;
      let text = '';
      s.on('data', (d) => { chunks++; text += d; });
      s.on('end', () => {
        console.log('server read', JSON.stringify(text), 'in', chunks, 'chunk(s)');
        s.end();
      });
    });
    server.listen(0, () => {
      const c = tls.connect({ port: server.address().port, rejectUnauthorized: false }, () => {
        // Three records in one go, written while the first is in flight.
        c.cork();
        c.write('a');
        c.write('b');
        c.write('c');
        c.uncork();
        c.end();
      });
      c.resume();
      c.on('close', () => server.close(resolve));
    });
  });
}

function bareServerSocketCase() {
  return new Promise((resolve) => {
    const server = net.createServer((raw) => {
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext({ key, cert }) });
      s.on('_tlsError', (err) => console.log('_tlsError', err.code));
      s.on('close', () => server.close(resolve));
    });
    server.listen(0, () => {
      const c = net.connect(server.address().port, () => c.end('not a TLS hello'));
      c.on('error', () => {});
    });
  });
}

(async () => {
  await cipherCase(true);
  await cipherCase(false);
  await unverifiedCase();
  await pipelineCase();
  await bareServerSocketCase();
})();
