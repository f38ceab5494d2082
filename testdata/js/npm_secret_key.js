'use strict';
// jsonwebtoken: `key instanceof crypto.KeyObject`, createSecretKey, and
// createHmac with a KeyObject.
const crypto = require('crypto');
const key = crypto.createSecretKey(Buffer.from('secret'));
console.log(key.type, key.symmetricKeySize, key instanceof crypto.KeyObject);
console.log(key.export().toString(), key.export({ format: 'jwk' }));
console.log(key.equals(crypto.createSecretKey('secret', 'utf8')), key.equals(crypto.createSecretKey('x', 'utf8')));
console.log(crypto.createSecretKey('c2VjcmV0', 'base64').equals(key));
const a = crypto.createHmac('sha256', key).update('msg').digest('base64url');
const b = crypto.createHmac('sha256', 'secret').update('msg').digest('base64url');
console.log(a, a === b);
console.log('secret' instanceof crypto.KeyObject);
try {
  crypto.createSecretKey(1);
} catch (e) {
  console.log(e.code, e.message);
}
try {
  new crypto.KeyObject('bad');
} catch (e) {
  console.log(e.code);
}
