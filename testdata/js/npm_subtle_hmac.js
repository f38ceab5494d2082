'use strict';
// jose (HS256 JWTs) and many libraries use crypto.subtle.digest and HMAC keys.
(async () => {
const s = crypto.subtle; const k = await s.importKey("raw", new TextEncoder().encode("key"), {name: "HMAC", hash: "SHA-256"}, true, ["sign", "verify"]);
console.log(k, k.algorithm);
console.log(await s.exportKey("jwk", k)); console.log(Buffer.from(await s.exportKey("raw", k)).toString());
const sig = await s.sign("HMAC", k, new TextEncoder().encode("m")); console.log(Buffer.from(sig).toString("hex"), await s.verify({name: "HMAC"}, k, sig, new TextEncoder().encode("m")), await s.verify("HMAC", k, sig, new TextEncoder().encode("x")));
console.log(Buffer.from(await s.digest("sha-256", new TextEncoder().encode("abc"))).toString("hex"), Buffer.from(await s.digest({name: "SHA-1"}, new Uint8Array([1]))).toString("hex"));
const g = await s.generateKey({name: "HMAC", hash: {name: "SHA-512"}}, false, ["sign"]); console.log(g.algorithm, g.extractable, g.usages, g.type);
for (const f of [() => s.digest("MD5", new Uint8Array(1)), () => s.exportKey("raw", g), () => s.importKey("raw", new Uint8Array(1), {name: "HMAC", hash: "SHA-256"}, false, ["encrypt"]), () => s.importKey("raw", new Uint8Array(1), {name: "HMAC", hash: "SHA-256"}, false, []), () => s.sign("HMAC", g, new Uint8Array(1)).then(() => s.verify("HMAC", g, new Uint8Array(1), new Uint8Array(1)))]) { try { await f() } catch (e) { console.log(e.name, e.message) } }
const jk = await s.importKey("jwk", {kty: "oct", k: "a2V5", alg: "HS256"}, {name: "HMAC", hash: "SHA-256"}, false, ["verify"]); console.log(jk.algorithm, jk.usages);
console.log(typeof CryptoKey, k instanceof CryptoKey, Object.prototype.toString.call(k), (await s.exportKey('raw', await s.generateKey({name: 'HMAC', hash: 'SHA-256', length: 128}, true, ['sign']))).byteLength);
})()
