'use strict';
// StringDecoder: characters split across writes, per encoding.
const { StringDecoder } = require('string_decoder');

function feed(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = [];
  for (const c of chunks) {
    out.push(d.write(Buffer.from(c)));
    out.push(`${d.lastNeed}/${d.lastTotal}`);
  }
  out.push(d.end());
  console.log(enc, d.encoding, JSON.stringify(out));
}

const euro = [0xe2, 0x82, 0xac];
const smile = [0xf0, 0x9f, 0x98, 0x80];
feed('utf8', [[0x61, 0xe2], [0x82], [0xac, 0x62]]);
feed('utf8', [smile.slice(0, 1), smile.slice(1, 3), smile.slice(3)]);
feed('utf8', [[0xe2, 0x82], [0x41]]);
feed('utf8', [[0xe2], []]);
feed('utf8', [[0xf0, 0x9f]]);
feed('utf8', [[0xff, 0x41, 0xc3]]);
feed('utf8', [[0xe0, 0x80]]);
feed('utf8', [[...euro, ...euro, 0xe2]]);
feed('utf16le', [[0x61], [0x00, 0x62], [0x00]]);
feed('utf16le', [[0x3d, 0xd8], [0x00, 0xde]]);
feed('utf16le', [[0x3d], [0xd8, 0x00], [0xde]]);
feed('utf16le', [[0x3d, 0xd8]]);
feed('ucs2', [[0x61, 0x00, 0x3d]]);
feed('base64', [[0x61], [0x62, 0x63, 0x64], [0x65]]);
feed('base64', [[0x61, 0x62]]);
feed('base64url', [[0xfb, 0xff], [0xbf, 0xfe]]);
feed('hex', [[0x01, 0xab], [0xff]]);
feed('latin1', [[0xe9, 0x41]]);
feed('ascii', [[0xe9, 0x41]]);

const d = new StringDecoder('utf8');
console.log(JSON.stringify(d.write('already a string')), d.lastChar.length, d.write(new Uint16Array([0x6261])),
  JSON.stringify(d.end(Buffer.from([0xe2, 0x82]))), JSON.stringify(d.write(new DataView(new ArrayBuffer(2)))));
d.write(Buffer.from([0xe2]));
console.log(d.lastChar.toString('hex').slice(0, 2), d.lastNeed, d.lastTotal, Buffer.isBuffer(d.lastChar));
for (const f of [() => new StringDecoder('nope'), () => d.write(5), () => d.write(null)]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(new StringDecoder().encoding, new StringDecoder('UCS-2').encoding, new StringDecoder('binary').encoding,
  new StringDecoder('utf-8').encoding);
