'use strict';
// node:crypto beyond hashes: ciphers, KDFs, keys, signatures, RSA
// encryption, Diffie-Hellman, primes and X.509. Only deterministic output:
// random keys are checked by round trips, not printed.
const crypto = require('crypto');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (err) {
    console.log(label, 'throws', err.name, err.code, err.message);
  }
}

// --- ciphers ---
const key32 = Buffer.alloc(32, 1);
const iv16 = Buffer.alloc(16, 2);
for (const alg of ['aes-256-cbc', 'aes-256-ctr', 'aes-256-cfb', 'aes-256-ofb', 'aes-256-cfb8']) {
  const c = crypto.createCipheriv(alg, key32, iv16);
  const ct = Buffer.concat([c.update('the quick brown fox jumps over the lazy dog'), c.final()]);
  const d = crypto.createDecipheriv(alg, key32, iv16);
  console.log(alg, ct.toString('hex'), d.update(ct, undefined, 'utf8') + d.final('utf8'));
}
{
  const c = crypto.createCipheriv('aes-128-ecb', Buffer.alloc(16, 5), null);
  console.log('ecb', c.update('0123456789abcdef', 'utf8', 'base64') + c.final('base64'));
  const nopad = crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)).setAutoPadding(false);
  nopad.update(Buffer.alloc(15));
  show('nopad final', () => nopad.final());
  const bad = crypto.createDecipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16));
  bad.update(Buffer.alloc(16));
  show('bad decrypt', () => bad.final());
}
for (const [alg, keyLen, ivLen, tagLen] of [['aes-256-gcm', 32, 12, 16], ['aes-128-gcm', 16, 16, 12],
  ['chacha20-poly1305', 32, 12, 16]]) {
  const k = Buffer.alloc(keyLen, 3);
  const iv = Buffer.alloc(ivLen, 4);
  const c = crypto.createCipheriv(alg, k, iv, { authTagLength: tagLen });
  c.setAAD(Buffer.from('header'));
  const ct = Buffer.concat([c.update('authenticated secret message'), c.final()]);
  const tag = c.getAuthTag();
  console.log(alg, ct.toString('hex'), tag.toString('hex'));
  const d = crypto.createDecipheriv(alg, k, iv, { authTagLength: tagLen });
  d.setAAD(Buffer.from('header'));
  d.setAuthTag(tag);
  console.log(' ->', d.update(ct, null, 'utf8') + d.final('utf8'));
  const d2 = crypto.createDecipheriv(alg, k, iv, { authTagLength: tagLen });
  d2.setAuthTag(Buffer.alloc(tagLen));
  d2.update(ct);
  show(' tampered', () => d2.final());
}
show('getAuthTag early', () => crypto.createCipheriv('aes-128-gcm', Buffer.alloc(16), Buffer.alloc(12)).getAuthTag());
show('bad key', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), Buffer.alloc(16)));
show('bad iv', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(8)));
show('unknown', () => crypto.createCipheriv('nope', Buffer.alloc(16), Buffer.alloc(16)));
show('info', () => JSON.stringify(crypto.getCipherInfo('aes-256-gcm')));
show('info nid', () => JSON.stringify(crypto.getCipherInfo(419)));
show('ciphers', () => ['aes-128-cbc', 'aes-256-gcm', 'chacha20-poly1305'].every((c) => crypto.getCiphers().includes(c)));
show('curves', () => ['prime256v1', 'secp384r1', 'secp256k1'].every((c) => crypto.getCurves().includes(c)));
{
  const wrap = crypto.createCipheriv('id-aes128-wrap', Buffer.alloc(16, 9), Buffer.from('a6a6a6a6a6a6a6a6', 'hex'));
  console.log('wrap', wrap.update(Buffer.alloc(16, 7)).toString('hex'));
}

// --- KDFs ---
console.log('pbkdf2', crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex'));
console.log('scrypt', crypto.scryptSync('password', 'salt', 32, { N: 1024 }).toString('hex'));
console.log('hkdf', Buffer.from(crypto.hkdfSync('sha256', 'ikm', 'salt', 'info', 42)).toString('hex'));
show('pbkdf2 digest', () => crypto.pbkdf2Sync('a', 'b', 1, 8, 'nope'));

// --- keys ---
const ed = crypto.createPrivateKey(`-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIE3rjLGRlWySPtuwgkhLUg3RwB7lfKdtJ9CHqs1zjOJB
-----END PRIVATE KEY-----`);
console.log('ed25519', ed.type, ed.asymmetricKeyType, JSON.stringify(ed.export({ format: 'jwk' })));
const edPub = crypto.createPublicKey(ed);
console.log(edPub.export({ type: 'spki', format: 'pem' }).trim());
console.log('ed sign', crypto.sign(null, Buffer.from('message'), ed).toString('base64'));
console.log('ed verify', crypto.verify(null, Buffer.from('message'), edPub, crypto.sign(null, Buffer.from('message'), ed)));
const ecJwk = {
  kty: 'EC', crv: 'P-256',
  x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
  y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
  d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE',
};
const ecPriv = crypto.createPrivateKey({ key: ecJwk, format: 'jwk' });
console.log('ec', ecPriv.asymmetricKeyType, ecPriv.asymmetricKeyDetails);
console.log(ecPriv.export({ type: 'sec1', format: 'pem' }).trim());
console.log(ecPriv.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
const ecPub = crypto.createPublicKey(ecPriv);
console.log('ec equals', ecPub.equals(crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: ecJwk.x, y: ecJwk.y }, format: 'jwk' })));
for (const dsaEncoding of ['der', 'ieee-p1363']) {
  const sig = crypto.sign('sha256', Buffer.from('data'), { key: ecPriv, dsaEncoding });
  console.log('ecdsa', dsaEncoding, crypto.verify('sha256', Buffer.from('data'), { key: ecPub, dsaEncoding }, sig));
}
const s = crypto.createSign('SHA384').update('streamed ').update('data');
const sig = s.sign(ecPriv);
console.log('createVerify', crypto.createVerify('SHA384').update('streamed data').verify(ecPub, sig));
show('sign no key', () => crypto.createSign('sha256').sign());
show('export no type', () => ecPub.export({ format: 'pem' }));
show('pkcs1 for ec', () => ecPub.export({ format: 'pem', type: 'pkcs1' }));
show('bad pem', () => crypto.createPrivateKey('not a key'));
show('secret', () => crypto.createSecretKey(Buffer.from('abc')).export().toString());

{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  console.log('rsa', publicKey.asymmetricKeyDetails);
  const ct = crypto.publicEncrypt(publicKey, Buffer.from('oaep'));
  console.log('oaep', crypto.privateDecrypt(privateKey, ct).toString());
  const ct2 = crypto.publicEncrypt({ key: publicKey, oaepHash: 'sha256', oaepLabel: Buffer.from('l') }, Buffer.from('oaep256'));
  console.log('oaep256', crypto.privateDecrypt({ key: privateKey, oaepHash: 'sha256', oaepLabel: Buffer.from('l') }, ct2).toString());
  const pe = crypto.privateEncrypt(privateKey, Buffer.from('raw'));
  console.log('publicDecrypt', crypto.publicDecrypt(publicKey, pe).toString());
  for (const padding of [crypto.constants.RSA_PKCS1_PADDING, crypto.constants.RSA_PKCS1_PSS_PADDING]) {
    const sg = crypto.sign('sha256', Buffer.from('x'), { key: privateKey, padding });
    console.log('rsa sig', padding, sg.length, crypto.verify('sha256', Buffer.from('x'), { key: publicKey, padding }, sg));
  }
  const enc = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' });
  console.log('encrypted', enc.split('\n')[0]);
  show('no passphrase', () => crypto.createPrivateKey(enc));
  show('wrong passphrase', () => crypto.createPrivateKey({ key: enc, passphrase: 'no' }));
  console.log('decrypted', crypto.createPrivateKey({ key: enc, passphrase: 'pw' }).equals(privateKey));
  const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' });
  console.log('pkcs1', pkcs1.split('\n').slice(0, 3).map((l) => l.replace(/,[0-9A-F]+$/, ',IV')).join('|'));
  console.log('pkcs1 back', crypto.createPrivateKey({ key: pkcs1, passphrase: 'pw' }).equals(privateKey));
}
{
  const k1 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const sg = crypto.sign('sha256', Buffer.from('k1'), k1.privateKey);
  console.log('secp256k1', k1.publicKey.asymmetricKeyDetails, crypto.verify('sha256', Buffer.from('k1'), k1.publicKey, sg),
    Object.keys(k1.privateKey.export({ format: 'jwk' })).join());
  const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024 });
  const ds = crypto.sign('sha256', Buffer.from('dsa'), dsa.privateKey);
  console.log('dsa', dsa.publicKey.asymmetricKeyDetails, crypto.verify('sha256', Buffer.from('dsa'), dsa.publicKey, ds));
}
for (const type of ['ec', 'ed25519', 'x25519', 'rsa-pss']) {
  const opts = { ec: { namedCurve: 'P-384' }, 'rsa-pss': { modulusLength: 1024, hashAlgorithm: 'sha256', saltLength: 16 } }[type];
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, opts);
  console.log('gen', type, publicKey.type, privateKey.asymmetricKeyType, JSON.stringify(privateKey.asymmetricKeyDetails, (k, v) => typeof v === 'bigint' ? `${v}n` : v));
}
{
  const a = crypto.generateKeyPairSync('x25519');
  const b = crypto.generateKeyPairSync('x25519');
  const s1 = crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
  const s2 = crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey });
  console.log('x25519 dh', s1.equals(s2), s1.length);
}

// --- ECDH and DH ---
{
  const e1 = crypto.createECDH('secp256k1');
  e1.setPrivateKey(Buffer.alloc(32, 7));
  console.log('ecdh pub', e1.getPublicKey('hex', 'compressed'));
  const e2 = crypto.createECDH('secp256k1');
  e2.setPrivateKey(Buffer.alloc(32, 8));
  console.log('ecdh secret', e1.computeSecret(e2.getPublicKey()).toString('hex'));
  console.log('convert', crypto.ECDH.convertKey(e1.getPublicKey('hex', 'compressed'), 'secp256k1', 'hex', 'hex', 'uncompressed'));
  show('ecdh bad peer', () => e1.computeSecret(Buffer.alloc(65, 1)));
  const dh = crypto.getDiffieHellman('modp2');
  console.log('modp2', dh.getPrime('hex').slice(0, 32), dh.getGenerator('hex'), dh.verifyError);
  const a = crypto.createDiffieHellman(dh.getPrime(), dh.getGenerator());
  const b = crypto.createDiffieHellman(dh.getPrime(), dh.getGenerator());
  a.setPrivateKey(Buffer.from('01'.repeat(20), 'hex'));
  b.setPrivateKey(Buffer.from('02'.repeat(20), 'hex'));
  a.generateKeys();
  b.generateKeys();
  console.log('dh secret', a.computeSecret(b.getPublicKey()).equals(b.computeSecret(a.getPublicKey())));
  show('dh group', () => crypto.getDiffieHellman('nope'));
}

// --- primes, misc ---
console.log('checkPrime', crypto.checkPrimeSync(13n), crypto.checkPrimeSync(Buffer.from([15])));
console.log('prime3', crypto.generatePrimeSync(3, { bigint: true }));
console.log('fips', crypto.getFips(), crypto.constants.RSA_PKCS1_OAEP_PADDING);
console.log('hash', crypto.hash('sha3-256', 'abc'), crypto.createHash('shake128', { outputLength: 8 }).update('abc').digest('hex'));

// --- X.509 ---
{
  const pem = `-----BEGIN CERTIFICATE-----
MIICQjCCAeegAwIBAgIEEjSrzTAKBggqhkjOPQQDAjA6MQswCQYDVQQGEwJVUzEU
MBIGA1UECgwLRXhhbXBsZSBPcmcxFTATBgNVBAMMDGV4YW1wbGUudGVzdDAgFw0y
NjExMjcwODU0MTVaGA8yMTI2MTEwMzA4NTQxNVowOjELMAkGA1UEBhMCVVMxFDAS
BgNVBAoMC0V4YW1wbGUgT3JnMRUwEwYDVQQDDAxleGFtcGxlLnRlc3QwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAAQwoEJM0hwpRIOKLXXJKzfnbqINnwCJOjtO7oo8
Cq/sPuBLZekkVtmIi1Kzeb371R7oae8fD8ZbZllpW2zOCBcjo4HYMIHVMD4GA1Ud
EQQ3MDWCC2V4YW1wbGUuY29tgg0qLmV4YW1wbGUubmV0hwR/AAABgRFhZG1pbkBl
eGFtcGxlLmNvbTAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIChDAdBgNV
HSUEFjAUBggrBgEFBQcDAQYIKwYBBQUHAwIwNAYIKwYBBQUHAQEEKDAmMCQGCCsG
AQUFBzABhhhodHRwOi8vb2NzcC5leGFtcGxlLmNvbS8wHQYDVR0OBBYEFDcyfVhX
a01ya/QO7AhriG5/zvuZMAoGCCqGSM49BAMCA0kAMEYCIQDKhTzy2Re4o7M72jEH
/hY30bN2PZXiC6mC8d5F7m0HXwIhAJ1FR35xl3mH1d3HDN+1/ub6iUFGHmMMX7Zj
QhXgZxgk
-----END CERTIFICATE-----`;
  show('x509', () => {
    const x = new crypto.X509Certificate(pem);
    return [x.subject, x.issuer, x.subjectAltName, x.infoAccess, x.validFrom, x.validTo, x.fingerprint256,
      x.serialNumber, x.ca, x.keyUsage, x.signatureAlgorithm, x.checkHost('www.example.net'),
      x.checkHost('example.org'), x.checkIP('127.0.0.1'), x.checkEmail('admin@example.com'),
      x.checkIssued(x), x.verify(x.publicKey), x.checkPrivateKey(ecPriv), x.publicKey.asymmetricKeyType,
      x.toString() === `${pem}\n`, x.validToDate.toISOString()];
  });
}

// Last: node leaves this OpenSSL error queued for the next key parse.
show('scrypt mem', () => crypto.scryptSync('a', 'b', 8, { N: 2 ** 20 }));
