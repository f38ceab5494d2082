'use strict';
// zlib: zstd, params() mid-stream, empty inputs, trailing data and
// backpressure from a paused reader.
const zlib = require('zlib');

const text = Buffer.from('zstandard compression round trip '.repeat(200));
const z = zlib.zstdCompressSync(text);
console.log('zstd', zlib.zstdDecompressSync(z).equals(text), z.subarray(0, 4).toString('hex'));
console.log('zstd checksum', zlib.zstdDecompressSync(zlib.zstdCompressSync('x', {
  params: { [zlib.constants.ZSTD_c_checksumFlag]: 1, [zlib.constants.ZSTD_c_compressionLevel]: 19 },
})).toString());
for (const bad of [Buffer.from('garbage garbage'), z.subarray(0, z.length - 3), Buffer.alloc(0)]) {
  try {
    zlib.zstdDecompressSync(bad);
  } catch (e) {
    console.log('zstd error', e.message, e.errno, e.code);
  }
}
try {
  zlib.createZstdCompress({ params: { 999: 1 } });
} catch (e) {
  console.log(e.code, e.message);
}
try {
  zlib.zstdCompressSync('abc', { pledgedSrcSize: 2 });
} catch (e) {
  console.log(e.code, e.message);
}

console.log('empty gzip', zlib.gzipSync('').toString('hex'));
console.log('empty deflate', zlib.deflateSync('').toString('hex'));
console.log('empty raw', zlib.deflateRawSync('').toString('hex'));
console.log('gzip header', zlib.gzipSync('a', { level: 9 }).subarray(0, 10).toString('hex'));

const trailing = zlib.createInflateRaw();
let got = '';
trailing.on('data', (d) => { got += d; });
const packed = zlib.deflateRawSync('payload');
// (bytesWritten counts the compressed bytes used, not the junk after them.)
// Each asynchronous part starts when the previous one has ended, so that
// the output order does not depend on which background job finishes first.
trailing.on('end', () => {
  console.log('ended early', JSON.stringify(got), trailing.bytesWritten === packed.length);
  runParams();
});
trailing.write(Buffer.concat([packed, Buffer.from('trailing junk')]));

function runParams() {
const deflater = zlib.createDeflate({ level: 9 });
const parts = [];
deflater.on('data', (d) => parts.push(d));
deflater.write(Buffer.alloc(1000, 'a'), () => {
  deflater.params(0, zlib.constants.Z_DEFAULT_STRATEGY, () => {
    deflater.end(Buffer.from('stored verbatim'));
  });
});
deflater.on('end', () => {
  const all = Buffer.concat(parts);
  console.log('params', all.includes(Buffer.from('stored verbatim')), zlib.inflateSync(all).length);

  // A paused reader holds decompression back.
  const bomb = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024));
  const gunzip = zlib.createGunzip();
  gunzip.end(bomb);
  setTimeout(() => {
    console.log('buffered while paused <= 128 KiB:', gunzip.readableLength <= 128 * 1024, gunzip.readableLength > 0);
    let total = 0;
    gunzip.on('data', (d) => { total += d.length; });
    gunzip.on('end', () => console.log('total after resume', total));
  }, 50);
});
}
