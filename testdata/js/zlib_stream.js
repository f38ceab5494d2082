'use strict';
// zlib streams: pipes, flush, chunkSize, errors as 'error' events,
// callback forms (run off the loop) and stream/promises pipeline.
const zlib = require('zlib');
const { pipeline, Readable, Writable } = require('stream');

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

(async () => {
  const gz = zlib.createGzip();
  const gunzip = zlib.createGunzip();
  gz.pipe(gunzip);
  const received = [];
  gunzip.on('data', (d) => received.push(String(d)));
  gz.write('first line\n');
  await new Promise((resolve) => gz.flush(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('after flush', JSON.stringify(received.join('')));
  gz.end('second line\n');
  await new Promise((resolve) => gunzip.on('end', resolve));
  console.log('after end', JSON.stringify(received.join('')), gz.bytesWritten);

  const big = Buffer.alloc(100000, 'abcdefghij');
  const deflated = await collect(Readable.from([big.subarray(0, 50000), big.subarray(50000)]).pipe(zlib.createDeflate()));
  const sizes = [];
  const inflate = zlib.createInflate({ chunkSize: 16384 });
  inflate.on('data', (d) => sizes.push(d.length));
  const inflated = await new Promise((resolve) => {
    const parts = [];
    inflate.on('data', (d) => parts.push(d));
    inflate.on('end', () => resolve(Buffer.concat(parts)));
    for (let i = 0; i < deflated.length; i += 7) inflate.write(deflated.subarray(i, i + 7));
    inflate.end();
  });
  console.log('chunked inflate', inflated.equals(big), sizes.every((n) => n <= 16384));

  const brotli = await collect(Readable.from(['brotli ', 'stream ', 'data']).pipe(zlib.createBrotliCompress())
    .pipe(zlib.createBrotliDecompress()));
  console.log('brotli stream', brotli.toString());

  const bad = zlib.createInflate();
  bad.on('error', (e) => console.log('stream error', e.message, e.errno, e.code));
  bad.on('close', () => console.log('stream closed', bad.destroyed));
  bad.end(Buffer.from('definitely not zlib'));
  await new Promise((resolve) => bad.on('close', resolve));

  await new Promise((resolve) => zlib.deflate('callback form', (err, buf) => {
    zlib.inflate(buf, (err2, out) => {
      console.log('callbacks', err, err2, out.toString());
      resolve();
    });
  }));
  await new Promise((resolve) => zlib.gunzip(Buffer.from('nope'), (err) => {
    console.log('callback error', err.message, err.code);
    resolve();
  }));
  await new Promise((resolve) => zlib.brotliCompress('b', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    (err, buf) => {
      console.log('brotli params', err, zlib.brotliDecompressSync(buf).toString());
      resolve();
    }));

  let sunk = '';
  await new Promise((resolve) => pipeline(
    Readable.from(['pipe', 'line']),
    zlib.createGzip(),
    zlib.createUnzip(),
    new Writable({ write(c, e, cb) { sunk += c; cb(); } }),
    (err) => { console.log('pipeline', err, sunk); resolve(); },
  ));
  const g = zlib.createGzip();
  console.log('instances', g instanceof zlib.Gzip, g instanceof require('stream').Transform, typeof g.params,
    typeof g.reset, typeof g.close);
  g.close(() => console.log('closed by close()'));
})();
