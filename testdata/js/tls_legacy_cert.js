'use strict';
// One certificate presenter: X509Certificate's strings, toLegacyObject()
// and a TLS peer's getPeerCertificate() agree, with node's escaping.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');
const { X509Certificate } = require('crypto');

const dir = path.join(__dirname, 'tls_legacy_fixtures');
const cert = fs.readFileSync(path.join(dir, 'cert.pem'));
const key = fs.readFileSync(path.join(dir, 'key.pem'));

const x = new X509Certificate(cert);
console.log(JSON.stringify(x.subject));
console.log(JSON.stringify(x.subjectAltName));
console.log(JSON.stringify(x.infoAccess));
console.log(x.keyUsage);

function show(o) {
  const out = {};
  for (const [k, v] of Object.entries(o)) {
    // Node 24.21 also lists absent fields as undefined; older ones omit them.
    if (v === undefined) continue;
    if (Buffer.isBuffer(v)) out[k] = `<Buffer ${v.length}>`;
    else if (k === 'issuerCertificate') out[k] = v === o ? '<self>' : typeof v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) out[k] = { proto: Object.getPrototypeOf(v), ...v };
    else out[k] = v;
  }
  return out;
}
const legacy = x.toLegacyObject();
console.log(show(legacy));

const server = tls.createServer({ key, cert }, (s) => s.end());
server.listen(0, () => {
  const c = tls.connect({ port: server.address().port, ca: cert, servername: 'localhost' }, () => {
    const peer = c.getPeerCertificate(true);
    legacy.issuerCertificate = legacy;
    assert.deepStrictEqual(peer, legacy);
    console.log('peer matches toLegacyObject', c.authorized);
    const px = c.getPeerX509Certificate();
    console.log(px.fingerprint256 === x.fingerprint256, px.issuerCertificate);
    c.end();
    server.close();
  });
});
