'use strict';
// zlib one-shot forms: round trips in every format, errors with errno and
// code, dictionaries, concatenated gzip members, crc32 and validation.
const zlib = require('zlib');

const input = Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(50));
const pairs = [
  ['gzipSync', 'gunzipSync'], ['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'],
  ['brotliCompressSync', 'brotliDecompressSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync'],
];
for (const [c, d] of pairs) {
  const packed = zlib[c](input);
  console.log(c, d, zlib[d](packed).equals(input), packed.length < input.length / 4);
}
console.log('string input', zlib.gunzipSync(zlib.gzipSync('héllo')).toString());
console.log('arraybuffer input', zlib.inflateSync(zlib.deflateSync(new Uint8Array([1, 2, 3]).buffer)));
console.log('level 0', zlib.inflateSync(zlib.deflateSync(input, { level: 0 })).length);
console.log('gzip header', zlib.gzipSync('x').subarray(0, 3));
console.log('zlib header', zlib.deflateSync('x')[0].toString(16));
console.log('info', Object.keys(zlib.gzipSync('x', { info: true })));

for (const f of ['inflateSync', 'gunzipSync', 'unzipSync', 'inflateRawSync', 'brotliDecompressSync']) {
  try {
    // (A raw deflate stream has no header: its first block's type is bad.)
    zlib[f](f === 'inflateRawSync' ? Buffer.from([0x07, 0x00]) : Buffer.from('this is not compressed data'));
    console.log(f, 'no error');
  } catch (e) {
    console.log(f, e.message, e.errno, e.code, Object.keys(e));
  }
}
try {
  zlib.gunzipSync(zlib.gzipSync('hello').subarray(0, 12));
} catch (e) {
  console.log('truncated', e.message, e.errno, e.code);
}
try {
  zlib.gunzipSync(Buffer.alloc(0));
} catch (e) {
  console.log('empty', e.message, e.code);
}
const bad = zlib.gzipSync('hello');
bad[bad.length - 5] ^= 1;
try {
  zlib.gunzipSync(bad);
} catch (e) {
  console.log('checksum', e.message, e.errno, e.code);
}
console.log('members', zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd')])).toString());

const dictionary = Buffer.from('fox dog quick brown');
const withDict = zlib.deflateSync('quick brown fox and dog', { dictionary });
console.log('dictionary', zlib.inflateSync(withDict, { dictionary }).toString());
try {
  zlib.inflateSync(withDict);
} catch (e) {
  console.log('no dictionary', e.message, e.errno, e.code);
}
try {
  zlib.inflateSync(withDict, { dictionary: Buffer.from('other') });
} catch (e) {
  console.log('bad dictionary', e.message, e.errno, e.code);
}
try {
  zlib.inflateSync(zlib.deflateSync(input), { maxOutputLength: 10 });
} catch (e) {
  console.log('maxOutputLength', e.code, e.name);
}

console.log('crc32', zlib.crc32('hello'), zlib.crc32('world', zlib.crc32('hello ')), zlib.crc32('hello world'),
  zlib.crc32(Buffer.alloc(0)), zlib.crc32(new Uint8Array([1, 2, 3])));
console.log('constants', zlib.constants.Z_SYNC_FLUSH, zlib.constants.BROTLI_PARAM_QUALITY, zlib.Z_BEST_COMPRESSION,
  zlib.codes.Z_DATA_ERROR, zlib.codes['-5'], Object.isFrozen(zlib.constants));

for (const bad of [() => zlib.gzipSync(42), () => zlib.createGzip({ level: 10 }), () => zlib.createGzip({ level: 'x' }),
  () => zlib.createDeflate({ chunkSize: 8 }), () => zlib.createInflate({ dictionary: 'str' }),
  () => zlib.crc32(5), () => zlib.createBrotliCompress({ params: { 999: 1 } }), () => zlib.gzip('x')]) {
  try {
    bad();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
