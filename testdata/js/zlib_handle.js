// The _handle protocol of zlib streams that minizlib (tar, npm) relies on:
// _processChunk without a callback compresses synchronously and closes
// the handle through _handle.close, which a caller may replace to keep
// the stream usable for the next chunk.
const zlib = require('zlib');

const gz = zlib.createGzip();
console.log(typeof gz._handle, typeof gz._handle.close);

function writeChunk(stream, chunk, flag) {
  const handle = stream._handle;
  const close = handle.close;
  handle.close = () => {};
  try {
    // The result may be a view of the stream's output buffer, which the
    // next call reuses: copy it.
    return Buffer.from(stream._processChunk(chunk, flag));
  } finally {
    stream._handle = handle;
    handle.close = close;
  }
}

const parts = [
  writeChunk(gz, Buffer.from('hello '), zlib.constants.Z_NO_FLUSH),
  writeChunk(gz, Buffer.from('world'), zlib.constants.Z_FINISH),
];
const out = Buffer.concat(parts);
console.log(zlib.gunzipSync(out).toString());

// Without the replacement the synchronous call closes the stream.
const d = zlib.createDeflate();
d._processChunk(Buffer.from('x'), zlib.constants.Z_FINISH);
console.log(d._handle === null, d._closed);
