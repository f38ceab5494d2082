'use strict';
// tls and https over Go's crypto/tls: handshake with a CA, ALPN, SNI,
// verification failures (self-signed, altname mismatch), rejectUnauthorized
// false, and https server/client with a body. The certificate is a
// self-signed one for localhost/127.0.0.1 in tls_fixtures/.
const tls = require('tls');
const https = require('https');
const fs = require('fs');
const path = require('path');
const key = fs.readFileSync(path.join(__dirname, 'tls_fixtures', 'key.pem'));
const cert = fs.readFileSync(path.join(__dirname, 'tls_fixtures', 'cert.pem'));

function tlsPart() {
  return new Promise((resolve) => {
    let first = true;
    // The server's and the client's handshake callbacks race; the server's
    // line is printed once the client has its echo, which follows both.
    let serverLine = '';
    const srv = tls.createServer({ key, cert, ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
      if (first) {
        first = false;
        serverLine = ['server: secure', s.getProtocol(), s.alpnProtocol, s.servername, s.authorized, s.encrypted].join(' ');
      }
      s.on('data', (d) => { s.end('echo:' + d); });
      s.on('error', () => {});
    });
    srv.listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      const c = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca: cert, ALPNProtocols: ['http/1.1'] }, () => {
        const pc = c.getPeerCertificate();
        console.log('client: secureConnect', c.authorized, c.authorizationError, c.getProtocol(), c.alpnProtocol);
        console.log('peer cert:', pc.subject.CN, pc.issuer.CN, pc.subjectaltname, typeof pc.fingerprint256, pc.fingerprint256.length);
        c.write('hello');
      });
      let got = '';
      c.on('data', (d) => { got += d; });
      c.on('end', () => {
        console.log(serverLine);
        console.log('client got:', got);
        const c2 = tls.connect({ port, host: '127.0.0.1', servername: 'localhost' }, () => console.log('should not connect'));
        c2.on('error', (e) => {
          console.log('untrusted:', e.code, e.message);
          const c3 = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', rejectUnauthorized: false }, () => {
            console.log('insecure ok:', c3.authorized, c3.authorizationError);
            c3.end();
            const c4 = tls.connect({ port, host: '127.0.0.1', servername: 'example.com', ca: cert }, () => console.log('should not connect'));
            c4.on('error', (e) => {
              console.log('altname:', e.code, e.message);
              srv.close();
              resolve();
            });
          });
        });
      });
    });
  });
}

function httpsPart() {
  return new Promise((resolve) => {
    const srv = https.createServer({ key, cert }, (req, res) => {
      let b = '';
      req.on('data', (d) => { b += d; });
      req.on('end', () => res.end(`secure ${req.method} ${req.url} ${req.socket.encrypted} ${b}`));
    });
    srv.listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      const req = https.request({ port, host: '127.0.0.1', servername: 'localhost', ca: cert, method: 'POST', path: '/x' }, (res) => {
        let s = '';
        res.on('data', (d) => { s += d; });
        res.on('end', () => {
          console.log('https response:', res.statusCode, s, res.headers['content-length']);
          https.get(`https://localhost:${port}/y`, { ca: cert }, (r2) => {
            let s2 = '';
            r2.on('data', (d) => { s2 += d; });
            r2.on('end', () => {
              console.log('https get:', r2.statusCode, s2);
              https.get(`https://127.0.0.1:${port}/z`, () => console.log('should fail')).on('error', (e) => {
                console.log('https untrusted:', e.code, e.message);
                srv.close(() => { console.log('closed'); resolve(); });
                srv.closeAllConnections();
              });
            });
          });
        });
      });
      req.end('payload');
    });
  });
}

tlsPart().then(httpsPart);
