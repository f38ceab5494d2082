const crypto = require('crypto');
console.log(crypto.createHash('md5').update('hello').digest('hex'));
console.log(crypto.createHash('sha1').update('hello').update(' world').digest('base64'));
console.log(crypto.createHash('SHA256').update(new Uint8Array([1, 2, 3])).digest('hex'));
console.log(crypto.createHash('sha512').update('é☃😀').digest('base64url'));
const d = crypto.createHash('sha256').update('x').digest();
console.log(Buffer.isBuffer(d), d.length, d.toString('hex'));
const h = crypto.createHash('sha256').update('a'); const h2 = h.copy(); h2.update('b');
console.log(h.digest('hex'), h2.digest('hex'));
try { h.update('x'); } catch (e) { console.log(e.code, e.message); }
try { h.digest(); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHash('nope'); } catch (e) { console.log(e.code, e.message); }
try { crypto.createHash('md5').update(5); } catch (e) { console.log(e.code, e.message); }
console.log(crypto.createHmac('sha256', 'key').update('data').digest('hex'));
const hm = crypto.createHmac('sha1', Buffer.from('k')); hm.update('x'); console.log(hm.digest('hex'), JSON.stringify(hm.digest('hex')));
try { crypto.createHmac('nope', 'k'); } catch (e) { console.log(e.code, e.message); }
console.log(crypto.hash('sha1', 'abc'));
console.log(crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), crypto.timingSafeEqual(new Uint8Array([1]), new Uint8Array([2])));
try { crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)); } catch (e) { console.log(e.code, e.message); }
const rb = crypto.randomBytes(16); console.log(Buffer.isBuffer(rb), rb.length);
try { crypto.randomBytes(-1); } catch (e) { console.log(e.code, e.message); }
const u = crypto.randomUUID(); console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u));
for (let i = 0; i < 100; i++) { const r = crypto.randomInt(3, 7); if (r < 3 || r >= 7) console.log('bad', r); }
try { crypto.randomInt(5, 5); } catch (e) { console.log(e.code, e.message); }
try { crypto.randomInt(1.5); } catch (e) { console.log(e.code, e.message); }
const ta = new Uint32Array(4); console.log(crypto.getRandomValues(ta) === ta);
try { crypto.getRandomValues(new Float64Array(2)); } catch (e) { console.log(e.name, e.code, e.message); }
try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(globalThis.crypto === crypto.webcrypto, typeof globalThis.crypto.randomUUID(), Object.prototype.toString.call(globalThis.crypto));
crypto.randomBytes(4, (err, b) => console.log('cb', err, b.length));
