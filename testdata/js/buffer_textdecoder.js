'use strict';
// TextEncoder / TextDecoder, including streaming decode.
const enc = new TextEncoder();
console.log(enc.encoding, Object.prototype.toString.call(enc.encode('x')), enc.encode('a€😀\ud800').join(),
  enc.encode().length, enc.encode(123).join(), Buffer.isBuffer(enc.encode('a')));
const dest = new Uint8Array(6);
console.log(JSON.stringify(enc.encodeInto('a€😀', dest)), dest.join(), JSON.stringify(enc.encodeInto('', dest)),
  JSON.stringify(enc.encodeInto('😀😀', new Uint8Array(7))), JSON.stringify(enc.encodeInto('\ud800x', new Uint8Array(4))));

const chunks = [[0xef, 0xbb], [0xbf, 0x41, 0xe2], [0x82], [0xac, 0xf0, 0x9f, 0x98], [0x80, 0x42]];
const dec = new TextDecoder();
console.log(JSON.stringify(chunks.map((c) => dec.decode(Uint8Array.from(c), { stream: true }))), JSON.stringify(dec.decode()));
const keep = new TextDecoder('utf-8', { ignoreBOM: true });
console.log(JSON.stringify(chunks.map((c) => keep.decode(Uint8Array.from(c), { stream: true }))), JSON.stringify(keep.decode()));
console.log(JSON.stringify(dec.decode(Uint8Array.of(0xe2, 0x82), { stream: true })), JSON.stringify(dec.decode()));
console.log(JSON.stringify(new TextDecoder().decode(Uint8Array.of(0xff, 0x41, 0xed, 0xa0, 0x80, 0xc3))));
console.log(JSON.stringify(new TextDecoder().decode(new Uint16Array([0x6261, 0x6463]))),
  JSON.stringify(new TextDecoder().decode(new Uint8Array([0x68, 0x69]).buffer)),
  JSON.stringify(new TextDecoder().decode(new DataView(new Uint8Array([0x6f, 0x6b]).buffer))));

const fatal = new TextDecoder('utf8', { fatal: true });
console.log(fatal.fatal, fatal.ignoreBOM, fatal.encoding, fatal.decode(Uint8Array.of(0x61, 0xe2, 0x82), { stream: true }));
for (const f of [() => fatal.decode(), () => fatal.decode(Uint8Array.of(0xff)), () => new TextDecoder('nope'),
  () => new TextDecoder().decode('str'), () => enc.encodeInto('a', []), () => new TextDecoder('utf8', 5)]) {
  try { console.log(JSON.stringify(f())); } catch (e) { console.log(e.name, e.code, e.message); }
}

const u16 = new TextDecoder('utf-16le');
console.log(u16.encoding, JSON.stringify([[0xff, 0xfe, 0x61], [0x00, 0x3d, 0xd8], [0x00, 0xde, 0x3d, 0xd8]]
  .map((c) => u16.decode(Uint8Array.from(c), { stream: true }))), JSON.stringify(u16.decode()));
console.log(JSON.stringify(new TextDecoder('utf-16be').decode(Uint8Array.of(0x00, 0x61, 0xd8, 0x3d, 0xde, 0x00))),
  JSON.stringify(new TextDecoder('utf-16le').decode(Uint8Array.of(0x3d, 0xd8, 0x61, 0x00, 0x62))));
for (const label of ['latin1', 'ascii', 'windows-1252', ' ISO-8859-1 ', 'utf8', 'UTF-16', 'unicode-1-1-utf-8']) {
  const d = new TextDecoder(label);
  console.log(JSON.stringify(label), d.encoding, JSON.stringify(d.decode(Uint8Array.of(0x41, 0x80, 0x9f, 0xe9, 0xff))));
}
